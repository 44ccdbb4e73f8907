"""The partnership report by waarborg (PDF) and the workbook with all underlying data."""
from __future__ import annotations

import streamlit as st

from ui.programme.filters import scope_filters
from ui.resources import engine, library
from ui.text import md
from zet.errors import UserError
from zet.export.partnership_pdf import partnership_report_pdf, period
from zet.export.partnership_tables import partnership_xlsx
from zet.programme.archive import Scope
from zet.programme.locaties import list_locaties, list_partnerships
from zet.programme.partnership_report import ReportFilter, build_partnership_report
from zet.programme.reflection import summarise, summary_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_view(base: Scope) -> None:
    st.markdown("#### Verslag van de opleidingsschool")
    st.caption("Geordend naar de vier waarborgen van het Kwaliteitskader: per waarborg de "
               "thema's, waar de locaties staan en hoe dat veranderde, de rode lijnen in sterke "
               "punten en ontwikkelpunten, en de open acties; tot slot wat de quickscan vooraf per "
               "locatie en jaar zei. Bruikbaar als bouwsteen voor de "
               "kritische reflectie van een peer review.")
    scope = scope_filters(base, "vs", theme=False)
    names = {p.id: p.naam for p in list_partnerships(engine(), scope.viewer)}
    locaties = {loc.id: loc.naam for loc in list_locaties(engine(), scope.viewer)}
    try:
        report = build_partnership_report(engine(), library(), scope.viewer, ReportFilter(
            jaar=scope.jaar, locatie=locaties.get(scope.locatie_id) if scope.locatie_id else None,
            partnerschap=names.get(scope.partnerschap_id) if scope.partnerschap_id else None))
    except UserError as error:
        st.info(md(error))
        return
    stem = f"ZET_verslag_{period(report)}".replace("–", "-")
    left, right = st.columns(2)
    left.download_button("Verslag per waarborg (PDF)", lambda: partnership_report_pdf(report),
                         file_name=f"{stem}.pdf", mime="application/pdf", on_click="ignore",
                         icon=":material/picture_as_pdf:", width="stretch", key="vs_pdf")
    right.download_button("Alle onderliggende gegevens (Excel)", lambda: partnership_xlsx(report),
                          file_name=f"{stem}.xlsx", mime=XLSX, on_click="ignore",
                          icon=":material/table_view:", width="stretch", key="vs_xlsx")
    st.caption(f"{len(report.dagdelen)} dagdelen, {len(report.outcomes)} themagroepen, "
               f"{len(report.points)} bevestigde punten, "
               f"{len([a for a in report.actions if a.is_open])} open acties.")
    st.markdown("#### Samenvatting per waarborg, om te plakken")
    st.caption("Dezelfde tekst als de eerste pagina's van het verslag: per waarborg de sterke "
               "punten, de ontwikkelpunten die op meer locaties terugkomen en de acties met hun "
               "stand. Kopieer hem met het knopje rechtsboven in het vak naar de kritische "
               "reflectie.")
    for section in report.sections:
        with st.expander(f"Waarborg {md(section.waarborg)}"):
            st.code(summary_text(summarise(report, section), period(report)), language=None,
                    wrap_lines=True)
