"""The Kwaliteitskader's minimum: per waarborg the lines under "Wat moet minimaal zichtbaar zijn
in het Samen Opleiden?" (Kwaliteitskader Samen Opleiden in de Onderwijsregio, 2025, §2.1-2.4),
in the Kader's own wording.

Scenario 2 of every theme states this minimum, and its ``bron`` quotes one or more of these
lines, attributed to their waarborg. ``quotation_problems`` checks such a citation against the
lines, so a quotation cannot drift from the Kader; ``tests/test_seed_overlap.py`` checks the
lines themselves against the source text.
"""
from __future__ import annotations

import re

from zet.content.model import WAARBORGEN

MINIMUM: dict[str, tuple[str, ...]] = {
    "Lerende leraar": (
        "Er is een beeld van het beroep geformuleerd. Dit beeld is uitgewerkt in "
        "startbekwaamheden/leeruitkomsten waar aanstaande leraren aan moeten voldoen.",
        "Daaraan is een geëxpliciteerde visie op leren gekoppeld over hoe de verschillende "
        "groepen aanstaande leraren de beoogde bekwaamheden/leeruitkomsten kunnen verwerven.",
        "Het beeld van het beroep en de visie zijn vertaald in uitgangspunten op basis waarvan "
        "opleidingen, schoolbesturen en scholen in duurzaam partnerschap het leren van "
        "aanstaande leraren faciliteren.",
        "Het beeld van het beroep, de visie op leren en de uitgangspunten van het opleiden "
        "worden gedragen in alle lagen van het partnerschap.",
    ),
    "Leeromgeving": (
        "Er is een gezamenlijk opleidingsprogramma voor verschillende groepen aanstaande "
        "leraren.",
        "Het is transparant hoe dit programma gezamenlijk wordt uitgevoerd in de praktijk.",
        "Doelstellingen, programma’s en de feedback- en beoordelingssystematiek zijn vastgelegd.",
        "De werkplek is een professionele leeromgeving waar aanstaande leraren zich optimaal "
        "kunnen ontwikkelen.",
    ),
    "Organisatie": (
        "Er is een overleg-, beslis- en afsprakenstructuur voor de verschillende actoren, "
        "waarin de gezamenlijkheid tot uitdrukking komt.",
        "De verantwoordelijkheden en benodigde competenties van de verschillende actoren zijn "
        "vastgesteld en ingebed in de organisatiestructuur.",
        "Voor de verschillende actoren is een aanpak voor professionele ontwikkeling "
        "uitgewerkt.",
    ),
    "Kwaliteitscultuur": (
        "Het gebruik van een systematiek om de basiskwaliteit te bewaken én continue "
        "ontwikkeling van het Samen Opleiden te borgen. Hierbij spelen alle betrokkenen vanuit "
        "hun eigen taken en verantwoordelijkheden een rol.",
        "Om dit te bereiken worden regelmatig de volgende vragen besproken: Doen we het goede? "
        "Hoe weten we dat? Vinden anderen dat ook (bijvoorbeeld via audits met externen, "
        "ontwikkelingsgerichte peer review)? Wat doen we met die wetenschap?",
        "Om deze vragen te beantwoorden wordt gebruikgemaakt van gegevens die systematisch zijn "
        "verzameld. Op basis van de antwoorden worden vervolgstappen afgesproken, uitgevoerd, "
        "geëvalueerd en bijgesteld.",
    ),
}
NUMBER = {name: i for i, name in enumerate(WAARBORGEN, start=1)}
MIN_QUOTED_WORDS = 6  # a quotation names a real part of a line, not two loose words
QUOTATION = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
CITED_WAARBORG = re.compile(r"\bwaarborg\s+([1-4])\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def words(text: str) -> tuple[str, ...]:
    """The words of a text for comparison: lower case, no punctuation."""
    return tuple(_WORD.findall(text.lower()))


def quotations(text: str) -> list[str]:
    """The quoted passages in a text, between “…” or "…"."""
    return [a or b for a, b in QUOTATION.findall(text)]


def cited_waarborgen(text: str) -> list[str]:
    """The waarborgen a citation names as 'Waarborg N', in order, each once."""
    return list(dict.fromkeys(WAARBORGEN[int(n) - 1] for n in CITED_WAARBORG.findall(text)))


def _within(part: tuple[str, ...], line: tuple[str, ...]) -> bool:
    return any(line[i:i + len(part)] == part for i in range(len(line) - len(part) + 1))


def quotation_problems(bron: str, theme_waarborgen: tuple[str, ...]) -> list[str]:
    """Why ``bron`` is no citation of the minimum (Dutch, for check-content); [] when it is.

    A citation names one or more of the theme's waarborgen as 'Waarborg N' and quotes, for
    each quotation, a part of at least MIN_QUOTED_WORDS words of a minimum line of a named
    waarborg.
    """
    named = cited_waarborgen(bron)
    if not named:
        return ["noemt geen waarborg; schrijf bijvoorbeeld 'Waarborg 2 Leeromgeving'"]
    problems = [f"Waarborg {NUMBER[w]} {w} hoort niet bij dit thema (waarborgen: "
                f"{', '.join(theme_waarborgen)})" for w in named if w not in theme_waarborgen]
    quoted = quotations(bron)
    lines = [words(line) for w in named for line in MINIMUM[w]]
    if not quoted:
        problems.append("citeert geen regel; zet een of meer regels onder 'wat moet minimaal "
                        "zichtbaar zijn' letterlijk tussen aanhalingstekens (“...”)")
    for quote in quoted:
        part = words(quote)
        if len(part) < MIN_QUOTED_WORDS or not any(_within(part, line) for line in lines):
            problems.append(f"“{quote}” staat niet onder 'wat moet minimaal zichtbaar zijn' "
                            f"van {', '.join(f'Waarborg {NUMBER[w]}' for w in named)} "
                            f"(ten minste {MIN_QUOTED_WORDS} woorden letterlijk)")
    return problems
