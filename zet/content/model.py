"""What a theme is made of, as the app uses it (loaded from ``content/``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zet.answer_types import ANSWER_TYPES
from zet.steps import Step

DOMAINS = ("Visie en gespreid leiderschap", "Kwaliteit en professionalisering",
           "Leren en leeromgeving")
WAARBORGEN = ("Lerende leraar", "Leeromgeving", "Organisatie", "Kwaliteitscultuur")
SCENARIO_NAMES = ("Individuele begeleiding", "Commitment Samen Opleiden",
                  "Verbinden en verbreden", "Co-creatie en innovatie")
ROUND_MINUTES = 75
SHORT_ROUND_MINUTES = 60  # the handleiding allows rounds of an hour (time to change rooms)
PLANS = (ROUND_MINUTES, SHORT_ROUND_MINUTES)  # the stappenplannen a round can follow
PLAN_LABELS = {ROUND_MINUTES: "75 minuten", SHORT_ROUND_MINUTES: "60 minuten"}
# How a quickscan item is rated: KOOS's gewenste and feitelijke situatie (1-5 each), or the
# ZEK's O / V / G (ontwikkelen, voldoende, goed).
QUICKSCAN_SCALES = ("koos", "ovg")
OVG = ("O", "V", "G")
OVG_LABELS = {"O": "moet ontwikkeld worden", "V": "voldoende aanwezig", "G": "goed aanwezig"}


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
        kind = ANSWER_TYPES.get(self.type)
        return kind is not None and kind.closed


@dataclass(frozen=True)
class StepPlan:
    stap: Step
    minuten: int  # in the 75-minute plan
    beschrijving: str
    kaarten: tuple[str, ...] = ()
    minuten_60: int = 0  # in the 60-minute plan

    def minutes(self, plan: int = ROUND_MINUTES) -> int:
        """This step's minutes in the plan of ``plan`` minutes (75 or 60)."""
        return self.minuten_60 if plan == SHORT_ROUND_MINUTES else self.minuten

    @property
    def always_done(self) -> bool:
        return self.stap.spec.always_done


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
    ideeen: tuple[str, ...] = ()  # "ideeën om daar te komen" (handleiding §3.4)
    # The Kwaliteitskader's minimum lines this scenario rests on (required for scenario 2,
    # which is the basis every partnership must show).
    bron: str = ""


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
class Term(Titled):
    """A glossary entry: ``titel`` is the term, ``tekst`` its explanation, ``ook`` other forms
    of the word that count as a use (a plural the simple endings miss, a derived word)."""
    ook: tuple[str, ...] = ()

    def forms(self) -> tuple[str, ...]:
        """The term, each part of an 'a/b' term, and the extra forms."""
        parts = [self.titel] + ([p.strip() for p in self.titel.split("/")]
                                if "/" in self.titel else [])
        return tuple(dict.fromkeys(p for p in (*parts, *self.ook) if p))


@dataclass(frozen=True)
class ContentProblem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Guidance:
    """The parts of the handleiding beyond one theme group; every field may be empty."""
    kwaliteitscyclus: str = ""  # PDCA / IMWR: how the outcome enters the quality cycle
    vervolg: tuple[str, ...] = ()  # what happens after the dagdeel
    peer_review: str = ""  # results per waarborg feed the kritische reflectie
    hoofdprocesbegeleider: str = ""
    hoofdprocesbegeleider_taken: tuple[str, ...] = ()
    deelnemers: str = ""  # who takes part: 12-16, mixed roles, scope by doelgroep
    notulist: str = ""
    scenario_als_laatste: str = ""  # why the app puts the scenario last
    begrippen: tuple[Term, ...] = ()

    def is_complete(self) -> bool:
        return all(bool(getattr(self, name)) for name in self.__dataclass_fields__)


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
    gids: Guidance = field(default_factory=Guidance)


@dataclass(frozen=True)
class QuickscanItem:
    """One statement of the quickscan (``content/quickscan/<theme-id>.yaml``)."""
    id: str
    theme_id: str
    tekst: str
    waarborg: str
    schaal: str  # one of QUICKSCAN_SCALES
    toelichting: str = ""


@dataclass
class Library:
    themes: dict[str, Theme] = field(default_factory=dict)
    general: GeneralTexts | None = None
    # theme id (its file name) -> what is wrong; such a theme is left out of ``themes``
    broken: dict[str, tuple[ContentProblem, ...]] = field(default_factory=dict)
    # The quickscan's statements, in theme order; a broken quickscan file leaves its out.
    quickscan: tuple[QuickscanItem, ...] = ()

    def quickscan_items(self, theme_ids: tuple[str, ...] | list[str] | None = None
                        ) -> list[QuickscanItem]:
        """The statements of the given themes (all when None), in the themes' order."""
        order = {t.id: i for i, t in enumerate(self.ordered_themes())}
        chosen = [item for item in self.quickscan if item.theme_id in self.themes
                  and (theme_ids is None or item.theme_id in theme_ids)]
        return sorted(chosen, key=lambda item: order[item.theme_id])

    def quickscan_themes(self) -> list[Theme]:
        """The themes that have quickscan statements."""
        having = {item.theme_id for item in self.quickscan}
        return [t for t in self.ordered_themes() if t.id in having]

    def ordered_themes(self) -> list[Theme]:
        return sorted(self.themes.values(), key=lambda t: (t.volgorde, t.titel))

    def theme(self, theme_id: str) -> Theme:
        return self.themes[theme_id]

    def title(self, theme_id: str) -> str:
        """The theme's title for lists and labels; also safe for a disabled or missing theme."""
        theme = self.themes.get(theme_id)
        if theme is not None:
            return theme.titel
        state = "uitgeschakeld" if theme_id in self.broken else "niet beschikbaar"
        return f"{theme_id} ({state})"

    def problem(self, theme_id: str) -> str | None:
        """Why this theme is not available, naming file and fields; None when it is."""
        if theme_id in self.themes:
            return None
        problems = self.broken.get(theme_id)
        if not problems:
            return (f"Het thema '{theme_id}' staat niet in de inhoud: er is geen bestand "
                    f"themas/{theme_id}.yaml met dat id.")
        lines = "\n".join(f"- {p.field}: {p.message}" for p in problems)
        return (f"Het thema '{theme_id}' is uitgeschakeld omdat {problems[0].file} fouten "
                f"bevat. Herstel ze, controleer met `python -m zet check-content` en start "
                f"de app opnieuw:\n{lines}")
