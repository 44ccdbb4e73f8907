"""Programme, cards to print and the reports of a whole dagdeel, made when clicked."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.downloads import XLSX, group_downloads, names_choice
from ui.links import control_url, join_url, screen_url
from ui.resources import engine, library
from ui.text import md
from zet.clock import now, wall_clock
from zet.export import file_stem
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.dagdeel_tables import dagdeel_xlsx
from zet.export.link_cards import LinkCard, link_cards_pdf
from zet.export.print_pdf import join_card_pdf, programme_pdf
from zet.room.dagdelen import Dagdeel
from zet.room.snapshot import dagdeel_snapshot
from zet.room.timetable import timetable_items

_FILES = "zet_dagdeel_files"


def _programme_lines(dagdeel: Dagdeel) -> list[str]:
    lines = []
    for item in timetable_items(dagdeel, live.all_rounds(dagdeel.id)):
        line = f"{item.time} {item.titel}".strip()
        if item.ronde is not None:
            line += " — " + ", ".join(
                f"tafel {t.label}: {library().title(t.theme_id)} ({t.procesbegeleider})"
                for t in item.ronde.tables)
        lines.append(line)
    return lines


def link_cards(dagdeel: Dagdeel) -> list[LinkCard]:
    """Every table's control and screen address, for the printable cards."""
    cards = []
    for ronde in live.all_rounds(dagdeel.id):
        for table in ronde.tables:
            group = live.group(table.group_id)
            cards.append(LinkCard(ronde.nummer, table.label,
                                  library().title(table.theme_id),
                                  table.procesbegeleider, control_url(group.secret),
                                  screen_url(dagdeel.join_code, table.label)))
    return cards


def export_panel(dagdeel: Dagdeel) -> None:
    stem = file_stem(dagdeel.locatie, dagdeel.datum)
    join = join_url(dagdeel.join_code)  # now, while the browser's address is known
    cards = link_cards(dagdeel)
    st.markdown("#### Programma")
    st.text("\n".join(_programme_lines(dagdeel)))
    st.markdown("#### Om te printen")
    st.download_button(
        "Programma (PDF)", lambda: programme_pdf(dagdeel, live.all_rounds(dagdeel.id),
                                                 library()),
        file_name=f"{stem}_programma.pdf", mime="application/pdf", on_click="ignore",
        icon=":material/event_note:", width="stretch")
    st.download_button(
        "QR-kaart voor de tafels (A4, PDF)", lambda: join_card_pdf(dagdeel, join),
        file_name=f"{stem}_deelnamekaart.pdf", mime="application/pdf", on_click="ignore",
        icon=":material/qr_code_2:", width="stretch", key="join_card")
    st.download_button(
        "Kaarten met links voor de procesbegeleiders (PDF)",
        lambda: link_cards_pdf(dagdeel, cards, now()),
        file_name=f"{stem}_links-procesbegeleiders.pdf", mime="application/pdf",
        on_click="ignore", icon=":material/key:", width="stretch", key="link_cards")
    st.markdown("#### Opbrengst van het dagdeel")
    names = names_choice("dagdeel")
    # Made on request, then offered: the report of a whole dagdeel takes seconds, longer
    # than the live parts of this page wait before they redraw, and a download made lazily
    # could be cut off by such a redraw.
    if st.button("Verslag en gegevens van het dagdeel maken", key="make_dagdeel_files",
                 icon=":material/description:", width="stretch"):
        report = dagdeel_snapshot(engine(), library(), dagdeel.id)
        st.session_state[_FILES] = (dagdeel_report_pdf(report, include_names=names),
                                    dagdeel_xlsx(report, include_names=names), now())
    made = st.session_state.get(_FILES)
    if made:
        pdf_bytes, xlsx_bytes, at = made
        st.caption(f"Gemaakt om {wall_clock(at)}; maak ze opnieuw voor de laatste stand.")
        st.download_button(
            "Verslag van alle groepen (PDF)", pdf_bytes, file_name=f"{stem}_verslag.pdf",
            mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:",
            width="stretch", key="dagdeel_pdf")
        st.download_button(
            "Alle gegevens (Excel, een blad per soort)", xlsx_bytes, file_name=f"{stem}.xlsx",
            mime=XLSX, on_click="ignore", icon=":material/table_view:", width="stretch",
            key="dagdeel_xlsx")
    st.markdown("#### Per groep")
    for ronde in live.all_rounds(dagdeel.id):
        for table in ronde.tables:
            theme = library().title(table.theme_id)
            with st.expander(f"Ronde {ronde.nummer} · tafel {md(table.label)} · {md(theme)}"):
                group_downloads(live.group(table.group_id), dagdeel, key=f"g{table.group_id}")
