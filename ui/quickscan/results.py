"""What the quickscan said, for the organiser and the programme manager: the suggested
themes and per theme and waarborg a table by role group (never a single respondent)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.text import md
from zet.quickscan_results import MIN_GROUP, Outcome, QuickscanResults, Spread, suggestions


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def _counts(counts: tuple[int, ...]) -> str:
    return " · ".join(str(n) for n in counts) if sum(counts) else "–"


def spread_row(spread: Spread) -> dict[str, object]:
    """One role group's line, as the screens and the spreadsheet show it."""
    return {"Rolgroep": spread.group, "Aantal": spread.respondents,
            "Gewenst": _number(spread.gewenst_mean),
            "Feitelijk": _number(spread.feitelijk_mean),
            "Verschil": _number(spread.gap),
            "Feitelijk 1·2·3·4·5": _counts(spread.feitelijk),
            "O·V·G": _counts(spread.ovg)}


def outcome_frame(outcome: Outcome) -> pd.DataFrame:
    rows = [spread_row(g) for g in outcome.groups]
    if outcome.total is not None and len(outcome.groups) > 1:
        rows.append(spread_row(outcome.total))
    return pd.DataFrame(rows)


def _outcome(outcome: Outcome) -> None:
    st.markdown(f"**{md(outcome.title)}**")
    if outcome.total is None:
        st.caption(f"Nog te weinig antwoorden: een rolgroep verschijnt vanaf {MIN_GROUP} "
                   "mensen.")
        return
    st.dataframe(outcome_frame(outcome), hide_index=True, width="stretch")
    if outcome.hidden:
        st.caption(f"{int(outcome.hidden)} antwoord(en) van rolgroepen met minder dan {MIN_GROUP} "
                   "mensen staan er niet in.")


def suggestion_list(results: QuickscanResults) -> None:
    found = suggestions(results)
    if not found:
        st.caption(f"Nog geen voorstel: dat komt zodra een rolgroep met minstens {MIN_GROUP} "
                   "mensen een thema heeft ingevuld.")
        return
    st.markdown("**Thema's om te bespreken** (grootste verschil tussen gewenst en feitelijk, "
                "of tussen rollen)")
    st.markdown("\n".join(f"{i}. **{md(s.title)}** — {md(s.reason)}"
                          for i, s in enumerate(found, start=1)))


def results_tables(results: QuickscanResults) -> None:
    st.caption("Gemiddelden op 1–5; verschil = gewenst − feitelijk. Bij O·V·G het aantal "
               "keer ontwikkelen · voldoende · goed.")
    per_theme, per_borg = st.tabs(["Per thema", "Per waarborg"])
    with per_theme:
        for outcome in results.themes:
            _outcome(outcome)
    with per_borg:
        for outcome in results.waarborgen:
            _outcome(outcome)
