"""Development over time, for one locatie or the whole partnership: scenario placements per
theme per year, werkblad scores per year, and the ontwikkelpunten that came back."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.programme.charts import distribution_bars, lines_per_year, matrix
from ui.programme.filters import scope_filters, theme_title
from ui.resources import engine, library
from zet.programme.archive import (
    Scope,
    YearPlacement,
    group_outcomes,
    placements_per_year,
    werkblad_scores_per_year,
)
from zet.programme.rode_lijnen import came_back, confirmed_points


def trends_view(base: Scope) -> Scope:
    """The tab's filters and what the dagdelen show over the years; returns the chosen
    scope, which the quickscan section under it follows too."""
    scope = scope_filters(base, "tr", year=False)
    placements = placements_per_year(group_outcomes(engine(), scope))
    st.markdown("#### Scenario per jaar")
    if not placements:
        st.info("Nog geen vastgestelde scenario's voor deze keuze.")
    else:
        frame = pd.DataFrame([{"jaar": str(p.jaar), "thema": theme_title(p.theme_id),
                               "nu": p.common_nu, "label": "\n".join(p.move_labels()),
                               "tooltip": p.label, "groepen": p.groups,
                               "theme_id": p.theme_id} for p in placements])
        st.caption("Per thema en jaar hoeveel groepen de school waar zagen, nu → gewenst "
                   "(„2× 2 → 3”: twee groepen van scenario 2 naar 3). De kleur is het "
                   "nu-scenario van de meeste groepen; grijs als de groepen verschillen. "
                   "Scenario's worden geteld, niet gemiddeld: het zijn vier beelden, geen "
                   "ladder.")
        order = [t.titel for t in library().ordered_themes()]
        tiles = frame.assign(sort=lambda f: f.thema.map(order.index))
        st.altair_chart(matrix(tiles.sort_values("sort"), order, x="jaar", y="thema"),
                        width="stretch")
        themes = list(dict.fromkeys(frame.theme_id))
        theme_id = st.selectbox("Thema in detail", themes, format_func=theme_title,
                                key="tr_detail")
        detail = [p for p in placements if p.theme_id == theme_id]
        st.altair_chart(distribution_bars(_counts_frame(detail)), width="stretch")
    _scores(scope)
    _came_back(scope)
    return scope


def _counts_frame(placements: list[YearPlacement]) -> pd.DataFrame:
    """Columns jaar, wat (Nu / Gewenst), scenario, groepen: one row per bar segment."""
    return pd.DataFrame([{"jaar": str(p.jaar), "wat": label, "scenario": n, "groepen": count}
                         for p in placements
                         for which, label in (("nu", "Nu"), ("gewenst", "Gewenst"))
                         for n, count in p.counts(which).items() if count],
                        columns=["jaar", "wat", "scenario", "groepen"])


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
