"""The one-page summary per waarborg that opens the partnership report: where the locaties
stand (counted, not averaged), the sterke punten most locaties share, the ontwikkelpunten
that recur across locaties, and the actions with their status. Plain sentences, so a
programme manager can paste them into the kritische reflectie of a peer review (the
report tab shows the same text to copy)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from zet.export import dutch_date
from zet.programme.actions import Action
from zet.programme.partnership_report import PartnershipReport, WaarborgSection
from zet.programme.rode_lijnen import Line

MAX_STRONG = 5
MAX_RECURRING = 5
MAX_ACTIONS = 6


@dataclass(frozen=True)
class WaarborgSummary:
    waarborg: str
    themes: tuple[str, ...]
    standing: str                 # one sentence: where the locaties stand, counted
    strong: tuple[str, ...]       # "text (3 locaties)", most locaties first
    more_strong: int              # sterke punten beyond the ones listed
    recurring: tuple[str, ...]    # ontwikkelpunten named by more than one locatie
    more_recurring: int           # recurring ones beyond the ones listed
    single_develop: int           # ontwikkelpunten named by one locatie only
    actions: tuple[str, ...]      # "ontwikkelpunt — locatie · theme · … · open sinds …"
    action_counts: str            # "2 open, 1 afgerond"


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _line(line: Line) -> str:
    where = (_count(len(line.locaties), "locatie", "locaties") + ": "
             + ", ".join(line.locaties)) if len(line.locaties) > 1 else line.locaties[0]
    return f"{line.title} ({where})"


def _standing(section: WaarborgSection) -> str:
    """'Laatste besluiten van 5 locaties: nu 3× scenario 2 en 2× scenario 3; gewenst …'"""
    if not section.picture:
        return "Nog geen groep stelde bij deze thema's een scenario vast."
    parts = []
    for which, label in (("nu", "nu"), ("gewenst", "gewenst")):
        counts = Counter(getattr(o, which) for o in section.picture
                         if getattr(o, which) is not None)
        if counts:
            parts.append(f"{label} " + ", ".join(f"{count}× scenario {n}"
                                                 for n, count in sorted(counts.items())))
    groups = _count(len(section.picture), "groep", "groepen")
    locaties = _count(len({o.locatie for o in section.picture}), "locatie", "locaties")
    return (f"Laatste besluiten over deze thema's ({groups} op {locaties}): "
            + "; ".join(parts) + ".")


def _action(action: Action, titles: dict[str, str]) -> str:
    status = (f"afgerond op {dutch_date(action.afgerond_at.date())}"
              if action.afgerond_at and not action.is_open
              else f"open sinds {dutch_date(action.created_at.date())}")
    who = f" · verantwoordelijk: {action.verantwoordelijk}" if action.verantwoordelijk else ""
    return (f"{action.ontwikkelpunt} — {action.locatie} · "
            f"{titles.get(action.theme_id, action.theme_id)}{who} · {status}")


def summarise(report: PartnershipReport, section: WaarborgSection) -> WaarborgSummary:
    titles = {t.id: t.titel for t in report.library.themes.values()}
    recurring = section.recurring
    ordered = sorted(section.all_actions, key=lambda a: (not a.is_open, a.created_at))
    open_count = len(section.actions)
    return WaarborgSummary(
        waarborg=section.waarborg, themes=tuple(t.titel for t in section.themes),
        standing=_standing(section),
        strong=tuple(_line(line) for line in section.strong[:MAX_STRONG]),
        more_strong=max(0, len(section.strong) - MAX_STRONG),
        recurring=tuple(_line(line) for line in recurring[:MAX_RECURRING]),
        more_recurring=max(0, len(recurring) - MAX_RECURRING),
        single_develop=len(section.develop) - len(recurring),
        actions=tuple(_action(a, titles) for a in ordered[:MAX_ACTIONS]),
        action_counts=(f"{open_count} open, {len(section.all_actions) - open_count} afgerond"
                       if section.all_actions else "nog geen acties"))


def summary_text(summary: WaarborgSummary, period: str) -> str:
    """The summary as plain text, ready to paste."""
    lines = [f"Waarborg {summary.waarborg} ({period})",
             f"Thema's: {', '.join(summary.themes)}.", summary.standing, "", "Sterke punten:"]
    lines += [f"- {item}" for item in summary.strong] or ["- (geen bevestigde sterke punten)"]
    if summary.more_strong:
        lines.append(f"- en {summary.more_strong} meer")
    lines += ["", "Ontwikkelpunten die op meer locaties terugkomen:"]
    lines += [f"- {item}" for item in summary.recurring] or [
        "- (geen: elk ontwikkelpunt kwam van één locatie)"]
    if summary.more_recurring:
        lines.append(f"- en {summary.more_recurring} meer")
    if summary.single_develop:
        single = _count(summary.single_develop, "ontwikkelpunt", "ontwikkelpunten")
        lines.append(f"- daarnaast {single} van één locatie")
    lines += ["", f"Acties ({summary.action_counts}):"]
    lines += [f"- {item}" for item in summary.actions] or ["- (nog geen acties)"]
    return "\n".join(lines)
