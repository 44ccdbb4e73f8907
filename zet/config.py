"""Settings read from the environment, with the embedded defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "session_data"
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "content"


@dataclass(frozen=True)
class Settings:
    database_url: str
    public_url: str | None
    content_dir: Path


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read ``ZET_DATABASE_URL``, ``ZET_PUBLIC_URL`` and ``ZET_CONTENT_DIR``."""
    env = os.environ if env is None else env
    database_url = env.get("ZET_DATABASE_URL", "").strip()
    if not database_url:
        DEFAULT_DATA_DIR.mkdir(exist_ok=True)
        database_url = f"sqlite:///{DEFAULT_DATA_DIR / 'zet.db'}"
    public_url = env.get("ZET_PUBLIC_URL", "").strip().rstrip("/") or None
    content_dir = Path(env.get("ZET_CONTENT_DIR", "").strip() or DEFAULT_CONTENT_DIR)
    return Settings(database_url=database_url, public_url=public_url, content_dir=content_dir)
