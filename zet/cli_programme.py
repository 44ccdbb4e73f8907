"""Command-line tasks for programme managers: ``python -m zet account add NAME`` and
``python -m zet report --out FILE.pdf``. ``zet.cli`` only adds their subparsers."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from zet.config import load_settings
from zet.errors import UserError


def add_account_parser(sub) -> None:
    account = sub.add_parser("account", help="accounts van programmamanagers")
    tasks = account.add_subparsers(dest="account_task", metavar="actie", required=True)
    add = tasks.add_parser("add", help="maak een account; het wachtwoord komt van een "
                                       "prompt of van stdin")
    add.add_argument("naam")
    add.set_defaults(func=account_add)
    tasks.add_parser("list", help="toon alle accounts").set_defaults(func=account_list)


def add_report_parser(sub) -> None:
    report = sub.add_parser("report", help="verslag van de opleidingsschool per waarborg "
                                           "(PDF, en Excel ernaast)")
    report.add_argument("--out", required=True, help="het PDF-bestand")
    report.add_argument("--jaar", type=int, help="alleen dit jaar (bijv. 2026)")
    report.add_argument("--locatie", help="alleen deze locatie (naam)")
    report.add_argument("--partnerschap", help="naam van de opleidingsschool (als er "
                                               "meer dan één is)")
    report.set_defaults(func=partnership_report)


def _engine():
    from zet.db import make_engine

    return make_engine(load_settings().database_url)


def _read_password(stdin=None) -> str:
    stdin = stdin or sys.stdin
    if stdin.isatty():
        first = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != first:
            raise UserError("De twee wachtwoorden zijn niet gelijk.")
        return first
    return stdin.readline().rstrip("\r\n")


def account_add(args: argparse.Namespace) -> int:
    from zet.accounts import add_account

    try:
        account = add_account(_engine(), args.naam, _read_password())
    except UserError as error:
        print(f"FOUT {error}", file=sys.stderr)
        return 1
    print(f"Account gemaakt: {account.naam}")
    return 0


def account_list(_args: argparse.Namespace) -> int:
    from zet.accounts import list_accounts

    for account in list_accounts(_engine()):
        print(account.naam)
    return 0


def partnership_report(args: argparse.Namespace) -> int:
    from zet.content import load_library
    from zet.export.partnership_pdf import partnership_report_pdf
    from zet.export.partnership_tables import partnership_xlsx
    from zet.partnership_report import ReportFilter, build_partnership_report

    engine = _engine()
    library = load_library(load_settings().content_dir)
    try:
        report = build_partnership_report(engine, library, ReportFilter(
            jaar=args.jaar, locatie=args.locatie, partnerschap=args.partnerschap))
    except UserError as error:
        print(f"FOUT {error}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.write_bytes(partnership_report_pdf(report))
    workbook = out.with_suffix(".xlsx")
    workbook.write_bytes(partnership_xlsx(report))
    print(f"Verslag geschreven: {out} (en {workbook})")
    return 0
