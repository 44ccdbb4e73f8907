"""The filters every programme-manager view shares: partnership, locatie, year, theme.
They start from the account's Viewer, so every Scope they hand out carries it."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from ui.resources import engine, library
from ui.text import md
from zet.programme.archive import Scope, years
from zet.programme.locaties import list_locaties, list_partnerships
from zet.programme.tenancy import Viewer

ALL = "Alle"


def partnership_choice(viewer: Viewer) -> Scope | None:
    """The partnership to look at, among the viewer's (asked only when there are several);
    None when the viewer sees none."""
    partnerships = list_partnerships(engine(), viewer)
    if len(partnerships) == 1:
        st.caption(md(partnerships[0].naam))
        return Scope(viewer, partnerships[0].id)
    if not partnerships:
        return None
    names = {p.id: p.naam for p in partnerships}
    choice: int = st.selectbox("Opleidingsschool", list(names),
                               format_func=lambda i: names[i], key="pm_partnerschap")
    return Scope(viewer, choice)


def scope_filters(base: Scope, key: str, *, theme: bool = True, year: bool = True) -> Scope:
    """Locatie, year and (optionally) theme pickers in one row; returns ``base`` narrowed."""
    locaties = {loc.id: loc.naam
                for loc in list_locaties(engine(), base.viewer, base.partnerschap_id)}
    columns = iter(st.columns(1 + year + theme))
    with next(columns):
        locatie_id = st.selectbox("Locatie", [None, *locaties], key=f"{key}_locatie",
                                  format_func=lambda v: ALL if v is None else locaties[v])
    jaar = None
    if year:
        with next(columns):
            jaar = st.selectbox("Jaar", [None, *years(engine(), base)], key=f"{key}_jaar",
                                format_func=lambda v: ALL if v is None else str(v))
    theme_id = None
    if theme:
        titles = {t.id: t.titel for t in library().ordered_themes()}
        with next(columns):
            theme_id = st.selectbox("Thema", [None, *titles], key=f"{key}_thema",
                                    format_func=lambda v: ALL if v is None else titles[v])
    return replace(base, locatie_id=locatie_id, jaar=jaar, theme_id=theme_id)


def theme_title(theme_id: str) -> str:
    theme = library().themes.get(theme_id)
    return theme.titel if theme else theme_id
