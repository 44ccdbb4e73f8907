"""The administrator's tab: accounts, which opleidingsscholen each one sees, who is
administrator, a new password, removing. The rules (only administrators, not oneself) are
in ``zet.programme.account_admin``."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.resources import engine
from ui.text import md
from ui.writes import act, failed, show_flash
from zet.programme.account_admin import (
    add_account,
    list_accounts,
    remove_account,
    reset_password,
    set_admin,
    set_memberships,
)
from zet.programme.accounts import MIN_PASSWORD
from zet.programme.locaties import list_partnerships
from zet.programme.tenancy import Viewer

FLASH = "_pm_acc_flash"
NEW = ("acc_naam", "acc_wachtwoord", "acc_beheerder", "acc_scholen")


def accounts_view(viewer: Viewer) -> None:
    show_flash(FLASH, toast=False)
    partnerships = {p.id: p.naam for p in list_partnerships(engine(), viewer)}
    infos = list_accounts(engine(), viewer)
    st.markdown("#### Accounts")
    st.dataframe(pd.DataFrame([{
        "Naam": a.naam, "Beheerder": "ja" if a.beheerder else "nee",
        "Opleidingsscholen": "alle" if a.beheerder else ", ".join(a.partnerschappen) or "geen",
    } for a in infos]), hide_index=True, width="stretch")
    left, right = st.columns(2, gap="large")
    with left, st.form("acc_nieuw", border=True):
        st.markdown("#### Nieuw account")
        st.text_input("Naam", key=NEW[0])
        st.text_input("Wachtwoord", type="password", key=NEW[1],
                      help=f"Minstens {MIN_PASSWORD} tekens. Geef het persoonlijk door; "
                           "de programmamanager kan het daarna zelf wijzigen.")
        st.multiselect("Opleidingsscholen", list(partnerships), key=NEW[3],
                       format_func=lambda i: partnerships[i],
                       placeholder="Kies de opleidingsscholen van dit account")
        st.checkbox("Beheerder van de server (ziet alles, beheert accounts)", key=NEW[2])
        st.form_submit_button("Account maken", type="primary", on_click=_add, args=(viewer,))
    with right:
        _edit(viewer, {a.id: a for a in infos}, partnerships)


def _edit(viewer: Viewer, infos: dict, partnerships: dict[int, str]) -> None:
    st.markdown("#### Account aanpassen")
    chosen = st.selectbox("Account", list(infos), key="acc_kies",
                          format_func=lambda i: infos[i].naam)
    if chosen is None:
        return
    info = infos[chosen]
    with st.form(f"acc_rechten_{chosen}", border=True):
        st.multiselect("Opleidingsscholen", list(partnerships), key=f"acc_p_{chosen}",
                       default=[i for i in info.partnerschap_ids if i in partnerships],
                       format_func=lambda i: partnerships[i],
                       placeholder="Geen opleidingsschool")
        st.checkbox("Beheerder van de server", value=info.beheerder, key=f"acc_b_{chosen}")
        st.form_submit_button("Rechten opslaan", on_click=_rights, args=(viewer, chosen))
    with st.form(f"acc_pw_{chosen}", border=True):
        st.text_input("Nieuw wachtwoord", type="password", key=f"acc_pw_{chosen}_1",
                      help="Het account wordt daarna overal uitgelogd.")
        st.form_submit_button("Wachtwoord instellen", on_click=_password,
                              args=(viewer, chosen))
    if chosen != viewer.account_id:
        st.checkbox(f"Ja, verwijder het account van {md(info.naam)}", key=f"acc_weg_{chosen}")
        st.button("Account verwijderen", key="acc_verwijder", on_click=_remove,
                  args=(viewer, chosen), disabled=not st.session_state.get(f"acc_weg_{chosen}"))


# The callbacks read the widgets at click time; on an error what was typed stays.

def _add(viewer: Viewer) -> None:
    state = st.session_state
    act(add_account, viewer, state.get(NEW[0], ""), state.get(NEW[1], ""),
        beheerder=bool(state.get(NEW[2])), partnerschap_ids=state.get(NEW[3], []),
        flash=FLASH, success="Account gemaakt.")
    if not failed(FLASH):
        state[NEW[0]], state[NEW[1]], state[NEW[2]], state[NEW[3]] = "", "", False, []


def _rights(viewer: Viewer, account_id: int) -> None:
    state = st.session_state
    act(set_memberships, viewer, account_id, state.get(f"acc_p_{account_id}", []),
        flash=FLASH)
    if not failed(FLASH):
        act(set_admin, viewer, account_id, bool(state.get(f"acc_b_{account_id}")),
            flash=FLASH, success="Rechten opgeslagen.")


def _password(viewer: Viewer, account_id: int) -> None:
    key = f"acc_pw_{account_id}_1"
    act(reset_password, viewer, account_id, st.session_state.get(key, ""), flash=FLASH,
        success="Nieuw wachtwoord ingesteld.")
    if not failed(FLASH):
        st.session_state[key] = ""


def _remove(viewer: Viewer, account_id: int) -> None:
    act(remove_account, viewer, account_id, flash=FLASH,
        success="Account verwijderd.")
    st.session_state.pop("acc_kies", None)
