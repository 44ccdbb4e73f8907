"""Preparation: the handleiding, the scenario explanation and every theme in full."""
import streamlit as st

from ui.cards import card as draw_card
from ui.page import setup
from ui.resources import library
from ui.scenarios import scenario_columns
from zet.content.model import ANSWER_TYPE_LABELS, GeneralTexts, Theme

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
        scenario_ideas(theme)


def scenario_ideas(theme: Theme) -> None:
    """The "ideeën om daar te komen" per scenario (handleiding §3.4)."""
    if not any(s.ideeen for s in theme.scenarios):
        return
    st.markdown("#### Ideeën om daar te komen")
    for column, scenario in zip(st.columns(4), theme.scenarios):
        with column:
            st.markdown(f"**{scenario.nummer}. {scenario.naam}**")
            st.markdown("\n".join(f"- {idee}" for idee in scenario.ideeen) or "–")


def bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def guidance(general: GeneralTexts) -> None:
    """The handleiding beyond one theme group: the dagdeel, the people, the follow-up."""
    gids = general.gids
    if gids.hoofdprocesbegeleider or gids.hoofdprocesbegeleider_taken:
        st.markdown("### Voor de hoofdprocesbegeleider")
        st.markdown(gids.hoofdprocesbegeleider)
        st.markdown(bullets(gids.hoofdprocesbegeleider_taken))
    if gids.deelnemers:
        st.markdown("### Wie doen er mee?")
        st.markdown(gids.deelnemers)
    if gids.notulist:
        st.markdown("### De notulist")
        st.markdown(gids.notulist)
    if gids.scenario_als_laatste:
        st.markdown("### Waarom het scenario als laatste komt")
        st.markdown(gids.scenario_als_laatste)
    if gids.kwaliteitscyclus or gids.vervolg or gids.peer_review:
        st.markdown("### Na het dagdeel")
        st.markdown(gids.kwaliteitscyclus)
        st.markdown(bullets(gids.vervolg))
        if gids.peer_review:
            st.markdown("**Opbrengst per waarborg en de peer review**  \n" + gids.peer_review)


def begrippen(general: GeneralTexts) -> None:
    for item in general.gids.begrippen:
        st.markdown(f"**{item.titel}**: {item.tekst}")


def broken_themes_notice() -> None:
    """Themes left out because their file has errors: what is wrong, for whoever prepares."""
    if not lib.broken:
        return
    st.warning(f"{len(lib.broken)} thema('s) uitgeschakeld omdat het bestand fouten bevat. "
               "De andere thema's werken gewoon.")
    for theme_id in sorted(lib.broken):
        st.code(lib.problem(theme_id), language=None)


st.title("Thema's en handleiding")
st.page_link("pages/start.py", label="Terug naar de start", icon=":material/home:")
tab_themes, tab_handleiding, tab_method, tab_words = st.tabs(
    ["Thema's", "Handleiding procesbegeleider", "Methode en scenario's", "Begrippen"])
with tab_themes:
    broken_themes_notice()
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
    st.markdown(bullets(general.voorbereiding))
    guidance(general)
with tab_method:
    st.markdown(f"## {general.methode_titel}")
    st.markdown(general.methode_tekst)
    st.markdown("**Wat de ZET oplevert**")
    st.markdown("\n".join(f"{i}. {doel}" for i, doel in enumerate(general.methode_doelen, 1)))
    st.markdown("## De vier scenario's")
    st.markdown(general.scenario_inleiding)
    for number, item in enumerate(general.scenario_uitleg, start=1):
        st.markdown(f"**{number}. {item.titel}**  \n{item.tekst}")
with tab_words:
    begrippen(general)
