"""What the quickscan said, for the organiser and the programme manager: the suggested
themes and per theme and waarborg a table by role group (never a single respondent)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.text import md
from zet.programme.quickscan_results import (
    MIN_GROUP,
    SPREAD_COLUMNS,
    Outcome,
    QuickscanResults,
    outcome_rows,
    suggestions,
)


def outcome_frame(outcome: Outcome) -> pd.DataFrame:
    return pd.DataFrame(outcome_rows(outcome), columns=SPREAD_COLUMNS)


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
