"""The hoofdprocesbegeleider's quickscan panel: open it with the chosen themes, hand out the
link (QR code, printable card, e-mail text), close and re-open it, read what it said."""
from __future__ import annotations

import streamlit as st

from ui.links import quickscan_url
from ui.quickscan.results import results_tables, suggestion_list
from ui.resources import engine, library
from ui.text import esc, md
from ui.writes import act
from zet.clock import now
from zet.export import dutch_date, file_stem
from zet.export.link_cards import quickscan_card_pdf
from zet.programme.quickscan_results import quickscan_results
from zet.qr import qr_png
from zet.room import quickscan
from zet.room.dagdelen import Dagdeel


def _themes_key(dagdeel_id: int) -> str:
    return f"qs_themes_{dagdeel_id}"


def _theme_choice(dagdeel: Dagdeel, chosen: tuple[str, ...], tables: list[str]) -> list[str]:
    lib = library()
    options = [t.id for t in lib.quickscan_themes()]
    default = [tid for tid in (chosen or tables or options) if tid in options] or options
    return st.multiselect("Thema's in de quickscan", options, default=default,
                          format_func=lib.title, key=_themes_key(dagdeel.id),
                          placeholder="Kies een of meer thema's")


def _open(dagdeel_id: int, success: str) -> None:
    """Open (or re-open, or update) with the themes chosen right now in the widget."""
    act(quickscan.open_quickscan, dagdeel_id,
        list(st.session_state.get(_themes_key(dagdeel_id)) or []),
        known_themes=set(library().themes), success=success)


def quickscan_panel(dagdeel: Dagdeel, table_themes: list[str]) -> None:
    scan = quickscan.quickscan_of_dagdeel(engine(), dagdeel.id)
    st.write("Een korte vragenlijst die iedereen vóór het dagdeel op de telefoon invult: per "
             "uitspraak hoe het zou moeten en hoe het nu is. De uitkomst per rolgroep helpt "
             "thema's kiezen en opent het gesprek aan tafel.")
    if scan is None:
        _theme_choice(dagdeel, (), table_themes)
        st.button("Quickscan openen", type="primary", key="qs_open", width="stretch",
                  on_click=_open,
                  args=(dagdeel.id, "De quickscan is open: deel de link of de QR-code."))
        return
    if scan.purged_at is not None:
        st.info("De antwoorden zijn na de bewaartermijn gewist; de uitkomst staat hieronder.")
    else:
        _sharing(dagdeel, scan)
    results = quickscan_results(engine(), library(), scan.id)
    st.markdown(f"#### Wat de quickscan zegt ({int(results.respondents)} ingevuld)")
    suggestion_list(results)
    results_tables(results)


def _sharing(dagdeel: Dagdeel, scan: quickscan.Quickscan) -> None:
    url = quickscan_url(scan.code)  # now, while the browser's address is known
    items = library().quickscan_items(scan.theme_ids)
    minutes = quickscan.estimated_minutes(len(items))
    state = "open" if scan.is_open else "gesloten"
    st.html(f"<span data-testid='quickscan-state' data-state='{esc(state)}'></span>")
    st.markdown(f"De quickscan is **{md(state)}** · code **{md(scan.code)}** · {len(items)} "
                f"uitspraken, ongeveer {int(minutes)} minuten")
    left, right = st.columns([1, 2])
    left.image(qr_png(url), caption="QR-code van de quickscan", width=180,
               alt="QR-code met de link naar de quickscan")
    with right:
        st.markdown("Link om te delen")
        st.code(url, language=None, wrap_lines=True)
        st.download_button(
            "QR-kaart van de quickscan (PDF)",
            lambda: quickscan_card_pdf(dagdeel, url, scan.code, minutes, now()),
            file_name=f"{file_stem(dagdeel.locatie, dagdeel.datum)}_quickscan.pdf",
            mime="application/pdf", on_click="ignore", icon=":material/qr_code_2:",
            width="stretch", key="qs_card")
    with st.expander("Tekst voor een e-mail"):
        st.code(quickscan.invitation_text(dagdeel.locatie, dutch_date(dagdeel.datum), url,
                                          scan.code, minutes), language=None, wrap_lines=True)
    themes = _theme_choice(dagdeel, scan.theme_ids, [])
    if scan.is_open:
        st.button("Thema's bijwerken", key="qs_update", width="stretch",
                  disabled=tuple(themes) == scan.theme_ids,
                  on_click=_open, args=(dagdeel.id, "De thema's zijn bijgewerkt."))
        st.button("Quickscan sluiten", key="qs_close", width="stretch",
                  on_click=act, args=(quickscan.close_quickscan, scan.id),
                  kwargs={"success": "De quickscan is gesloten; de antwoorden blijven."})
    else:
        st.button("Quickscan weer openen", key="qs_reopen", type="primary", width="stretch",
                  on_click=_open, args=(dagdeel.id, "De quickscan is weer open."))
