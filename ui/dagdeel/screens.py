"""What the hoofdprocesbegeleider projects for the whole room: opening, rounds, closing."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import live
from ui.facilitator.frame import join_panel
from ui.resources import library
from ui.summary import outcome
from ui.text import md
from zet.dagdelen import Dagdeel
from zet.report import theme_order
from zet.scenarios import scenario_label


def opening(dagdeel: Dagdeel) -> None:
    general = library().general
    st.markdown(f"# Welkom bij ZET — {md(dagdeel.locatie)}")
    text, join = st.columns([3, 2], gap="large")
    with text:
        st.markdown(f"### {general.methode_titel}")
        st.markdown(general.methode_tekst)
        st.markdown("**Wat deze ochtend oplevert**")
        st.markdown("\n".join(f"{i}. {goal}" for i, goal in
                              enumerate(general.methode_doelen, start=1)))
    with join:
        join_panel(dagdeel)
        _joined(dagdeel.id)
    st.markdown("### De vier scenario's")
    st.markdown(general.scenario_inleiding)
    for column, item, number in zip(st.columns(4), general.scenario_uitleg, range(1, 5)):
        with column, st.container(border=True):
            st.markdown(f"#### {number}. {item.titel}")
            st.markdown(item.tekst)


@st.fragment(run_every=3)
def _joined(dagdeel_id: int) -> None:
    count = len(live.people(dagdeel_id))
    st.markdown(f"<div data-testid='joined-count' style='font-size:2rem;font-weight:700'>"
                f"{count} aangemeld</div>", unsafe_allow_html=True)


@st.fragment(run_every=3)
def round_overview(dagdeel_id: int, nummer: int) -> None:
    """Where everyone goes, and how far each table is."""
    lib = library()
    current = next((r for r in live.all_rounds(dagdeel_id) if r.nummer == nummer), None)
    if current is None:
        return
    times = f" ({current.start_tijd}–{current.eind_tijd})" if current.start_tijd else ""
    st.markdown(f"# Ronde {nummer}{times}")
    columns = st.columns(max(1, len(current.tables)))
    for column, table in zip(columns, current.tables):
        group = live.group(table.group_id)
        with column, st.container(border=True):
            st.markdown(f"## Tafel {table.label}")
            st.markdown(f"**{lib.theme(table.theme_id).titel}**")
            st.caption(f"procesbegeleider {table.procesbegeleider}")
            st.markdown(f"{len(table.members)} deelnemers · stap {group.step.number}: "
                        f"{group.step.label}")


def closing(dagdeel_id: int) -> None:
    """Group by group what came out, then everything side by side."""
    reports = sorted((live.report(table.group_id) for ronde in live.all_rounds(dagdeel_id)
                      for table in ronde.tables), key=theme_order)
    st.markdown("# Plenaire afsluiting")
    for group_report in reports:
        group = group_report.group
        with st.container(border=True):
            st.markdown(f"## {group_report.theme.titel}")
            reporter = f" · vertelt: {md(group.reporter)}" if group.reporter else ""
            st.caption(f"Ronde {group.ronde_nummer} · tafel {group.label} · "
                       f"procesbegeleider {group.procesbegeleider}{reporter}")
            outcome(group_report)
    st.markdown("## Overzicht van alle groepen")
    rows = [{"Thema": r.theme.titel, "Ronde": r.group.ronde_nummer, "Tafel": r.group.label,
             "Nu": scenario_label(r.theme, r.group.scenario_nu),
             "Gewenst": scenario_label(r.theme, r.group.scenario_gewenst),
             "Sterke punten": len(r.points_of("sterk")),
             "Ontwikkelpunten": len(r.points_of("ontwikkel")),
             "Vertelt": r.group.reporter} for r in reports]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
