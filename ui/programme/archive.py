"""The archive: every dagdeel in scope, newest first; one opens with its outcome per group
and its PDF and Excel."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.downloads import names_choice
from ui.programme.filters import scope_filters, theme_title
from ui.resources import engine, library
from ui.summary import outcome
from ui.text import md
from zet.export import dutch_date, file_stem, purged_line
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.dagdeel_tables import dagdeel_xlsx
from zet.programme.archive import ArchiveEntry, Scope, archive
from zet.programme.tenancy import Viewer
from zet.room.snapshot import archived_dagdeel_snapshot

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _label(entry: ArchiveEntry) -> str:
    return f"{entry.datum:%Y-%m-%d} · {entry.locatie} · {entry.titel or 'dagdeel'}"


def archive_view(base: Scope) -> None:
    scope = scope_filters(base, "arch")
    entries = archive(engine(), scope)
    if not entries:
        st.info("Geen dagdelen gevonden met deze keuze.")
        return
    st.caption(f"{len(entries)} {'dagdeel' if len(entries) == 1 else 'dagdelen'}")
    st.dataframe(pd.DataFrame([{
        "Datum": e.datum, "Locatie": e.locatie, "Titel": e.titel,
        "Thema's": ", ".join(theme_title(t) for t in e.theme_ids), "Groepen": e.groups,
    } for e in entries]), hide_index=True, width="stretch",
        column_config={"Datum": st.column_config.DateColumn(format="DD-MM-YYYY")})
    by_id = {e.dagdeel_id: e for e in entries}
    chosen = st.selectbox("Dagdeel openen", list(by_id), key="arch_open",
                          format_func=lambda i: _label(by_id[i]))
    _dagdeel(scope.viewer, by_id[chosen])


def _dagdeel(viewer: Viewer, entry: ArchiveEntry) -> None:
    report = archived_dagdeel_snapshot(engine(), library(), viewer, entry.dagdeel_id)
    with st.container(border=True):
        st.markdown(f"#### {md(entry.titel or 'Dagdeel')}")
        st.caption(f"{md(entry.locatie)} · {md(dutch_date(entry.datum))} · "
                   f"{md(report.participant_count)} deelnemers")
        if purged_line(report.dagdeel):
            st.caption(md(purged_line(report.dagdeel)))
        names = names_choice(f"arch_{entry.dagdeel_id}")
        stem = file_stem(entry.locatie, entry.datum, "dagdeel", str(entry.dagdeel_id))
        left, right = st.columns(2)
        left.download_button("Verslag (PDF)", lambda: dagdeel_report_pdf(
            report, include_names=names), file_name=f"{stem}.pdf", mime="application/pdf",
            on_click="ignore", icon=":material/picture_as_pdf:", width="stretch",
            key=f"arch_pdf_{entry.dagdeel_id}")
        right.download_button("Alle gegevens (Excel)", lambda: dagdeel_xlsx(
            report, include_names=names), file_name=f"{stem}.xlsx", mime=XLSX,
            on_click="ignore", icon=":material/table_view:", width="stretch",
            key=f"arch_xlsx_{entry.dagdeel_id}")
        for group in report.groups:
            with st.expander(f"{md(group.theme.titel)} · "
                             f"{md(group.where)}"):
                outcome(group)
