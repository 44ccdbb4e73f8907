"""Preparation: the handleiding, the scenario explanation and every theme in full."""
import streamlit as st

from ui.cards import card as draw_card
from ui.page import setup
from ui.resources import library
from ui.scenarios import scenario_columns
from zet.content.model import ANSWER_TYPE_LABELS, Theme

setup("ZET — thema's en handleiding")
lib = library()
general = lib.general


def theme_preview(theme: Theme) -> None:
    st.markdown(f"## {theme.titel}")
    st.caption(f"{theme.domein} · waarborgen: {', '.join(theme.waarborgen)}")
    st.write(theme.inleiding)
    werkblad, opdracht, kaarten, scenarios = st.tabs(
        ["Werkblad", "Opdrachtomschrijving", f"Reflectiekaarten ({len(theme.kaarten)})",
         "Scenario's"])
    with werkblad:
        st.info(theme.werkblad_instructie)
        for number, question in enumerate(theme.vragen, start=1):
            st.markdown(f"**{number}. {question.vraag}** — _{ANSWER_TYPE_LABELS[question.type]}_")
            if question.toelichting:
                st.caption(question.toelichting)
            if question.opties:
                st.markdown("\n".join(f"- {option}" for option in question.opties))
    with opdracht:
        st.markdown("#### Doelen")
        st.markdown("\n".join(f"- {doel}" for doel in theme.opdracht.doelen))
        st.markdown("#### Stappenplan")
        for plan in theme.opdracht.stappen:
            st.markdown(f"**{plan.stap.number}. {plan.stap.label}** ({plan.minuten} min)  \n"
                        f"{plan.beschrijving}")
            if plan.kaarten:
                titles = [c.titel for cid in plan.kaarten if (c := theme.card(cid))]
                st.caption("Reflectiekaarten hier: " + ", ".join(titles))
        st.markdown("#### Toelichting")
        st.markdown(theme.opdracht.toelichting)
    with kaarten:
        for card in theme.kaarten:
            draw_card(card)
            source = f" · overgenomen uit {lib.theme(card.overgenomen_van).titel}" \
                if card.overgenomen_van else ""
            st.caption(f"Inzet: {card.inzet}  \nBron: {card.bron}{source}")
    with scenarios:
        scenario_columns(theme)


st.title("Thema's en handleiding")
st.page_link("pages/start.py", label="Terug naar de start", icon=":material/home:")
tab_themes, tab_handleiding, tab_method = st.tabs(
    ["Thema's", "Handleiding procesbegeleider", "Methode en scenario's"])
with tab_themes:
    themes = lib.ordered_themes()
    chosen = st.selectbox("Thema", [t.id for t in themes], key="preview_theme",
                          format_func=lambda tid: f"{lib.theme(tid).volgorde}. "
                                                  f"{lib.theme(tid).titel}")
    theme_preview(lib.theme(chosen))
with tab_handleiding:
    st.markdown(general.handleiding_inleiding)
    st.markdown("### Vier uitgangspunten")
    for item in general.uitgangspunten:
        st.markdown(f"**{item.titel}**  \n{item.tekst}")
    st.markdown("### Drie fasen in het gesprek")
    for item in general.fasen:
        st.markdown(f"**{item.titel}**  \n{item.tekst}")
    st.markdown("### Jouw rol")
    st.markdown(general.rol)
    st.markdown("### Voorbereiding")
    st.markdown("\n".join(f"- {item}" for item in general.voorbereiding))
with tab_method:
    st.markdown(f"## {general.methode_titel}")
    st.markdown(general.methode_tekst)
    st.markdown("**Wat de ZET oplevert**")
    st.markdown("\n".join(f"{i}. {doel}" for i, doel in enumerate(general.methode_doelen, 1)))
    st.markdown("## De vier scenario's")
    st.markdown(general.scenario_inleiding)
    for number, item in enumerate(general.scenario_uitleg, start=1):
        st.markdown(f"**{number}. {item.titel}**  \n{item.tekst}")
