"""Settings read from the environment, with the embedded defaults."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "session_data"
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "content"

CREATION_OPEN = "open"    # anyone who reaches the start page may create a dagdeel
CREATION_LOGIN = "login"  # only an organiser who logged in


class ConfigError(ValueError):
    """A setting in the environment that the app cannot work with; names the variable."""


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one dagdeel (and one stranger) from filling the database.

    ``close_after_days``: a dagdeel closes this many days after its date (1: the day after).
    ``retention_days``: raw answers, points, placements and participants are removed this
    many days after the date; the groups' outcome and counts stay."""
    close_after_days: int = 1
    max_participants: int = 600    # per dagdeel: a plenary of a large partnership fits
    max_points: int = 30           # per participant per theme group
    retention_days: int = 30


_LIMIT_VARIABLES = {  # variable: (field, lowest value that makes sense)
    "ZET_SLUIT_NA_DAGEN": ("close_after_days", 1),
    "ZET_MAX_DEELNEMERS": ("max_participants", 1),
    "ZET_MAX_PUNTEN": ("max_points", 1),
    "ZET_BEWAARTERMIJN_DAGEN": ("retention_days", 1),
}


@dataclass(frozen=True)
class Settings:
    database_url: str
    public_url: str | None
    content_dir: Path
    limits: Limits = field(default_factory=Limits)
    creation: str = CREATION_OPEN  # CREATION_OPEN or CREATION_LOGIN
    organiser_password: str | None = field(default=None, repr=False)  # never printed


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def load_limits(env: Mapping[str, str] | None = None) -> Limits:
    """The limits from ``ZET_SLUIT_NA_DAGEN``, ``ZET_MAX_DEELNEMERS``, ``ZET_MAX_PUNTEN`` and
    ``ZET_BEWAARTERMIJN_DAGEN``; cheap, so domain functions read it when not given one."""
    env = _env(env)
    values = {}
    for variable, (name, lowest) in _LIMIT_VARIABLES.items():
        raw = env.get(variable, "").strip()
        if not raw:
            continue
        try:
            number = int(raw)
        except ValueError:
            raise ConfigError(f"{variable} moet een geheel getal zijn, niet '{raw}'.") from None
        if number < lowest:
            raise ConfigError(f"{variable} moet minstens {lowest} zijn, niet {number}.")
        values[name] = number
    return Limits(**values)


def _creation(env: Mapping[str, str], public_url: str | None) -> str:
    raw = env.get("ZET_AANMAKEN", "").strip().lower()
    if raw not in ("", CREATION_OPEN, CREATION_LOGIN):
        raise ConfigError(f"ZET_AANMAKEN moet '{CREATION_OPEN}' of '{CREATION_LOGIN}' zijn, "
                          f"niet '{raw}'.")
    if public_url and raw == CREATION_OPEN:
        raise ConfigError("ZET_AANMAKEN=open kan niet samen met ZET_PUBLIC_URL: een app die "
                          "van buiten bereikbaar is, laat alleen een ingelogde organisator "
                          "dagdelen aanmaken.")
    if public_url:
        return CREATION_LOGIN
    return raw or CREATION_OPEN


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read ``ZET_DATABASE_URL``, ``ZET_PUBLIC_URL``, ``ZET_CONTENT_DIR``, the limits (see
    ``load_limits``), ``ZET_AANMAKEN`` and ``ZET_ORGANISATOR_WACHTWOORD``."""
    return _settings(_env(env))


def _settings(env: Mapping[str, str]) -> Settings:
    database_url = env.get("ZET_DATABASE_URL", "").strip()
    if not database_url:
        DEFAULT_DATA_DIR.mkdir(exist_ok=True)
        database_url = f"sqlite:///{DEFAULT_DATA_DIR / 'zet.db'}"
    public_url = env.get("ZET_PUBLIC_URL", "").strip().rstrip("/") or None
    content_dir = Path(env.get("ZET_CONTENT_DIR", "").strip() or DEFAULT_CONTENT_DIR)
    password = env.get("ZET_ORGANISATOR_WACHTWOORD", "")
    # here: accounts loads argon2, settings stay light
    from zet.programme.accounts import MIN_PASSWORD

    if password.strip() and len(password) < MIN_PASSWORD:
        raise ConfigError(f"ZET_ORGANISATOR_WACHTWOORD is te kort: kies minstens {MIN_PASSWORD} "
                          "tekens, net als voor een account (een zin onthoud je makkelijk).")
    return Settings(database_url=database_url, public_url=public_url, content_dir=content_dir,
                    limits=load_limits(env), creation=_creation(env, public_url),
                    organiser_password=password if password.strip() else None)
