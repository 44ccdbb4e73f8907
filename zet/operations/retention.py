"""Keeping personal data no longer than needed (AVG): the purge, deleting a dagdeel, and
the daily run.

``purge`` removes, for every dagdeel whose date lies ``ZET_BEWAARTERMIJN_DAGEN`` or more
days back: the raw werkblad answers (and drafts), the raw contributions (bijdragen), the
scenario placements, the notulist's notes, the participant rows and their seats at the
tables. It keeps what
the groups agreed — the sterke punten and ontwikkelpunten list, the group's scenario now
and desired with its argument, who reports back, the revealed cards — and how many
people of each role took part, per group and per dagdeel, with per group how many placed
the school on each scenario, answered the werkblad and sent points (``zet.room.kept``).
The dagdeel's quickscan goes by the same date: its respondents and their ratings are removed,
its results (aggregates per role group of at least three, ``zet.programme.quickscan_results``) stay.
``delete_dagdeel`` removes one dagdeel with everything in it, also the actions made from
its ontwikkelpunten (with their ZEK answers) and the rode lijnen left without points. The
daily run also deletes failed logins older than their window (``zet.programme.login_limits``).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from dataclasses import dataclass, fields
from datetime import date, timedelta

from sqlalchemy import Connection, Engine, delete, func, select, update

from zet.clock import now
from zet.clock import today as local_today
from zet.config import load_limits
from zet.content.model import Library
from zet.db import reading, writing
from zet.db.schema import (
    acties,
    antwoorden,
    bijdragen,
    concepten,
    dagdelen,
    deelnemers,
    groepen,
    groepsleden,
    kaarten_getoond,
    notities,
    onderhoud,
    punt_labels,
    punten,
    puntgroep_leden,
    quickscan_antwoorden,
    quickscan_respondenten,
    quickscans,
    rondes,
    scenario_plaatsingen,
)
from zet.programme.login_limits import forget_old_attempts
from zet.programme.quickscan_results import summarise
from zet.programme.rode_lijnen import drop_empty_groups
from zet.roles import role_sort_key
from zet.room.dagdelen import close_expired, get_dagdeel
from zet.room.kept import SCENARIOS, KeptCounts
from zet.room.quickscan import ratings_in
from zet.room.states import Status
from zet.room.versions import ROOM, bump, quiet

PURGE_TASK = "purge"
log = logging.getLogger("zet")


@dataclass
class Removed:
    """How many rows of each kind a purge removed (or would remove)."""
    answers: int = 0
    contributions: int = 0
    placements: int = 0
    participants: int = 0
    seats: int = 0
    notes: int = 0
    actions: int = 0       # only when a whole dagdeel is deleted
    point_groups: int = 0  # rode lijnen left empty by deleting a dagdeel
    respondents: int = 0  # of quickscans, with their ratings

    def add(self, other: Removed) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def summary(self) -> str:
        text = (f"{self.answers} antwoorden, {self.contributions} ingestuurde punten, "
                f"{self.placements} scenarioplaatsingen, {self.participants} deelnemers, "
                f"{self.seats} tafelplaatsen, {self.notes} notities, "
                f"{self.respondents} ingevulde quickscans")
        if self.actions:
            text += f", {self.actions} acties"
        if self.point_groups:
            text += f", {self.point_groups} lege rode lijnen"
        return text


@dataclass
class PurgeReport:
    dagdeel_ids: list[int]
    removed: Removed


def _count(conn: Connection, table, *where) -> int:
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def _group_ids(conn: Connection, dagdeel_id: int) -> list[int]:
    return list(conn.execute(select(groepen.c.id).where(groepen.c.dagdeel_id == dagdeel_id))
                .scalars())


def _personal(conn: Connection, dagdeel_id: int) -> Removed:
    """What of a dagdeel is personal data: the rows a purge removes."""
    group_ids = _group_ids(conn, dagdeel_id)
    in_groups = (lambda table: table.c.groep_id.in_(group_ids))  # noqa: E731
    return Removed(
        answers=_count(conn, antwoorden, in_groups(antwoorden)),
        contributions=_count(conn, bijdragen, in_groups(bijdragen)),
        placements=_count(conn, scenario_plaatsingen, in_groups(scenario_plaatsingen)),
        participants=_count(conn, deelnemers, deelnemers.c.dagdeel_id == dagdeel_id),
        seats=_count(conn, groepsleden, in_groups(groepsleden)),
        notes=_count(conn, notities, in_groups(notities)),
    )


def _role_json(roles: list[str]) -> str:
    counts = Counter(roles)
    ordered = sorted(counts.items(), key=lambda item: role_sort_key(item[0]))
    return json.dumps(dict(ordered), ensure_ascii=False)


def _kept_counts(conn: Connection, group_id: int) -> KeptCounts:
    """The counts of one group that its reports still show after the purge."""
    placements = conn.execute(select(scenario_plaatsingen.c.nu, scenario_plaatsingen.c.gewenst)
                              .where(scenario_plaatsingen.c.groep_id == group_id)).all()

    def per_scenario(values: list[int | None]) -> tuple[int, int, int, int]:
        counts = Counter(values)
        a, b, c, d = (counts[n] for n in SCENARIOS)
        return a, b, c, d

    answered = conn.execute(select(func.count(func.distinct(antwoorden.c.deelnemer_id)))
                            .where(antwoorden.c.groep_id == group_id,
                                   antwoorden.c.value.is_not(None))).scalar_one()
    return KeptCounts(
        nu=per_scenario([p.nu for p in placements]),
        gewenst=per_scenario([p.gewenst for p in placements]),
        placed=sum(1 for p in placements if p.nu is not None or p.gewenst is not None),
        answered=answered,
        contributions=_count(conn, bijdragen, bijdragen.c.groep_id == group_id))


def _keep_counts(conn: Connection, dagdeel_id: int, group_ids: list[int]) -> None:
    """Before the participants go: members per role of each group and of the dagdeel, and
    the group's other counts (``zet.room.kept``)."""
    for group_id in group_ids:
        roles = conn.execute(select(deelnemers.c.role).join(
            groepsleden, groepsleden.c.deelnemer_id == deelnemers.c.id)
            .where(groepsleden.c.groep_id == group_id)).scalars().all()
        conn.execute(update(groepen).where(groepen.c.id == group_id)
                     .values(rolaantallen=_role_json(list(roles)),
                             bewaard=_kept_counts(conn, group_id).to_json()))
    roles = conn.execute(select(deelnemers.c.role)
                         .where(deelnemers.c.dagdeel_id == dagdeel_id)).scalars().all()
    conn.execute(update(dagdelen).where(dagdelen.c.id == dagdeel_id)
                 .values(rolaantallen=_role_json(list(roles))))


def _purge_one(conn: Connection, dagdeel_id: int) -> None:
    group_ids = _group_ids(conn, dagdeel_id)
    _keep_counts(conn, dagdeel_id, group_ids)
    for table in (antwoorden, concepten, bijdragen, scenario_plaatsingen, groepsleden,
                  notities):
        conn.execute(delete(table).where(table.c.groep_id.in_(group_ids)))
    # The list stays; its links to the removed raw contributions go.
    conn.execute(update(punten).where(punten.c.groep_id.in_(group_ids)).values(bron_ids="[]"))
    conn.execute(delete(deelnemers).where(deelnemers.c.dagdeel_id == dagdeel_id))
    conn.execute(update(dagdelen).where(dagdelen.c.id == dagdeel_id).values(
        status=Status.GESLOTEN.value, purged_at=now(),
        closed_at=func.coalesce(dagdelen.c.closed_at, now())))


def _respondents(conn: Connection, quickscan_ids: list[int]) -> list[int]:
    return list(conn.execute(select(quickscan_respondenten.c.id).where(
        quickscan_respondenten.c.quickscan_id.in_(quickscan_ids))).scalars())


def _drop_respondents(conn: Connection, quickscan_ids: list[int]) -> int:
    ids = _respondents(conn, quickscan_ids)
    conn.execute(delete(quickscan_antwoorden).where(quickscan_antwoorden.c.respondent_id.in_(ids)))
    conn.execute(delete(quickscan_respondenten).where(quickscan_respondenten.c.id.in_(ids)))
    return len(ids)


def _purge_quickscan(conn: Connection, quickscan_id: int, library: Library) -> int:
    """Keep the results, remove who filled in what; returns how many respondents went."""
    themes = json.loads(conn.execute(select(quickscans.c.themas)
                                     .where(quickscans.c.id == quickscan_id)).scalar_one())
    results = summarise(ratings_in(conn, quickscan_id), library.quickscan_items(themes),
                        library)
    conn.execute(update(quickscans).where(quickscans.c.id == quickscan_id).values(
        samenvatting=results.to_json(), purged_at=now(), status=Status.GESLOTEN.value,
        closed_at=func.coalesce(quickscans.c.closed_at, now())))
    return _drop_respondents(conn, [quickscan_id])


def quickscans_due(engine: Engine, today: date, retention_days: int) -> list[int]:
    """Quickscans of dagdelen dated ``retention_days`` or more days back, not purged yet."""
    cutoff = today - timedelta(days=retention_days)
    with reading(engine) as conn:
        return list(conn.execute(
            select(quickscans.c.id).join(dagdelen, dagdelen.c.id == quickscans.c.dagdeel_id)
            .where(dagdelen.c.datum <= cutoff, quickscans.c.purged_at.is_(None))
            .order_by(quickscans.c.id)).scalars())


def _library_for_purge() -> Library | None:
    """The content the results are summarised with; None (log) when it cannot be read: the
    quickscans then wait for the next run rather than lose their results."""
    from zet.config import load_settings
    from zet.content import ContentError, load_library

    try:
        return load_library(load_settings().content_dir)
    except (ContentError, OSError):
        log.exception("quickscans not purged: the content could not be loaded")
        return None


def due_for_purge(engine: Engine, today: date, retention_days: int) -> list[int]:
    """Dagdelen whose date lies ``retention_days`` or more days back, not purged yet."""
    cutoff = today - timedelta(days=retention_days)
    with reading(engine) as conn:
        return list(conn.execute(select(dagdelen.c.id).where(
            dagdelen.c.datum <= cutoff, dagdelen.c.purged_at.is_(None))
            .order_by(dagdelen.c.id)).scalars())


def purge(engine: Engine, today: date | None = None, *, retention_days: int | None = None,
          dry_run: bool = False, library: Library | None = None) -> PurgeReport:
    """Remove the personal data of every dagdeel past the retention period (see the module
    docstring); with ``dry_run`` only count what would go. Each dagdeel in its own
    transaction, so a purge interrupted halfway leaves whole dagdelen. Quickscans are
    summarised with ``library`` (by default the configured content)."""
    days = load_limits().retention_days if retention_days is None else retention_days
    ids = due_for_purge(engine, today or local_today(), days)
    total = Removed()
    scans = quickscans_due(engine, today or local_today(), days)
    if scans and dry_run:
        with reading(engine) as conn:
            total.respondents += len(_respondents(conn, scans))
    elif scans and (library := library or _library_for_purge()) is not None:
        for quickscan_id in scans:
            with writing(engine) as conn:
                quiet(conn)  # the results it shows stay the same, read from the summary
                total.respondents += _purge_quickscan(conn, quickscan_id, library)
    for dagdeel_id in ids:
        if dry_run:
            with reading(engine) as conn:
                total.add(_personal(conn, dagdeel_id))
            continue
        with writing(engine) as conn:
            total.add(_personal(conn, dagdeel_id))
            _purge_one(conn, dagdeel_id)
            bump(conn, dagdeel_id, ROOM)  # an open report shows that the raw data went
    return PurgeReport(ids, total)


def delete_dagdeel(engine: Engine, dagdeel_id: int) -> Removed:
    """Remove one dagdeel entirely: its rounds, groups, outcome and everyone's data, the
    actions made from its points and the rode lijnen that had only its points. Raises
    NotFound for an unknown id."""
    get_dagdeel(engine, dagdeel_id)
    with writing(engine) as conn:
        quiet(conn)  # the dagdeel goes: no version left to bump
        removed = _personal(conn, dagdeel_id)
        group_ids = _group_ids(conn, dagdeel_id)
        point_ids = select(punten.c.id).where(punten.c.groep_id.in_(group_ids))
        removed.actions = conn.execute(
            delete(acties).where(acties.c.punt_id.in_(point_ids))).rowcount
        for table in (puntgroep_leden, punt_labels):
            conn.execute(delete(table).where(table.c.punt_id.in_(point_ids)))
        removed.point_groups = drop_empty_groups(conn)
        for table in (antwoorden, concepten, bijdragen, scenario_plaatsingen, groepsleden,
                      notities, punten, kaarten_getoond):
            conn.execute(delete(table).where(table.c.groep_id.in_(group_ids)))
        scans = list(conn.execute(select(quickscans.c.id)
                                  .where(quickscans.c.dagdeel_id == dagdeel_id)).scalars())
        removed.respondents = _drop_respondents(conn, scans)
        conn.execute(delete(quickscans).where(quickscans.c.dagdeel_id == dagdeel_id))
        conn.execute(delete(deelnemers).where(deelnemers.c.dagdeel_id == dagdeel_id))
        conn.execute(delete(groepen).where(groepen.c.dagdeel_id == dagdeel_id))
        conn.execute(delete(rondes).where(rondes.c.dagdeel_id == dagdeel_id))
        conn.execute(delete(dagdelen).where(dagdelen.c.id == dagdeel_id))
    return removed


def _claim_daily_run(engine: Engine, task: str, today: date) -> bool:
    """Record that ``task`` runs today; False when it already ran today (or later). A read
    first, so the common case takes no write lock; the write lock then makes two sessions
    starting at once run it only once."""
    with reading(engine) as conn:
        last = conn.execute(select(onderhoud.c.laatst_op)
                            .where(onderhoud.c.taak == task)).scalar()
    if last is not None and last >= today:
        return False
    with writing(engine) as conn:
        last = conn.execute(select(onderhoud.c.laatst_op)
                            .where(onderhoud.c.taak == task)).scalar()
        if last is not None and last >= today:
            return False
        if last is None:
            conn.execute(onderhoud.insert().values(taak=task, laatst_op=today))
        else:
            conn.execute(update(onderhoud).where(onderhoud.c.taak == task)
                         .values(laatst_op=today))
        return True


_checked_on: dict[str, date] = {}  # database URL -> the day this process last looked


def purge_if_due(engine: Engine, today: date | None = None) -> PurgeReport | None:
    """At most once a day: close dagdelen past their date and purge those past the
    retention period. None when it already ran today. Cheap enough to call on every page
    run (``zet_app.py`` does): after the first look of the day it does not even query."""
    today = today or local_today()
    key = engine.url.render_as_string(hide_password=True)
    if _checked_on.get(key) == today:
        return None
    _checked_on[key] = today  # first: a failing write is tried once a day, not on every run
    claimed = _claim_daily_run(engine, PURGE_TASK, today)
    if not claimed:
        return None
    close_expired(engine, today)
    forget_old_attempts(engine)
    return purge(engine, today)


# --- command line: python -m zet purge / delete-dagdeel ------------------------------------

def _engine():
    from zet.config import load_settings
    from zet.db import make_engine

    return make_engine(load_settings().database_url)


def purge_command(args: argparse.Namespace) -> int:
    engine = _engine()
    days = load_limits().retention_days
    if not args.dry_run:
        close_expired(engine)
        forget_old_attempts(engine)
    report = purge(engine, retention_days=days, dry_run=args.dry_run)
    verb = "Zou verwijderen" if args.dry_run else "Verwijderd"
    print(f"Bewaartermijn: {days} dagen na de datum van het dagdeel.")
    if not report.dagdeel_ids:
        print("Geen dagdelen ouder dan de bewaartermijn; er is niets verwijderd.")
        return 0
    ids = ", ".join(str(i) for i in report.dagdeel_ids)
    print(f"{verb} uit {len(report.dagdeel_ids)} dagdeel/dagdelen ({ids}): "
          f"{report.removed.summary()}.")
    if not args.dry_run:
        print("Bewaard: per groep de bevestigde punten, het scenario met onderbouwing, wie "
              "terugkoppelt, het aantal deelnemers per rol en het aantal plaatsingen per "
              "scenario.")
    return 0


def delete_command(args: argparse.Namespace) -> int:
    from zet.errors import NotFound

    engine = _engine()
    try:
        dagdeel = get_dagdeel(engine, args.id)
    except NotFound as error:
        print(str(error), file=sys.stderr)
        return 1
    if not args.ja:
        answer = input(f"Dagdeel {dagdeel.id} ({dagdeel.locatie}, {dagdeel.datum:%d-%m-%Y}) "
                       "helemaal verwijderen, met de opbrengst? Typ 'ja': ")
        if answer.strip().lower() != "ja":
            print("Niets verwijderd.")
            return 1
    removed = delete_dagdeel(engine, dagdeel.id)
    print(f"Dagdeel {dagdeel.id} verwijderd, met {removed.summary()}.")
    return 0


def add_commands(sub) -> None:
    """The subcommands for ``zet.operations.cli``."""
    purge_parser = sub.add_parser(
        "purge", help="verwijder persoonsgegevens van dagdelen ouder dan de bewaartermijn")
    purge_parser.add_argument("--dry-run", action="store_true",
                              help="toon alleen wat er verwijderd zou worden")
    purge_parser.set_defaults(func=purge_command)
    delete_parser = sub.add_parser("delete-dagdeel", help="verwijder één dagdeel helemaal")
    delete_parser.add_argument("id", type=int, help="het nummer uit 'python -m zet list'")
    delete_parser.add_argument("--ja", action="store_true", help="niet om bevestiging vragen")
    delete_parser.set_defaults(func=delete_command)
