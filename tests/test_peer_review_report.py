"""The partnership report as a peer review needs it, on a history where the waarborgen
differ: Organisatie and Kwaliteitscultuur share every theme (Tabel 1), so a point counts for
the one waarborg it was placed under (``set_waarborg``), and without that for each waarborg
of its theme; actions follow their point. The report opens with a summary page per
waarborg, and its column heads never break inside a word. Text read back with pypdf."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import OPERATOR, REAL_CONTENT
from test_partnership_report import pages, section
from test_programme_data import play

from zet.content import load_library
from zet.errors import UserError
from zet.export.partnership_pdf import partnership_report_pdf
from zet.programme.actions import action_from_point, set_done
from zet.programme.archive import Scope
from zet.programme.locaties import add_partnership
from zet.programme.partnership_report import build_partnership_report
from zet.programme.reflection import summarise, summary_text
from zet.programme.rode_lijnen import by_waarborg, confirmed_points, set_waarborg

STEERING = "De stuurgroep heeft vaste rollen en een eigen budget"
EVALUATING = "We bespreken elke evaluatie samen en passen iets aan"
NO_FOLLOW_UP = "Uitkomsten van evaluaties leiden zelden tot verbeteracties"
NO_FOLLOW_UP_B = "Uitkomsten van de evaluaties leiden zelden tot verbeteracties"
NO_TIME = "Er is geen tijd in het rooster voor overleg over studenten"
UNPLACED = "Iedereen weet wat er van hem verwacht wordt"
SECTIONS = {"Lerende leraar": "1 van 4", "Leeromgeving": "2 van 4", "Organisatie": "3 van 4",
            "Kwaliteitscultuur": "4 van 4"}


@pytest.fixture(scope="module")
def real_library():
    return load_library(REAL_CONTENT)


@pytest.fixture
def placed(engine, real_library):
    """Two locaties, two years, on kwaliteitsontwikkeling (Organisatie and Kwaliteitscultuur)
    and beoordelen (Leeromgeving); points placed under one waarborg by hand, one not."""
    pid = add_partnership(engine, OPERATOR, "Opleidingsschool Twee Waarborgen").id
    play(engine, real_library, pid, "De Brug", date(2025, 10, 6), "kwaliteitsontwikkeling",
         nu=2, gewenst=3, strong=[STEERING, UNPLACED], develop=[NO_FOLLOW_UP])
    play(engine, real_library, pid, "Het Kompas", date(2026, 10, 5), "kwaliteitsontwikkeling",
         nu=2, gewenst=3, strong=[EVALUATING], develop=[NO_FOLLOW_UP_B, NO_TIME])
    play(engine, real_library, pid, "Het Kompas", date(2026, 10, 5), "beoordelen", nu=1,
         gewenst=2, strong=["Beoordelaars bespreken vooraf de criteria"])
    found = {p.text: p for p in confirmed_points(engine, Scope(OPERATOR))}
    for text, waarborg in ((STEERING, "Organisatie"), (NO_TIME, "Organisatie"),
                           (EVALUATING, "Kwaliteitscultuur"),
                           (NO_FOLLOW_UP, "Kwaliteitscultuur"),
                           (NO_FOLLOW_UP_B, "Kwaliteitscultuur")):
        set_waarborg(engine, OPERATOR, real_library, found[text].id, waarborg)
    roster = action_from_point(engine, OPERATOR, found[NO_TIME].id, tevreden="Een uur per week",
                               verantwoordelijk="De roostermaker", aanpak="Vast blok",
                               tijdpad="Na de zomer")
    action_from_point(engine, OPERATOR, found[NO_FOLLOW_UP].id, tevreden="Elke evaluatie een actie",
                      verantwoordelijk="De stuurgroep", aanpak="Vast agendapunt",
                      tijdpad="Dit schooljaar")
    set_done(engine, OPERATOR, roster)
    return pid


def test_each_waarborg_has_its_own_points_and_actions(engine, real_library, placed):
    report = build_partnership_report(engine, real_library, OPERATOR)
    by_name = {s.waarborg: s for s in report.sections}
    organisatie, cultuur = by_name["Organisatie"], by_name["Kwaliteitscultuur"]
    assert [t.id for t in organisatie.themes] == [t.id for t in cultuur.themes]  # Tabel 1

    def texts(lines):
        return {p.text for line in lines for p in line.points}

    assert texts(organisatie.strong) == {STEERING, UNPLACED}
    assert texts(cultuur.strong) == {EVALUATING, UNPLACED}
    assert texts(organisatie.develop) == {NO_TIME}
    assert texts(cultuur.develop) == {NO_FOLLOW_UP, NO_FOLLOW_UP_B}
    assert [len(line.locaties) for line in cultuur.recurring] == [2]  # both locaties
    assert organisatie.recurring == []
    assert organisatie.unplaced == cultuur.unplaced == 1
    assert [a.ontwikkelpunt for a in organisatie.done_actions] == [NO_TIME]
    assert organisatie.actions == []
    assert [a.ontwikkelpunt for a in cultuur.actions] == [NO_FOLLOW_UP]
    assert texts(by_name["Leeromgeving"].strong) == {"Beoordelaars bespreken vooraf de criteria"}

    text = pages(partnership_report_pdf(report))
    parts = {name: section(text, number) for name, number in SECTIONS.items()}
    assert STEERING in parts["Organisatie"] and STEERING not in parts["Kwaliteitscultuur"]
    assert EVALUATING in parts["Kwaliteitscultuur"] and EVALUATING not in parts["Organisatie"]
    assert NO_TIME in parts["Organisatie"] and NO_TIME not in parts["Kwaliteitscultuur"]
    assert UNPLACED in parts["Organisatie"] and UNPLACED in parts["Kwaliteitscultuur"]
    assert "1 punt telt ook bij een andere waarborg" in parts["Organisatie"]
    # without the points and actions (the text both share), the two sections differ
    assert parts["Organisatie"].split("Sterke punten")[1] != \
        parts["Kwaliteitscultuur"].split("Sterke punten")[1]


def test_by_waarborg_follows_the_choice_and_a_wrong_choice_is_refused(engine, real_library,
                                                                     placed):
    points = confirmed_points(engine, Scope(OPERATOR))
    grouped = {w: {p.text for p in found} for w, found in
               by_waarborg(points, real_library).items()}
    assert STEERING in grouped["Organisatie"] and STEERING not in grouped["Kwaliteitscultuur"]
    assert UNPLACED in grouped["Organisatie"] and UNPLACED in grouped["Kwaliteitscultuur"]
    steering = next(p for p in points if p.text == STEERING)
    with pytest.raises(UserError, match="Organisatie, Kwaliteitscultuur"):
        set_waarborg(engine, OPERATOR, real_library, steering.id, "Leeromgeving")
    set_waarborg(engine, OPERATOR, real_library, steering.id, None)  # back under both
    again = {p.text: p for p in confirmed_points(engine, Scope(OPERATOR))}[STEERING]
    assert again.waarborg is None
    grouped = by_waarborg(confirmed_points(engine, Scope(OPERATOR)), real_library)
    assert again.id in {p.id for p in grouped["Kwaliteitscultuur"]}


# Five locaties whose names broke mid-word in narrow columns ("Instituut Ri vierenland").
LONG_NAMES = ("Het Baken, Tiel", "Lyceum aan de Waal", "Kindcentrum De Linge",
              "Instituut Rivierenland (pabo en lerarenopleiding)",
              "Samenwerkingsschoolbestuur Betuwe")


def test_locatie_heads_never_break_inside_a_word(engine, real_library):
    pid = add_partnership(engine, OPERATOR, "Opleidingsschool Vijf Locaties").id
    for year in (2025, 2026):
        for i, name in enumerate(LONG_NAMES):
            play(engine, real_library, pid, name, date(year, 10, 1 + i), "kwaliteitsontwikkeling",
                 nu=1 + i % 4, gewenst=min(4, 2 + i % 4))
    report = build_partnership_report(engine, real_library, OPERATOR)
    all_pages = pages(partnership_report_pdf(report))
    text = section(all_pages, "3 van 4")  # Organisatie
    heads = text[text.index("Waar staan de locaties?"):text.index("Ontwikkeling over de jaren")]
    for name in LONG_NAMES:
        assert name in heads, (name, heads)
    assert "Ontwikkelpunten Open acties" in all_pages[0]  # not "Ontwikkel- punten"


def test_the_report_opens_with_a_summary_per_waarborg(engine, real_library, placed):
    report = build_partnership_report(engine, real_library, OPERATOR)
    text = pages(partnership_report_pdf(report))
    summaries = text[1:5]
    for number, (page, waarborg) in enumerate(zip(summaries, SECTIONS), start=1):
        assert page.startswith(f"ZET · samenvatting voor de kritische reflectie ({number} van 4) "
                               f"Waarborg {waarborg}"), page[:80]
    organisatie, cultuur = summaries[2], summaries[3]
    assert f"{STEERING} (De Brug)" in organisatie and STEERING not in cultuur
    # the ontwikkelpunt both locaties name, and its action with status
    assert f"{NO_FOLLOW_UP} (2 locaties: De Brug, Het Kompas)" in cultuur
    assert "Acties (1 open, 0 afgerond)" in cultuur
    assert f"{NO_FOLLOW_UP} — De Brug · Kwaliteitsontwikkeling · verantwoordelijk: De " \
           "stuurgroep · open sinds" in cultuur
    assert "Acties (0 open, 1 afgerond)" in organisatie and "afgerond op" in organisatie
    assert "Geen: elk ontwikkelpunt kwam van één locatie" in organisatie
    assert "Laatste besluiten over deze thema's (2 groepen op 2 locaties): nu 2× scenario 2; " \
           "gewenst 2× scenario 3" in organisatie
    pasted = summary_text(summarise(report, report.sections[3]), "2025–2026")
    assert pasted.startswith("Waarborg Kwaliteitscultuur (2025–2026)\n")
    assert f"- {NO_FOLLOW_UP} (2 locaties: De Brug, Het Kompas)" in pasted
