"""Download buttons for the exports, made only when clicked.

Everything the export needs from the running page (the public address for a QR card) is
computed while the page runs and passed on as a value.
"""
from __future__ import annotations

import streamlit as st

from ui.resources import engine, library
from zet.export import file_stem, group_pdf, spreadsheets
from zet.room.dagdelen import Dagdeel
from zet.room.groups import Group
from zet.room.snapshot import group_snapshot

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def names_choice(key: str) -> bool:
    """The tick box for names in an export. Participants are never named; this is about
    the procesbegeleiders, the hoofdprocesbegeleider and who reports back (AVG: only when
    the report needs them)."""
    chosen = st.checkbox("Namen van procesbegeleiders en wie terugkoppelt opnemen",
                         key=f"names_{key}", value=False)
    st.caption("Namen of initialen van deelnemers staan nooit in een export.")
    return chosen


def group_downloads(group: Group, dagdeel: Dagdeel, *, key: str) -> None:
    """The group's report (PDF) and all its answers (Excel, CSV), at any moment."""
    table = f"r{group.ronde_nummer}{group.label}" if group.label else ""
    stem = file_stem(dagdeel.locatie, dagdeel.datum, group.theme_id, table)
    names = names_choice(key)

    def report():
        return group_snapshot(engine(), library(), group.id)

    st.download_button("Verslag (PDF)",
                       lambda: group_pdf.group_report_pdf(report(), include_names=names),
                       file_name=f"{stem}.pdf", mime="application/pdf",
                       icon=":material/picture_as_pdf:", key=f"pdf_{key}", on_click="ignore",
                       width="stretch")
    st.download_button("Alle antwoorden (Excel)",
                       lambda: spreadsheets.raw_responses_xlsx(report(), include_names=names),
                       file_name=f"{stem}.xlsx", mime=XLSX, icon=":material/table_view:",
                       key=f"xlsx_{key}", on_click="ignore", width="stretch")
    st.download_button("Alle antwoorden (CSV)",
                       lambda: spreadsheets.raw_responses_csv(report()),
                       file_name=f"{stem}.csv", mime="text/csv",
                       icon=":material/description:", key=f"csv_{key}", on_click="ignore",
                       width="stretch")
