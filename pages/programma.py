"""The programme manager's page: every locatie and every year of the account's
opleidingsscholen in one place. Behind a login; participants and procesbegeleiders have no
way in. Every view gets a Scope that carries the account's Viewer."""
import streamlit as st

from ui.page import setup
from ui.programme.accounts import accounts_view
from ui.programme.actions import actions_view
from ui.programme.archive import archive_view
from ui.programme.filters import partnership_choice
from ui.programme.login import account_bar, require_viewer
from ui.programme.overview import overview_view
from ui.programme.quickscan import quickscan_view
from ui.programme.report import report_view
from ui.programme.rode_lijnen import rode_lijnen_view
from ui.programme.structure import structure_view
from ui.programme.trends import trends_view
from zet.programme.archive import Scope
from zet.programme.tenancy import NO_PARTNERSHIP

setup("ZET — programmamanager")


def development_view(base: Scope) -> None:
    """Ontwikkeling: the dagdelen's outcomes over the years, then what the quickscans said."""
    quickscan_view(trends_view(base))  # one row of filters for the whole tab


viewer = require_viewer()
title, account = st.columns([3, 1], vertical_alignment="bottom")
title.title("Opleidingsschool in beeld")
with account:
    account_bar(viewer)
base = partnership_choice(viewer)
SCHOOL_VIEWS = {"Overzicht": overview_view, "Archief": archive_view,
                "Rode lijnen": rode_lijnen_view, "Ontwikkeling": development_view,
                "Acties": actions_view, "Verslag": report_view}
TABS = [*SCHOOL_VIEWS, "Locaties"]
ADMIN_TABS = [*TABS, "Accounts"]
tabs = dict(zip(ADMIN_TABS, st.tabs(ADMIN_TABS if viewer.admin else TABS)))
for name, view in SCHOOL_VIEWS.items():
    with tabs[name]:
        if base is not None:
            view(base)
        else:
            st.info(NO_PARTNERSHIP if not viewer.admin else
                    "Er is nog geen opleidingsschool. Voeg er een toe onder Locaties.")
with tabs["Locaties"]:
    structure_view(viewer)
if viewer.admin:
    with tabs["Accounts"]:
        accounts_view(viewer)
