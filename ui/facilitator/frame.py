"""The frame around every step of the procesbegeleider's screen: sidebar, header, navigation."""
from __future__ import annotations

import streamlit as st

from ui.actions import act
from ui.resources import engine, facilitator_url, join_url, library
from zet import groups
from zet.clock import now
from zet.content.model import Theme
from zet.dagdelen import Dagdeel, close_dagdeel
from zet.export import group_pdf, spreadsheets
from zet.qr import qr_png
from zet.report import GroupReport, build_group_report
from zet.steps import STEP_ORDER, Step
from zet.timer import guard, round_end


def _report(group_id: int) -> GroupReport:
    return build_group_report(engine(), library(), group_id)


def export_buttons(group: groups.Group, dagdeel: Dagdeel, *, key: str) -> None:
    """PDF, CSV and Excel, made when clicked, at any moment of the session."""
    table = f"_r{group.ronde_nummer}{group.label}" if group.label else ""
    stem = f"ZET_{dagdeel.datum:%Y-%m-%d}_{slug(dagdeel.locatie)}_{group.theme_id}{table}"
    st.download_button("Verslag (PDF)", lambda: group_pdf.group_report_pdf(_report(group.id)),
                       file_name=f"{stem}.pdf", mime="application/pdf",
                       icon=":material/picture_as_pdf:",
                       key=f"pdf_{key}", on_click="ignore", width="stretch")
    st.download_button("Alle antwoorden (Excel)",
                       lambda: spreadsheets.raw_responses_xlsx(_report(group.id)),
                       file_name=f"{stem}.xlsx", icon=":material/table_view:", key=f"xlsx_{key}",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore", width="stretch")
    st.download_button("Alle antwoorden (CSV)",
                       lambda: spreadsheets.raw_responses_csv(_report(group.id)),
                       file_name=f"{stem}.csv", mime="text/csv",
                       icon=":material/description:", key=f"csv_{key}",
                       on_click="ignore", width="stretch")


def slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-")[:40] or "locatie"


def sidebar(group: groups.Group, dagdeel: Dagdeel, theme: Theme) -> bool:
    """Session facts, links, export and closing. Returns whether to show the QR panel."""
    with st.sidebar:
        st.markdown(f"### {theme.titel}")
        table = f"ronde {group.ronde_nummer} · tafel {group.label} · " if group.label else ""
        st.caption(f"{dagdeel.locatie} · {dagdeel.datum:%d-%m-%Y} · {table}"
                   f"procesbegeleider {group.procesbegeleider}")
        show_qr = st.toggle("Deelnamecode op het scherm", value=group.step == Step.WERKBLAD,
                            key=f"qr_toggle_{group.step.value}",
                            help="Voor wie later binnenkomt.")
        st.markdown(f"Deelnamecode: **{dagdeel.join_code}**")
        with st.expander("Jouw link als procesbegeleider"):
            st.caption("Bewaar deze link: ermee kom je terug bij deze bediening, ook na het "
                       "herladen of op een andere laptop. Deel hem niet met deelnemers.")
            st.code(facilitator_url(group.secret), language=None, wrap_lines=True)
        st.markdown("#### Export")
        export_buttons(group, dagdeel, key="sidebar")
        st.markdown("#### Sessie")
        if group.label and dagdeel.is_open:  # one table of a dagdeel: not yours to close
            st.caption("Het dagdeel wordt afgesloten door de hoofdprocesbegeleider.")
        elif dagdeel.is_open:
            with st.popover("Sessie afsluiten", width="stretch"):
                st.write("Na afsluiten kunnen deelnemers niets meer invullen of wijzigen. "
                         "Exporteren blijft mogelijk.")
                st.button("Ja, sluit de sessie af", type="primary", key="close_session",
                          on_click=act, args=(close_dagdeel, dagdeel.id),
                          kwargs={"success": "De sessie is afgesloten."})
        else:
            st.info("Deze sessie is afgesloten.")
        st.page_link("pages/themas.py", label="Handleiding en thema's", icon=":material/menu_book:")
    return show_qr


def join_panel(dagdeel: Dagdeel, *, compact: bool = False) -> None:
    """Large QR code, join code and URL, readable from the back of the room."""
    url = join_url(dagdeel.join_code)
    st.image(qr_png(url), width=220 if compact else 420)
    st.markdown(f"<div data-testid='join-code' style='font-size:{'2.2' if compact else '4'}rem;"
                f"font-weight:700;letter-spacing:0.3rem'>{dagdeel.join_code}</div>",
                unsafe_allow_html=True)
    st.caption(f"Scan de code of ga naar {url}")


@st.fragment(run_every=15)
def _timer(group: groups.Group, theme: Theme, datum) -> None:
    """Time in this step against the opdracht's minutes, and what the round has left."""
    state = guard(theme.opdracht, group.step, group.step_changed_at, now(),
                  round_end(datum, group.eind_tijd))
    parts = [f"Stap {group.step.number} van {len(STEP_ORDER)}",
             f"richttijd {state.suggested} min", f"bezig sinds {state.step_minutes} min"]
    if state.round_left is not None:
        parts.append(f"nog {max(state.round_left, 0)} min in deze ronde")
    st.caption(" · ".join(parts))
    if state.warning:
        st.warning(state.warning, icon=":material/timer:")


def stepper(current: Step) -> str:
    """All six steps on one line, the current one highlighted."""
    parts = []
    for step in STEP_ORDER:
        if step == current:
            parts.append(f":blue-background[**{step.number}. {step.label}**]")
        elif step.number < current.number:
            parts.append(f":gray[:material/check: {step.label}]")
        else:
            parts.append(f"{step.number}. {step.label}")
    return " &nbsp;›&nbsp; ".join(parts)


def header(group: groups.Group, theme: Theme, dagdeel: Dagdeel) -> None:
    """Step indicator, suggested time and the buttons that move the group."""
    st.markdown(f"## {theme.titel}")
    st.markdown(stepper(group.step))
    st.html(f"<span data-testid='projector-step' data-step='{group.step.value}'></span>")
    back, info, forward = st.columns([1, 4, 1])
    previous, following = group.step.previous(), group.step.next()
    with back:
        if previous:
            st.button(f"← {previous.label}", key="step_back", width="stretch",
                      on_click=act, args=(groups.set_step, group.id, previous),
                      kwargs={"expected_current": group.step})
    with info:
        _timer(group, theme, dagdeel.datum)
    with forward:
        if following:
            st.button(f"{following.label} →", key="step_forward", type="primary",
                      width="stretch", on_click=act,
                      args=(groups.set_step, group.id, following),
                      kwargs={"expected_current": group.step})


def step_guidance(theme: Theme, step: Step) -> None:
    """What the opdracht says the procesbegeleider does now (folded away from the room)."""
    plan = theme.opdracht.plan_for(step)
    if plan:
        with st.expander("Aanwijzing voor jou (opdrachtomschrijving)"):
            st.markdown(plan.beschrijving)
            if plan.kaarten:
                titles = [c.titel for cid in plan.kaarten if (c := theme.card(cid))]
                st.caption("Passende reflectiekaarten: " + ", ".join(titles))
