"""Tenancy on a real database (SQLite, and PostgreSQL where configured): a server with two
opleidingsscholen and three accounts. For every programme read and export a manager sees
their own school and never the other's; writes on the other's points, actions and locaties
are refused as if they did not exist; only an administrator manages accounts and adds a
school; the command line names its scope."""
from __future__ import annotations

import io

import openpyxl
import pytest
from conftest import FIXTURE_CONTENT, OPERATOR
from pypdf import PdfReader
from tenancy_server import (
    NOORD,
    NOORD_LOCATIE,
    NOORD_MARKERS,
    NOORD_POINTS,
    PASSWORD,
    ZUID,
    ZUID_LOCATIE,
    ZUID_POINTS,
    build_server,
    leaks,
)

from zet.errors import NotFound, UserError
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.dagdeel_tables import dagdeel_xlsx
from zet.export.group_pdf import group_report_pdf
from zet.export.partnership_pdf import partnership_report_pdf
from zet.export.partnership_tables import partnership_xlsx
from zet.operations.cli import main
from zet.programme import account_admin
from zet.programme.accounts import account_for, change_password, log_in
from zet.programme.actions import action_from_point, list_actions, set_done, update_action
from zet.programme.archive import (
    Scope,
    archive,
    group_outcomes,
    werkblad_scores_per_year,
    years,
)
from zet.programme.locaties import (
    add_locatie,
    add_partnership,
    list_locaties,
    list_partnerships,
    move_locatie,
    rename_partnership,
)
from zet.programme.partnership_report import ReportFilter, build_partnership_report
from zet.programme.rode_lijnen import (
    add_label,
    confirmed_points,
    group_points,
    point_groups,
    remove_label,
    rename_group,
    ungroup_point,
)
from zet.programme.tenancy import Viewer
from zet.room.snapshot import archived_dagdeel_snapshot


@pytest.fixture
def server(engine, library):
    return build_server(engine, library)


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return " ".join(str(cell) for sheet in book.worksheets
                    for row in sheet.iter_rows(values_only=True) for cell in row if cell)


def _reads(engine, library, scope: Scope) -> str:
    """Everything the programme reads give for ``scope``, as one text."""
    return repr((group_outcomes(engine, scope), archive(engine, scope), years(engine, scope),
                 werkblad_scores_per_year(engine, library, scope),
                 confirmed_points(engine, scope), point_groups(engine, scope.viewer),
                 list_actions(engine, scope.viewer), list_partnerships(engine, scope.viewer),
                 list_locaties(engine, scope.viewer)))


def test_a_manager_reads_only_their_own_school(engine, library, server):
    mine = _reads(engine, library, Scope(server.noor))
    assert leaks(mine) == []
    assert NOORD_LOCATIE in mine and NOORD_POINTS[0] in mine and "label de poolster" in mine
    theirs = _reads(engine, library, Scope(server.zeger))
    assert leaks(theirs, NOORD_MARKERS) == [] and ZUID_POINTS[1] in theirs
    # Asking for the other school by id gives nothing, not its data.
    assert leaks(_reads(engine, library, Scope(server.noor, partnerschap_id=server.zuid))) == []
    everything = _reads(engine, library, Scope(server.bea))  # the administrator sees both
    assert ZUID_LOCATIE in everything and NOORD_LOCATIE in everything


def test_every_export_of_a_manager_holds_only_their_school(engine, library, server):
    report = build_partnership_report(engine, library, server.noor)
    assert report.partnership.naam == NOORD
    for text in (pdf_text(partnership_report_pdf(report)),
                 xlsx_text(partnership_xlsx(report))):
        assert leaks(text) == [] and NOORD_LOCATIE in text
    with pytest.raises(UserError, match=r"Er zijn: Opleidingsschool Noorderlicht$"):
        build_partnership_report(engine, library, server.noor,
                                 ReportFilter(partnerschap=ZUID))
    with pytest.raises(UserError, match="hoort niet bij"):
        build_partnership_report(engine, library, server.noor,
                                 ReportFilter(locatie=ZUID_LOCATIE))
    with pytest.raises(UserError, match="Kies een opleidingsschool"):
        build_partnership_report(engine, library, server.bea)  # two schools: say which
    for entry in archive(engine, Scope(server.noor)):
        dagdeel = archived_dagdeel_snapshot(engine, library, server.noor, entry.dagdeel_id)
        texts = [pdf_text(dagdeel_report_pdf(dagdeel, include_names=True)),
                 xlsx_text(dagdeel_xlsx(dagdeel, include_names=True)),
                 *(pdf_text(group_report_pdf(g, include_names=True)) for g in dagdeel.groups)]
        assert all(leaks(t) == [] and NOORD_LOCATIE in t for t in texts)
    for entry in archive(engine, Scope(server.zeger)):
        with pytest.raises(NotFound):
            archived_dagdeel_snapshot(engine, library, server.noor, entry.dagdeel_id)


def test_writes_on_the_other_school_are_refused(engine, server):
    zuid_points = confirmed_points(engine, Scope(server.zeger))
    zuid_action = list_actions(engine, server.zeger)[0]
    [zuid_group] = point_groups(engine, server.zeger)
    own = confirmed_points(engine, Scope(server.noor))
    attempts = [
        lambda: group_points(engine, server.noor, [zuid_points[0].id], "Van mij"),
        lambda: group_points(engine, server.noor, [own[0].id], "x", zuid_group.id),
        lambda: ungroup_point(engine, server.noor, zuid_points[0].id),
        lambda: rename_group(engine, server.noor, zuid_group.id, "Van mij"),
        lambda: add_label(engine, server.noor, zuid_points[0].id, "gezien"),
        lambda: remove_label(engine, server.noor, zuid_points[0].id, "label de zonnewijzer"),
        lambda: action_from_point(engine, server.noor, next(
            p.id for p in zuid_points if p.kind == "ontwikkel" and p.jaar == 2026)),
        lambda: set_done(engine, server.noor, zuid_action.id),
        lambda: update_action(engine, server.noor, zuid_action.id, tevreden="x",
                              verantwoordelijk="", aanpak="", tijdpad=""),
        lambda: add_locatie(engine, server.noor, server.zuid, "Nieuw"),
        lambda: rename_partnership(engine, server.noor, server.zuid, "Van mij"),
        lambda: move_locatie(engine, server.noor, zuid_points[0].locatie_id, server.noord),
        lambda: add_partnership(engine, server.noor, "Nog een school"),
    ]
    for attempt in attempts:
        with pytest.raises(UserError):
            attempt()
    after = repr((confirmed_points(engine, Scope(server.zeger)),
                  list_actions(engine, server.zeger), point_groups(engine, server.zeger),
                  list_partnerships(engine, server.bea)))
    assert "Van mij" not in after and "gezien" not in after
    assert "status='afgerond'" not in after and "tevreden='x'" not in after
    assert "label de zonnewijzer" in after
    with pytest.raises(UserError, match="één opleidingsschool"):  # not even an administrator
        group_points(engine, server.bea, [zuid_points[0].id, own[0].id], "Mengsel")


def test_only_an_administrator_manages_accounts(engine, server):
    for attempt in (lambda: account_admin.list_accounts(engine, server.noor),
                    lambda: account_admin.add_account(engine, server.noor, "Nieuw", PASSWORD),
                    lambda: account_admin.set_memberships(engine, server.noor,
                                                          server.noor.account_id,
                                                          [server.zuid]),
                    lambda: account_admin.set_admin(engine, server.noor,
                                                    server.noor.account_id, True)):
        with pytest.raises(UserError, match="alleen een beheerder"):
            attempt()
    made = account_admin.add_account(engine, server.bea, "Mira", PASSWORD,
                                     partnerschap_ids=[server.noord, server.zuid])
    infos = {a.naam: a for a in account_admin.list_accounts(engine, server.bea)}
    assert infos["Mira"].partnerschappen == (NOORD, ZUID) and not infos["Mira"].beheerder
    assert infos["Bea"].beheerder
    account_admin.set_memberships(engine, server.bea, made.id, [server.zuid])
    token = log_in(engine, "Mira", PASSWORD)
    assert account_for(engine, token) is not None
    account_admin.reset_password(engine, server.bea, made.id, "nog een lang wachtwoord")
    assert account_for(engine, token) is None  # logged out everywhere
    with pytest.raises(UserError, match="jezelf geen beheerder af"):
        account_admin.set_admin(engine, server.bea, server.bea.account_id, False)
    with pytest.raises(UserError, match="eigen account"):
        account_admin.remove_account(engine, server.bea, server.bea.account_id)
    account_admin.remove_account(engine, server.bea, made.id)
    assert "Mira" not in {a.naam for a in account_admin.list_accounts(engine, server.bea)}


def test_a_manager_changes_their_own_password(engine, server):
    token = log_in(engine, "Noor", PASSWORD)
    other = log_in(engine, "Noor", PASSWORD)
    with pytest.raises(UserError, match="huidige wachtwoord klopt niet"):
        change_password(engine, token, "fout", "nieuw en lang genoeg", "nieuw en lang genoeg")
    with pytest.raises(UserError, match="niet gelijk"):
        change_password(engine, token, PASSWORD, "nieuw en lang genoeg", "anders")
    with pytest.raises(UserError, match="minstens 10 tekens"):
        change_password(engine, token, PASSWORD, "kort", "kort")
    change_password(engine, token, PASSWORD, "nieuw en lang genoeg", "nieuw en lang genoeg")
    assert account_for(engine, token) is not None  # this session stays
    assert account_for(engine, other) is None      # every other one ends
    assert log_in(engine, "Noor", "nieuw en lang genoeg")


def test_a_manager_without_a_school_sees_nothing(engine, library, server):
    lonely = Viewer("Nieuw", frozenset(), account_id=999)
    assert leaks(_reads(engine, library, Scope(lonely)), ("noorderlicht", "zuiderzon",
                                                          "poolster", "zonnewijzer")) == []
    with pytest.raises(UserError, match="hoort nog bij geen opleidingsschool"):
        build_partnership_report(engine, library, lonely)


def test_the_command_line_needs_a_scope_and_manages_accounts(engine, library, server,
                                                            tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZET_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("ZET_CONTENT_DIR", str(FIXTURE_CONTENT))
    out = tmp_path / "verslag.pdf"
    assert main(["report", "--out", str(out)]) == 1
    assert "--partnerschap NAAM, of --all" in capsys.readouterr().err
    assert not out.exists()
    assert main(["report", "--out", str(out), "--partnerschap", "opleidingsschool zuiderzon"]) == 0
    text = pdf_text(out.read_bytes()) + xlsx_text(out.with_suffix(".xlsx").read_bytes())
    assert leaks(text, NOORD_MARKERS) == [] and ZUID_LOCATIE in text
    assert main(["report", "--out", str(out), "--all"]) == 0
    capsys.readouterr()
    written = {p.name: pdf_text(p.read_bytes()) for p in tmp_path.glob("verslag-*.pdf")}
    assert set(written) == {"verslag-Opleidingsschool-Noorderlicht.pdf",
                            "verslag-Opleidingsschool-Zuiderzon.pdf"}
    assert leaks(written["verslag-Opleidingsschool-Noorderlicht.pdf"]) == []

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["account", "add", "Mira", "--partnerschap", NOORD]) == 0
    assert main(["account", "grant", "Mira", ZUID]) == 0
    assert main(["account", "revoke", "mira", NOORD]) == 0
    assert main(["account", "admin", "Zeger"]) == 0
    capsys.readouterr()
    assert main(["account", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Bea\tbeheerder (alle opleidingsscholen)", f"Mira\t{ZUID}", f"Noor\t{NOORD}",
        "Zeger\tbeheerder (alle opleidingsscholen)"]
    assert main(["account", "grant", "Mira", "Nergens"]) == 1
    assert "geen opleidingsschool 'Nergens'" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("een ander lang wachtwoord\n"))
    assert main(["account", "password", "Mira"]) == 0
    assert main(["account", "remove", "Mira"]) == 0
    assert "Mira" not in {a.naam for a in account_admin.list_accounts(engine, OPERATOR)}
