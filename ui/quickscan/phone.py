"""The quickscan on a phone: one card per statement, saved at every tap.

What the phone says about saving is true: "Opgeslagen 14:02" appears only after the database
has the rating.
"""
from __future__ import annotations

import streamlit as st

from ui.text import md
from ui.writes import act, failed
from zet.clock import wall_clock
from zet.content.model import OVG, Library, QuickscanItem
from zet.room import quickscan
from zet.room.quickscan import Quickscan, Rating, Respondent

SCALE = list(quickscan.SCALE)
OVG_SHORT = {"O": "Ontwikkelen", "V": "Voldoende", "G": "Goed"}
KOOS_PARTS = (("gewenst", "Hoe zou je willen dat het is?"),
              ("feitelijk", "Hoe is het nu?"))
STORED = ("Wat de app bewaart: je rolgroep (bijvoorbeeld 'Begeleiders in de school') en je "
          "antwoorden, zonder naam. In de uitkomst staat alleen wat een rolgroep van minstens "
          "drie mensen samen antwoordde. Na de bewaartermijn van de opleidingsschool worden de "
          "antwoorden gewist; alleen die uitkomst blijft.")


def _key(item: QuickscanItem, part: str) -> str:
    return f"qs_{item.id}_{part}"


def _status_key(item: QuickscanItem) -> str:
    return f"qs_status_{item.id}"


def _save(token: str, item: QuickscanItem, part: str) -> None:
    """Callback of a tap: store it, then say so (or why not) under the statement."""
    flash = _status_key(item)
    act(quickscan.rate, token, item, part, st.session_state.get(_key(item, part)),
        flash=flash)
    if not failed(flash):
        st.session_state[flash] = ("success", f"Opgeslagen {wall_clock()}")


def _answered(item: QuickscanItem, rating: Rating | None) -> bool:
    if rating is None:
        return False
    if item.schaal == "ovg":
        return rating.oordeel is not None
    return rating.gewenst is not None and rating.feitelijk is not None


def _statement(item: QuickscanItem, number: int, token: str, stored: Rating | None,
               disabled: bool) -> None:
    with st.container(border=True):
        st.markdown(f"**{number}. {md(item.tekst)}**")
        if item.toelichting:
            st.caption(md(item.toelichting))
        if item.schaal == "ovg":
            st.session_state.setdefault(_key(item, "oordeel"), stored.oordeel if stored else None)
            st.segmented_control("Hoe staat het ervoor?", list(OVG), key=_key(item, "oordeel"),
                                 format_func=OVG_SHORT.__getitem__, disabled=disabled,
                                 on_change=_save, args=(token, item, "oordeel"))
        else:
            for part, label in KOOS_PARTS:
                st.session_state.setdefault(_key(item, part),
                                            getattr(stored, part) if stored else None)
                st.segmented_control(label, SCALE, key=_key(item, part), disabled=disabled,
                                     on_change=_save, args=(token, item, part))
        kind, message = st.session_state.get(_status_key(item), (None, None))
        if kind == "error":
            st.error(md(message), icon=":material/warning:")
        elif kind == "success":
            st.caption(f":material/check: {md(message)}")


def ratings_form(scan: Quickscan, respondent: Respondent, library: Library,
                 stored: dict[str, Rating]) -> None:
    """Every statement of the chosen themes, grouped by theme, with how far you are."""
    items = library.quickscan_items(scan.theme_ids)
    done = sum(_answered(item, stored.get(item.id)) for item in items)
    st.progress(done / len(items) if items else 1.0,
                text=f"{done} van {len(items)} uitspraken beantwoord")
    if not scan.is_open:
        st.info(quickscan.CLOSED_MESSAGE, icon=":material/lock:")
    st.caption("1 = helemaal niet · 5 = helemaal wel. Bij O/V/G: moet nog ontwikkeld worden, "
               "is voldoende aanwezig, of is goed aanwezig. Overslaan mag.")
    theme_id = None
    for number, item in enumerate(items, start=1):
        if item.theme_id != theme_id:
            theme_id = item.theme_id
            st.markdown(f"#### {md(library.title(theme_id))}")
        _statement(item, number, respondent.token, stored.get(item.id), not scan.is_open)
    if scan.is_open:
        st.success("Alles wat je aantikt, is meteen bewaard. Je kunt dit scherm gewoon "
                   "sluiten, of later terugkomen via dezelfde link.", icon=":material/check:")
