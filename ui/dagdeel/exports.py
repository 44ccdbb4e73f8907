"""Programme, table cards and reports of a whole dagdeel, made when clicked."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.facilitator.frame import export_buttons, slug
from ui.resources import engine, join_url, library
from zet.dagdelen import Dagdeel
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.dagdeel_tables import dagdeel_xlsx
from zet.export.print_pdf import join_card_pdf, programme_pdf
from zet.programme import programme_items
from zet.report import build_dagdeel_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _programme_lines(dagdeel: Dagdeel) -> list[str]:
    lines = []
    for item in programme_items(dagdeel, live.all_rounds(dagdeel.id)):
        line = f"{item.time} {item.titel}".strip()
        if item.ronde is not None:
            line += " — " + ", ".join(
                f"tafel {t.label}: {library().theme(t.theme_id).titel} ({t.procesbegeleider})"
                for t in item.ronde.tables)
        lines.append(line)
    return lines


def export_panel(dagdeel: Dagdeel) -> None:
    stem = f"ZET_{dagdeel.datum:%Y-%m-%d}_{slug(dagdeel.locatie)}"
    st.markdown("#### Programma")
    st.text("\n".join(_programme_lines(dagdeel)))
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("#### Om te printen")
        st.download_button(
            "Programma (PDF)", lambda: programme_pdf(dagdeel, live.all_rounds(dagdeel.id),
                                                     library()),
            file_name=f"{stem}_programma.pdf", mime="application/pdf", on_click="ignore",
            icon=":material/event_note:", width="stretch")
        st.download_button(
            "QR-kaart voor de tafels (A4, PDF)",
            lambda: join_card_pdf(dagdeel, join_url(dagdeel.join_code)),
            file_name=f"{stem}_deelnamekaart.pdf", mime="application/pdf", on_click="ignore",
            icon=":material/qr_code_2:", width="stretch")
    with right:
        st.markdown("#### Opbrengst van het dagdeel")
        st.download_button(
            "Verslag van alle groepen (PDF)",
            lambda: dagdeel_report_pdf(build_dagdeel_report(engine(), library(), dagdeel.id)),
            file_name=f"{stem}_verslag.pdf", mime="application/pdf", on_click="ignore",
            icon=":material/picture_as_pdf:", width="stretch", key="dagdeel_pdf")
        st.download_button(
            "Alle gegevens (Excel, een blad per soort)",
            lambda: dagdeel_xlsx(build_dagdeel_report(engine(), library(), dagdeel.id)),
            file_name=f"{stem}.xlsx", mime=XLSX, on_click="ignore",
            icon=":material/table_view:", width="stretch", key="dagdeel_xlsx")
    st.markdown("#### Per groep")
    for ronde in live.all_rounds(dagdeel.id):
        for table in ronde.tables:
            with st.expander(f"Ronde {ronde.nummer} · tafel {table.label} · "
                             f"{library().theme(table.theme_id).titel}"):
                export_buttons(live.group(table.group_id), dagdeel,
                               key=f"g{table.group_id}")
