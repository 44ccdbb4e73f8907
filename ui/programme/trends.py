"""Development over time, for one locatie or the whole partnership: scenario placements per
theme per year, werkblad scores per year, and the ontwikkelpunten that came back."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.programme.charts import dumbbells, lines_per_year, matrix
from ui.programme.filters import scope_filters, theme_title
from ui.resources import engine, library
from zet.programme_data import (
    Scope,
    group_outcomes,
    placements_per_year,
    werkblad_scores_per_year,
)
from zet.rode_lijnen import came_back, confirmed_points


def trends_view(base: Scope) -> None:
    scope = scope_filters(base, "tr", year=False)
    placements = placements_per_year(group_outcomes(engine(), scope))
    st.markdown("#### Scenario per jaar")
    if not placements:
        st.info("Nog geen vastgestelde scenario's voor deze keuze.")
    else:
        frame = pd.DataFrame([{"jaar": p.jaar, "reeks": theme_title(p.theme_id), "nu": p.nu,
                               "gewenst": p.gewenst, "theme_id": p.theme_id}
                              for p in placements])
        st.caption("Per thema en jaar het gemiddelde van de groepsbesluiten: de kleur is waar "
                   "de school nu staat, de tekst nu → gewenst.")
        order = [t.titel for t in library().ordered_themes()]
        tiles = frame.rename(columns={"reeks": "thema"}).assign(
            jaar=lambda f: f.jaar.astype(str), sort=lambda f: f.thema.map(order.index))
        st.altair_chart(matrix(tiles.sort_values("sort"), order, x="jaar", y="thema"),
                        width="stretch")
        themes = list(dict.fromkeys(frame.theme_id))
        theme_id = st.selectbox("Thema in detail", themes, format_func=theme_title,
                                key="tr_detail")
        detail = frame[frame.theme_id == theme_id].assign(jaar=lambda f: f.jaar.astype(str))
        st.altair_chart(dumbbells(detail[["jaar", "nu", "gewenst"]], "jaar", "jaar"),
                        width="stretch")
    _scores(scope)
    _came_back(scope)


def _scores(scope) -> None:
    st.markdown("#### Werkbladscores per jaar")
    scores = werkblad_scores_per_year(engine(), library(), scope)
    if not scores:
        st.caption("Geen schaal- of KOOS-vragen beantwoord voor deze keuze.")
        return
    rows = []
    for s in scores:
        base = {"Jaar": s.jaar, "Thema": theme_title(s.theme_id), "Vraag": s.vraag,
                "Antwoorden": s.answers}
        if s.score is not None:
            rows.append({**base, "Score": round(s.score, 1)})
        elif s.gewenst is not None and s.feitelijk is not None:
            rows.append({**base, "Gewenst": round(s.gewenst, 1),
                         "Feitelijk": round(s.feitelijk, 1),
                         "Verschil": round(s.gewenst - s.feitelijk, 1)})
    frame = pd.DataFrame(rows)
    scale = frame.dropna(subset=["Score"]) if "Score" in frame else frame.iloc[0:0]
    if not scale.empty:
        chart = scale.assign(reeks=scale.Thema, jaar=scale.Jaar, score=scale.Score)
        st.altair_chart(lines_per_year(chart, "score", "gemiddelde score (1–5)", (1, 5)),
                        width="stretch")
    st.dataframe(frame, hide_index=True, width="stretch")


def _came_back(scope) -> None:
    st.markdown("#### Ontwikkelpunten die terugkwamen")
    pairs = came_back(confirmed_points(engine(), scope))
    if not pairs:
        st.caption("Geen ontwikkelpunt kwam in een later jaar op dezelfde locatie terug.")
        return
    st.dataframe(pd.DataFrame([{
        "Locatie": later.locatie, "Thema": theme_title(later.theme_id),
        "Eerst": f"{earlier.jaar}: {earlier.text}", "Weer": f"{later.jaar}: {later.text}",
    } for earlier, later in pairs]), hide_index=True, width="stretch")
