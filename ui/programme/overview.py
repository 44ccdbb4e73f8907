"""The overview: where every locatie stands on every theme (the latest placement, nu →
gewenst), and per theme the picture across locaties."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.programme.charts import dumbbells, matrix
from ui.programme.filters import theme_title
from ui.resources import engine, library
from zet.programme.archive import Scope, group_outcomes, latest_placements

COLUMNS = ["locatie", "thema", "theme_id", "nu", "gewenst", "jaar", "label", "tooltip"]


def _pair(nu: int | None, gewenst: int | None) -> str:
    return f"{nu or '–'} → {gewenst or '–'}"


def _latest_frame(base: Scope) -> pd.DataFrame:
    latest = latest_placements(group_outcomes(engine(), base))
    return pd.DataFrame([{"locatie": o.locatie, "thema": theme_title(o.theme_id),
                          "theme_id": o.theme_id, "nu": o.nu, "gewenst": o.gewenst,
                          "jaar": o.jaar, "label": f"{_pair(o.nu, o.gewenst)}\n{o.jaar}",
                          "tooltip": f"{_pair(o.nu, o.gewenst)} (besproken in {o.jaar})"}
                         for o in latest.values()], columns=COLUMNS)


def overview_view(base: Scope) -> None:
    frame = _latest_frame(base)
    if frame.empty:
        st.info("Nog geen enkele groep heeft een scenario vastgesteld.")
        return
    order = [t.titel for t in library().ordered_themes()]
    st.markdown("#### Waar staat elke locatie, per thema?")
    st.caption("Per locatie en thema de laatste keer dat een groep het besprak: de kleur is "
               "waar de school nu staat, de tekst nu → gewenst met het jaar eronder. Een leeg "
               "vak: dat thema is daar nog niet besproken.")
    st.altair_chart(matrix(frame, order, x="locatie", y="thema"), width="stretch")
    st.markdown("#### Eén thema over de locaties")
    themes = [t.id for t in library().ordered_themes() if t.id in set(frame.theme_id)]
    theme_id = st.selectbox("Thema", themes, format_func=theme_title, key="ov_thema")
    picked = frame[frame.theme_id == theme_id].sort_values("locatie")
    st.altair_chart(dumbbells(picked[["locatie", "nu", "gewenst"]], "locatie"),
                    width="stretch")
    st.dataframe(picked[["locatie", "nu", "gewenst", "jaar"]].rename(columns={
        "locatie": "Locatie", "nu": "Nu", "gewenst": "Gewenst", "jaar": "Besproken in"}),
        hide_index=True, width="stretch")
