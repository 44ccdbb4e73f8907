"""What a theme is made of, as the app uses it (loaded from ``content/``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zet.steps import Step

ANSWER_TYPES = ("tekst", "lijst", "keuze", "meerkeuze", "schaal", "koos")
ANSWER_TYPE_LABELS = {
    "tekst": "vrije tekst",
    "lijst": "lijst van korte punten",
    "keuze": "één keuze",
    "meerkeuze": "meerdere keuzes",
    "schaal": "schaal 1–5",
    "koos": "gewenste en feitelijke situatie (1–5)",
}
DOMAINS = ("Visie en gespreid leiderschap", "Kwaliteit en professionalisering",
           "Leren en leeromgeving")
WAARBORGEN = ("Lerende leraar", "Leeromgeving", "Organisatie", "Kwaliteitscultuur")
SCENARIO_NAMES = ("Individuele begeleiding", "Commitment Samen Opleiden",
                  "Verbinden en verbreden", "Co-creatie en innovatie")
ROUND_MINUTES = 75


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    vraag: str
    toelichting: str = ""
    opties: tuple[str, ...] = ()
    max_items: int = 6
    laag: str = ""
    hoog: str = ""

    @property
    def is_closed(self) -> bool:
        return self.type in ("keuze", "meerkeuze", "schaal", "koos")


@dataclass(frozen=True)
class StepPlan:
    stap: Step
    minuten: int
    beschrijving: str
    kaarten: tuple[str, ...] = ()


@dataclass(frozen=True)
class Opdracht:
    doelen: tuple[str, ...]
    stappen: tuple[StepPlan, ...]
    toelichting: str

    def plan_for(self, step: Step) -> StepPlan | None:
        return next((plan for plan in self.stappen if plan.stap == step), None)

    def card_hint(self, card_id: str) -> list[Step]:
        """The steps where the opdracht suggests laying this card."""
        return [plan.stap for plan in self.stappen if card_id in plan.kaarten]


@dataclass(frozen=True)
class Card:
    id: str
    titel: str
    kern: str
    vragen: tuple[str, ...]
    inzet: str
    bron: str
    overgenomen_van: str = ""  # theme id the card was reused from, if any


@dataclass(frozen=True)
class Scenario:
    nummer: int
    naam: str
    samenvatting: str
    beelden: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    id: str
    titel: str
    domein: str
    waarborgen: tuple[str, ...]
    volgorde: int
    inleiding: str
    werkblad_instructie: str
    vragen: tuple[Question, ...]
    opdracht: Opdracht
    kaarten: tuple[Card, ...]
    scenarios: tuple[Scenario, ...]
    path: Path | None = None

    def card(self, card_id: str) -> Card | None:
        return next((card for card in self.kaarten if card.id == card_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.vragen if q.id == question_id), None)

    def summary_line(self) -> str:
        return (f"{self.id}: {len(self.kaarten)} reflectiekaarten, "
                f"{len(self.scenarios)} scenario's, {len(self.vragen)} werkbladvragen")


@dataclass(frozen=True)
class Titled:
    titel: str
    tekst: str


@dataclass(frozen=True)
class GeneralTexts:
    methode_titel: str
    methode_tekst: str
    methode_doelen: tuple[str, ...]
    scenario_inleiding: str
    scenario_uitleg: tuple[Titled, ...]  # titel = scenario name
    handleiding_inleiding: str
    uitgangspunten: tuple[Titled, ...]
    fasen: tuple[Titled, ...]
    rol: str
    voorbereiding: tuple[str, ...]


@dataclass
class Library:
    themes: dict[str, Theme] = field(default_factory=dict)
    general: GeneralTexts | None = None

    def ordered_themes(self) -> list[Theme]:
        return sorted(self.themes.values(), key=lambda t: (t.volgorde, t.titel))

    def theme(self, theme_id: str) -> Theme:
        return self.themes[theme_id]
