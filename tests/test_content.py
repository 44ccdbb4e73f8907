"""Content: the real themes are complete, and every validation rule names file and field."""
from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import FIXTURE_CONTENT, REAL_CONTENT

from zet.cli import main
from zet.content import ContentError, load_library, read_library
from zet.content.model import SCENARIO_NAMES

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


def test_load_library_raises_with_every_problem_and_cli_exits_nonzero(broken, capsys):
    broken(lambda d: (d.pop("inleiding"), d.update(domein="Sport")))
    with pytest.raises(ContentError) as error:
        load_library(broken.dir)
    assert len(error.value.problems) == 2
    assert main(["check-content", "--content-dir", str(broken.dir)]) == 1
    err = capsys.readouterr().err
    assert "themas/proef.yaml: inleiding: ontbreekt" in err


def test_missing_general_texts_are_reported(broken):
    (broken.dir / "algemeen.yaml").unlink()
    assert any("algemeen.yaml" in str(p) for p in read_library(broken.dir)[1])
