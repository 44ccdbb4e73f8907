"""Step 4, sterke punten en ontwikkelpunten: points arrive from phones; the
procesbegeleider edits, merges, deletes, adds and confirms the group's list."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui import live
from ui.a11y import name_controls
from ui.limits import limit_caption
from ui.text import md
from ui.writes import act, failed, show_flash
from zet.programme.actions import zek_prompt
from zet.room import points
from zet.room.groups import Group

_EDITING = "editing_point"


def _start_edit(point_id: int) -> None:
    st.session_state[_EDITING] = point_id


def _stop_edit() -> None:
    st.session_state.pop(_EDITING, None)


def _save_edit(group_id: int, point_id: int) -> None:
    text = st.session_state.get(f"edit_text_{point_id}", "")
    kind = st.session_state.get(f"edit_kind_{point_id}")
    act(points.edit_point, group_id, point_id, text, kind)
    st.session_state.pop(_EDITING, None)


def _point_row(group_id: int, point: points.Point, editable: bool, number: int) -> None:
    if editable and st.session_state.get(_EDITING) == point.id:
        with st.container(border=True):
            st.text_input("Tekst", value=point.text, key=f"edit_text_{point.id}")
            limit_caption(points.MAX_POINT)
            st.radio("Soort", list(points.KINDS), index=list(points.KINDS).index(point.kind),
                     format_func=points.KINDS.get, horizontal=True, key=f"edit_kind_{point.id}")
            save, cancel = st.columns(2)
            save.button("Opslaan", key=f"save_{point.id}", type="primary",
                        on_click=_save_edit, args=(group_id, point.id))
            cancel.button("Annuleren", key=f"cancel_{point.id}",
                          on_click=_stop_edit)
        return
    st.text(f"{number}. {point.text}")
    if editable:
        row = st.container(horizontal=True)
        # (icon, key, tooltip, what a screen reader says after "Sterk punt 3", callback, args)
        controls: list[tuple[str, str, str, str, Callable[..., Any], tuple]] = [
            (":material/edit:", f"edit_{point.id}", "Bewerken", "bewerken", _start_edit,
             (point.id,)),
            (":material/arrow_upward:", f"up_{point.id}", "Omhoog", "omhoog", act,
             (points.move_point, group_id, point.id, -1)),
            (":material/arrow_downward:", f"down_{point.id}", "Omlaag", "omlaag", act,
             (points.move_point, group_id, point.id, 1)),
            (":material/delete:", f"del_{point.id}",
             "Verwijderen uit de lijst (de oorspronkelijke bijdrage blijft bewaard)",
             "verwijderen", act, (points.delete_point, group_id, point.id)),
        ]
        for icon, key, tip, _name, callback, args in controls:
            row.button("", icon=icon, key=key, help=tip, on_click=callback, args=args)
        name_controls({key: {"button": f"{points.KINDS[point.kind]} {number} {name}"}
                       for _icon, key, _tip, name, _callback, _args in controls})


def _merge(group_id: int) -> None:
    act(points.merge_points, group_id, st.session_state.get("merge_ids") or [],
        st.session_state.get("merge_text", ""), success="Punten samengevoegd.")
    if not failed():
        st.session_state["merge_ids"], st.session_state["merge_text"] = [], ""


def _merge_form(group_id: int, items: Sequence[points.Point]) -> None:
    # Callbacks, not `if submitted:`: the typed text stays when the merge is refused.
    with st.expander("Punten samenvoegen"), st.form("merge_form"):
        st.multiselect(
            "Kies twee of meer punten van dezelfde soort", [p.id for p in items],
            # Numbered, so two identical points stay two choices.
            format_func=lambda pid: next(f"{points.KINDS[p.kind]} {p.position}: {p.text}"
                                         for p in items if p.id == pid),
            placeholder="Kies punten", key="merge_ids")
        st.text_input("Samengevoegde tekst", key="merge_text",
                      placeholder="De tekst van het samengevoegde punt")
        limit_caption(points.MAX_POINT)
        st.form_submit_button("Samenvoegen", on_click=_merge, args=(group_id,))


def _add(group_id: int) -> None:
    act(points.contribute, group_id, None, st.session_state.get("own_kind"),
        st.session_state.get("own_text", ""))
    if not failed():
        st.session_state["own_text"] = ""


def _add_form(group_id: int) -> None:
    with st.form("own_point_form"):
        st.markdown("**Zelf een punt toevoegen**")
        st.radio("Soort", list(points.KINDS), format_func=points.KINDS.get,
                 horizontal=True, key="own_kind")
        st.text_input("Punt", key="own_text", placeholder="Een punt van de groep")
        limit_caption(points.MAX_POINT)
        st.form_submit_button("Toevoegen", on_click=_add, args=(group_id,))


@st.fragment
def _live(group_id: int) -> None:
    show_flash()
    group = live.group(group_id)
    confirmed = group.points_confirmed_at is not None
    items = live.working_list(group_id)
    columns = st.columns(2, gap="large")
    for column, kind in zip(columns, points.KINDS):
        with column:
            st.markdown(f"### {md(points.KIND_PLURALS[kind])}")
            of_kind = [p for p in items if p.kind == kind]
            if not of_kind:
                st.caption("Nog geen punten.")
            for number, point in enumerate(of_kind, start=1):
                _point_row(group_id, point, not confirmed, number)
    if confirmed:
        st.success("De groep heeft deze lijst bevestigd.", icon=":material/check_circle:")
        st.button("Lijst heropenen om te wijzigen", on_click=act,
                  args=(points.reopen_list, group_id))
    else:
        left, right = st.columns(2, gap="large")
        with left:
            _add_form(group_id)
        with right:
            _merge_form(group_id, items)
            st.button("Lijst bevestigen", type="primary", key="confirm_list",
                      on_click=act, args=(points.confirm_list, group_id),
                      kwargs={"success": "Lijst bevestigd."})
    raw = live.contributions(group_id)
    with st.expander(f"Alle binnengekomen bijdragen ({len(raw)}), zoals verstuurd"):
        for item in raw:
            st.text(f"{points.KINDS[item.kind]} · {item.role or 'procesbegeleider'}: {item.text}")


def show(group: Group) -> None:
    st.markdown("Deelnemers sturen hun punten vanaf de telefoon. Bespreek ze, voeg samen wat "
                "bij elkaar hoort en bevestig de lijst van de groep.")
    st.caption(md(zek_prompt()))
    _live(group.id)
