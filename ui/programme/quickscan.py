"""The quickscan for the programme manager: per locatie and year what it said (a section
of Ontwikkeling, beside the dagdeel outcomes), with a PDF and an Excel export."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from ui.downloads import XLSX
from ui.quickscan.results import suggestion_list
from ui.resources import engine, library
from ui.text import md
from zet.clock import now
from zet.export.quickscan_exports import quickscan_pdf, quickscan_xlsx
from zet.programme.archive import Scope
from zet.programme.quickscan_results import MIN_GROUP, number_text, per_locatie_and_year


def quickscan_view(base: Scope) -> None:
    st.markdown("#### Wat de quickscan zei, per locatie en jaar")
    scope = replace(base, theme_id=None)  # every theme, for the locatie the tab shows
    sections = per_locatie_and_year(engine(), library(), scope)
    if not sections:
        st.caption("Voor deze keuze is nog geen quickscan ingevuld.")
        return
    st.caption(f"Gemiddelden van alle getoonde rolgroepen (minstens {MIN_GROUP} mensen); "
               "verschil = gewenst − feitelijk. Per rolgroep staat het in de downloads.")
    rows = []
    for section in sections:
        for outcome in section.results.themes:
            if outcome.total is None:
                continue
            rows.append({"Locatie": section.locatie, "Jaar": section.jaar,
                         "Thema": outcome.title, "Invullers": outcome.total.respondents,
                         "Gewenst": number_text(outcome.total.gewenst_mean),
                         "Feitelijk": number_text(outcome.total.feitelijk_mean),
                         "Verschil": number_text(outcome.total.gap),
                         "Verschil tussen rollen": number_text(outcome.disagreement)})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for section in sections[:4]:
        with st.expander(f"{md(section.locatie)} · {int(section.jaar)}: thema's om te "
                         "bespreken"):
            suggestion_list(section.results)
    scope_line = "alle locaties" if scope.locatie_id is None else sections[0].locatie
    if scope.jaar is not None:
        scope_line += f" · {int(scope.jaar)}"
    left, right = st.columns(2)
    left.download_button("Quickscan (PDF)", lambda: quickscan_pdf(sections, scope_line, now()),
                         file_name="quickscan.pdf", mime="application/pdf", on_click="ignore",
                         icon=":material/picture_as_pdf:", width="stretch", key="qs_pdf")
    right.download_button("Quickscan (Excel)", lambda: quickscan_xlsx(sections),
                          file_name="quickscan.xlsx", mime=XLSX, on_click="ignore",
                          icon=":material/table_view:", width="stretch", key="qs_xlsx")
