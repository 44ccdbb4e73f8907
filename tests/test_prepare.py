"""Turning the preparation form's tables into rounds and theme groups."""
from __future__ import annotations

import pandas as pd
import pytest

from ui.prepare import DEFAULT_ROUNDS, DEFAULT_TABLES, plans_from_tables
from zet.errors import UserError

THEMES = {"Visie": "visie", "Beoordelen": "beoordelen", "Regie op leren": "regie-op-leren"}


def filled_tables() -> pd.DataFrame:
    tables = DEFAULT_TABLES.copy()
    tables["Thema"] = ["Visie", "Beoordelen", "Regie op leren"] * 2
    tables["Procesbegeleider"] = ["Anna", "Bram", "Chris"] * 2
    return tables


def test_the_example_programme_becomes_two_rounds_of_three_tables():
    plans = plans_from_tables(DEFAULT_ROUNDS, filled_tables(), THEMES)
    assert [(p.start_tijd, p.eind_tijd) for p in plans] == [("09:30", "10:45"),
                                                           ("11:00", "12:15")]
    assert [g.theme_id for g in plans[1].groups] == ["visie", "beoordelen", "regie-op-leren"]
    assert [g.label for g in plans[0].groups] == ["A", "B", "C"]


def test_a_table_without_theme_is_named():
    tables = filled_tables()
    tables.loc[4, "Thema"] = ""
    with pytest.raises(UserError, match="tafel B in ronde 2"):
        plans_from_tables(DEFAULT_ROUNDS, tables, THEMES)


def test_rounds_must_be_numbered_from_one():
    rounds = DEFAULT_ROUNDS.copy()
    rounds["Ronde"] = [1, 3]
    with pytest.raises(UserError, match="Nummer de rondes"):
        plans_from_tables(rounds, filled_tables(), THEMES)
