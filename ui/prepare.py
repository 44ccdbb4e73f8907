"""The hoofdprocesbegeleider prepares a dagdeel: programme, rounds and theme groups."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.actions import act, show_flash
from ui.plan_choice import round_plan_choice
from ui.quickscan.results import suggestion_list
from ui.resources import engine, library
from ui.text import md
from zet.clock import today
from zet.dagdelen import MAX_ROUNDS, GroupPlan, Programme, RoundPlan, create_dagdeel, time_slot
from zet.errors import UserError
from zet.quickscan import Listed, list_quickscans
from zet.quickscan_results import quickscan_results

# The example programme of the handleiding (§4.3): two rounds, three theme groups each.
DEFAULT_ROUNDS = pd.DataFrame({"Ronde": [1, 2], "Start": ["09:30", "11:00"],
                               "Eind": ["10:45", "12:15"]})
DEFAULT_TABLES = pd.DataFrame({
    "Ronde": [1, 1, 1, 2, 2, 2], "Tafel": ["A", "B", "C", "A", "B", "C"],
    "Thema": [""] * 6, "Procesbegeleider": [""] * 6})


def plans_from_tables(round_rows: pd.DataFrame, table_rows: pd.DataFrame,
           theme_ids: dict[str, str]) -> list[RoundPlan]:
    plans = []
    numbers = sorted({int(n) for n in round_rows["Ronde"].dropna()})
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        raise UserError(f"Nummer de rondes 1, 2 (tot hoogstens {MAX_ROUNDS}).")
    for number in numbers:
        times = round_rows[round_rows["Ronde"] == number].iloc[0]
        start_end = time_slot(str(times["Start"] or ""), str(times["Eind"] or ""),
                          f"Ronde {number}") or (None, None)
        groups = []
        for _, row in table_rows[table_rows["Ronde"] == number].iterrows():
            if not row["Thema"]:
                raise UserError(f"Kies een thema voor tafel {row['Tafel'] or '?'} "
                                f"in ronde {number}.")
            groups.append(GroupPlan(theme_ids[row["Thema"]], str(row["Procesbegeleider"] or ""),
                                    str(row["Tafel"] or "")))
        if not groups:
            raise UserError(f"Ronde {number} heeft nog geen themagroep.")
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


def prepare_form() -> None:
    lib = library()
    quickscan_suggestions()
    theme_ids = {t.titel: t.id for t in lib.ordered_themes()}
    with st.form("dagdeel_form", border=True):
        locatie = st.text_input("Locatie (school)", max_chars=120, key="dd_locatie")
        datum = st.date_input("Datum", value=today(), format="DD-MM-YYYY", key="dd_datum")
        st.markdown("**Programma**")
        cols = st.columns(6)
        opening = (cols[0].text_input("Opening van", "09:00"),
                   cols[1].text_input("Opening tot", "09:30"))
        pauze = (cols[2].text_input("Pauze van", "10:45"), cols[3].text_input("Pauze tot", "11:00"))
        closing = (cols[4].text_input("Afsluiting van", "12:15"),
                   cols[5].text_input("Afsluiting tot", "12:45"))
        st.markdown("**Rondes** (één tot drie, minstens 60 minuten)")
        round_rows = st.data_editor(DEFAULT_ROUNDS, num_rows="dynamic", hide_index=True,
                                    key="dd_rounds", column_config={
                                        "Ronde": st.column_config.NumberColumn(min_value=1,
                                                                               max_value=3)})
        st.markdown("**Themagroepen per ronde**: thema, procesbegeleider en tafel")
        table_rows = st.data_editor(
            DEFAULT_TABLES, num_rows="dynamic", hide_index=True, key="dd_tables",
            width="stretch", column_config={
                "Ronde": st.column_config.NumberColumn(min_value=1, max_value=3),
                "Thema": st.column_config.SelectboxColumn(options=list(theme_ids),
                                                          width="large"),
                "Procesbegeleider": st.column_config.TextColumn(max_chars=120)})
        ronde_minuten = round_plan_choice("dd_plan")
        submitted = st.form_submit_button("Dagdeel aanmaken", type="primary")
    if not submitted:
        return
    try:
        programme = Programme(opening=time_slot(*opening, "Opening"),
                              pauzes=tuple(p for p in [time_slot(*pauze, "Pauze")] if p),
                              afsluiting=time_slot(*closing, "Afsluiting"))
        plans = plans_from_tables(round_rows, table_rows, theme_ids)
    except UserError as error:
        st.error(md(error))
        return
    # Through act: a full or read-only disk is a Dutch line, and the tables stay filled in.
    created = act(create_dagdeel, locatie=locatie, datum=datum, rounds=plans,
                  programme=programme, known_themes=set(lib.themes),
                  ronde_minuten=ronde_minuten, flash="prepare_status")
    if created is None:
        show_flash("prepare_status", toast=False)
        return
    st.switch_page("pages/dagdeel.py", query_params={"beheer": created.dagdeel.admin_secret})
