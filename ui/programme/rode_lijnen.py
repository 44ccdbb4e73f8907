"""Rode lijnen: confirmed points of every locatie, gathered by theme or by waarborg, with how
many locaties say something alike; search; grouping and tagging by hand."""
from __future__ import annotations

import streamlit as st

from ui.programme.filters import scope_filters, theme_title
from ui.resources import engine, library
from ui.text import md
from ui.writes import act, show_flash
from zet.content.model import WAARBORGEN
from zet.programme.archive import Scope
from zet.programme.rode_lijnen import (
    ConfirmedPoint,
    Line,
    add_label,
    by_theme,
    by_waarborg,
    confirmed_points,
    group_points,
    lines,
    locaties_of_line,
    point_groups,
    search,
    set_waarborg,
    ungroup_point,
)
from zet.programme.tenancy import Viewer
from zet.room.points import KIND_PLURALS

FLASH = "_pm_rl_flash"


def _point_label(point: ConfirmedPoint) -> str:
    return f"{point.text} ({point.locatie}, {point.jaar})"


def rode_lijnen_view(base: Scope) -> None:
    show_flash(FLASH)
    scope = scope_filters(base, "rl", theme=False)
    left, middle, right = st.columns([2, 2, 3])
    kind = left.segmented_control("Soort", list(KIND_PLURALS), default="sterk",
                                  format_func=lambda k: KIND_PLURALS[k], key="rl_soort") or "sterk"
    ordering = middle.segmented_control("Ordenen naar", ["thema", "waarborg"],
                                        default="thema", key="rl_orde") or "thema"
    query = right.text_input("Zoeken in punten, locaties en labels", key="rl_zoek")
    everything = confirmed_points(engine(), scope)
    found = [p for p in search(everything, query) if p.kind == kind]
    if not found:
        st.info("Geen bevestigde punten gevonden met deze keuze.")
    groups = point_groups(engine(), scope.viewer)
    buckets = (by_theme(found, library()) if ordering == "thema"
               else by_waarborg(found, library()))
    for name, points in buckets.items():
        if not points:
            continue
        title = theme_title(name) if ordering == "thema" else f"Waarborg {name}"
        st.markdown(f"#### {md(title)}")
        for line in lines(points, groups):
            _line(line, everything)
    _grouping(scope.viewer, found, groups)


def _line(line: Line, everything: list[ConfirmedPoint]) -> None:
    count = locaties_of_line(line, everything)
    badge = f"{count} locatie{'s' if count != 1 else ''}"
    prefix = "Groep: " if line.puntgroep_id is not None else ""
    with st.expander(f"{md(badge)} · {md(prefix)}{md(line.title)}"):
        for point in line.points:
            tags = f"  [{', '.join(point.labels)}]" if point.labels else ""
            under = f" · waarborg {point.waarborg}" if point.waarborg else ""
            st.text(f"• {point.text} — {point.locatie}, {point.jaar}{tags}{under}")
        if line.puntgroep_id is None and len(line.points) > 1:
            st.caption("Deze punten lijken op elkaar (gedeelde woorden). Zet ze in een groep "
                       "als ze echt hetzelfde zeggen.")


def _grouping(viewer: Viewer, found: list[ConfirmedPoint], groups) -> None:
    st.markdown("#### Groeperen en labelen")
    st.caption("Kies punten die hetzelfde zeggen en geef de groep een naam. De indeling wordt "
               "bewaard en telt mee in het overzicht en het verslag.")
    by_id = {p.id: p for p in found}
    chosen = st.multiselect("Punten", list(by_id), format_func=lambda i: _point_label(by_id[i]),
                            placeholder="Kies punten die hetzelfde zeggen",
                            key="rl_kies")
    names = {g.id: g.naam for g in groups}
    left, right = st.columns(2)
    with left:
        target = st.selectbox("In groep", [None, *names], key="rl_doel",
                              format_func=lambda g: "Nieuwe groep" if g is None else names[g])
        st.text_input("Naam van de nieuwe groep", key="rl_naam",
                      disabled=target is not None)
        st.button("Groeperen", key="rl_groepeer", disabled=not chosen, type="primary",
                  on_click=_group, args=(viewer,))
    with right:
        st.text_input("Label", key="rl_label", placeholder="bijv. begeleiding")
        st.button("Label toevoegen", key="rl_label_knop", disabled=not chosen,
                  on_click=_label_all, args=(viewer,))
        st.button("Uit hun groep halen", key="rl_los", disabled=not chosen,
                  on_click=_ungroup_all, args=(viewer,))
    st.caption("Organisatie en Kwaliteitscultuur delen hun thema's. Zet een punt onder de "
               "waarborg waar het over gaat; dan telt het in het verslag alleen daar mee. "
               "Zonder keuze telt het bij elke waarborg van zijn thema.")
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.selectbox("Waarborg", [None, *WAARBORGEN], key="rl_waarborg",
                   format_func=lambda w: "Volgens het thema (alle waarborgen)" if w is None
                   else w)
    right.button("Waarborg toekennen", key="rl_waarborg_knop", disabled=not chosen,
                 on_click=_waarborg_all, args=(viewer,))


# The callbacks read the widgets at click time, so a name typed just before the click counts.

def _group(viewer: Viewer) -> None:
    state = st.session_state
    if act(group_points, viewer, list(state.get("rl_kies", [])), state.get("rl_naam", ""),
           puntgroep_id=state.get("rl_doel"), flash=FLASH, success="Punten gegroepeerd."):
        state["rl_kies"], state["rl_naam"] = [], ""


def _label_all(viewer: Viewer) -> None:
    for point_id in st.session_state.get("rl_kies", []):
        act(add_label, viewer, point_id, st.session_state.get("rl_label", ""), flash=FLASH)


def _waarborg_all(viewer: Viewer) -> None:
    for point_id in st.session_state.get("rl_kies", []):
        act(set_waarborg, viewer, library(), point_id, st.session_state.get("rl_waarborg"),
            flash=FLASH)


def _ungroup_all(viewer: Viewer) -> None:
    for point_id in st.session_state.get("rl_kies", []):
        act(ungroup_point, viewer, point_id, flash=FLASH)
