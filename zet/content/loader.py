"""Load ``content/`` and validate it; every error names the file and the field."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from zet.content.model import (
    ANSWER_TYPES,
    DOMAINS,
    ROUND_MINUTES,
    SCENARIO_NAMES,
    WAARBORGEN,
    Card,
    GeneralTexts,
    Library,
    Opdracht,
    Question,
    Scenario,
    StepPlan,
    Theme,
    Titled,
)
from zet.steps import STEP_ORDER, Step

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
THEMES_DIR = "themas"
GENERAL_FILE = "algemeen.yaml"


@dataclass(frozen=True)
class ContentProblem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when ``content/`` has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Reader:
    """Reads fields from one YAML document and records what is wrong with them."""

    def __init__(self, file: str, problems: list[ContentProblem]):
        self.file = file
        self.problems = problems

    def problem(self, field: str, message: str) -> None:
        self.problems.append(ContentProblem(self.file, field, message))

    def mapping(self, data: Any, field: str) -> dict:
        if not isinstance(data, dict):
            self.problem(field, "moet een blok met velden zijn")
            return {}
        return data

    def text(self, data: dict, key: str, field: str, *, optional: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if not optional:
                self.problem(field, "ontbreekt")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problem(field, "moet tekst zijn")
            return ""
        if not value.strip():
            if not optional:
                self.problem(field, "is leeg")
            return ""
        return value.strip()

    def texts(self, data: dict, key: str, field: str, *, low: int, high: int,
              optional: bool = False) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if not optional:
                self.problem(field, "ontbreekt")
            return ()
        if not isinstance(value, list):
            self.problem(field, "moet een lijst zijn")
            return ()
        result = []
        for i, item in enumerate(value):
            item_field = f"{field}[{i + 1}]"
            if not isinstance(item, (str, int, float)) or not str(item).strip():
                self.problem(item_field, "is leeg of geen tekst")
                continue
            result.append(str(item).strip())
        if not low <= len(value) <= high:
            self.problem(field, f"moet {_range(low, high)} items hebben, heeft er {len(value)}")
        return tuple(result)

    def items(self, data: dict, key: str, field: str, *, low: int, high: int) -> list:
        value = data.get(key)
        if value is None:
            self.problem(field, "ontbreekt")
            return []
        if not isinstance(value, list):
            self.problem(field, "moet een lijst zijn")
            return []
        if not low <= len(value) <= high:
            self.problem(field, f"moet {_range(low, high)} items hebben, heeft er {len(value)}")
        return value

    def integer(self, data: dict, key: str, field: str, *, low: int, high: int,
                default: int | None = None) -> int:
        value = data.get(key, default)
        if value is None:
            self.problem(field, "ontbreekt")
            return low
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(field, f"moet een heel getal van {low} tot en met {high} zijn")
            return low
        return value

    def unique(self, ids: list[str], field: str) -> None:
        seen: set[str] = set()
        for value in ids:
            if value in seen:
                self.problem(field, f"id '{value}' komt meer dan één keer voor")
            seen.add(value)

    def identifier(self, data: dict, key: str, field: str) -> str:
        value = self.text(data, key, field)
        if value and not ID_PATTERN.match(value):
            self.problem(field, f"'{value}' mag alleen kleine letters, cijfers en '-' bevatten")
        return value


def _range(low: int, high: int) -> str:
    return f"precies {low}" if low == high else f"{low} tot en met {high}"


def _read_yaml(path: Path, reader: _Reader) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        reader.problem("(bestand)", "is geen UTF-8-tekst")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark else "(bestand)"
        reader.problem(where, f"is geen geldige YAML ({getattr(exc, 'problem', exc)})")
    return None


def _question(r: _Reader, data: Any, field: str) -> Question | None:
    data = r.mapping(data, field)
    if not data:
        return None
    qid = r.identifier(data, "id", f"{field}.id")
    qtype = r.text(data, "type", f"{field}.type")
    if qtype and qtype not in ANSWER_TYPES:
        r.problem(f"{field}.type", f"onbekend antwoordtype '{qtype}' "
                                   f"(kies uit: {', '.join(ANSWER_TYPES)})")
    vraag = r.text(data, "vraag", f"{field}.vraag")
    opties: tuple[str, ...] = ()
    if qtype in ("keuze", "meerkeuze"):
        opties = r.texts(data, "opties", f"{field}.opties", low=2, high=8)
        if len(set(opties)) != len(opties):
            r.problem(f"{field}.opties", "bevat dezelfde optie meer dan één keer")
    elif "opties" in data:
        r.problem(f"{field}.opties", f"hoort niet bij antwoordtype '{qtype}'")
    max_items = 6
    if qtype == "lijst":
        max_items = r.integer(data, "max_items", f"{field}.max_items", low=1, high=12, default=6)
    return Question(
        id=qid, type=qtype, vraag=vraag,
        toelichting=r.text(data, "toelichting", f"{field}.toelichting", optional=True),
        opties=opties, max_items=max_items,
        laag=r.text(data, "laag", f"{field}.laag", optional=True),
        hoog=r.text(data, "hoog", f"{field}.hoog", optional=True),
    )


def _opdracht(r: _Reader, data: Any) -> Opdracht:
    data = r.mapping(data, "opdracht")
    doelen = r.texts(data, "doelen", "opdracht.doelen", low=2, high=4)
    raw_steps = r.items(data, "stappen", "opdracht.stappen", low=len(STEP_ORDER),
                        high=len(STEP_ORDER))
    plans = []
    for i, raw in enumerate(raw_steps):
        field = f"opdracht.stappen[{i + 1}]"
        raw = r.mapping(raw, field)
        name = r.text(raw, "stap", f"{field}.stap")
        expected = STEP_ORDER[i] if i < len(STEP_ORDER) else None
        if name and expected and name != expected.value:
            r.problem(f"{field}.stap", f"verwacht '{expected.value}', gevonden '{name}' "
                                       f"(volgorde: {', '.join(s.value for s in STEP_ORDER)})")
        step = expected or Step.WERKBLAD
        plans.append(StepPlan(
            stap=step,
            minuten=r.integer(raw, "minuten", f"{field}.minuten", low=1, high=ROUND_MINUTES),
            beschrijving=r.text(raw, "beschrijving", f"{field}.beschrijving"),
            kaarten=r.texts(raw, "kaarten", f"{field}.kaarten", low=1, high=6, optional=True),
        ))
    if len(plans) == len(STEP_ORDER):
        total = sum(p.minuten for p in plans)
        if total != ROUND_MINUTES:
            r.problem("opdracht.stappen", f"de minuten tellen op tot {total}, "
                                          f"niet tot {ROUND_MINUTES}")
    return Opdracht(doelen=doelen, stappen=tuple(plans),
                    toelichting=r.text(data, "toelichting", "opdracht.toelichting"))


def _card(r: _Reader, data: Any, field: str) -> Card | str | None:
    """A card, or the ``theme-id/card-id`` reference of a reused card."""
    data = r.mapping(data, field)
    if not data:
        return None
    if "van" in data:
        ref = r.text(data, "van", f"{field}.van")
        if ref and (ref.count("/") != 1 or not all(ID_PATTERN.match(p) for p in ref.split("/"))):
            r.problem(f"{field}.van", f"'{ref}' moet de vorm thema-id/kaart-id hebben")
            return None
        return ref or None
    return Card(
        id=r.identifier(data, "id", f"{field}.id"),
        titel=r.text(data, "titel", f"{field}.titel"),
        kern=r.text(data, "kern", f"{field}.kern"),
        vragen=r.texts(data, "vragen", f"{field}.vragen", low=2, high=3),
        inzet=r.text(data, "inzet", f"{field}.inzet"),
        bron=r.text(data, "bron", f"{field}.bron"),
    )


def _scenarios(r: _Reader, data: dict) -> tuple[Scenario, ...]:
    raw = r.items(data, "scenarios", "scenarios", low=4, high=4)
    result = []
    for i, item in enumerate(raw):
        field = f"scenarios[{i + 1}]"
        item = r.mapping(item, field)
        naam = r.text(item, "naam", f"{field}.naam")
        if i < len(SCENARIO_NAMES) and naam and naam != SCENARIO_NAMES[i]:
            r.problem(f"{field}.naam", f"verwacht '{SCENARIO_NAMES[i]}', gevonden '{naam}' "
                                       f"(vaste volgorde: {', '.join(SCENARIO_NAMES)})")
        result.append(Scenario(
            nummer=i + 1, naam=naam,
            samenvatting=r.text(item, "samenvatting", f"{field}.samenvatting"),
            beelden=r.texts(item, "beelden", f"{field}.beelden", low=3, high=6),
        ))
    return tuple(result)


def _theme(path: Path,
           problems: list[ContentProblem]) -> tuple[Theme, list[tuple[int, str]]] | None:
    """Parse one theme file; returns the theme and its unresolved card references."""
    r = _Reader(f"{THEMES_DIR}/{path.name}", problems)
    data = _read_yaml(path, r)
    if data is None:
        if not any(p.file == r.file for p in problems):
            r.problem("(bestand)", "is leeg")
        return None
    data = r.mapping(data, "(bestand)")
    if not data:
        return None
    theme_id = r.identifier(data, "id", "id")
    if theme_id and theme_id != path.stem:
        r.problem("id", f"'{theme_id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
    domein = r.text(data, "domein", "domein")
    if domein and domein not in DOMAINS:
        r.problem("domein", f"onbekend domein '{domein}' (kies uit: {', '.join(DOMAINS)})")
    waarborgen = r.texts(data, "waarborgen", "waarborgen", low=1, high=4)
    for name in waarborgen:
        if name not in WAARBORGEN:
            r.problem("waarborgen", f"onbekende waarborg '{name}' "
                                    f"(kies uit: {', '.join(WAARBORGEN)})")
    werkblad = r.mapping(data.get("werkblad"), "werkblad") if "werkblad" in data else None
    if werkblad is None:
        r.problem("werkblad", "ontbreekt")
        werkblad = {}
    raw_questions = r.items(werkblad, "vragen", "werkblad.vragen", low=1, high=4) if werkblad \
        else []
    parsed_questions = (_question(r, raw, f"werkblad.vragen[{i + 1}]")
                        for i, raw in enumerate(raw_questions))
    questions = [q for q in parsed_questions if q is not None]
    r.unique([q.id for q in questions if q.id], "werkblad.vragen")
    opdracht = _opdracht(r, data.get("opdracht")) if "opdracht" in data else None
    if opdracht is None:
        r.problem("opdracht", "ontbreekt")
        opdracht = Opdracht((), (), "")
    raw_cards = r.items(data, "reflectiekaarten", "reflectiekaarten", low=4, high=6)
    cards: list[Card] = []
    references: list[tuple[int, str]] = []
    for i, raw in enumerate(raw_cards):
        parsed = _card(r, raw, f"reflectiekaarten[{i + 1}]")
        if isinstance(parsed, Card):
            cards.append(parsed)
        elif isinstance(parsed, str):
            references.append((i, parsed))
    theme = Theme(
        id=theme_id, titel=r.text(data, "titel", "titel"), domein=domein, waarborgen=waarborgen,
        volgorde=r.integer(data, "volgorde", "volgorde", low=1, high=99),
        inleiding=r.text(data, "inleiding", "inleiding"),
        werkblad_instructie=r.text(werkblad, "instructie", "werkblad.instructie"),
        vragen=tuple(questions), opdracht=opdracht, kaarten=tuple(cards),
        scenarios=_scenarios(r, data), path=path,
    )
    return theme, references


def _check_card_links(theme: Theme, problems: list[ContentProblem]) -> None:
    r = _Reader(f"{THEMES_DIR}/{theme.path.name}" if theme.path else theme.id, problems)
    r.unique([c.id for c in theme.kaarten if c.id], "reflectiekaarten")
    known = {c.id for c in theme.kaarten}
    for i, plan in enumerate(theme.opdracht.stappen):
        for card_id in plan.kaarten:
            if card_id not in known:
                r.problem(f"opdracht.stappen[{i + 1}].kaarten",
                          f"reflectiekaart '{card_id}' bestaat niet in dit thema")


def _resolve_references(parsed: dict[str, tuple[Theme, list[tuple[int, str]]]],
                        problems: list[ContentProblem]) -> dict[str, Theme]:
    """Replace ``van:`` references with copies of the cards they point at."""
    own_cards = {tid: {c.id: c for c in theme.kaarten} for tid, (theme, _) in parsed.items()}
    themes = {}
    for tid, (theme, references) in parsed.items():
        cards = list(theme.kaarten)
        for index, ref in references:
            source_theme, card_id = ref.split("/")
            field = f"reflectiekaarten[{index + 1}].van"
            r = _Reader(f"{THEMES_DIR}/{theme.path.name}", problems)
            if source_theme == tid:
                r.problem(field, "verwijst naar een kaart in hetzelfde thema")
            elif card_id not in own_cards.get(source_theme, {}):
                r.problem(field, f"kaart '{ref}' bestaat niet")
            else:
                cards.insert(min(index, len(cards)),
                             replace(own_cards[source_theme][card_id],
                                     overgenomen_van=source_theme))
        themes[tid] = replace(theme, kaarten=tuple(cards))
    return themes


def _titled_list(r: _Reader, data: dict, key: str, field: str, count: int,
                 title_key: str = "titel", text_key: str = "tekst") -> tuple[Titled, ...]:
    result = []
    for i, item in enumerate(r.items(data, key, field, low=count, high=count)):
        item = r.mapping(item, f"{field}[{i + 1}]")
        result.append(Titled(r.text(item, title_key, f"{field}[{i + 1}].{title_key}"),
                             r.text(item, text_key, f"{field}[{i + 1}].{text_key}")))
    return tuple(result)


def _general(path: Path, problems: list[ContentProblem]) -> GeneralTexts | None:
    r = _Reader(GENERAL_FILE, problems)
    if not path.exists():
        r.problem("(bestand)", "ontbreekt")
        return None
    data = r.mapping(_read_yaml(path, r), "(bestand)")
    if not data:
        return None
    methode = r.mapping(data.get("methode"), "methode")
    uitleg = r.mapping(data.get("scenario_uitleg"), "scenario_uitleg")
    handleiding = r.mapping(data.get("handleiding"), "handleiding")
    scenarios = _titled_list(r, uitleg, "scenarios", "scenario_uitleg.scenarios", 4,
                             title_key="naam", text_key="uitleg")
    for i, (item, expected) in enumerate(zip(scenarios, SCENARIO_NAMES)):
        if item.titel and item.titel != expected:
            r.problem(f"scenario_uitleg.scenarios[{i + 1}].naam",
                      f"verwacht '{expected}', gevonden '{item.titel}'")
    return GeneralTexts(
        methode_titel=r.text(methode, "titel", "methode.titel"),
        methode_tekst=r.text(methode, "tekst", "methode.tekst"),
        methode_doelen=r.texts(methode, "doelen", "methode.doelen", low=1, high=8),
        scenario_inleiding=r.text(uitleg, "inleiding", "scenario_uitleg.inleiding"),
        scenario_uitleg=scenarios,
        handleiding_inleiding=r.text(handleiding, "inleiding", "handleiding.inleiding"),
        uitgangspunten=_titled_list(r, handleiding, "uitgangspunten",
                                    "handleiding.uitgangspunten", 4),
        fasen=_titled_list(r, handleiding, "fasen", "handleiding.fasen", 3),
        rol=r.text(handleiding, "rol", "handleiding.rol"),
        voorbereiding=r.texts(handleiding, "voorbereiding", "handleiding.voorbereiding",
                              low=1, high=15),
    )


def read_library(content_dir: Path) -> tuple[Library, list[ContentProblem]]:
    """Load everything that can be loaded and list every problem found."""
    problems: list[ContentProblem] = []
    themes_dir = Path(content_dir) / THEMES_DIR
    paths = sorted(themes_dir.glob("*.yaml")) if themes_dir.is_dir() else []
    if not paths:
        problems.append(ContentProblem(f"{THEMES_DIR}/", "(map)", "bevat geen thema's (*.yaml)"))
    parsed: dict[str, tuple[Theme, list[tuple[int, str]]]] = {}
    for path in paths:
        result = _theme(path, problems)
        if result is None:
            continue
        theme = result[0]
        if theme.id in parsed:
            problems.append(ContentProblem(f"{THEMES_DIR}/{path.name}", "id",
                                           f"thema-id '{theme.id}' bestaat al"))
            continue
        parsed[theme.id or path.stem] = result
    themes = _resolve_references(parsed, problems)
    for theme in themes.values():
        _check_card_links(theme, problems)
    general = _general(Path(content_dir) / GENERAL_FILE, problems)
    return Library(themes=themes, general=general), problems


def load_library(content_dir: Path) -> Library:
    """Load ``content/``; raises ContentError listing every problem when anything is wrong."""
    library, problems = read_library(content_dir)
    if problems:
        raise ContentError(problems)
    return library
