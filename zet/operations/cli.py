"""Command-line tasks: ``python -m zet --help``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zet.config import ConfigError, load_settings
from zet.content import read_library
from zet.content.advice import content_advice
from zet.errors import StorageError, UserError
from zet.operations import retention
from zet.operations.backup import backup_command


def check_content(args: argparse.Namespace) -> int:
    content_dir = Path(args.content_dir) if args.content_dir else load_settings().content_dir
    library, problems = read_library(content_dir)
    for theme in library.ordered_themes():
        print(theme.summary_line())
    for theme_id, found in sorted(library.broken.items()):
        print(f"{theme_id}: uitgeschakeld, {len(found)} fout(en) in {found[0].file}")
    if library.general is not None and not any(p.file == "algemeen.yaml" for p in problems):
        print("algemeen.yaml: in orde")
    if library.quickscan:
        print(f"quickscan: {len(library.quickscan)} uitspraken bij "
              f"{len(library.quickscan_themes())} thema's")
    for advice in content_advice(library):
        print(f"LET OP {advice}")
    for problem in problems:
        print(f"FOUT {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} fout(en) gevonden in {content_dir}", file=sys.stderr)
        return 1
    return 0


def upgrade_db(_args: argparse.Namespace) -> int:
    from zet.db import make_engine

    settings = load_settings()
    make_engine(settings.database_url)
    print(f"Database bijgewerkt: {_safe_url(settings.database_url)}")
    return 0


def list_sessions(_args: argparse.Namespace) -> int:
    from zet.db import make_engine
    from zet.room.dagdelen import list_dagdelen

    engine = make_engine(load_settings().database_url)
    for dagdeel in list_dagdelen(engine):
        print(f"{dagdeel.id}\t{dagdeel.datum:%Y-%m-%d}\t{dagdeel.status}\t{dagdeel.join_code}\t"
              f"{dagdeel.locatie}")
    return 0


def demo(args: argparse.Namespace) -> int:
    import json

    from zet.content import load_library
    from zet.db import make_engine
    from zet.operations.demo import add_demo, remove_demo
    from zet.operations.demo_history import PARTNERSHIP, add_history, remove_history

    settings = load_settings()
    engine = make_engine(settings.database_url)
    if args.remove:
        removed = remove_history(engine) + remove_demo(engine)
        print(f"{removed} demo-dagdelen verwijderd (met hun deelnemers en antwoorden).")
        return 0
    library = load_library(settings.content_dir)
    if args.history:
        history = add_history(engine, library)
        print(f"Fictieve opleidingsschool aangemaakt: {len(history.locatie_ids)} locaties, "
              f"{len(history.dagdeel_ids)} dagdelen. Bekijk haar op /programma (maak eerst "
              "een account: python -m zet account add NAAM --partnerschap "
              f"\"{PARTNERSHIP}\", of --beheerder).")
        return 0
    paths = add_demo(engine, library)
    if args.json:
        print(json.dumps(paths))
        return 0
    print("Demo aangemaakt (alles heet 'Demo — …'). Open met de app erbij, bijvoorbeeld "
          "http://localhost:8501 gevolgd door:")
    for name, views in paths.items():
        for view, path in views.items():
            print(f"  {name:13} {view:10} {path}")
    print("Verwijderen: python -m zet demo --remove")
    return 0


def _safe_url(url: str) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m zet", description="Taken voor de ZET-app (ZelfEvaluatieTool).")
    sub = parser.add_subparsers(dest="command", metavar="taak")
    check = sub.add_parser("check-content", help="controleer de thema's in content/")
    check.add_argument("--content-dir", help="andere map dan content/ (of ZET_CONTENT_DIR)")
    check.set_defaults(func=check_content)
    sub.add_parser("upgrade-db", help="maak of werk het databaseschema bij") \
        .set_defaults(func=upgrade_db)
    sub.add_parser("list", help="toon alle dagdelen in de database") \
        .set_defaults(func=list_sessions)
    demo_parser = sub.add_parser("demo", help="vul de database met een fictief demo-dagdeel")
    demo_parser.add_argument("--json", action="store_true", help="paden als JSON")
    demo_parser.add_argument("--remove", action="store_true", help="verwijder alle demo-data")
    demo_parser.add_argument("--history", action="store_true",
                             help="een fictieve opleidingsschool met 4 locaties en 3 jaar "
                                  "dagdelen, voor de pagina van de programmamanager")
    demo_parser.set_defaults(func=demo)
    retention.add_commands(sub)  # purge, delete-dagdeel
    backup = sub.add_parser("backup", help="maak een gecontroleerde kopie van de database, "
                                           "ook terwijl de app draait")
    backup.add_argument("file", help="het nieuwe bestand, bijv. zet-backup-2026-11-30.db")
    backup.set_defaults(func=backup_command)
    from zet.operations import cli_programme
    cli_programme.add_account_parser(sub)
    cli_programme.add_report_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except (StorageError, ConfigError, UserError) as error:  # a message, not a traceback
        print(f"FOUT {error}", file=sys.stderr)
        return 1
