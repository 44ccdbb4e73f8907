"""Exports of a whole dagdeel on a real SQLite database with the real content: the dagdeel
PDF, the Excel workbook, the printable programme and the join card for the tables."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import openpyxl
import pandas as pd
import pytest
from conftest import OPERATOR, REAL_CONTENT
from PIL import Image
from pypdf import PdfReader

from zet.content import Library, load_library
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.dagdeel_tables import SHEETS, dagdeel_frames, dagdeel_xlsx
from zet.export.print_pdf import join_card_pdf, programme_pdf
from zet.programme.locaties import add_partnership
from zet.qr import qr_png
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, rounds, scenarios
from zet.room.dagdelen import GroupPlan, Programme, RoundPlan, create_dagdeel, get_dagdeel
from zet.room.phase import set_plenary
from zet.room.snapshot import DagdeelSnapshot, dagdeel_snapshot
from zet.room.states import Phase
from zet.room.timetable import timetable_items
from zet.steps import Step

PROGRAMME = Programme(opening=("09:00", "09:30"), pauzes=(("10:45", "11:00"),),
                      afsluiting=("12:15", "12:45"))
ROUND_THEMES = [("visie", "coachen-en-feedback", "beoordelen"),
                ("kwaliteitsontwikkeling", "regie-op-leren", "rijke-leeromgeving")]
# Theme order of the handleiding (Tabel 1), not the order of rounds and tables.
THEME_ORDER = [("Visie", "ronde 1, tafel A"), ("Kwaliteitsontwikkeling", "ronde 2, tafel A"),
               ("Rijke leeromgeving", "ronde 2, tafel C"),
               ("Coachen en feedback", "ronde 1, tafel B"), ("Regie op leren", "ronde 2, tafel B"),
               ("Beoordelen", "ronde 1, tafel C")]
LOCATIE = "OSG De Brug ’s-Hertogenbosch"
PARTNERSHIP = "Opleidingsschool Maas en Waal"
LEAD = "Karin Hoofdman"
TITEL = "ZET-dagdeel najaar"
JOIN_URL = "https://zet.voorbeeld.nl/deelnemen?code="
# Initials no export may show; chosen so they occur in no content text.
INITIALS = ["QXJ", "ZWQ", "XQZ", "JQX", "WZX", "QQZ", "XJW", "ZQJ"]
PARTICIPANT_ROLES = [ROLES[0], ROLES[0], ROLES[2], ROLES[2], ROLES[3], ROLES[4], ROLES[7],
                     ROLES[1]]

# theme id -> (sterke punten, ontwikkelpunten, confirm, nu, gewenst, reporter)
OUTCOMES = {
    "visie": (["De visie op Samen Opleiden is in alle teams besproken",
               "Studenten herkennen de visie in de lessen"],
              ["De visie staat vooral op papier",
               "Instituut en school schreven de visie niet samen"],
              True, 2, 3, "Fatima (schoolopleider)"),
    "coachen-en-feedback": (["Werkplekbegeleiders geven <b>vet</b> & eerlijk feedback"],
                            ["=HYPERLINK(\"http://voorbeeld.nl\")",
                             "Feedforward krijgt weinig aandacht"], True, 1, 2,
                            "de werkplekbegeleider"),
    "beoordelen": (["Beoordelaars overleggen vooraf over criteria"],
                   ["Onduidelijk wie het laatste woord heeft"], False, 2, 2, ""),
    "kwaliteitsontwikkeling": (["Evaluaties worden elk jaar samen besproken"],
                               ["Uitkomsten worden zelden benut"], True, 2, 4, "Jan"),
    "regie-op-leren": None,  # answers only: no points, no scenario yet
    "rijke-leeromgeving": (["Studenten doen mee aan teamoverleg en studiedagen"],
                           ["Ruimte om fouten te maken verschilt per sectie"], True, 3, 3,
                           "de student"),
}
ARGUMENT = "We doen al veel samen, maar de ideeën komen nog vooral van één kant."


@dataclass
class Built:
    engine: object
    library: Library
    dagdeel_id: int
    join_code: str
    tokens: list[str]

    def report(self) -> DagdeelSnapshot:
        return dagdeel_snapshot(self.engine, self.library, self.dagdeel_id)


def answer_for(question, i: int):
    if question.type == "tekst":
        return f"Bij de intervisie van week {i + 1} ging het over coöperatie."
    if question.type == "lijst":
        return ["samen", "ideeën", "eigenaarschap"][: 1 + i % 3]
    if question.type == "keuze":
        return question.opties[i % len(question.opties)]
    if question.type == "meerkeuze":
        return list(question.opties[: 1 + i % 2])
    if question.type == "schaal":
        return 1 + i % 5
    if question.type == "koos":
        return {"gewenst": 4, "feitelijk": 1 + i % 4}
    raise AssertionError(question.type)


def run_group(engine, library: Library, table) -> None:
    """One theme group through the steps, as the outcome table above says."""
    gid, theme = table.group_id, library.theme(table.theme_id)
    members = table.members
    for i, person in enumerate(members):
        for question in theme.vragen:
            answers.save_answer(engine, gid, person.id, question, answer_for(question, i))
    outcome = OUTCOMES[table.theme_id]
    if outcome is None:
        return
    strong, develop, confirm, nu, gewenst, reporter = outcome
    groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    groups.set_step(engine, gid, Step.REFLECTIEKAARTEN, expected_current=Step.UITWISSELING)
    groups.reveal_card(engine, gid, theme.kaarten[0].id)
    groups.set_step(engine, gid, Step.PUNTEN, expected_current=Step.REFLECTIEKAARTEN)
    for i, text in enumerate(strong):
        points.contribute(engine, gid, members[i % len(members)].id, "sterk", text)
    for text in develop:
        points.contribute(engine, gid, None, "ontwikkel", text)
    if confirm:
        points.confirm_list(engine, gid)
    groups.set_step(engine, gid, Step.SCENARIO, expected_current=Step.PUNTEN)
    for i, person in enumerate(members):
        scenarios.place(engine, gid, person.id, nu=1 + i % 3, gewenst=2 + i % 3)
    groups.record_group_scenario(engine, gid, nu=nu, gewenst=gewenst, argument=ARGUMENT)
    if reporter:
        groups.set_reporter(engine, gid, reporter)


def build_example(engine, library: Library) -> Built:
    """The handleiding's example dagdeel (3 groups × 2 rounds), 8 participants, played out."""
    plans = [RoundPlan(groups=tuple(GroupPlan(theme, f"Begeleider {label}", label)
                                    for theme, label in zip(themes, "ABC")),
                       start_tijd=start, eind_tijd=end)
             for themes, (start, end) in zip(ROUND_THEMES, [("09:30", "10:45"),
                                                            ("11:00", "12:15")])]
    partnership = add_partnership(engine, OPERATOR, PARTNERSHIP)
    created = create_dagdeel(engine, locatie=LOCATIE, datum=date(2026, 11, 30), titel=TITEL,
                             rounds=plans, programme=PROGRAMME,
                             known_themes=set(library.themes), partnerschap_id=partnership.id,
                             hoofdprocesbegeleider=LEAD)
    dagdeel = created.dagdeel
    people = [participants.join(engine, dagdeel, role=role, initials=initials)
              for role, initials in zip(PARTICIPANT_ROLES, INITIALS)]
    for nummer in (1, 2):
        rounds.propose_round(engine, dagdeel.id, nummer)
        rounds.start_round(engine, dagdeel.id, nummer)
        for table in rounds.rounds_of(engine, dagdeel.id)[nummer - 1].tables:
            run_group(engine, library, table)
    set_plenary(engine, dagdeel.id, Phase.AFSLUITING)
    return Built(engine, library, dagdeel.id, dagdeel.join_code, [p.token for p in people])


@pytest.fixture(scope="module")
def real_library() -> Library:
    return load_library(REAL_CONTENT)


@pytest.fixture
def built(engine, real_library) -> Built:
    return build_example(engine, real_library)


def pages_text(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


# ---------------------------------------------------------------- dagdeel PDF

def test_dagdeel_pdf_has_a_section_per_group_in_theme_order(built: Built):
    data = dagdeel_report_pdf(built.report(), include_names=True)
    assert data.startswith(b"%PDF")
    pages = pages_text(data)
    starts = []
    for number, (titel, where) in enumerate(THEME_ORDER, start=1):
        kicker = f"ZET · themagroep {number} van 6 · {where}"
        # once, with its title; on a new page only when less than 40 % of a page is free
        found = [i for i, page in enumerate(pages) if kicker in page]
        assert len(found) == 1 and " ".join(pages).count(kicker) == 1, kicker
        page = pages[found[0]]
        assert page[page.index(kicker) + len(kicker):].lstrip().startswith(titel), page[:120]
        assert f"Begeleider {where[-1]}" in page[page.index(kicker):]
        starts.append(found[0])
    assert starts == sorted(starts)
    assert starts[0] > 1  # cover and overview come first
    everything = " ".join(pages)
    assert f"Pagina 1 van {len(pages)}" in everything
    assert f"Pagina {len(pages)} van {len(pages)}" in everything
    assert f"ZET — {LOCATIE} — 30 november 2026" in everything


def test_dagdeel_pdf_cover_and_rode_lijnen(built: Built):
    pages = pages_text(dagdeel_report_pdf(built.report(), include_names=True))
    cover, everything = pages[0], " ".join(pages)
    for expected in (TITEL, LOCATIE, "30 november 2026", "2 rondes, 6 themagroepen",
                     "Deelnemers 8", "09:00–09:30 Plenaire opening",
                     "09:30–10:45 Ronde 1 Tafel A · Visie Begeleider A",
                     "Tafel C · Beoordelen Begeleider C", "10:45–11:00 Pauze",
                     "11:00–12:15 Ronde 2 Tafel A · Kwaliteitsontwikkeling Begeleider A",
                     "12:15–12:45 Plenaire afsluiting",
                     "Aanstaande leraar / student 2", "Werkplekbegeleider 2", "Totaal 8"):
        assert expected in cover, expected
    contents = cover[cover.index("Inhoud"):cover.index("Programma, rondes en tafels")]
    positions = [contents.index(f"{titel} — {where}") for titel, where in THEME_ORDER]
    assert positions == sorted(positions)

    overview = next(p for p in pages if p.startswith("ZET · overzicht van het dagdeel"))
    assert "Rode lijnen over de themagroepen" in overview
    rows = [overview.index(f"{titel} {where[6]} · {where[-1]}") for titel, where in THEME_ORDER]
    assert rows == sorted(rows)
    for expected in ("Visie 1 · A 2 → 3 Fatima (schoolopleider) bevestigd",
                     "Coachen en feedback 1 · B 1 → 2 de werkplekbegeleider bevestigd",
                     "Regie op leren 2 · B nog niet vastgesteld nog niet bekend nog geen",
                     "Beoordelen 1 · C 2 → 2 nog niet bekend nog niet bevestigd",
                     "Scenario's: 1. Individuele begeleiding · 2. Commitment Samen Opleiden"):
        assert expected in overview, expected

    rode_lijnen = everything[everything.index("Sterke punten en ontwikkelpunten per thema"):
                             everything.index("ZET · themagroep 1 van 6")]
    for outcome in OUTCOMES.values():
        if outcome is None:
            continue
        for point in outcome[0] + outcome[1]:
            assert point in rode_lijnen, point
    assert "Werkplekbegeleiders geven <b>vet</b> & eerlijk feedback" in rode_lijnen  # escaped
    assert ("Nog niet bevestigd door de groep (ronde 1, tafel C)" in rode_lijnen)
    assert "Sterke punten (niet bevestigd) 1. Beoordelaars overleggen" in rode_lijnen
    assert "Ronde 2, tafel B: nog geen punten vastgelegd" in rode_lijnen
    theme_positions = [rode_lijnen.index(titel + " ") for titel, _where in THEME_ORDER]
    assert theme_positions == sorted(theme_positions)


def test_dagdeel_pdf_group_sections_match_the_group_report(built: Built):
    pages = pages_text(dagdeel_report_pdf(built.report(), include_names=True))
    everything = " ".join(pages)
    section = everything[everything.index("ZET · themagroep 6 van 6"):]
    for expected in ("Beoordelen", "Let op: deze lijst is nog niet bevestigd door de groep",
                     "Beoordelaars overleggen vooraf over criteria", ARGUMENT,
                     "Plaatsing per rol", "Gebruikte reflectiekaarten"):
        assert expected in section, expected
    visie = everything[everything.index("ZET · themagroep 1 van 6"):
                       everything.index("ZET · themagroep 2 van 6")]
    assert "Bevestigd door de groep op" in visie
    assert "Terugkoppeling plenair Fatima (schoolopleider)" in visie
    assert "nog niet bevestigd" not in visie


def test_dagdeel_pdf_shows_roles_never_names_or_tokens(built: Built):
    everything = " ".join(pages_text(dagdeel_report_pdf(built.report())))
    for secret in INITIALS + built.tokens + [built.join_code]:
        assert secret not in everything, secret
    # without include_names: no hoofdprocesbegeleider, procesbegeleiders or reporters
    for name in (LEAD, "Begeleider A", "Begeleider C", "Fatima (schoolopleider)"):
        assert name not in everything, name
    assert "Visie 1 · A 2 → 3 afgesproken bevestigd" in everything
    named = " ".join(pages_text(dagdeel_report_pdf(built.report(), include_names=True)))
    assert f"Hoofdprocesbegeleider {LEAD}" in named


def test_dagdeel_pdf_has_title_partnership_and_werkblad_results(built: Built):
    pages = pages_text(dagdeel_report_pdf(built.report()))
    assert pages[0].startswith(f"ZET · verslag van een dagdeel {TITEL} "
                               f"Opleidingsschool {PARTNERSHIP} Locatie {LOCATIE}")
    everything = " ".join(pages)
    visie = everything[everything.index("ZET · themagroep 1 van 6"):
                       everything.index("ZET · themagroep 2 van 6")]
    assert "Werkblad: wat de deelnemers invulden" in visie
    # Visie's schaal question at table 1A: answers 1 + i % 5 for the members in seat order
    table = next(t for t in built.report().rounds[0].tables if t.theme_id == "visie")
    scores = [1 + i % 5 for i in range(len(table.members))]
    mean = f"{sum(scores) / len(scores):.1f}".replace(".", ",")
    assert f"Alle deelnemers {_counts(scores)} {len(scores)} {mean}" in visie
    # Kwaliteitsontwikkeling keeps a KOOS pair (gewenst and feitelijk): second in theme order
    coaching = everything[everything.index("ZET · themagroep 2 van 6"):
                          everything.index("ZET · themagroep 3 van 6")]
    # KOOS: gewenst 4, feitelijk 1 + i % 4 for each member
    table = next(t for t in built.report().rounds[1].tables
                 if t.theme_id == "kwaliteitsontwikkeling")
    facts = [1 + i % 4 for i in range(len(table.members))]
    gap = 4 - sum(facts) / len(facts)
    assert (f"Alle deelnemers {len(facts)} 4,0 "
            f"{sum(facts) / len(facts):.1f}".replace(".", ",") + " +"
            + f"{gap:.1f}".replace(".", ",")) in coaching


def _counts(scores: list[int]) -> str:
    return " ".join(str(scores.count(n)) if scores.count(n) else "–" for n in range(1, 6))


def test_dagdeel_pdf_outline_points_at_each_section(built: Built):
    reader = PdfReader(io.BytesIO(dagdeel_report_pdf(built.report())))
    titles = [item.title for item in reader.outline]
    assert titles == ["Rode lijnen over de themagroepen",
                      *[f"{titel} — {where}" for titel, where in THEME_ORDER]]
    for number, item in enumerate(reader.outline[1:], start=1):
        page = reader.pages[reader.get_destination_page_number(item)]
        assert f"ZET · themagroep {number} " in " ".join(page.extract_text().split())


def test_dagdeel_pdf_of_a_dagdeel_without_participants(engine, real_library):
    plans = [RoundPlan(groups=(GroupPlan("visie", "Anna", "A"), GroupPlan("beoordelen", "Bo",
                                                                          "B")))]
    created = create_dagdeel(engine, locatie="Leeg", datum=date(2026, 1, 5), rounds=plans)
    report = dagdeel_snapshot(engine, real_library, created.dagdeel.id)
    everything = " ".join(pages_text(dagdeel_report_pdf(report)))
    for expected in ("Er zat nog niemand aan een tafel", "Nog geen deelnemers aangemeld",
                     "Ronde 1, tafel A: nog geen punten vastgelegd", "ZET · themagroep 2 van 2"):
        assert expected in everything, expected
    frames = dagdeel_frames(report)
    assert len(frames["Groepen"]) == 2
    assert all(frames[name].empty for name in ("Indeling", "Werkblad", "Bijdragen", "Punten",
                                               "Scenario"))
    assert list(frames["Punten"].columns[:3]) == ["ronde", "tafel", "thema"]
    book = openpyxl.load_workbook(io.BytesIO(dagdeel_xlsx(report)))
    assert book.sheetnames == list(SHEETS)


# ---------------------------------------------------------------- Excel

def test_xlsx_has_a_sheet_per_kind_of_data(built: Built):
    report = built.report()
    data = dagdeel_xlsx(report, include_names=True)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Dagdeel", "Groepen", "Indeling", "Werkblad", "Bijdragen",
                               "Punten", "Scenario"]
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)

    facts = dict(zip(sheets["Dagdeel"].gegeven, sheets["Dagdeel"].waarde))
    assert facts["locatie"] == LOCATIE
    assert facts["opleidingsschool"] == PARTNERSHIP
    assert facts["hoofdprocesbegeleider"] == LEAD
    assert facts["deelnemers totaal"] == 8
    assert facts["deelnemers: Werkplekbegeleider"] == 2
    assert facts["programma 10:45–11:00"] == "Pauze"
    assert facts["programma 11:00–12:15"].startswith("Ronde 2: tafel A Kwaliteitsontwikkeling")

    groepen = sheets["Groepen"]
    assert list(groepen.thema) == [titel for titel, _where in THEME_ORDER]
    assert list(groepen.columns[:5]) == ["ronde", "tafel", "thema", "domein", "procesbegeleider"]
    visie = groepen.iloc[0]
    assert (visie.nu, visie.gewenst, visie.terugkoppeling) == (2, 3, "Fatima (schoolopleider)")
    assert visie.onderbouwing == ARGUMENT
    assert list(groepen["punten bevestigd"]) == ["ja", "ja", "ja", "ja", "nee", "nee"]
    assert groepen.deelnemers.sum() == 16

    indeling = sheets["Indeling"]
    assert list(indeling.columns) == ["ronde", "tafel", "thema", "rol"]
    assert len(indeling) == 16
    assert indeling.groupby("ronde").size().to_dict() == {1: 8, 2: 8}

    werkblad = sheets["Werkblad"]
    assert list(werkblad.columns[:4]) == ["ronde", "tafel", "thema", "vraag_id"]
    per_theme = werkblad.groupby("thema").size().to_dict()
    assert set(per_theme) == {titel for titel, _where in THEME_ORDER}
    expected_rows = sum(len(t.members) * len(built.library.theme(t.theme_id).vragen)
                        for r in report.rounds for t in r.tables)
    assert len(werkblad) == expected_rows

    punten = sheets["Punten"]
    expected_points = sum(len(o[0]) + len(o[1]) for o in OUTCOMES.values() if o)
    assert len(punten) == expected_points
    beoordelen = punten[punten.thema == "Beoordelen"]
    assert set(beoordelen.bevestigd) == {"nee"}
    assert len(sheets["Bijdragen"]) == expected_points
    scenario = sheets["Scenario"]
    assert len(scenario) == 8 + 8 - 3  # everyone except the regie-op-leren table
    assert scenario.nu.between(1, 4).all()

    cell = next(c for c in book["Punten"]["F"] if c.value == OUTCOMES["coachen-en-feedback"][1][0])
    assert cell.data_type == "s"  # participant text, never a formula
    everything = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)
    for secret in INITIALS + built.tokens:
        assert secret not in everything, secret


def test_xlsx_is_typed_and_names_no_one_by_default(built: Built):
    data = dagdeel_xlsx(built.report())
    book = openpyxl.load_workbook(io.BytesIO(data))
    everything = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)
    for name in (LEAD, "Begeleider A", "Fatima (schoolopleider)"):
        assert name not in everything, name
    assert "procesbegeleider" not in [c.value for c in book["Groepen"][1]]
    werkblad = pd.read_excel(io.BytesIO(data), sheet_name="Werkblad")
    schaal = werkblad[werkblad.type == "schaal"]
    assert schaal.score.between(1, 5).all() and schaal.score.dtype.kind in "if"
    koos = werkblad[werkblad.type == "koos"]
    assert (koos.gewenst == 4).all() and koos.feitelijk.between(1, 4).all()
    facts = {row[0].value: row[1] for row in book["Dagdeel"].iter_rows(min_row=2)}
    assert facts["datum"].is_date and facts["datum"].number_format == "YYYY-MM-DD"


def test_frames_keep_theme_order_and_whole_numbers(built: Built):
    frames = dagdeel_frames(built.report())
    assert list(frames) == list(SHEETS)
    assert frames["Groepen"].nu.dtype == "Int64"
    assert frames["Groepen"].nu.isna().sum() == 1  # regie op leren: not placed yet
    themes = list(dict.fromkeys(frames["Punten"].thema))
    expected = [titel for titel, _where in THEME_ORDER if titel != "Regie op leren"]
    assert themes == expected


# ---------------------------------------------------------------- prints

def test_programme_pdf_lists_the_day_in_order(built: Built):
    dagdeel = get_dagdeel(built.engine, built.dagdeel_id)
    data = programme_pdf(dagdeel, rounds.rounds_of(built.engine, dagdeel.id), built.library)
    pages = pages_text(data)
    assert len(pages) == 1
    page = pages[0]
    order = ["09:00–09:30 Plenaire opening", "09:30–10:45 Ronde 1", "A Visie Begeleider A",
             "B Coachen en feedback Begeleider B", "C Beoordelen Begeleider C",
             "10:45–11:00 Pauze", "11:00–12:15 Ronde 2", "A Kwaliteitsontwikkeling Begeleider A",
             "B Regie op leren Begeleider B", "C Rijke leeromgeving Begeleider C",
             "12:15–12:45 Plenaire afsluiting", "Scan de QR-code"]
    positions = [page.index(item) for item in order]
    assert positions == sorted(positions)
    for expected in (TITEL, LOCATIE, "30 november 2026", dagdeel.join_code):
        assert expected in page, expected


def test_programme_without_plenary_parts_or_times(engine, real_library):
    plans = [RoundPlan(groups=(GroupPlan("visie", "Anna"),)),
             RoundPlan(groups=(GroupPlan("beoordelen", "Bo"),), start_tijd="13:00",
                       eind_tijd="14:15")]
    created = create_dagdeel(engine, locatie="Snel", datum=date(2026, 1, 5), rounds=plans,
                             programme=Programme(pauzes=(("12:45", "13:00"),)))
    all_rounds = rounds.rounds_of(engine, created.dagdeel.id)
    items = timetable_items(created.dagdeel, all_rounds)
    assert [(i.kind, i.time) for i in items] == [("ronde", ""), ("pauze", "12:45–13:00"),
                                                 ("ronde", "13:00–14:15")]
    page = pages_text(programme_pdf(created.dagdeel, all_rounds, real_library))[0]
    assert "Ronde 1" in page and "– Visie Anna" in page


def test_join_card_shows_code_and_address(built: Built):
    dagdeel = get_dagdeel(built.engine, built.dagdeel_id)
    url = JOIN_URL + dagdeel.join_code
    data = join_card_pdf(dagdeel, url)
    pages = pages_text(data)
    assert len(pages) == 1
    page = pages[0]
    for expected in ("Doe mee met ZET", LOCATIE, "30 november 2026", url, "Scan", "Kies je rol",
                     "Volg het scherm"):
        assert expected in page, expected
    assert dagdeel.join_code in page.replace(" ", "")  # letter-spaced, very large
    # the QR code is exactly the join screen's code for this address
    images = PdfReader(io.BytesIO(data)).pages[0].images
    assert len(images) == 1
    drawn = images[0].image.convert("L")
    expected = Image.open(io.BytesIO(qr_png(url, box_size=16, border=2))).convert("L")
    assert drawn.size == expected.size
    assert drawn.tobytes() == expected.tobytes()
