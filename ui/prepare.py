"""The hoofdprocesbegeleider prepares a dagdeel: programme, rounds and theme groups.

One row of plain fields per tafel (tafel, thema, procesbegeleider) instead of a grid: the
grid scrolled sideways on a laptop, showed "None" in new rows and could not say which row
was wrong. Streamlit stacks the columns of a row below 640 px, so a phone fills it too.
How many rounds and tafels comes first, outside the form, so the form has that many rows.
"""
from __future__ import annotations

import streamlit as st

from ui.plan_choice import round_plan_choice
from ui.quickscan.results import suggestion_list
from ui.resources import engine, library
from ui.text import md
from ui.writes import act, show_flash
from zet.clock import today
from zet.errors import UserError
from zet.programme.quickscan_results import quickscan_results
from zet.room.dagdelen import MAX_ROUNDS, GroupPlan, Programme, RoundPlan, create_dagdeel, time_slot
from zet.room.quickscan import Listed, list_quickscans

# The example programme of the handleiding (§4.3): two rounds, three theme groups each.
DEFAULT_ROUND_TIMES = (("09:30", "10:45"), ("11:00", "12:15"), ("13:00", "14:15"))
DEFAULT_TABLES = 3
MAX_TABLES = 12
LABELS = "ABCDEFGHIJKL"


def plans_from_fields(state, rounds: int, tables: list[int]) -> list[RoundPlan]:
    """The rounds and theme groups the form's fields describe (read from ``state``); a
    tafel without a theme is refused by its round and tafel."""
    plans = []
    for number in range(1, rounds + 1):
        start_end = time_slot(state.get(f"dd_r{number}_start") or "",
                              state.get(f"dd_r{number}_eind") or "",
                              f"Ronde {number}") or (None, None)
        groups = []
        for index in range(tables[number - 1]):
            key = f"dd_r{number}_t{index}"
            label = (state.get(f"{key}_tafel") or "").strip()
            theme_id = state.get(f"{key}_thema")
            if not theme_id:
                raise UserError(f"Ronde {number}, tafel {label or index + 1}: kies een thema.")
            groups.append(GroupPlan(theme_id, state.get(f"{key}_pb") or "", label))
        plans.append(RoundPlan(groups=tuple(groups), start_tijd=start_end[0],
                               eind_tijd=start_end[1]))
    return plans


def _listed_label(listed: Listed) -> str:
    what = f"{listed.titel} · " if listed.titel and listed.titel != listed.locatie else ""
    return f"{listed.locatie} · {what}{listed.datum:%d-%m-%Y}"


def quickscan_suggestions() -> None:
    """What a quickscan suggests for the themes: the largest gaps between gewenst and
    feitelijk, and where roles see it most differently."""
    found = list_quickscans(engine())
    if not found:
        return
    with st.expander("Thema's kiezen met de quickscan", expanded=True):
        st.caption("De quickscan van een dagdeel open je op de pagina van dat dagdeel, onder "
                   "'Quickscan vooraf'. Kies hier welke je wilt gebruiken.")
        chosen = st.selectbox("Quickscan", found, format_func=_listed_label, key="dd_quickscan",
                              placeholder="Kies een quickscan")
        st.html("<span data-testid='prepare-quickscan'></span>")
        suggestion_list(quickscan_results(engine(), library(), chosen.quickscan.id))


def _sizes() -> tuple[int, list[int]]:
    """How many rounds, and tafels per round: chosen first, so the form has those rows."""
    st.markdown("**Rondes en tafels**")
    left, right = st.columns(2)
    rounds = left.number_input("Aantal rondes", min_value=1, max_value=MAX_ROUNDS, value=2,
                               step=1, key="dd_rondes",
                               help="Elke ronde duurt minstens een uur.")
    same = right.number_input("Tafels per ronde", min_value=1, max_value=MAX_TABLES,
                              value=DEFAULT_TABLES, step=1, key="dd_tafels",
                              help="Eén themagroep per tafel.")
    return int(rounds), [int(same)] * int(rounds)


def _slot(label: str, key: str, start: str, end: str) -> tuple[str, str]:
    first, second = st.columns(2)
    return (first.text_input(f"{label} van", start, key=f"{key}_van", placeholder="uu:mm"),
            second.text_input(f"{label} tot", end, key=f"{key}_tot", placeholder="uu:mm"))


def _round_fields(number: int, tables: int, theme_titles: dict[str, str]) -> None:
    with st.container(border=True):
        start, end = DEFAULT_ROUND_TIMES[number - 1]
        st.markdown(f"**Ronde {number}**")
        first, second = st.columns(2)
        first.text_input("Start", start, key=f"dd_r{number}_start", placeholder="uu:mm")
        second.text_input("Eind", end, key=f"dd_r{number}_eind", placeholder="uu:mm")
        for index in range(tables):
            key = f"dd_r{number}_t{index}"
            label, theme, name = st.columns([1, 3, 3], vertical_alignment="bottom")
            label.text_input("Tafel", LABELS[index], key=f"{key}_tafel", max_chars=40)
            theme.selectbox("Thema", list(theme_titles), index=None, key=f"{key}_thema",
                            placeholder="Kies een thema",
                            format_func=lambda theme_id: theme_titles[theme_id])
            name.text_input("Procesbegeleider", key=f"{key}_pb", max_chars=120,
                            placeholder="voornaam en achternaam")


def prepare_form() -> None:
    lib = library()
    quickscan_suggestions()
    theme_titles = {t.id: t.titel for t in lib.ordered_themes()}
    rounds, tables = _sizes()
    with st.form("dagdeel_form", border=True):
        locatie = st.text_input("Locatie (school)", max_chars=120, key="dd_locatie",
                                placeholder="bijv. Stedelijk College, locatie Noord")
        datum = st.date_input("Datum", value=today(), format="DD-MM-YYYY", key="dd_datum")
        st.markdown("**Programma**")
        opening = _slot("Opening", "dd_opening", "09:00", "09:30")
        pauze = _slot("Pauze", "dd_pauze", "10:45", "11:00")
        closing = _slot("Afsluiting", "dd_afsluiting", "12:15", "12:45")
        st.markdown("**Themagroepen per ronde**: per tafel een thema en wie het gesprek leidt")
        for number in range(1, rounds + 1):
            _round_fields(number, tables[number - 1], theme_titles)
        ronde_minuten = round_plan_choice("dd_plan")
        submitted = st.form_submit_button("Dagdeel aanmaken", type="primary")
    if not submitted:
        return
    try:
        programme = Programme(opening=time_slot(*opening, "Opening"),
                              pauzes=tuple(p for p in [time_slot(*pauze, "Pauze")] if p),
                              afsluiting=time_slot(*closing, "Afsluiting"))
        plans = plans_from_fields(st.session_state, rounds, tables)
    except UserError as error:
        st.error(md(error), icon=":material/warning:")
        return
    # Through act: a full or read-only disk is a Dutch line, and the tables stay filled in.
    created = act(create_dagdeel, locatie=locatie, datum=datum, rounds=plans,
                  programme=programme, known_themes=set(lib.themes),
                  theme_titles=theme_titles, ronde_minuten=ronde_minuten,
                  flash="prepare_status")
    if created is None:
        show_flash("prepare_status", toast=False)
        return
    st.switch_page("pages/dagdeel.py", query_params={"beheer": created.dagdeel.admin_secret})
