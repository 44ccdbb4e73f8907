"""Preparation: the handleiding, the scenario explanation and every theme in full."""
import streamlit as st

from ui.cards import card as draw_card
from ui.page import setup
from ui.resources import general_texts, library
from ui.scenarios import scenario_columns
from ui.text import md
from zet.answer_types import answer_type
from zet.content.model import (
    ROUND_MINUTES,
    SHORT_ROUND_MINUTES,
    GeneralTexts,
    Theme,
)

setup("ZET — thema's en handleiding")
lib = library()
general = general_texts()


def theme_preview(theme: Theme) -> None:
    st.markdown(f"## {md(theme.titel)}")
    st.caption(f"{md(theme.domein)} · waarborgen: {md(', '.join(theme.waarborgen))}")
    st.write(md(theme.inleiding))
    werkblad, opdracht, kaarten, scenarios = st.tabs(
        ["Werkblad", "Opdrachtomschrijving", f"Reflectiekaarten ({len(theme.kaarten)})",
         "Scenario's"])
    with werkblad:
        st.info(md(theme.werkblad_instructie))
        for number, question in enumerate(theme.vragen, start=1):
            kind = answer_type(question).label
            st.markdown(f"**{number}. {md(question.vraag)}** — _{md(kind)}_")
            if question.toelichting:
                st.caption(md(question.toelichting))
            if question.opties:
                st.markdown("\n".join(f"- {md(option)}" for option in question.opties))
    with opdracht:
        st.markdown("#### Doelen")
        st.markdown("\n".join(f"- {md(doel)}" for doel in theme.opdracht.doelen))
        st.markdown("#### Stappenplan")
        st.caption("Minuten in de ronde van 75 en in die van 60 minuten; welk plan geldt, "
                   "kies je bij het voorbereiden. Het werkblad en het scenario doe je altijd.")
        for plan in theme.opdracht.stappen:
            always_md = " · **altijd doen**" if plan.always_done else ""
            st.markdown(f"**{plan.stap.number}. {md(plan.stap.label)}** "
                        f"({md(plan.minutes(ROUND_MINUTES))} min / "
                        f"{md(plan.minutes(SHORT_ROUND_MINUTES))} min){always_md}  \n"
                        f"{md(plan.beschrijving)}")
            if plan.kaarten:
                titles = [c.titel for cid in plan.kaarten if (c := theme.card(cid))]
                st.caption("Reflectiekaarten hier: " + md(", ".join(titles)))
        st.markdown("#### Toelichting")
        st.markdown(md(theme.opdracht.toelichting))
    with kaarten:
        for card in theme.kaarten:
            draw_card(card)
            source = f" · overgenomen uit {lib.theme(card.overgenomen_van).titel}" \
                if card.overgenomen_van else ""
            st.caption(f"Inzet: {md(card.inzet)}  \nBron: {md(card.bron)}{md(source)}")
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
            st.markdown(f"**{scenario.nummer}. {md(scenario.naam)}**")
            st.markdown("\n".join(f"- {md(idee)}" for idee in scenario.ideeen) or "–")


def bullets_md(items) -> str:
    return "\n".join(f"- {md(item)}" for item in items)


def guidance(general: GeneralTexts) -> None:
    """The handleiding beyond one theme group: the dagdeel, the people, the follow-up."""
    gids = general.gids
    if gids.hoofdprocesbegeleider or gids.hoofdprocesbegeleider_taken:
        st.markdown("### Voor de hoofdprocesbegeleider")
        st.markdown(md(gids.hoofdprocesbegeleider))
        st.markdown(bullets_md(gids.hoofdprocesbegeleider_taken))
    if gids.deelnemers:
        st.markdown("### Wie doen er mee?")
        st.markdown(md(gids.deelnemers))
    if gids.notulist:
        st.markdown("### De notulist")
        st.markdown(md(gids.notulist))
    if gids.scenario_als_laatste:
        st.markdown("### Waarom het scenario als laatste komt")
        st.markdown(md(gids.scenario_als_laatste))
    if gids.kwaliteitscyclus or gids.vervolg or gids.peer_review:
        st.markdown("### Na het dagdeel")
        st.markdown(md(gids.kwaliteitscyclus))
        st.markdown(bullets_md(gids.vervolg))
        if gids.peer_review:
            st.markdown("**Opbrengst per waarborg en de peer review**  \n" + md(gids.peer_review))


def begrippen(general: GeneralTexts) -> None:
    for item in general.gids.begrippen:
        st.markdown(f"**{md(item.titel)}**: {md(item.tekst)}")


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
    st.markdown(md(general.handleiding_inleiding))
    st.markdown("### Vier uitgangspunten")
    for item in general.uitgangspunten:
        st.markdown(f"**{md(item.titel)}**  \n{md(item.tekst)}")
    st.markdown("### Drie fasen in het gesprek")
    for item in general.fasen:
        st.markdown(f"**{md(item.titel)}**  \n{md(item.tekst)}")
    st.markdown("### Jouw rol")
    st.markdown(md(general.rol))
    st.markdown("### Voorbereiding")
    st.markdown(bullets_md(general.voorbereiding))
    guidance(general)
with tab_method:
    st.markdown(f"## {md(general.methode_titel)}")
    st.markdown(md(general.methode_tekst))
    st.markdown("**Wat de ZET oplevert**")
    st.markdown("\n".join(f"{i}. {md(doel)}"
                           for i, doel in enumerate(general.methode_doelen, 1)))
    st.markdown("## De vier scenario's")
    st.markdown(md(general.scenario_inleiding))
    for number, item in enumerate(general.scenario_uitleg, start=1):
        st.markdown(f"**{number}. {md(item.titel)}**  \n{md(item.tekst)}")
with tab_words:
    begrippen(general)
