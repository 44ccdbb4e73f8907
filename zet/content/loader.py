"""Load ``content/`` and validate it; every error names the file and the field."""
from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from zet.answer_types import ANSWER_TYPES
from zet.content import kader
from zet.content.model import (
    DOMAINS,
    PLANS,
    QUICKSCAN_SCALES,
    ROUND_MINUTES,
    SCENARIO_NAMES,
    SHORT_ROUND_MINUTES,
    WAARBORGEN,
    Card,
    ContentProblem,
    GeneralTexts,
    Guidance,
    Library,
    Opdracht,
    Question,
    QuickscanItem,
    Scenario,
    StepPlan,
    Term,
    Theme,
    Titled,
)
from zet.steps import STEP_ORDER, Step

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
THEMES_DIR = "themas"
QUICKSCAN_DIR = "quickscan"
GENERAL_FILE = "algemeen.yaml"
IDEA_MAX_CHARS = 200

THEME_FIELDS = ("id", "titel", "domein", "waarborgen", "volgorde", "inleiding", "werkblad",
                "opdracht", "reflectiekaarten", "scenarios")
WERKBLAD_FIELDS = ("instructie", "vragen")
QUESTION_FIELDS = ("id", "type", "vraag", "toelichting", "opties", "max_items", "laag", "hoog")
OPDRACHT_FIELDS = ("doelen", "stappen", "toelichting")
STEP_FIELDS = ("stap", "minuten", "minuten_60", "beschrijving", "kaarten")
CARD_FIELDS = ("id", "titel", "kern", "vragen", "inzet", "bron")
REFERENCE_FIELDS = ("van",)
SCENARIO_FIELDS = ("naam", "samenvatting", "beelden", "ideeen", "bron")
BASIS_SCENARIO = 2  # Commitment Samen Opleiden: the Kwaliteitskader's minimum
GENERAL_FIELDS = ("methode", "scenario_uitleg", "handleiding", "na_het_dagdeel",
                  "hoofdprocesbegeleider", "deelnemers", "notulist", "scenario_als_laatste",
                  "begrippen")
METHODE_FIELDS = ("titel", "tekst", "doelen")
UITLEG_FIELDS = ("inleiding", "scenarios")
HANDLEIDING_FIELDS = ("inleiding", "uitgangspunten", "fasen", "rol", "voorbereiding")
NA_HET_DAGDEEL_FIELDS = ("kwaliteitscyclus", "vervolg", "peer_review")
HOOFDPROCESBEGELEIDER_FIELDS = ("inleiding", "taken")
TERM_FIELDS = ("term", "uitleg", "ook")
MAX_TERMS = 60
QUICKSCAN_FIELDS = ("thema", "uitspraken")
QUICKSCAN_ITEM_FIELDS = ("id", "tekst", "waarborg", "schaal", "toelichting")
QUICKSCAN_TEXT_MAX = 160  # one statement, read on a phone


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

    def mapping(self, data: Any, field: str, known: tuple[str, ...] = ()) -> dict:
        """A block of fields; with ``known``, every other key is reported as unknown."""
        if not isinstance(data, dict):
            self.problem(field, "moet een blok met velden zijn")
            return {}
        for key in data:
            if known and key not in known:
                self.unknown(str(key), field, known)
        return data

    def unknown(self, key: str, field: str, known: tuple[str, ...]) -> None:
        where = key if field == "(bestand)" else f"{field}.{key}"
        guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"bedoel je '{guess[0]}'?" if guess else f"bekende velden: {', '.join(known)}"
        self.problem(where, f"onbekend veld; {hint}")

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

    def one_of(self, data: dict, key: str, field: str, options: tuple[str, ...]) -> str:
        """A text that must be one of ``options``; '' (reported) when it is not."""
        value = self.text(data, key, field)
        if value and value not in options:
            self.problem(field, f"onbekende {key} '{value}' (kies uit: {', '.join(options)})")
            return ""
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


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


class _StrictLoader(yaml.SafeLoader):
    """safe_load that refuses a key twice in one block (plain YAML keeps only the last)."""


def _unique_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
            continue
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key in seen:
            raise _DuplicateKey(key, line, seen[key])
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def _read_yaml(path: Path, reader: _Reader) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        reader.problem("(bestand)", "is geen UTF-8-tekst; sla het bestand op als UTF-8")
        return None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: safe
    except _DuplicateKey as exc:
        reader.problem(f"regel {exc.line}", f"het veld '{exc.key}' staat twee keer in hetzelfde "
                                            f"blok (ook op regel {exc.first}); houd er één")
    except yaml.YAMLError as exc:
        line, message = _yaml_problem(exc, text)
        reader.problem(f"regel {line}" if line else "(bestand)", message)
    return None


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The line an editor should look at, and what is wrong there, in Dutch.

    The parser often notices a mistake much later than where it is (an unclosed quotation
    mark is only noticed at the next one), so the line of the construct that was open is
    preferred, and an unclosed quotation mark before the error wins.
    """
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    problem_line = problem_mark.line + 1 if problem_mark else None
    context_line = context_mark.line + 1 if context_mark else None
    open_quote = _unclosed_quote_line(text, problem_line)
    if open_quote:
        return open_quote, ("het aanhalingsteken aan het begin van de tekst wordt op deze regel "
                            "niet gesloten")
    if "quoted scalar" in context:
        return context_line or problem_line, "het aanhalingsteken wordt nergens gesloten"
    if "flow" in context:
        return context_line or problem_line, ("een lijst tussen [ ] of een blok tussen { } "
                                              "wordt niet goed gesloten")
    if "\\t" in problem or "\t" in problem:
        return problem_line, "bevat een tab; spring in met spaties"
    if "mapping values are not allowed" in problem:
        return problem_line, ("een tekst bevat een dubbele punt met een spatie erna; zet de "
                              "tekst tussen dubbele aanhalingstekens")
    if "expected" in problem or "did not find" in problem:
        return problem_line, ("de inspringing klopt niet, of een tekst begint met een leesteken "
                              "zonder aanhalingstekens eromheen")
    return problem_line, ("is geen geldige YAML; controleer de inspringing en de "
                          "aanhalingstekens op en vlak voor deze regel")


_QUOTED_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s\"'#][^:#]*:\s+)?([\"'])(.*)$")
_BLOCK_START = re.compile(r"(?:^|:\s|-\s)\s*[>|][+-]?\s*$")


def _unclosed_quote_line(text: str, until: int | None) -> int | None:
    """The first line, up to ``until``, whose value opens a quotation mark and never closes it.

    Lines of block texts (after ``>`` or ``|``) are skipped: quotation marks there are text.
    """
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines()[:until], start=1):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if _BLOCK_START.search(line):
            block_indent = indent
            continue
        match = _QUOTED_START.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' \
            else rest.replace("''", "")
        if quote not in rest:
            return number
    return None


def _question(r: _Reader, data: Any, field: str) -> Question | None:
    data = r.mapping(data, field, QUESTION_FIELDS)
    if not data:
        return None
    qid = r.identifier(data, "id", f"{field}.id")
    qtype = r.text(data, "type", f"{field}.type")
    if qtype and qtype not in ANSWER_TYPES:
        r.problem(f"{field}.type", f"onbekend antwoordtype '{qtype}' "
                                   f"(kies uit: {', '.join(ANSWER_TYPES)})")
    vraag = r.text(data, "vraag", f"{field}.vraag")
    opties: tuple[str, ...] = ()
    kind = ANSWER_TYPES.get(qtype)
    if kind is not None and kind.options:
        opties = r.texts(data, "opties", f"{field}.opties", low=2, high=8)
        if len(set(opties)) != len(opties):
            r.problem(f"{field}.opties", "bevat dezelfde optie meer dan één keer")
    elif "opties" in data:
        r.problem(f"{field}.opties", f"hoort niet bij antwoordtype '{qtype}'")
    max_items = 6
    if kind is not None and kind.items:
        max_items = r.integer(data, "max_items", f"{field}.max_items", low=1, high=12, default=6)
    return Question(
        id=qid, type=qtype, vraag=vraag,
        toelichting=r.text(data, "toelichting", f"{field}.toelichting", optional=True),
        opties=opties, max_items=max_items,
        laag=r.text(data, "laag", f"{field}.laag", optional=True),
        hoog=r.text(data, "hoog", f"{field}.hoog", optional=True),
    )


def _opdracht(r: _Reader, data: Any) -> Opdracht:
    data = r.mapping(data, "opdracht", OPDRACHT_FIELDS)
    doelen = r.texts(data, "doelen", "opdracht.doelen", low=2, high=4)
    raw_steps = r.items(data, "stappen", "opdracht.stappen", low=len(STEP_ORDER),
                        high=len(STEP_ORDER))
    plans = []
    for i, raw in enumerate(raw_steps):
        field = f"opdracht.stappen[{i + 1}]"
        raw = r.mapping(raw, field, STEP_FIELDS)
        name = r.text(raw, "stap", f"{field}.stap")
        expected = STEP_ORDER[i] if i < len(STEP_ORDER) else None
        if name and expected and name != expected.value:
            r.problem(f"{field}.stap", f"verwacht '{expected.value}', gevonden '{name}' "
                                       f"(volgorde: {', '.join(s.value for s in STEP_ORDER)})")
        step = expected or Step.WERKBLAD
        plans.append(StepPlan(
            stap=step,
            minuten=r.integer(raw, "minuten", f"{field}.minuten", low=1, high=ROUND_MINUTES),
            minuten_60=r.integer(raw, "minuten_60", f"{field}.minuten_60", low=1,
                                 high=SHORT_ROUND_MINUTES),
            beschrijving=r.text(raw, "beschrijving", f"{field}.beschrijving"),
            kaarten=r.texts(raw, "kaarten", f"{field}.kaarten", low=1, high=6, optional=True),
        ))
    if len(plans) == len(STEP_ORDER):
        for plan_minutes in PLANS:
            total = sum(p.minutes(plan_minutes) for p in plans)
            key = "minuten" if plan_minutes == ROUND_MINUTES else "minuten_60"
            if total != plan_minutes:
                r.problem("opdracht.stappen", f"de {key} tellen op tot {total}, "
                                              f"niet tot {plan_minutes}")
    return Opdracht(doelen=doelen, stappen=tuple(plans),
                    toelichting=r.text(data, "toelichting", "opdracht.toelichting"))


def _card(r: _Reader, data: Any, field: str) -> Card | str | None:
    """A card, or the ``theme-id/card-id`` reference of a reused card."""
    data = r.mapping(data, field)
    if not data:
        return None
    if "van" in data:
        r.mapping(data, field, REFERENCE_FIELDS)
        ref = r.text(data, "van", f"{field}.van")
        if ref and (ref.count("/") != 1 or not all(ID_PATTERN.match(p) for p in ref.split("/"))):
            r.problem(f"{field}.van", f"'{ref}' moet de vorm thema-id/kaart-id hebben")
            return None
        return ref or None
    r.mapping(data, field, CARD_FIELDS)
    return Card(
        id=r.identifier(data, "id", f"{field}.id"),
        titel=r.text(data, "titel", f"{field}.titel"),
        kern=r.text(data, "kern", f"{field}.kern"),
        vragen=r.texts(data, "vragen", f"{field}.vragen", low=2, high=3),
        inzet=r.text(data, "inzet", f"{field}.inzet"),
        bron=r.text(data, "bron", f"{field}.bron"),
    )


def _scenarios(r: _Reader, data: dict, waarborgen: tuple[str, ...]) -> tuple[Scenario, ...]:
    raw = r.items(data, "scenarios", "scenarios", low=4, high=4)
    result = []
    for i, item in enumerate(raw):
        field = f"scenarios[{i + 1}]"
        item = r.mapping(item, field, SCENARIO_FIELDS)
        naam = r.text(item, "naam", f"{field}.naam")
        if i < len(SCENARIO_NAMES) and naam and naam != SCENARIO_NAMES[i]:
            r.problem(f"{field}.naam", f"verwacht '{SCENARIO_NAMES[i]}', gevonden '{naam}' "
                                       f"(vaste volgorde: {', '.join(SCENARIO_NAMES)})")
        result.append(Scenario(
            nummer=i + 1, naam=naam,
            samenvatting=r.text(item, "samenvatting", f"{field}.samenvatting"),
            beelden=r.texts(item, "beelden", f"{field}.beelden", low=3, high=6),
            ideeen=_ideas(r, item, f"{field}.ideeen"),
            bron=_scenario_source(r, item, f"{field}.bron", waarborgen,
                                  basis=i + 1 == BASIS_SCENARIO),
        ))
    return tuple(result)


def _scenario_source(r: _Reader, item: dict, field: str, waarborgen: tuple[str, ...], *,
                     basis: bool) -> str:
    """Optional on every scenario; scenario 2 states the Kader's minimum, so it cites it:
    the waarborg and, quoted, the lines under 'wat moet minimaal zichtbaar zijn'."""
    if basis and not str(item.get("bron") or "").strip():
        r.problem(field, "ontbreekt; scenario 2 is de basis van het Kwaliteitskader: noem de "
                         "waarborg en citeer de regels onder 'wat moet minimaal zichtbaar zijn' "
                         "waarop dit scenario rust")
        return ""
    bron = r.text(item, "bron", field, optional=True)
    if bron and (basis or kader.quotations(bron)):
        for message in kader.quotation_problems(bron, waarborgen):
            r.problem(field, message)
    return bron


def _ideas(r: _Reader, item: dict, field: str) -> tuple[str, ...]:
    ideas = r.texts(item, "ideeen", field, low=1, high=5, optional=True)
    for i, idea in enumerate(ideas):
        if len(idea) > IDEA_MAX_CHARS:
            r.problem(f"{field}[{i + 1}]", f"is {len(idea)} tekens; houd een idee korter dan "
                                           f"{IDEA_MAX_CHARS} tekens")
    return ideas


def _theme(path: Path,
           problems: list[ContentProblem]) -> tuple[Theme, list[tuple[int, str]]] | None:
    """Parse one theme file; returns the theme and its unresolved card references."""
    r = _Reader(_theme_file(path), problems)
    data = _read_yaml(path, r)
    if data is None:
        if not any(p.file == r.file for p in problems):
            r.problem("(bestand)", "is leeg")
        return None
    data = r.mapping(data, "(bestand)", THEME_FIELDS)
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
    werkblad = r.mapping(data.get("werkblad"), "werkblad", WERKBLAD_FIELDS) \
        if "werkblad" in data else None
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
        scenarios=_scenarios(r, data, waarborgen), path=path,
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
                        problems: list[ContentProblem], files: set[str]) -> dict[str, Theme]:
    """Replace ``van:`` references with copies of the cards they point at.

    ``files`` are the theme ids that have a file, so a reference into a theme that exists
    but could not be read is explained as such.
    """
    own_cards = {tid: {c.id: c for c in theme.kaarten} for tid, (theme, _) in parsed.items()}
    themes = {}
    for tid, (theme, references) in parsed.items():
        cards = list(theme.kaarten)
        for index, ref in references:
            source_theme, card_id = ref.split("/")
            field = f"reflectiekaarten[{index + 1}].van"
            r = _Reader(f"{THEMES_DIR}/{theme.path.name if theme.path else tid}", problems)
            if source_theme == tid:
                r.problem(field, "verwijst naar een kaart in hetzelfde thema")
            elif source_theme in files and source_theme not in parsed:
                r.problem(field, f"kaart '{ref}' is niet beschikbaar: het thema "
                                 f"'{source_theme}' bevat zelf fouten")
            elif card_id not in own_cards.get(source_theme, {}):
                r.problem(field, f"kaart '{ref}' bestaat niet")
            else:
                cards.insert(min(index, len(cards)),
                             replace(own_cards[source_theme][card_id],
                                     overgenomen_van=source_theme))
        themes[tid] = replace(theme, kaarten=tuple(cards))
    return themes


def _titled_list(r: _Reader, data: dict, key: str, field: str, low: int, high: int | None = None,
                 title_key: str = "titel", text_key: str = "tekst",
                 optional: bool = False) -> tuple[Titled, ...]:
    if optional and key not in data:
        return ()
    result = []
    items = r.items(data, key, field, low=low, high=low if high is None else high)
    for i, item in enumerate(items):
        item = r.mapping(item, f"{field}[{i + 1}]", (title_key, text_key))
        result.append(Titled(r.text(item, title_key, f"{field}[{i + 1}].{title_key}"),
                             r.text(item, text_key, f"{field}[{i + 1}].{text_key}")))
    return tuple(result)


def _optional_block(r: _Reader, data: dict, key: str, known: tuple[str, ...]) -> dict:
    return r.mapping(data[key], key, known) if key in data else {}


def _guidance(r: _Reader, data: dict) -> Guidance:
    """The optional parts of algemeen.yaml: follow-up, hoofdprocesbegeleider, begrippen."""
    after = _optional_block(r, data, "na_het_dagdeel", NA_HET_DAGDEEL_FIELDS)
    lead = _optional_block(r, data, "hoofdprocesbegeleider", HOOFDPROCESBEGELEIDER_FIELDS)
    return Guidance(
        kwaliteitscyclus=r.text(after, "kwaliteitscyclus", "na_het_dagdeel.kwaliteitscyclus",
                                optional=True),
        vervolg=r.texts(after, "vervolg", "na_het_dagdeel.vervolg", low=1, high=10,
                        optional=True),
        peer_review=r.text(after, "peer_review", "na_het_dagdeel.peer_review", optional=True),
        hoofdprocesbegeleider=r.text(lead, "inleiding", "hoofdprocesbegeleider.inleiding",
                                     optional=True),
        hoofdprocesbegeleider_taken=r.texts(lead, "taken", "hoofdprocesbegeleider.taken",
                                            low=1, high=12, optional=True),
        deelnemers=r.text(data, "deelnemers", "deelnemers", optional=True),
        notulist=r.text(data, "notulist", "notulist", optional=True),
        scenario_als_laatste=r.text(data, "scenario_als_laatste", "scenario_als_laatste",
                                    optional=True),
        begrippen=_terms(r, data),
    )


def _terms(r: _Reader, data: dict) -> tuple[Term, ...]:
    """The glossary: term, uitleg and optionally ``ook`` (other forms of the word)."""
    if "begrippen" not in data:
        return ()
    result = []
    for i, item in enumerate(r.items(data, "begrippen", "begrippen", low=1, high=MAX_TERMS)):
        field = f"begrippen[{i + 1}]"
        item = r.mapping(item, field, TERM_FIELDS)
        result.append(Term(r.text(item, "term", f"{field}.term"),
                           r.text(item, "uitleg", f"{field}.uitleg"),
                           r.texts(item, "ook", f"{field}.ook", low=1, high=10,
                                   optional=True)))
    seen: set[str] = set()
    for term in result:
        if term.titel.lower() in seen:
            r.problem("begrippen", f"de term '{term.titel}' staat er meer dan één keer in")
        seen.add(term.titel.lower())
    return tuple(result)


def _general(path: Path, problems: list[ContentProblem]) -> GeneralTexts | None:
    r = _Reader(GENERAL_FILE, problems)
    if not path.exists():
        r.problem("(bestand)", "ontbreekt")
        return None
    data = r.mapping(_read_yaml(path, r), "(bestand)", GENERAL_FIELDS)
    if not data:
        return None
    methode = r.mapping(data.get("methode"), "methode", METHODE_FIELDS)
    uitleg = r.mapping(data.get("scenario_uitleg"), "scenario_uitleg", UITLEG_FIELDS)
    handleiding = r.mapping(data.get("handleiding"), "handleiding", HANDLEIDING_FIELDS)
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
        gids=_guidance(r, data),
    )


def _quickscan_file(path: Path, themes: dict[str, Theme], theme_files: set[str],
                    problems: list[ContentProblem]) -> list[QuickscanItem]:
    """The statements of one quickscan file; the file is named after its theme."""
    r = _Reader(f"{QUICKSCAN_DIR}/{path.name}", problems)
    data = _read_yaml(path, r)
    if data is None:
        if not any(p.file == r.file for p in problems):
            r.problem("(bestand)", "is leeg")
        return []
    data = r.mapping(data, "(bestand)", QUICKSCAN_FIELDS)
    theme_id = r.identifier(data, "thema", "thema")
    theme = themes.get(theme_id)
    if theme_id and theme_id != path.stem:
        r.problem("thema", f"'{theme_id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
    elif theme_id and theme_id not in theme_files:
        r.problem("thema", f"er is geen thema '{theme_id}' (themas/{theme_id}.yaml)")
    items = []
    for i, raw in enumerate(r.items(data, "uitspraken", "uitspraken", low=1, high=6)):
        field = f"uitspraken[{i + 1}]"
        raw = r.mapping(raw, field, QUICKSCAN_ITEM_FIELDS)
        tekst = r.text(raw, "tekst", f"{field}.tekst")
        if len(tekst) > QUICKSCAN_TEXT_MAX:
            r.problem(f"{field}.tekst", f"is {len(tekst)} tekens; houd een uitspraak korter "
                                        f"dan {QUICKSCAN_TEXT_MAX} tekens")
        waarborg = r.one_of(raw, "waarborg", f"{field}.waarborg", WAARBORGEN)
        if waarborg and theme is not None and waarborg not in theme.waarborgen:
            r.problem(f"{field}.waarborg", f"'{waarborg}' hoort niet bij het thema "
                                           f"(het thema noemt: {', '.join(theme.waarborgen)})")
        schaal = r.one_of(raw, "schaal", f"{field}.schaal", QUICKSCAN_SCALES)
        items.append(QuickscanItem(
            id=r.identifier(raw, "id", f"{field}.id"), theme_id=theme_id, tekst=tekst,
            waarborg=waarborg, schaal=schaal,
            toelichting=r.text(raw, "toelichting", f"{field}.toelichting", optional=True)))
    r.unique([item.id for item in items if item.id], "uitspraken")
    return items


def _quickscan(content_dir: Path, themes: dict[str, Theme], theme_files: set[str],
               problems: list[ContentProblem]) -> tuple[QuickscanItem, ...]:
    """Every quickscan file; a file with a problem contributes no statement. The folder
    is optional (content without a quickscan still runs)."""
    folder = Path(content_dir) / QUICKSCAN_DIR
    found: list[QuickscanItem] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        before = len(problems)
        items = _quickscan_file(path, themes, theme_files, problems)
        for i, item in enumerate(items):
            if item.id in seen and seen[item.id] != path.name:
                problems.append(ContentProblem(f"{QUICKSCAN_DIR}/{path.name}",
                                               f"uitspraken[{i + 1}].id",
                                               f"id '{item.id}' staat ook in "
                                               f"{QUICKSCAN_DIR}/{seen[item.id]}"))
            seen.setdefault(item.id, path.name)
        if len(problems) == before:
            found.extend(items)
    return tuple(found)


def read_library(content_dir: Path) -> tuple[Library, list[ContentProblem]]:
    """Load everything that can be loaded and list every problem found.

    A theme file with any problem is left out of ``Library.themes`` and recorded in
    ``Library.broken`` (by file name), so the other themes stay usable.
    """
    problems: list[ContentProblem] = []
    themes_dir = Path(content_dir) / THEMES_DIR
    paths = sorted(themes_dir.glob("*.yaml")) if themes_dir.is_dir() else []
    if not paths:
        problems.append(ContentProblem(f"{THEMES_DIR}/", "(map)", "bevat geen thema's (*.yaml)"))
    parsed: dict[str, tuple[Theme, list[tuple[int, str]]]] = {}
    seen_ids: set[str] = set()
    for path in paths:
        result = _theme(path, problems)
        if result is None:
            continue
        theme = result[0]
        if theme.id in seen_ids:
            problems.append(ContentProblem(_theme_file(path), "id",
                                           f"thema-id '{theme.id}' bestaat al"))
            continue
        seen_ids.add(theme.id)
        parsed[path.stem] = result
    themes = _resolve_references(parsed, problems, {path.stem for path in paths})
    for theme in themes.values():
        _check_card_links(theme, problems)
    general = _general(Path(content_dir) / GENERAL_FILE, problems)
    broken = {path.stem: tuple(p for p in problems if p.file == _theme_file(path))
              for path in paths}
    broken = {stem: found for stem, found in broken.items() if found}
    themes = {stem: theme for stem, theme in themes.items() if stem not in broken}
    quickscan = _quickscan(content_dir, themes, {path.stem for path in paths}, problems)
    return Library(themes=themes, general=general, broken=broken,
                   quickscan=quickscan), problems


def _theme_file(path: Path) -> str:
    return f"{THEMES_DIR}/{path.name}"


def load_library(content_dir: Path) -> Library:
    """Load ``content/``; broken theme files are recorded in ``Library.broken``.

    Raises ContentError only when the app cannot run at all: algemeen.yaml is broken or
    no theme could be loaded.
    """
    library, problems = read_library(content_dir)
    fatal = [p for p in problems
             if not p.file.startswith((f"{THEMES_DIR}/", f"{QUICKSCAN_DIR}/"))
             or p.file == f"{THEMES_DIR}/"]
    if fatal or not library.themes:
        raise ContentError(fatal or problems)
    return library
