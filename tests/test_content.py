"""Content: the real themes are complete, and every validation rule names file and field."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml
from conftest import FIXTURE_CONTENT, REAL_CONTENT

from zet.content import ContentError, load_library, read_library
from zet.content.advice import CARD_MAX, FORWARD, KERN_MAX, card_length, content_advice
from zet.content.kader import quotation_problems, quotations
from zet.content.model import SCENARIO_NAMES
from zet.operations.cli import main

TABEL_1 = {
    "visie": "Visie en gespreid leiderschap",
    "gespreid-leiderschap": "Visie en gespreid leiderschap",
    "kwaliteitsontwikkeling": "Kwaliteit en professionalisering",
    "professionalisering": "Kwaliteit en professionalisering",
    "theorie-praktijk-persoon": "Leren en leeromgeving",
    "onderzoekende-houding": "Leren en leeromgeving",
    "rijke-leeromgeving": "Leren en leeromgeving",
    "rijke-leeromgeving-regie": "Leren en leeromgeving",
    "coachen-en-feedback": "Leren en leeromgeving",
    "regie-op-leren": "Leren en leeromgeving",
    "beoordelen": "Leren en leeromgeving",
}


def test_the_shipped_content_is_valid_and_has_all_eleven_themes():
    library = load_library(REAL_CONTENT)
    assert {tid: t.domein for tid, t in library.themes.items()} == TABEL_1
    assert sorted(t.volgorde for t in library.themes.values()) == list(range(1, 12))
    for theme in library.themes.values():
        assert [s.naam for s in theme.scenarios] == list(SCENARIO_NAMES)
        assert 4 <= len(theme.kaarten) <= 6
        assert any(q.is_closed for q in theme.vragen), theme.id
    combined = library.theme("rijke-leeromgeving-regie")
    assert {c.overgenomen_van for c in combined.kaarten} >= {"rijke-leeromgeving",
                                                             "regie-op-leren"}


def test_check_content_prints_one_line_per_theme(capsys):
    assert main(["check-content", "--content-dir", str(FIXTURE_CONTENT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "proef: 4 reflectiekaarten, 4 scenario's, 4 werkbladvragen" in lines
    assert "proef-twee: 4 reflectiekaarten, 4 scenario's, 2 werkbladvragen" in lines


@pytest.fixture
def broken(tmp_path):
    """Copy the fixture content; returns a function that edits proef.yaml and loads."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    path = target / "themas" / "proef.yaml"

    def edit(change) -> list[str]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        _library, problems = read_library(target)
        return [str(p) for p in problems]
    edit.dir = target
    edit.path = path
    return edit


def _has(problems: list[str], field: str, words: str) -> bool:
    return any(p.startswith(f"themas/proef.yaml: {field}: ") and words in p for p in problems)


@pytest.mark.parametrize("change, field, words", [
    (lambda d: d.pop("scenarios"), "scenarios", "ontbreekt"),
    (lambda d: d.pop("werkblad"), "werkblad", "ontbreekt"),
    (lambda d: d["opdracht"].pop("doelen"), "opdracht.doelen", "ontbreekt"),
    (lambda d: d["scenarios"].pop(), "scenarios", "precies 4"),
    (lambda d: d["scenarios"].reverse(), "scenarios[1].naam", "verwacht 'Individuele"),
    (lambda d: d.update(reflectiekaarten=d["reflectiekaarten"][:3]), "reflectiekaarten",
     "4 tot en met 6"),
    (lambda d: d["reflectiekaarten"][1].update(id="kaart-a"), "reflectiekaarten",
     "'kaart-a' komt meer dan één keer voor"),
    (lambda d: d["werkblad"]["vragen"][1].update(id="beeld"), "werkblad.vragen",
     "'beeld' komt meer dan één keer voor"),
    (lambda d: d.update(titel="   "), "titel", "is leeg"),
    (lambda d: d["reflectiekaarten"][0].update(kern=""), "reflectiekaarten[1].kern", "is leeg"),
    (lambda d: d["werkblad"]["vragen"][0].update(type="tekening"),
     "werkblad.vragen[1].type", "onbekend antwoordtype 'tekening'"),
    (lambda d: d.update(waarborgen=["Leeromgeving", "Schoolklimaat"]), "waarborgen",
     "onbekende waarborg 'Schoolklimaat'"),
    (lambda d: d.update(domein="Sport"), "domein", "onbekend domein"),
    (lambda d: d.update(id="iets-anders"), "id", "bestandsnaam"),
    (lambda d: d["opdracht"]["stappen"][0].update(minuten=30), "opdracht.stappen",
     "tellen op tot 95"),
    (lambda d: d["opdracht"]["stappen"].reverse(), "opdracht.stappen[1].stap",
     "verwacht 'werkblad'"),
    (lambda d: d["opdracht"]["stappen"][2].update(kaarten=["kaart-z"]),
     "opdracht.stappen[3].kaarten", "'kaart-z' bestaat niet"),
    (lambda d: d["werkblad"]["vragen"][2].update(opties=["Alleen"]),
     "werkblad.vragen[3].opties", "2 tot en met 8"),
    (lambda d: d["reflectiekaarten"][0].update(vragen=["Eén vraag?"]),
     "reflectiekaarten[1].vragen", "2 tot en met 3"),
    (lambda d: d["reflectiekaarten"].append({"van": "bestaat-niet/kaart"}),
     "reflectiekaarten[5].van", "bestaat niet"),
    (lambda d: d["scenarios"][0].update(beelden=["alleen"]), "scenarios[1].beelden",
     "3 tot en met 6"),
    (lambda d: d["scenarios"][1].pop("bron"), "scenarios[2].bron",
     "wat moet minimaal zichtbaar zijn"),
    # scenario 2 cites the Kader's minimum: a generic pointer is no citation
    (lambda d: d["scenarios"][1].update(bron="002 Kwaliteitskader, Waarborg 2 (wat moet "
                                             "minimaal zichtbaar zijn)"),
     "scenarios[2].bron", "citeert geen regel"),
    (lambda d: d["scenarios"][1].update(bron="002 Kwaliteitskader: “De werkplek is een "
                                             "professionele leeromgeving.”"),
     "scenarios[2].bron", "noemt geen waarborg"),
    (lambda d: d["scenarios"][1].update(bron="002 Kwaliteitskader, Waarborg 2: “De werkplek "
                                             "is een rijke en veilige leeromgeving.”"),
     "scenarios[2].bron", "staat niet onder 'wat moet minimaal zichtbaar zijn' van Waarborg 2"),
    (lambda d: d["scenarios"][1].update(bron="002 Kwaliteitskader, Waarborg 4: “Op basis van "
                                             "de antwoorden worden vervolgstappen afgesproken”"),
     "scenarios[2].bron", "Waarborg 4 Kwaliteitscultuur hoort niet bij dit thema"),
    (lambda d: d["scenarios"][2].update(bron="002 Kwaliteitskader, Waarborg 2: “Er is een "
                                             "verzonnen regel die niet bestaat.”"),
     "scenarios[3].bron", "staat niet onder"),
    (lambda d: d["opdracht"]["stappen"][1].update(minuten_60=25), "opdracht.stappen",
     "minuten_60 tellen op tot 70"),
    (lambda d: d["opdracht"]["stappen"][1].pop("minuten_60"),
     "opdracht.stappen[2].minuten_60", "ontbreekt"),
])
def test_each_rule_names_file_and_field(broken, change, field, words):
    problems = broken(change)
    assert _has(problems, field, words), problems


def test_invalid_yaml_names_the_line(broken):
    broken.path.write_text("id: proef\ntitel: [niet af\n", encoding="utf-8")
    problems = [str(p) for p in read_library(broken.dir)[1]]
    assert any(p.startswith("themas/proef.yaml: regel ") for p in problems), problems


def test_duplicate_theme_ids_across_files(broken):
    shutil.copy(broken.path, broken.dir / "themas" / "proef-kopie.yaml")
    problems = [str(p) for p in read_library(broken.dir)[1]]
    assert any("proef-kopie.yaml: id:" in p for p in problems), problems


def test_reused_card_is_resolved_with_its_origin(library):
    card = library.theme("proef-twee").card("kaart-a")
    assert card.overgenomen_van == "proef"
    assert card.titel == library.theme("proef").card("kaart-a").titel


def test_a_broken_theme_is_disabled_and_the_others_stay_loadable(broken, capsys):
    broken(lambda d: (d.pop("inleiding"), d.update(domein="Sport")))
    library = load_library(broken.dir)
    assert set(library.themes) == {"proef-twee"}
    assert [p.field for p in library.broken["proef"]] == ["domein", "inleiding"]
    explanation = library.problem("proef")
    assert "themas/proef.yaml" in explanation and "inleiding: ontbreekt" in explanation
    assert library.problem("proef-twee") is None
    assert library.title("proef") == "proef (uitgeschakeld)"
    assert library.title("proef-twee") == "Tweede proefthema"
    assert library.title("weg") == "weg (niet beschikbaar)"
    assert "themas/weg.yaml" in library.problem("weg")
    assert main(["check-content", "--content-dir", str(broken.dir)]) == 1
    captured = capsys.readouterr()
    assert "proef: uitgeschakeld, 2 fout(en) in themas/proef.yaml" in captured.out
    assert "proef-twee: 4 reflectiekaarten" in captured.out
    assert "themas/proef.yaml: inleiding: ontbreekt" in captured.err


def test_a_theme_with_invalid_yaml_leaves_the_others_loadable(broken):
    (broken.dir / "themas" / "proef-twee.yaml").write_text("id: proef-twee\ntitel: [niet af\n",
                                                          encoding="utf-8")
    library = load_library(broken.dir)
    assert set(library.themes) == {"proef"} and "proef-twee" in library.broken


def test_a_theme_that_reuses_a_card_of_a_broken_theme_says_why(broken):
    broken.path.write_text("id: proef\ntitel: [niet af\n", encoding="utf-8")
    library, _problems = read_library(broken.dir)
    assert "het thema 'proef' bevat zelf fouten" in library.problem("proef-twee")


def test_broken_general_texts_still_stop_everything(broken):
    (broken.dir / "algemeen.yaml").write_text("methode: {titel: x}\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_library(broken.dir)
    assert all(p.file == "algemeen.yaml" for p in error.value.problems)


def test_no_theme_at_all_stops_everything(broken):
    for path in (broken.dir / "themas").glob("*.yaml"):
        path.write_text("id: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_library(broken.dir)


def test_missing_general_texts_are_reported(broken):
    (broken.dir / "algemeen.yaml").unlink()
    assert any("algemeen.yaml" in str(p) for p in read_library(broken.dir)[1])


@pytest.mark.parametrize("change, field, words", [
    (lambda d: d["opdracht"].update(toelichtng="x"), "opdracht.toelichtng",
     "onbekend veld; bedoel je 'toelichting'?"),
    (lambda d: d["reflectiekaarten"][0].update(kernn="x"), "reflectiekaarten[1].kernn",
     "bedoel je 'kern'?"),
    (lambda d: d.update(extra_veld="x"), "extra_veld", "onbekend veld; bekende velden: id,"),
    (lambda d: d.update(inleidnig="x"), "inleidnig", "bedoel je 'inleiding'?"),
    (lambda d: d["werkblad"]["vragen"][0].update(toelichtng="x"),
     "werkblad.vragen[1].toelichtng", "bedoel je 'toelichting'?"),
    (lambda d: d["opdracht"]["stappen"][2].update(kaart=["kaart-a"]),
     "opdracht.stappen[3].kaart", "bedoel je 'kaarten'?"),
    (lambda d: d["scenarios"][1].update(ideen=["Samen plannen"]), "scenarios[2].ideen",
     "bedoel je 'ideeen'?"),
    (lambda d: d["werkblad"].update(instructies="x"), "werkblad.instructies",
     "bedoel je 'instructie'?"),
    (lambda d: d["reflectiekaarten"].append({"van": "proef-twee/kaart-x", "titel": "x"}),
     "reflectiekaarten[5].titel", "onbekend veld"),
])
def test_unknown_fields_are_rejected_with_the_nearest_name(broken, change, field, words):
    problems = broken(change)
    assert _has(problems, field, words), problems


def test_unknown_fields_in_the_general_texts(broken):
    path = broken.dir / "algemeen.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["handleiding"]["voorbereding"] = ["x"]
    data["notulst"] = "x"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = [str(p) for p in read_library(broken.dir)[1]]
    assert "algemeen.yaml: handleiding.voorbereding: onbekend veld; bedoel je " \
           "'voorbereiding'?" in problems
    assert "algemeen.yaml: notulst: onbekend veld; bedoel je 'notulist'?" in problems


@pytest.mark.parametrize("ideeen, words", [
    (["Een idee", ""], "is leeg of geen tekst"),
    (["x" * 201], "houd een idee korter dan 200 tekens"),
    ([], "1 tot en met 5 items"),
    ([f"idee {i}" for i in range(6)], "1 tot en met 5 items"),
    ("geen lijst", "moet een lijst zijn"),
])
def test_ideeen_are_validated(broken, ideeen, words):
    problems = broken(lambda d: d["scenarios"][2].update(ideeen=ideeen))
    assert any(p.startswith("themas/proef.yaml: scenarios[3].ideeen") and words in p
               for p in problems), problems


def test_ideeen_are_loaded_and_optional(library):
    scenarios = library.theme("proef").scenarios
    assert scenarios[1].ideeen == ("Samen een startbijeenkomst plannen",
                                   "Afspraken op één A4 zetten")
    assert scenarios[0].ideeen == ()


@pytest.mark.parametrize("bad_line, error_words", [
    ('    kern: "Een inzicht dat niet sluit', "aanhalingsteken"),
    ("    kern: Een inzicht: met een dubbele punt", "dubbele punt"),
    ("\tkern: Een inzicht.", "tab"),
    ("  kern: Een inzicht.", "inspringing"),
])
def test_yaml_errors_name_the_right_line_in_dutch(broken, bad_line, error_words):
    lines = broken.path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() == "kern: Een inzicht.")
    lines[index] = bad_line
    broken.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [p for p in read_library(broken.dir)[1] if p.file == "themas/proef.yaml"]
    assert len(problems) == 1, problems
    assert problems[0].field == f"regel {index + 1}", problems
    assert error_words in problems[0].message
    for english in ("while", "expected", "found", "scanning", "mapping"):
        assert english not in problems[0].message


def test_the_shipped_general_texts_have_the_whole_method():
    gids = load_library(REAL_CONTENT).general.gids
    assert gids.is_complete(), gids
    terms = {item.titel for item in gids.begrippen}
    assert {"PDCA", "IMWR", "waarborg", "kritische reflectie", "dagdeel"} <= terms
    assert "60 minuten" in " ".join(gids.hoofdprocesbegeleider_taken)
    assert "12" in gids.deelnemers and "16" in gids.deelnemers


def test_general_guidance_is_optional_and_loaded(library):
    gids = library.general.gids
    assert gids.notulist == "Noteert wat er gezegd wordt."
    assert gids.begrippen[0].titel == "PDCA"
    assert gids.vervolg == ()


# --- the shipped content: cards that move the conversation forward, plain Dutch ---

@pytest.fixture(scope="module")
def real():
    return load_library(REAL_CONTENT)


def test_the_shipped_content_gets_no_writing_advice(real):
    """Short plain kern without sources, a next-step question per card, ideeen, wording."""
    assert [str(a) for a in content_advice(real)] == []


def test_the_shipped_cards_are_light(real):
    cards = [c for t in real.themes.values() for c in t.kaarten]
    assert max(len(c.kern) for c in cards) <= KERN_MAX
    assert max(card_length(c) for c in cards) <= CARD_MAX
    assert all(any(FORWARD.search(q) for q in c.vragen) for c in cards)


def test_koos_pairs_only_where_they_serve(real):
    with_koos = {t.id for t in real.themes.values() if any(q.type == "koos" for q in t.vragen)}
    assert with_koos == {"kwaliteitsontwikkeling"}


def test_the_opening_names_samen_opleiden_en_professionaliseren(real):
    assert "Samen Opleiden en Professionaliseren" in real.general.methode_tekst


def _advice_for(broken, change) -> list[str]:
    broken(change)
    return [str(a) for a in content_advice(load_library(broken.dir))]


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["reflectiekaarten"][0].update(kern="x" * 301),
     "themas/proef.yaml: reflectiekaarten[1].kern: is 301 tekens"),
    (lambda d: d["reflectiekaarten"][0].update(kern="x " * 240),
     "themas/proef.yaml: reflectiekaarten[1]: kern en vragen zijn samen"),
    (lambda d: d["reflectiekaarten"][1].update(kern="Het ZEK vraagt dit."),
     "themas/proef.yaml: reflectiekaarten[2].kern: noemt 'ZEK'"),
    (lambda d: d["reflectiekaarten"][1].update(kern="Het Kwaliteitskader vraagt dit."),
     "themas/proef.yaml: reflectiekaarten[2].kern: noemt 'Kwaliteitskader'"),
    (lambda d: None, ("themas/proef.yaml: reflectiekaarten[3].vragen: geen vraag die een "
                      "volgende stap opent")),
    (lambda d: None, "themas/proef.yaml: scenarios[1].ideeen: ontbreekt"),
    (lambda d: d.update(inleiding="Wat doet hij of\nzij hier?"),
     "themas/proef.yaml: inleiding: 'hij of zij': schrijf 'die'"),
    (lambda d: d["werkblad"].update(instructie="Denk aan je eigen school."),
     "themas/proef.yaml: werkblad.instructie: 'je eigen school': schrijf 'deze school'"),
    (lambda d: d["scenarios"][1]["beelden"].append("De schoolleider als facilitator."),
     "themas/proef.yaml: scenarios[2].beelden[4]: 'facilitator'"),
])
def test_writing_advice_names_file_and_field(broken, change, expected):
    advice = _advice_for(broken, change)
    assert any(a.startswith(expected) for a in advice), advice


def test_advice_leaves_bron_and_forward_cards_alone(broken):
    def change(d):
        d["reflectiekaarten"][0].update(bron="000 ZEK, 3.2 Mentoring en coaching",
                                        vragen=["Wat zou je morgen proberen?", "En nu?"])
    advice = _advice_for(broken, change)
    assert not any(a.startswith("themas/proef.yaml: reflectiekaarten[1]") for a in advice)


def test_check_content_prints_advice_without_failing(capsys):
    assert main(["check-content", "--content-dir", str(FIXTURE_CONTENT)]) == 0
    out = capsys.readouterr().out
    assert "LET OP themas/proef.yaml: scenarios[1].ideeen: ontbreekt" in out


def test_the_guide_page_shows_ideas_guidance_and_disabled_themes(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "themas" / "proef-twee.yaml").write_text("id: proef-twee\ntitel: [x\n",
                                                        encoding="utf-8")
    monkeypatch.setenv("ZET_DATABASE_URL", f"sqlite:///{tmp_path / 'zet.db'}")
    monkeypatch.setenv("ZET_CONTENT_DIR", str(content))
    st_cache_clear()
    try:
        at = AppTest.from_file(str(REAL_CONTENT.parent / "zet_pages.py"), default_timeout=30)
        at.switch_page("pages/themas.py")
        at.run()
        assert not at.exception
        shown = re.sub(r"\\(.)", r"\1", " ".join(  # as read: without Markdown escapes
            str(e.value) for kind in ("markdown", "warning", "code") for e in getattr(at, kind)))
        for expected in ("Ideeën om daar te komen", "Samen een startbijeenkomst plannen",
                         "De notulist", "Noteert wat er gezegd wordt.", "PDCA",
                         "1 thema('s) uitgeschakeld", "themas/proef-twee.yaml",
                         "- regel 2: een lijst"):
            assert expected in shown, expected
    finally:
        st_cache_clear()


def st_cache_clear() -> None:
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()

    from ui import live
    live.refresh()


def test_a_field_given_twice_is_reported_with_both_lines(broken):
    text = broken.path.read_text(encoding="utf-8")
    broken.path.write_text(text.replace("titel: Proefthema\n",
                                        "titel: Proefthema\ntitel: Nog een titel\n"),
                           encoding="utf-8")
    problems = [str(p) for p in read_library(broken.dir)[1]]
    assert "themas/proef.yaml: regel 4: het veld 'titel' staat twee keer in hetzelfde blok " \
           "(ook op regel 3); houd er één" in problems, problems


def test_every_shipped_theme_has_both_plans_and_cites_the_minimum_in_scenario_2(real):
    for theme in real.themes.values():
        assert sum(p.minutes(75) for p in theme.opdracht.stappen) == 75, theme.id
        assert sum(p.minutes(60) for p in theme.opdracht.stappen) == 60, theme.id
        assert "minimaal zichtbaar" in theme.scenarios[1].bron, theme.id
        assert quotations(theme.scenarios[1].bron), theme.id  # the Kader's lines, quoted
        assert not quotation_problems(theme.scenarios[1].bron, theme.waarborgen), theme.id
        assert [p.stap.value for p in theme.opdracht.stappen if p.always_done] == \
            ["werkblad", "scenario"]


def test_a_quoted_part_of_a_minimum_line_is_a_citation(broken):
    broken(lambda d: d["scenarios"][1].update(
        bron="002 Kwaliteitskader, Waarborg 1 Lerende leraar: “de visie op leren en de "
             "uitgangspunten van het opleiden worden gedragen”"))
    assert not [p for p in read_library(broken.dir)[1] if "scenarios" in p.field]


def test_the_wording_list_catches_mijn_school_and_bij_jullie(broken):
    from zet.content.advice import content_advice
    from zet.content.loader import read_library

    broken(lambda d: d["werkblad"]["vragen"][0].update(
        vraag="Hoe gaat het op mijn school, en wat doen ze bij jullie?"))
    library, _problems = read_library(broken.dir)
    advice = [str(a) for a in content_advice(library)]
    assert any("werkblad.vragen[1].vraag: 'mijn school'" in a for a in advice), advice
    assert any("werkblad.vragen[1].vraag: 'bij jullie'" in a for a in advice), advice


def test_every_punten_step_asks_the_four_zek_questions_of_the_ui(real):
    """The procesbegeleider asks per ontwikkelpunt what the phones show (ZEK_QUESTIONS)."""
    from zet.programme.actions import ZEK_QUESTIONS

    asked = [re.sub(r"\s*\(.*\)|\?", "", q).lower() for _key, q in ZEK_QUESTIONS]
    for theme in real.themes.values():
        step = next(p for p in theme.opdracht.stappen if p.stap.value == "punten")
        text = re.sub(r"\s*\(.*?\)", "", " ".join(step.beschrijving.lower().split()))
        assert [q for q in asked if q not in text] == [], theme.id


def test_participant_text_has_no_jargon_the_glossary_leaves_unexplained(real):
    """Words a reviewer found unexplained in participant text are gone from it."""
    from zet.content.glossary import step_texts
    from zet.steps import Step

    for theme in real.themes.values():
        text = " ".join(t for step in Step for t in step_texts(theme, step, theme.kaarten))
        for word in ("leerwerkarrangement", "kalibratiebijeenkomst"):
            assert word not in text.lower(), (theme.id, word)


def test_glossary_terms_load_their_forms_and_a_term_given_twice_is_reported(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    general = target / "algemeen.yaml"
    text = general.read_text(encoding="utf-8")
    general.write_text(text.replace(
        '  - {term: PDCA, uitleg: "Plan, do, check, act."}',
        '  - {term: PDCA, uitleg: "Plan, do, check, act."}\n'
        '  - {term: startbekwaam, uitleg: Klaar om te beginnen., ook: [startbekwaamheid]}'),
        encoding="utf-8")
    library, problems = read_library(target)
    assert problems == []
    assert library.general.gids.begrippen[1].forms() == ("startbekwaam", "startbekwaamheid")
    general.write_text(text.replace(
        '  - {term: PDCA, uitleg: "Plan, do, check, act."}',
        '  - {term: PDCA, uitleg: "Plan, do, check, act."}\n  - {term: pdca, uitleg: Nog eens.}'),
        encoding="utf-8")
    assert "algemeen.yaml: begrippen: de term 'pdca' staat er meer dan één keer in" in [
        str(p) for p in read_library(target)[1]]
