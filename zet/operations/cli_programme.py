"""Command-line tasks for programme managers and administrators: ``python -m zet account …``
and ``python -m zet report --out FILE.pdf (--partnerschap NAAM | --all)``. The command line
is the operator of the server (``Viewer.server()``), yet a report always names its scope.
``zet.operations.cli`` only adds their subparsers."""
from __future__ import annotations

import argparse
import getpass
import re
import sys
from pathlib import Path

from zet.config import load_settings
from zet.errors import UserError
from zet.programme.tenancy import Viewer

OPERATOR = Viewer.server()


def add_account_parser(sub) -> None:
    account = sub.add_parser("account", help="accounts van programmamanagers en beheerders")
    tasks = account.add_subparsers(dest="account_task", metavar="actie", required=True)
    add = tasks.add_parser("add", help="maak een account; het wachtwoord komt van een "
                                       "prompt of van stdin")
    add.add_argument("naam")
    add.add_argument("--partnerschap", "--partnership", action="append", default=[],
                     metavar="NAAM", help="opleidingsschool die het account ziet (mag vaker)")
    add.add_argument("--beheerder", "--admin", action="store_true",
                     help="beheerder van de server: ziet alles en beheert accounts")
    add.set_defaults(func=account_add)
    tasks.add_parser("list", help="toon alle accounts met hun opleidingsscholen") \
        .set_defaults(func=account_list)
    for name, func, what in (("grant", account_grant, "geef het account een opleidingsschool"),
                             ("revoke", account_revoke, "neem een opleidingsschool af")):
        task = tasks.add_parser(name, help=what)
        task.add_argument("naam")
        task.add_argument("partnerschap", metavar="opleidingsschool")
        task.set_defaults(func=func)
    admin = tasks.add_parser("admin", help="maak een account beheerder (of niet meer: --uit)")
    admin.add_argument("naam")
    admin.add_argument("--uit", action="store_true", help="geen beheerder meer")
    admin.set_defaults(func=account_admin)
    password = tasks.add_parser("password", help="stel een nieuw wachtwoord in (prompt of "
                                                 "stdin); het account wordt overal uitgelogd")
    password.add_argument("naam")
    password.set_defaults(func=account_password)
    remove = tasks.add_parser("remove", help="verwijder een account")
    remove.add_argument("naam")
    remove.set_defaults(func=account_remove)


def add_report_parser(sub) -> None:
    report = sub.add_parser("report", help="verslag van een opleidingsschool per waarborg "
                                           "(PDF, en Excel ernaast)")
    report.add_argument("--out", required=True, help="het PDF-bestand")
    report.add_argument("--jaar", type=int, help="alleen dit jaar (bijv. 2026)")
    report.add_argument("--locatie", help="alleen deze locatie (naam)")
    which = report.add_mutually_exclusive_group()  # one is needed: checked, in Dutch
    which.add_argument("--partnerschap", "--partnership", help="naam van de opleidingsschool")
    which.add_argument("--all", "--alle", action="store_true", dest="all",
                       help="elke opleidingsschool een eigen verslag (naam achter het "
                            "bestand), of met --locatie die van die locatie")
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
    from zet.programme.account_admin import add_account
    from zet.programme.locaties import partnership_named

    engine = _engine()
    ids = [partnership_named(engine, OPERATOR, naam).id for naam in args.partnerschap]
    account = add_account(engine, OPERATOR, args.naam, _read_password(),
                          beheerder=args.beheerder, partnerschap_ids=ids)
    print(f"Account gemaakt: {account.naam}")
    return 0


def _describe(info) -> str:
    if info.beheerder:
        return "beheerder (alle opleidingsscholen)"
    return ", ".join(info.partnerschappen) or "nog geen opleidingsschool"


def account_list(_args: argparse.Namespace) -> int:
    from zet.programme.account_admin import list_accounts

    for info in list_accounts(_engine(), OPERATOR):
        print(f"{info.naam}\t{_describe(info)}")
    return 0


def _change_membership(args: argparse.Namespace, add: bool) -> int:
    from zet.programme.account_admin import account_named, set_memberships
    from zet.programme.locaties import partnership_named

    engine = _engine()
    info = account_named(engine, OPERATOR, args.naam)
    partnership = partnership_named(engine, OPERATOR, args.partnerschap)
    ids = set(info.partnerschap_ids)
    ids = ids | {partnership.id} if add else ids - {partnership.id}
    set_memberships(engine, OPERATOR, info.id, ids)
    print(f"{info.naam}: {_describe(account_named(engine, OPERATOR, args.naam))}")
    return 0


def account_grant(args: argparse.Namespace) -> int:
    return _change_membership(args, add=True)


def account_revoke(args: argparse.Namespace) -> int:
    return _change_membership(args, add=False)


def account_admin(args: argparse.Namespace) -> int:
    from zet.programme.account_admin import account_named, set_admin

    engine = _engine()
    info = account_named(engine, OPERATOR, args.naam)
    set_admin(engine, OPERATOR, info.id, not args.uit)
    print(f"{info.naam}: {_describe(account_named(engine, OPERATOR, args.naam))}")
    return 0


def account_password(args: argparse.Namespace) -> int:
    from zet.programme.account_admin import account_named, reset_password

    engine = _engine()
    info = account_named(engine, OPERATOR, args.naam)
    reset_password(engine, OPERATOR, info.id, _read_password())
    print(f"Nieuw wachtwoord ingesteld voor {info.naam}; het account is overal uitgelogd.")
    return 0


def account_remove(args: argparse.Namespace) -> int:
    from zet.programme.account_admin import account_named, remove_account

    engine = _engine()
    info = account_named(engine, OPERATOR, args.naam)
    remove_account(engine, OPERATOR, info.id)
    print(f"Account verwijderd: {info.naam}")
    return 0


def _slug(naam: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", naam).strip("-") or "opleidingsschool"


def partnership_report(args: argparse.Namespace) -> int:
    """One report for the named partnership, or with ``--all`` one per partnership (only
    those that have the ``--locatie`` when it is given), each in its own files."""
    from zet.content import load_library
    from zet.export.partnership_pdf import partnership_report_pdf
    from zet.export.partnership_tables import partnership_xlsx
    from zet.programme.locaties import list_locaties, list_partnerships
    from zet.programme.partnership_report import ReportFilter, build_partnership_report

    if not (args.all or args.partnerschap):
        raise UserError("Zeg van welke opleidingsschool: --partnerschap NAAM, of --all voor "
                        "elke opleidingsschool een eigen verslag.")
    engine = _engine()
    library = load_library(load_settings().content_dir)
    out = Path(args.out)
    if args.all:
        partnerships = list_partnerships(engine, OPERATOR)
        if args.locatie:
            owners = {loc.partnerschap_id for loc in list_locaties(engine, OPERATOR)
                      if loc.naam.casefold() == args.locatie.casefold()}
            partnerships = [p for p in partnerships if p.id in owners]
        if not partnerships:
            raise UserError("Er is geen opleidingsschool" + (
                f" met een locatie '{args.locatie}'." if args.locatie else "."))
        targets = [(p.naam, out.with_name(f"{out.stem}-{_slug(p.naam)}{out.suffix}"))
                   for p in partnerships]
    else:
        targets = [(args.partnerschap, out)]
    for naam, path in targets:
        report = build_partnership_report(engine, library, OPERATOR, ReportFilter(
            jaar=args.jaar, locatie=args.locatie, partnerschap=naam))
        path.write_bytes(partnership_report_pdf(report))
        workbook = path.with_suffix(".xlsx")
        workbook.write_bytes(partnership_xlsx(report))
        print(f"Verslag van {report.partnership.naam} geschreven: {path} (en {workbook})")
    return 0
