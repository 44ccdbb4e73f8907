"""The exports of one theme group: PDF report, CSV and Excel, on a real SQLite database."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from zet.content import Library, load_library
from zet.db import make_engine
from zet.export import dutch_date, dutch_datetime
from zet.export.group_pdf import group_report_pdf
from zet.export.spreadsheets import raw_responses_csv, raw_responses_frames, raw_responses_xlsx
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, scenarios
from zet.room.answers import answer_text
from zet.room.dagdelen import create_single_session
from zet.room.snapshot import GroupSnapshot, group_snapshot
from zet.steps import Step

THEME_YAML = """\
id: proefvisie
titel: Visie op Samen Opleiden
domein: Visie en gespreid leiderschap
waarborgen: [Lerende leraar, Organisatie, Kwaliteitscultuur]
volgorde: 1
inleiding: Hoe leeft de visie op Samen Opleiden nu in jullie school?
werkblad:
  instructie: Doe dit alleen, over hoe het nu is.
  vragen:
    - id: moment
      type: tekst
      vraag: Beschrijf een moment waarop je de visie merkte.
    - id: kernwoorden
      type: lijst
      vraag: Welke woorden horen bij de visie?
      max_items: 3
    - id: waar
      type: meerkeuze
      vraag: Waar kom je de visie tegen?
      opties: [In de les, In overleg, Op papier]
    - id: gedragen
      type: koos
      vraag: De visie wordt door iedereen gedragen.
      laag: helemaal niet
      hoog: helemaal wel
opdracht:
  doelen:
    - Zien hoe de visie nu leeft.
    - Samen een volgende stap verkennen.
  stappen:
    - {stap: werkblad, minuten: 10, minuten_60: 8, beschrijving: Iedereen vult het werkblad in.}
    - {stap: uitwisseling, minuten: 20, minuten_60: 15,
       beschrijving: Leg de antwoorden naast elkaar.}
    - {stap: reflectiekaarten, minuten: 15, minuten_60: 10, beschrijving: Kies een kaart.,
       kaarten: [eigenaarschap]}
    - {stap: punten, minuten: 10, minuten_60: 10, beschrijving: Noteer de punten.}
    - {stap: scenario, minuten: 15, minuten_60: 12, beschrijving: Bepaal nu en gewenst.}
    - {stap: afronding, minuten: 5, minuten_60: 5, beschrijving: "Wie vertelt het plenair?"}
  toelichting: Een visie leeft pas als mensen haar herkennen.
reflectiekaarten:
  - id: eigenaarschap
    titel: Wiens visie is het eigenlijk?
    kern: Een visie die door één partij is geschreven, wordt zelden door allen gedragen.
    vragen: ["Wie schreef de visie?", "Wie herkent zich erin?"]
    inzet: Als de groep de visie vooral op papier kent.
    bron: "004 ZET handleiding, 3.3"
  - id: zichtbaar
    titel: Waar zie je de visie?
    kern: Een visie wordt zichtbaar in keuzes van alledag.
    vragen: ["Welke keuze van deze week?", "Wat zou anders zijn zonder visie?"]
    inzet: Na de uitwisseling.
    bron: "004 ZET handleiding, 3.3"
  - id: geheimkaart
    titel: Deze kaart is niet getoond
    kern: Verschijnt niet in het verslag.
    vragen: ["Een?", "Twee?"]
    inzet: Nooit.
    bron: "004 ZET handleiding, 3.3"
  - id: nieuwkomers
    titel: Nieuwe collega’s
    kern: Hoe maken nieuwkomers kennis met de visie?
    vragen: ["Een?", "Twee?"]
    inzet: Aan het eind.
    bron: "002 Kwaliteitskader, waarborg 3"
scenarios:
  - {naam: Individuele begeleiding, samenvatting: Ieder voor zich., beelden: [a, b, c]}
  - {naam: Commitment Samen Opleiden, samenvatting: De basis., beelden: [a, b, c],
     bron: "002 Kwaliteitskader, Waarborg 1, minimaal zichtbaar: “Het beeld van het beroep,
       de visie op leren en de uitgangspunten van het opleiden worden gedragen in alle
       lagen van het partnerschap.”"}
  - {naam: Verbinden en verbreden, samenvatting: Verbonden., beelden: [a, b, c]}
  - {naam: Co-creatie en innovatie, samenvatting: Samen vernieuwen., beelden: [a, b, c]}
"""

GENERAL_YAML = """\
methode: {titel: De ZET, tekst: Samen kijken waar we staan., doelen: [Sterke punten]}
scenario_uitleg:
  inleiding: Vier scenario's.
  scenarios:
    - {naam: Individuele begeleiding, uitleg: Een}
    - {naam: Commitment Samen Opleiden, uitleg: Twee}
    - {naam: Verbinden en verbreden, uitleg: Drie}
    - {naam: Co-creatie en innovatie, uitleg: Vier}
handleiding:
  inleiding: Voor procesbegeleiders.
  uitgangspunten:
    - {titel: a, tekst: a}
    - {titel: b, tekst: b}
    - {titel: c, tekst: c}
    - {titel: d, tekst: d}
  fasen:
    - {titel: a, tekst: a}
    - {titel: b, tekst: b}
    - {titel: c, tekst: c}
  rol: Geen auditor.
  voorbereiding: [Lees de opdracht]
"""

LOCATIE = "Stedelijk Gymnasium ’s-Hertogenbosch"
PROCESBEGELEIDER = "Ineke Brouwer"
REPORTER = "Mirjam (schoolopleider)"
# Initials no export may show; chosen so they occur in no other text.
INITIALS = ["QXJ", "ZWQ", "XQZ", "JQX", "WZX", "QQZ"]
STRONG = ["Studenten voelen zich welkom in het team’s overleg",
          "Heldere coördinatie door de schoolopleider",
          "Overleg <b>& afstemming</b> met de pabo"]
DEVELOP = ["De visie is bij nieuwe collega’s onbekend",
           "=HYPERLINK(\"http://voorbeeld.nl\")"]
ARGUMENT = ("We doen veel samen, maar de ideeën komen nog vooral van één kant & dat willen we "
            "veranderen.")


def write_content(root: Path) -> Library:
    (root / "themas").mkdir(parents=True)
    (root / "themas" / "proefvisie.yaml").write_text(THEME_YAML, encoding="utf-8")
    (root / "algemeen.yaml").write_text(GENERAL_YAML, encoding="utf-8")
    return load_library(root)


@dataclass
class Setup:
    engine: object
    library: Library
    group_id: int

    def report(self) -> GroupSnapshot:
        return group_snapshot(self.engine, self.library, self.group_id)


def new_session(tmp_path: Path) -> Setup:
    library = write_content(tmp_path / "content")
    engine = make_engine(f"sqlite:///{tmp_path / 't.db'}")
    created = create_single_session(engine, locatie=LOCATIE, datum=date(2026, 11, 23),
                                    procesbegeleider=PROCESBEGELEIDER, theme_id="proefvisie",
                                    known_themes=set(library.themes))
    return Setup(engine, library, created.group_ids[0])


def fill_session(setup: Setup, *, confirm: bool = True) -> list[participants.Participant]:
    """A realistic group: six roles, answers of every type, cards, points and scenario."""
    engine, gid = setup.engine, setup.group_id
    theme = setup.library.theme("proefvisie")
    dagdeel = group_snapshot(engine, setup.library, gid).dagdeel
    roles = [ROLES[0], ROLES[0], ROLES[2], ROLES[3], ROLES[4], ROLES[7]]
    people = [participants.join(engine, dagdeel, role=role, initials=initials)
              for role, initials in zip(roles, INITIALS)]
    q = {question.id: question for question in theme.vragen}
    for i, person in enumerate(people):
        answers.save_answer(engine, gid, person.id, q["moment"],
                            f"Bij de intervisie van week {i + 1} ging het over coöperatie.")
        answers.save_answer(engine, gid, person.id, q["kernwoorden"],
                            ["samen", "ideeën", "eigenaarschap"][: 1 + i % 3])
        answers.save_answer(engine, gid, person.id, q["waar"], ["In de les", "Op papier"])
        answers.save_answer(engine, gid, person.id, q["gedragen"],
                            {"gewenst": 4, "feitelijk": 2})
    answers.save_answer(engine, gid, people[0].id, q["moment"], "Niet <b>vet</b> & eerlijk")
    answers.set_answer_hidden(engine, gid, people[1].id, "moment", True)
    groups.set_step(engine, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    groups.set_step(engine, gid, Step.REFLECTIEKAARTEN, expected_current=Step.UITWISSELING)
    groups.reveal_card(engine, gid, "eigenaarschap")
    groups.reveal_card(engine, gid, "nieuwkomers")
    groups.set_step(engine, gid, Step.PUNTEN, expected_current=Step.REFLECTIEKAARTEN)
    for i, text in enumerate(STRONG):
        points.contribute(engine, gid, people[i].id, "sterk", text)
    points.contribute(engine, gid, None, "ontwikkel", DEVELOP[0])
    points.contribute(engine, gid, people[3].id, "ontwikkel", DEVELOP[1])
    if confirm:
        points.confirm_list(engine, gid)
    groups.set_step(engine, gid, Step.SCENARIO, expected_current=Step.PUNTEN)
    for person, (nu, gewenst) in zip(people, [(2, 3), (2, 3), (1, 3), (2, 4), (2, 3), (3, 3)]):
        scenarios.place(engine, gid, person.id, nu=nu, gewenst=gewenst)
    groups.record_group_scenario(engine, gid, nu=2, gewenst=3, argument=ARGUMENT)
    groups.set_reporter(engine, gid, REPORTER)
    return people


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def full(tmp_path: Path) -> Setup:
    setup = new_session(tmp_path)
    fill_session(setup)
    return setup


# ---------------------------------------------------------------- helpers

def test_dutch_dates_need_no_locale():
    assert dutch_date(date(2026, 11, 23)) == "23 november 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"
    assert [dutch_date(date(2026, month, 9)) for month in (1, 5, 7, 8, 12)] == [
        "9 januari 2026", "9 mei 2026", "9 juli 2026", "9 augustus 2026", "9 december 2026"]
    from datetime import UTC, datetime
    assert dutch_datetime(datetime(2026, 7, 1, 12, 5, tzinfo=UTC)) == "1 juli 2026 om 14:05"


def test_answer_text_is_readable():
    assert answer_text(["a", "b"]) == "a; b"
    assert answer_text({"gewenst": 4, "feitelijk": 2}) == "gewenst 4 / feitelijk 2"
    assert answer_text({"gewenst": 4, "feitelijk": None}) == "gewenst 4 / feitelijk –"
    assert answer_text(3) == "3"
    assert answer_text(None) == ""


# ---------------------------------------------------------------- PDF

def test_pdf_reports_the_group(full: Setup):
    data = group_report_pdf(full.report(), include_names=True)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (LOCATIE, "23 november 2026", "Visie op Samen Opleiden",
                     "Visie en gespreid leiderschap", "Lerende leraar, Organisatie, "
                     "Kwaliteitscultuur", PROCESBEGELEIDER, REPORTER, *STRONG, *DEVELOP,
                     ARGUMENT, "2. Commitment Samen Opleiden", "3. Verbinden en verbreden",
                     "Wiens visie is het eigenlijk?", "Nieuwe collega’s",
                     "Een visie die door één partij is geschreven",
                     f"ZET — {LOCATIE} — 23 november 2026", "Pagina 1 van", "Gemaakt op"):
        assert expected in text, expected
    assert "<b>& afstemming</b>" in text  # escaped, printed as typed
    assert "Deze kaart is niet getoond" not in text
    assert "nog niet bevestigd" not in text
    assert "Bevestigd door de groep op" in text
    # role counts, not names
    assert "Aanstaande leraar / student 2" in text
    assert "Schoolleider / locatiedirecteur / rector 1" in text
    assert "Totaal 6" in text
    for initials in INITIALS:
        assert initials not in text


def test_pdf_names_no_one_unless_asked(full: Setup):
    text = pdf_text(group_report_pdf(full.report()))
    assert PROCESBEGELEIDER not in text
    assert REPORTER not in text
    assert "Procesbegeleider" not in text.split("Deelnemers")[0]


def test_pdf_shows_the_werkblad_results_per_question(full: Setup):
    text = pdf_text(group_report_pdf(full.report()))
    section = text[text.index("Werkblad: wat de deelnemers invulden"):
                   text.index("Sterke punten en ontwikkelpunten")]
    # KOOS: everyone said gewenst 4, feitelijk 2 -> gap +2,0 for each role and overall
    assert "Aanstaande leraar / student 2 4,0 2,0 +2,0" in section
    assert "Alle deelnemers 6 4,0 2,0 +2,0" in section
    # meerkeuze: all six chose 'In de les' and 'Op papier', nobody 'In overleg'
    assert "In de les 6 100%" in section
    assert "In overleg – 0%" in section
    assert "6 deelnemers antwoordden; meer keuzes per persoon mogelijk." in section
    # open answers without role; the hidden one left out, and said so
    assert "Niet <b>vet</b> & eerlijk" in section
    for week in (3, 4, 5, 6):
        assert f"Bij de intervisie van week {week} ging het over coöperatie." in section
    assert "week 2 ging" not in section
    assert "1 verborgen antwoord(en) niet opgenomen." in section
    # list items once each, most named first: samen 6×, ideeën 4×, eigenaarschap 2×
    assert "– samen (6×) – ideeën (4×) – eigenaarschap (2×)" in section


def test_pdf_puts_the_placements_beside_the_decision(full: Setup):
    text = pdf_text(group_report_pdf(full.report()))
    # placements nu 2,2,1,2,2,3 and gewenst 3,3,3,4,3,3 (see fill_session)
    assert "Nu 2. Commitment Samen Opleiden 1 4 1 –" in text
    assert "Gewenst 3. Verbinden en verbreden – – 5 1" in text


def test_pdf_marks_an_unconfirmed_list(tmp_path: Path):
    setup = new_session(tmp_path)
    fill_session(setup, confirm=False)
    text = pdf_text(group_report_pdf(setup.report()))
    assert "Let op: deze lijst is nog niet bevestigd door de groep" in text
    assert STRONG[0] in text


def test_pdf_of_an_empty_session(tmp_path: Path):
    setup = new_session(tmp_path)
    text = pdf_text(group_report_pdf(setup.report(), include_names=True))
    for expected in (LOCATIE, PROCESBEGELEIDER, "Nog geen deelnemers aangemeld",
                     "Nog geen sterke punten vastgelegd", "Nog geen ontwikkelpunten vastgelegd",
                     "nog niet vastgesteld", "Nog geen plaatsingen door deelnemers",
                     "Er is (nog) geen reflectiekaart getoond",
                     "Nog geen antwoorden op het werkblad"):
        assert expected in text, expected
    assert "Terugkoppeling plenair" not in text
    assert "nog niet bevestigd" not in text  # nothing to confirm yet
    sections = ["Werkblad: wat de deelnemers invulden", "Gebruikte reflectiekaarten",
                "Sterke punten en ontwikkelpunten", "Scenario: waar staan we nu"]
    positions = [text.index(section) for section in sections]
    assert positions == sorted(positions)  # in the order of the steps of the dagdeel


def test_exports_survive_hostile_and_long_text(full: Setup):
    gid = full.group_id
    groups.record_group_scenario(full.engine, gid, nu=None, gewenst=4,
                                 argument="<para>&amp; " + "heel lang verhaal " * 80
                                 + "x" * 400 + " 😀 \x07 einde")
    question = full.library.theme("proefvisie").question("moment")
    person = participants.members_of(full.engine, gid)[2]
    groups.set_step(full.engine, gid, Step.WERKBLAD, expected_current=Step.SCENARIO)
    answers.save_answer(full.engine, gid, person.id, question, "bel\x07letter\x1b en <i>")
    report = full.report()
    text = pdf_text(group_report_pdf(report))
    assert "<para>&amp; heel lang verhaal" in text
    assert "einde" in text
    assert "4. Co-creatie en innovatie" in text
    # openpyxl refuses control characters; they are dropped, the rest of the text stays
    book = openpyxl.load_workbook(io.BytesIO(raw_responses_xlsx(report)))
    values = {c.value for row in book["Werkblad"].iter_rows() for c in row}
    assert "belletter en <i>" in values
    assert "belletter en <i>" in raw_responses_csv(report).decode("utf-8-sig")


# ---------------------------------------------------------------- tables

def test_frames_hold_the_raw_responses(full: Setup):
    frames = raw_responses_frames(full.report(), include_names=True)
    assert list(frames) == ["Sessie", "Werkblad", "Bijdragen", "Punten", "Scenario"]
    werkblad = frames["Werkblad"]
    assert list(werkblad.columns) == ["vraag_id", "vraag", "type", "rol", "antwoord", "score",
                                      "gewenst", "feitelijk", "verborgen", "tijdstip"]
    assert len(werkblad) == 24
    assert set(werkblad.rol) == {ROLES[0], ROLES[2], ROLES[3], ROLES[4], ROLES[7]}
    koos = werkblad[werkblad.vraag_id == "gedragen"]
    assert set(koos.antwoord) == {"gewenst 4 / feitelijk 2"}
    assert koos.gewenst.mean() == 4 and koos.feitelijk.mean() == 2  # numbers, not text
    assert werkblad.score.isna().all()  # no schaal question in this theme
    assert (werkblad.tijdstip.dt.second == 0).all()  # to the minute, no finer
    assert "In de les; Op papier" in set(werkblad.antwoord)
    assert "samen; ideeën" in set(werkblad.antwoord)
    moment = werkblad[werkblad.vraag_id == "moment"]
    assert list(moment.verborgen).count("ja") == 1
    assert "Niet <b>vet</b> & eerlijk" in set(moment.antwoord)

    bijdragen = frames["Bijdragen"]
    assert len(bijdragen) == 5
    assert set(bijdragen.soort) == {"Sterk punt", "Ontwikkelpunt"}
    assert set(bijdragen.rol) == {ROLES[0], ROLES[2], ROLES[3], "procesbegeleider"}

    punten = frames["Punten"]
    assert list(punten.tekst) == STRONG + DEVELOP
    assert list(punten.positie) == [1, 2, 3, 1, 2]
    assert set(punten.bevestigd) == {"ja"}

    scenario = frames["Scenario"]
    assert len(scenario) == 6
    assert sorted(scenario.nu.tolist()) == [1, 2, 2, 2, 2, 3]

    sessie = dict(zip(frames["Sessie"].gegeven, frames["Sessie"].waarde))
    assert sessie["locatie"] == LOCATIE
    assert sessie["procesbegeleider"] == PROCESBEGELEIDER
    assert sessie["datum"] == date(2026, 11, 23)
    assert sessie["deelnemers: Aanstaande leraar / student"] == 2
    anonymous = raw_responses_frames(full.report())["Sessie"]
    assert "procesbegeleider" not in set(anonymous.gegeven)
    assert PROCESBEGELEIDER not in set(anonymous.waarde)
    assert REPORTER not in set(anonymous.waarde)
    assert sessie["scenario groep gewenst"] == "3. Verbinden en verbreden"


def test_csv_opens_in_dutch_excel(full: Setup):
    data = raw_responses_csv(full.report())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "ideeën" in text and "collega’s" in text
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    counts = frame.soort_gegeven.value_counts().to_dict()
    assert counts == {"werkblad": 24, "sterk punt": 3, "ontwikkelpunt": 2, "scenario": 6}
    assert set(frame.locatie) == {LOCATIE}
    assert set(frame.datum) == {"2026-11-23"}
    assert "Niet <b>vet</b> & eerlijk" in set(frame.antwoord)
    # a participant's '=…' must not become a formula when Excel opens the file
    assert "'" + DEVELOP[1] in set(frame.antwoord)
    scenario = frame[frame.soort_gegeven == "scenario"]
    assert sorted(scenario.gewenst) == ["3", "3", "3", "3", "3", "4"]
    koos = frame[frame.vraag_id == "gedragen"]
    assert set(koos.koos_gewenst) == {"4"} and set(koos.koos_feitelijk) == {"2"}
    assert all(len(t) == len("2026-11-23 09:00") for t in frame.tijdstip if t)
    assert PROCESBEGELEIDER not in text
    for initials in INITIALS:
        assert initials not in text
    for person_token in _tokens(full):
        assert person_token not in text


def test_xlsx_has_a_sheet_per_table(full: Setup):
    data = raw_responses_xlsx(full.report())
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Sessie", "Werkblad", "Bijdragen", "Punten", "Scenario"]
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert len(sheets["Werkblad"]) == 24
    assert len(sheets["Punten"]) == 5
    punten = book["Punten"]
    cell = next(c for c in punten["C"] if c.value == DEVELOP[1])
    assert cell.data_type == "s"  # text, not a formula
    assert book["Werkblad"].column_dimensions["B"].width >= 20
    assert book["Werkblad"].freeze_panes == "A2"
    everything = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)
    assert "ideeën" in everything
    for secret in [*INITIALS, *_tokens(full), PROCESBEGELEIDER, REPORTER]:
        assert secret not in everything, secret


def test_xlsx_cells_are_typed(full: Setup):
    book = openpyxl.load_workbook(io.BytesIO(raw_responses_xlsx(full.report())))
    sheet = book["Werkblad"]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, (c for c in row))) for row in sheet.iter_rows(min_row=2)]
    koos = [r for r in rows if r["vraag_id"].value == "gedragen"]
    assert len(koos) == 6
    assert all(r["gewenst"].data_type == "n" and r["gewenst"].value == 4 for r in koos)
    assert all(r["feitelijk"].data_type == "n" and r["feitelijk"].value == 2 for r in koos)
    moment = rows[0]["tijdstip"]
    assert moment.is_date and moment.value.second == 0
    assert moment.number_format == "YYYY-MM-DD HH:MM"
    facts = {row[0].value: row[1] for row in book["Sessie"].iter_rows(min_row=2)}
    assert facts["datum"].is_date and facts["datum"].value.date() == date(2026, 11, 23)
    assert facts["deelnemers totaal"].data_type == "n"
    assert facts["export gemaakt op"].is_date and facts["export gemaakt op"].value.second == 0
    scenario = book["Scenario"]
    assert all(c.data_type == "n" for c in scenario["B"][1:])


def test_tables_of_an_empty_session(tmp_path: Path):
    setup = new_session(tmp_path)
    report = setup.report()
    frames = raw_responses_frames(report)
    assert all(frames[name].empty for name in ("Werkblad", "Bijdragen", "Punten", "Scenario"))
    text = raw_responses_csv(report).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("locatie;datum;thema;soort_gegeven")
    assert len(text.splitlines()) == 1
    book = openpyxl.load_workbook(io.BytesIO(raw_responses_xlsx(report)))
    assert book.sheetnames == ["Sessie", "Werkblad", "Bijdragen", "Punten", "Scenario"]


def _tokens(setup: Setup) -> list[str]:
    return [m.token for m in participants.members_of(setup.engine, setup.group_id)]


def test_the_notulist_notes_are_in_the_group_report(engine, library, session):
    from zet.room import notes

    group_id = session.group_ids[0]
    notes.add_note(engine, group_id, "Iedereen noemt het rooster <b>&</b> de tijd.")
    report = group_snapshot(engine, library, group_id)
    text = " ".join(pdf_text(group_report_pdf(report)).split())
    assert "Notities van de notulist" in text and "Werkblad" in text
    assert "Iedereen noemt het rooster <b>&</b> de tijd." in text
