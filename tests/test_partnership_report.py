"""The partnership report on the small history of test_programme_data: its text per
waarborg (pypdf), the Excel workbook (typed cells, openpyxl) and ``python -m zet report``."""
from __future__ import annotations

import io

import openpyxl
import pytest
from conftest import EVERYTHING, FIXTURE_CONTENT, OPERATOR
from pypdf import PdfReader
from test_programme_data import FEEDBACK, FEEDBACK_AGAIN, WELKOM, WELKOM_B, history  # noqa: F401

from zet.errors import UserError
from zet.export.partnership_pdf import partnership_report_pdf
from zet.export.partnership_tables import SHEETS, partnership_xlsx
from zet.operations.cli import main
from zet.programme.actions import action_from_point
from zet.programme.partnership_report import ReportFilter, build_partnership_report
from zet.programme.rode_lijnen import confirmed_points, group_points


def pages(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def section(all_pages: list[str], waarborg: str) -> str:
    """The text of one waarborg's section (its pages up to the next one)."""
    text = " ".join(all_pages)
    start = text.index(f"ZET · waarborg {waarborg}")
    end = text.find("ZET · waarborg", start + 20)
    return text[start:end if end > 0 else None]


@pytest.fixture
def with_action(engine, history):  # noqa: F811
    found = {p.text: p for p in confirmed_points(engine, EVERYTHING)}
    action_from_point(engine, OPERATOR, found[FEEDBACK].id,
                      tevreden="Studenten merken het verschil",
                      verantwoordelijk="De schoolopleider", aanpak="Intervisie per maand",
                      tijdpad="Voor de zomer")
    return history


def test_report_text_per_waarborg(engine, library, with_action):
    report = build_partnership_report(engine, library, OPERATOR)
    text = pages(partnership_report_pdf(report))
    cover = text[0]
    for expected in ("ZET · verslag van de opleidingsschool Proefschool", "Periode 2025–2026",
                     "Locaties De Brug, Het Kompas", "Dagdelen 4", "Themagroepen 4",
                     "De vier waarborgen in één oogopslag"):
        assert expected in cover, expected
    # Tabel 1 of the fixture: both themes relate to Leeromgeving and Lerende leraar only
    leeromgeving = section(text, "2 van 4")
    for expected in (
            "Leeromgeving", "Proefthema — 1 groep", "Tweede proefthema — 3 groepen",
            # latest placements: De Brug 2 -> 3 (2026), Het Kompas 2 -> 4 (2026) and 3 -> 3
            "Tweede proefthema 2 → 3 (2026) 2 → 4 (2026)", "Proefthema – 3 → 3 (2025)",
            # per year, counted: 2025 one group 1 -> 2; 2026 one 2 -> 3 and one 2 -> 4
            "Tweede proefthema 1 → 2 1× 2 → 3 1× 2 → 4",
            f"{WELKOM} (2 locaties: De Brug, Het Kompas; 2025–2026)", f"„{WELKOM_B}”",
            f"{FEEDBACK} (De Brug; 2025–2026)", f"„{FEEDBACK_AGAIN}”",
            "Open acties", "Studenten merken het verschil", "De schoolopleider",
            "Intervisie per maand", "Voor de zomer"):
        assert expected in leeromgeving, expected
    assert "Niet bevestigd" not in leeromgeving  # an unconfirmed list is no rode lijn
    lerende_leraar = section(text, "1 van 4")
    assert f"{WELKOM} (2 locaties" in lerende_leraar
    organisatie = section(text, "3 van 4")
    for expected in ("Nog geen vastgesteld scenario bij deze thema's",
                     "Geen bevestigde sterke punten", "Geen bevestigde ontwikkelpunten",
                     "Geen open acties bij deze waarborg"):
        assert expected in organisatie, expected
    assert "Kwaliteitscultuur" in section(text, "4 van 4")


def test_report_for_one_year_and_one_locatie(engine, library, with_action):
    one_year = build_partnership_report(engine, library, OPERATOR, ReportFilter(jaar=2025))
    text = pages(partnership_report_pdf(one_year))
    assert "Periode 2025" in text[0] and "Dagdelen 2" in text[0]
    leeromgeving = section(text, "2 van 4")
    assert "Tweede proefthema 1 → 2 (2025) –" in leeromgeving  # 2026 not yet known
    assert "minstens twee jaren" in leeromgeving
    assert FEEDBACK_AGAIN not in leeromgeving
    kompas = build_partnership_report(engine, library, OPERATOR, ReportFilter(locatie="het kompas"))
    text = pages(partnership_report_pdf(kompas))
    assert "Locatie Het Kompas" in text[0] and "Dagdelen 2" in text[0]
    assert "De Brug" not in " ".join(text)
    with pytest.raises(UserError, match="hoort niet bij Proefschool"):
        build_partnership_report(engine, library, OPERATOR, ReportFilter(locatie="Nergens"))


def test_workbook_holds_the_underlying_data_typed(engine, library, with_action):
    found = {p.text: p for p in confirmed_points(engine, EVERYTHING)}
    group_points(engine, OPERATOR, [found[WELKOM].id, found[WELKOM_B].id], "Welkom in het team")
    book = openpyxl.load_workbook(io.BytesIO(partnership_xlsx(
        build_partnership_report(engine, library, OPERATOR))))
    assert book.sheetnames == list(SHEETS)

    def rows(name):
        sheet = book[name]
        head = [c.value for c in sheet[1]]
        return [dict(zip(head, row)) for row in sheet.iter_rows(min_row=2)]

    groepen = rows("Groepen")
    assert len(groepen) == 4
    assert all(r["datum"].is_date and r["datum"].number_format == "YYYY-MM-DD" for r in groepen)
    assert sorted(r["nu"].value for r in groepen) == [1, 2, 2, 3]
    assert all(r["nu"].data_type == "n" for r in groepen)
    punten = rows("Punten")
    assert {r["tekst"].value: r["rode lijn (groep)"].value for r in punten}[WELKOM_B] == \
        "Welkom in het team"
    scores = {(r["jaar"].value, r["type"].value): r for r in rows("Werkbladscores")}
    assert scores[(2025, "schaal")]["score"].value == pytest.approx(2.5)
    assert scores[(2026, "koos")]["feitelijk"].value == pytest.approx(2.6)
    lijnen = {r["rode lijn"].value: r["locaties"].value for r in rows("Rode lijnen")}
    assert lijnen["Welkom in het team"] == 2
    [actie] = rows("Acties")
    assert actie["status"].value == "open" and actie["gemaakt op"].is_date


def test_report_from_the_command_line(engine, with_action, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZET_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("ZET_CONTENT_DIR", str(FIXTURE_CONTENT))
    out = tmp_path / "verslag.pdf"
    assert main(["report", "--out", str(out), "--jaar", "2026", "--locatie", "De Brug"]) == 1
    assert "--partnerschap NAAM, of --all" in capsys.readouterr().err  # no unscoped report
    assert main(["report", "--out", str(out), "--jaar", "2026", "--locatie", "De Brug",
                 "--all"]) == 0
    assert "geschreven" in capsys.readouterr().out
    [written] = tmp_path.glob("verslag-*.pdf")
    text = pages(written.read_bytes())
    assert "Periode 2026" in text[0] and "Locatie De Brug" in text[0]
    assert written.with_suffix(".xlsx").exists()
    assert main(["report", "--out", str(out), "--locatie", "Nergens", "--all"]) == 1
    assert "Nergens" in capsys.readouterr().err
