"""Command-line tasks: ``python -m zet --help``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zet.config import load_settings
from zet.content import read_library


def check_content(args: argparse.Namespace) -> int:
    content_dir = Path(args.content_dir) if args.content_dir else load_settings().content_dir
    library, problems = read_library(content_dir)
    for theme in library.ordered_themes():
        print(theme.summary_line())
    if library.general is not None and not any(p.file == "algemeen.yaml" for p in problems):
        print("algemeen.yaml: in orde")
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
    from zet.dagdelen import list_dagdelen
    from zet.db import make_engine

    engine = make_engine(load_settings().database_url)
    for dagdeel in list_dagdelen(engine):
        print(f"{dagdeel.id}\t{dagdeel.datum:%Y-%m-%d}\t{dagdeel.status}\t{dagdeel.join_code}\t"
              f"{dagdeel.locatie}")
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
    from zet import cli_programme
    cli_programme.add_account_parser(sub)
    cli_programme.add_report_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return args.func(args)
