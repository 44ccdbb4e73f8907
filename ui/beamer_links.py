"""The block both control views open with: the beamer's screen, and this control view on
your own phone (for one laptop that is mirrored to the beamer)."""
from __future__ import annotations

import streamlit as st

from ui.text import md
from zet.qr import qr_png


def beamer_and_control(screen: str, control: str, *, screen_name: str, button: str,
                       controls_what: str) -> None:
    """``screen_name`` says which screen ('het beamerscherm'), ``controls_what`` what this
    control view controls ('de groep', 'het hele dagdeel')."""
    screen_md, what_md = md(screen_name), md(controls_what)
    st.markdown(f"Open **{screen_md}** op de laptop die aan de beamer hangt. Dat scherm "
                f"heeft geen knoppen en geen geheime link: het volgt wat je hier doet.")
    st.link_button(md(button), screen, icon=":material/open_in_new:", type="primary",
                   width="stretch")
    st.code(screen, language=None, wrap_lines=True)
    st.caption(f"Eén laptop die gespiegeld wordt? Scan eerst hieronder deze bediening met je "
               f"telefoon, open dan {screen_md} in dit venster (F11 voor volledig scherm) en "
               f"bedien {what_md} vanaf je telefoon.")
    st.markdown("**Deze bediening op je telefoon of tablet**")
    st.image(qr_png(control), width=200, alt="QR-code met de link naar de bediening")
    st.caption(f"Deel deze code en link niet met deelnemers: ermee bedien je {what_md}.")
    st.code(control, language=None, wrap_lines=True)
