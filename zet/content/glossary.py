"""Which glossary words a text uses, so the phone and the control view can explain them
where they occur ("Begrippen" under the step)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from zet.content.model import Card, Term, Theme
from zet.steps import Step

# Dutch plurals and the like: werkplekbegeleider(s), reflectiekaart(en), scenario('s).
# Irregular forms (leraar -> leraren, dagdeel -> dagdelen) go in a term's `ook`.
ENDINGS = r"(?:s|en|n|'s)?"


@lru_cache(maxsize=512)
def _pattern(form: str) -> re.Pattern[str]:
    """A whole-word match of a form; an acronym (ZEK, KOOS) only in capitals."""
    words = r"\s+".join(re.escape(w) for w in form.split())
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){words}{ENDINGS}(?!\w)", flags)


def terms_in(text: str, terms: Iterable[Term]) -> tuple[Term, ...]:
    """The glossary entries whose term (or one of its forms) occurs in ``text``, in the
    glossary's order."""
    return tuple(term for term in terms
                 if any(_pattern(form).search(text) for form in term.forms()))


def _question_texts(theme: Theme) -> Iterator[str]:
    for question in theme.vragen:
        yield question.vraag
        yield question.toelichting or ""
        yield from question.opties


def _werkblad_texts(theme: Theme, cards: Iterable[Card]) -> Iterator[str]:
    yield theme.werkblad_instructie
    yield from _question_texts(theme)


def _card_texts(theme: Theme, cards: Iterable[Card]) -> Iterator[str]:
    for card in cards:
        yield from (card.titel, card.kern, *card.vragen)


def _scenario_texts(theme: Theme, cards: Iterable[Card]) -> Iterator[str]:
    for scenario in theme.scenarios:
        yield from (scenario.samenvatting, *scenario.beelden, *scenario.ideeen)


def _none(theme: Theme, cards: Iterable[Card]) -> Iterator[str]:
    return iter(())


# The theme's texts each step puts in front of people (``tests/test_step_registries.py``).
STEP_TEXTS: dict[Step, Callable[[Theme, Iterable[Card]], Iterator[str]]] = {
    Step.WERKBLAD: _werkblad_texts,
    Step.UITWISSELING: lambda theme, cards: _question_texts(theme),
    Step.REFLECTIEKAARTEN: _card_texts,
    Step.PUNTEN: _none,
    Step.SCENARIO: _scenario_texts,
    Step.AFRONDING: _none,
}


def step_texts(theme: Theme, step: Step, cards: Iterable[Card] = ()) -> Iterator[str]:
    """The theme's texts a step puts in front of people; ``cards`` are the reflectiekaarten
    in view (on the phone the ones laid, in the control view all of them)."""
    return STEP_TEXTS[step](theme, cards)
