"""One strategy per werkblad answer type (``Question.type``): its label, how an answer is
checked and stored, when it counts as complete and how many answers are counted up.

Every layer keeps one registry keyed by the type's name: ``ANSWER_TYPES`` here, the beamer's
cut ``zet.room.screen_pages.QUESTION_CUTS``, the PDF's ``zet.export.werkblad_pdf.PDF_BODIES``, the
beamer's ``ui.projector.render.QUESTION_BODIES`` and the phone's
``ui.participant.werkblad.INPUTS``. ``tests/test_step_registries.py`` fails when a type is
missing from one; ``docs/architecture.md`` says how to add one.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import TYPE_CHECKING, Any

from zet.errors import UserError
from zet.fields import multi_line, one_line, within_limit

if TYPE_CHECKING:
    from zet.content.model import Question
    from zet.room.aggregates import QuestionSummary

MAX_TEXT = 2000
MAX_ITEM = 200
SCALE = range(1, 6)
KOOS_KEYS = ("gewenst", "feitelijk")


def scale_value(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise UserError(f"Kies voor {what} een waarde van 1 tot en met 5.")
    return value


def text_value(value: Any, limit: int, *, item: bool = False) -> str:
    """An open answer (several lines) or a list item (one line), trimmed by ``zet.fields``."""
    if not isinstance(value, str):
        raise UserError("Dit antwoord moet tekst zijn.")
    value = one_line(value) if item else multi_line(value)
    return within_limit(value, limit, "een punt van je lijst" if item else "je antwoord")


def complete_pair(value: Any) -> bool:
    """A KOOS answer with both situations given."""
    return all(value.get(key) is not None for key in KOOS_KEYS)


@dataclass(frozen=True)
class YearMean:
    """A schaal's mean ``score``, or a KOOS answer's mean ``gewenst`` and ``feitelijk``."""
    score: float | None
    gewenst: float | None
    feitelijk: float | None
    answers: int


class AnswerType(ABC):
    """The behaviour of one answer type; subclasses override what differs.

    ``closed``: answered by choosing, not typing (the beamer draws counts, not texts).
    ``options``: the question lists its ``opties``; ``items``: it has ``max_items``.
    ``scored``: a number on 1–5 that the programme compares over the years."""
    name = ""
    label = ""
    closed = False
    options = False
    items = False
    scored = False

    @abstractmethod
    def normalise(self, question: Question, value: Any) -> Any:
        """The stored form of a given (not None) answer, or None when it is empty.
        Raises UserError if invalid."""

    def complete(self, value: Any) -> bool:
        """A stored (not None) answer counts as 'ingevuld'."""
        return True

    def tally(self, summary: QuestionSummary) -> None:
        """Count the summary's visible answers up (``summary.by_role`` is filled); the
        typed answers have nothing to count."""
        return None

    def year_mean(self, values: list[Any]) -> YearMean | None:
        """The mean of one question's answers in a year, for a ``scored`` type."""
        return None


class Tekst(AnswerType):
    name, label = "tekst", "vrije tekst"

    def normalise(self, question: Question, value: Any) -> Any:
        return text_value(value, MAX_TEXT) or None


class Lijst(AnswerType):
    name, label, items = "lijst", "lijst van korte punten", True

    def normalise(self, question: Question, value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise UserError("Dit antwoord moet een lijst zijn.")
        items = [item for item in (text_value(v, MAX_ITEM, item=True) for v in value) if item]
        if len(items) > question.max_items:
            raise UserError(f"Noem hoogstens {question.max_items} punten.")
        return items or None


class _Choice(AnswerType):
    closed = options = True

    def tally(self, summary: QuestionSummary) -> None:
        opties = summary.question.opties
        totals: Counter[str] = Counter()
        for role, values in summary.by_role.items():
            chosen = Counter(option for value in values
                             for option in (value if isinstance(value, list) else [value]))
            summary.option_counts_by_role[role] = {o: chosen[o] for o in opties}
            totals.update(chosen)
        summary.option_counts = {option: totals[option] for option in opties}


class Keuze(_Choice):
    name, label = "keuze", "één keuze"

    def normalise(self, question: Question, value: Any) -> Any:
        if value not in question.opties:
            raise UserError("Kies een van de opties.")
        return value


class Meerkeuze(_Choice):
    name, label = "meerkeuze", "meerdere keuzes"

    def normalise(self, question: Question, value: Any) -> Any:
        if not isinstance(value, (list, tuple)) or any(v not in question.opties for v in value):
            raise UserError("Kies uit de opties.")
        return [option for option in question.opties if option in value] or None


class Schaal(AnswerType):
    name, label, closed, scored = "schaal", "schaal 1–5", True, True

    def normalise(self, question: Question, value: Any) -> Any:
        return scale_value(value, "deze vraag")

    def tally(self, summary: QuestionSummary) -> None:
        for role, values in summary.by_role.items():
            counts = Counter(values)
            summary.scale_by_role[role] = {point: counts[point] for point in SCALE}

    def year_mean(self, values: list[Any]) -> YearMean | None:
        scores = [v for v in values if isinstance(v, int)]
        return YearMean(mean(scores), None, None, len(scores)) if scores else None


class Koos(AnswerType):
    name, label = "koos", "gewenste en feitelijke situatie (1–5)"
    closed = scored = True

    def normalise(self, question: Question, value: Any) -> Any:
        if not isinstance(value, dict):
            raise UserError("Geef de gewenste en de feitelijke situatie een waarde.")
        pair = {key: (None if value.get(key) is None else scale_value(value.get(key), label))
                for key, label in (("gewenst", "de gewenste situatie"),
                                   ("feitelijk", "de feitelijke situatie"))}
        return pair if any(v is not None for v in pair.values()) else None

    def complete(self, value: Any) -> bool:
        return complete_pair(value)

    def tally(self, summary: QuestionSummary) -> None:
        for role, values in summary.by_role.items():
            pairs = [v for v in values if complete_pair(v)]
            if pairs:
                summary.koos_by_role[role] = (mean(v["gewenst"] for v in pairs),
                                              mean(v["feitelijk"] for v in pairs))

    def year_mean(self, values: list[Any]) -> YearMean | None:
        pairs = [v for v in values if isinstance(v, dict) and complete_pair(v)]
        if not pairs:
            return None
        return YearMean(None, mean(v["gewenst"] for v in pairs),
                        mean(v["feitelijk"] for v in pairs), len(pairs))


ANSWER_TYPES: dict[str, AnswerType] = {
    kind.name: kind for kind in (Tekst(), Lijst(), Keuze(), Meerkeuze(), Schaal(), Koos())}


def answer_type(question: Question) -> AnswerType:
    """The strategy of a question's type (the loader refuses unknown types)."""
    try:
        return ANSWER_TYPES[question.type]
    except KeyError:
        raise UserError(f"Onbekend antwoordtype '{question.type}'.") from None
