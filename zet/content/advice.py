"""Writing advice for content editors: valid content that is heavy or looks back.

These rules do not block a theme (a partnership may word things its own way); check-content
prints them as "LET OP" lines and the tests keep the shipped content free of them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from zet.content.model import Card, ContentProblem, GeneralTexts, Library, Theme

KERN_MAX = 300
CARD_MAX = 480  # kern plus questions, readable on a projector
# Source documents and acronyms belong in `bron`, not in what the table reads.
SOURCE_NAMES = re.compile(r"\b[A-Z]{2,}\b|Kwaliteitskader|Zelfevaluatiekader|Handreiking|"
                          r"Kwaliteit maak je samen|handleiding|Routekaart")
# A question that opens a next step (handleiding §3.2 step 3) asks what could or will happen.
FORWARD = re.compile(r"\b(zou|zouden|volgende|eerste stap|wat als|uitproberen|proberen|"
                     r"komend|komende|willen we|gaan we|kunnen we|morgen)\b", re.IGNORECASE)
WORDING = {
    "je eigen school": "schrijf 'deze school' of 'deze locatie'",
    "jouw school": "schrijf 'deze school' of 'deze locatie'",
    "mijn school": "schrijf 'deze school' of 'deze locatie'",
    # The instituutsopleider sits at the table too; 'jullie' makes them a guest.
    "bij jullie": "schrijf 'op deze school of locatie' of 'bij ons'",
    "jullie team": "schrijf 'het team van deze school of locatie'",
    "hij of zij": "schrijf 'die', het meervoud of 'je'",
    "hem of haar": "schrijf 'die', het meervoud of 'je'",
    "zijn of haar": "schrijf 'hun', het meervoud of 'je'",
    "diens": "schrijf 'die', het meervoud of 'je'",
    "facilitator": "beschrijf wat iemand mogelijk maakt (tijd, ruimte)",
    "mentoring": "schrijf 'begeleiding' of 'coaching'",
}
WORDING_PATTERN = re.compile(r"\b(" + "|".join(WORDING) + r")\b", re.IGNORECASE)


def card_length(card: Card) -> int:
    return len(card.kern) + sum(len(q) for q in card.vragen)


def content_advice(library: Library) -> list[ContentProblem]:
    """Every piece of advice for the loaded themes and general texts, naming file and field."""
    advice: list[ContentProblem] = []
    for theme in library.ordered_themes():
        file = f"themas/{theme.path.name}" if theme.path else theme.id
        advice += [ContentProblem(file, f, m) for f, m in _theme_advice(theme)]
    if library.general is not None:
        advice += [ContentProblem("algemeen.yaml", f, m)
                   for f, m in _wording(_general_texts(library.general))]
    return advice


def _theme_advice(theme: Theme) -> Iterator[tuple[str, str]]:
    for i, card in enumerate(theme.kaarten, start=1):
        if not card.overgenomen_van:
            yield from _card_advice(card, f"reflectiekaarten[{i}]")
    for scenario in theme.scenarios:
        if not scenario.ideeen:
            yield (f"scenarios[{scenario.nummer}].ideeen",
                   "ontbreekt; geef een paar korte ideeën om daar te komen")
    yield from _wording(_theme_texts(theme))


def _card_advice(card: Card, field: str) -> Iterator[tuple[str, str]]:
    if len(card.kern) > KERN_MAX:
        yield f"{field}.kern", f"is {len(card.kern)} tekens; houd de kern onder ongeveer {KERN_MAX}"
    if card_length(card) > CARD_MAX:
        yield field, (f"kern en vragen zijn samen {card_length(card)} tekens; op het scherm "
                      f"leest ruim onder de 500 beter")
    source = SOURCE_NAMES.search(card.kern)
    if source:
        yield f"{field}.kern", (f"noemt '{source.group()}'; zet bronnen en afkortingen in "
                                f"'bron' en vertel het inzicht in gewone woorden")
    if not any(FORWARD.search(q) for q in card.vragen):
        yield f"{field}.vragen", ("geen vraag die een volgende stap opent, zoals 'Wat zou ...?' "
                                  "of 'Hoe zouden we ...?'")


def _wording(texts: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for field, text in texts:
        for match in WORDING_PATTERN.finditer(" ".join(text.split())):
            yield field, f"'{match.group()}': {WORDING[match.group().lower()]}"


def _theme_texts(theme: Theme) -> Iterator[tuple[str, str]]:
    """The Dutch texts of a theme that participants and facilitators read (not `bron`)."""
    yield "inleiding", theme.inleiding
    yield "werkblad.instructie", theme.werkblad_instructie
    for i, q in enumerate(theme.vragen, start=1):
        yield from _each(f"werkblad.vragen[{i}]", vraag=q.vraag, toelichting=q.toelichting,
                         opties=q.opties)
    yield from _each("opdracht", doelen=theme.opdracht.doelen,
                     toelichting=theme.opdracht.toelichting)
    for i, plan in enumerate(theme.opdracht.stappen, start=1):
        yield f"opdracht.stappen[{i}].beschrijving", plan.beschrijving
    for i, card in enumerate(theme.kaarten, start=1):
        if not card.overgenomen_van:
            yield from _each(f"reflectiekaarten[{i}]", titel=card.titel, kern=card.kern,
                             vragen=card.vragen, inzet=card.inzet)
    for s in theme.scenarios:
        yield from _each(f"scenarios[{s.nummer}]", samenvatting=s.samenvatting,
                         beelden=s.beelden, ideeen=s.ideeen)


def _general_texts(general: GeneralTexts) -> Iterator[tuple[str, str]]:
    g = general.gids
    yield from _each("methode", tekst=general.methode_tekst, doelen=general.methode_doelen)
    yield "scenario_uitleg.inleiding", general.scenario_inleiding
    yield from _each("handleiding", inleiding=general.handleiding_inleiding, rol=general.rol,
                     voorbereiding=general.voorbereiding,
                     uitgangspunten=[t.tekst for t in general.uitgangspunten],
                     fasen=[t.tekst for t in general.fasen])
    yield from _each("na_het_dagdeel", kwaliteitscyclus=g.kwaliteitscyclus, vervolg=g.vervolg,
                     peer_review=g.peer_review)
    yield from _each("hoofdprocesbegeleider", inleiding=g.hoofdprocesbegeleider,
                     taken=g.hoofdprocesbegeleider_taken)
    yield from _each("", deelnemers=g.deelnemers, notulist=g.notulist,
                     scenario_als_laatste=g.scenario_als_laatste,
                     begrippen=[t.tekst for t in g.begrippen])


def _each(prefix: str, **fields: str | tuple[str, ...] | list[str]) -> Iterator[tuple[str, str]]:
    """Field paths as in the YAML: a text by name, a list item as name[n]."""
    for name, value in fields.items():
        base = f"{prefix}.{name}" if prefix else name
        if isinstance(value, str):
            yield base, value
        else:
            for i, item in enumerate(value, start=1):
                yield f"{base}[{i}]", item
