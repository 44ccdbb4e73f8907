"""Turning the preparation form's fields into rounds and theme groups, and refusals that
name the row and the field."""
from __future__ import annotations

from datetime import date

import pytest

from ui.prepare import plans_from_fields
from zet.errors import UserError
from zet.room.dagdelen import create_dagdeel


def filled(rounds: int = 2, tables: int = 3) -> dict[str, str]:
    """The fields of the handleiding's example, as the form leaves them in the session."""
    state = {"dd_r1_start": "09:30", "dd_r1_eind": "10:45",
             "dd_r2_start": "11:00", "dd_r2_eind": "12:15"}
    themes = ["visie", "beoordelen", "regie-op-leren"]
    for number in range(1, rounds + 1):
        for index in range(tables):
            key = f"dd_r{number}_t{index}"
            state.update({f"{key}_tafel": "ABC"[index], f"{key}_thema": themes[index],
                          f"{key}_pb": ["Anna", "Bram", "Chris"][index]})
    return state


def test_the_example_programme_becomes_two_rounds_of_three_tables():
    plans = plans_from_fields(filled(), 2, [3, 3])
    assert [(p.start_tijd, p.eind_tijd) for p in plans] == [("09:30", "10:45"),
                                                           ("11:00", "12:15")]
    assert [g.theme_id for g in plans[1].groups] == ["visie", "beoordelen", "regie-op-leren"]
    assert [g.label for g in plans[0].groups] == ["A", "B", "C"]


def test_a_table_without_theme_is_named():
    state = filled()
    state["dd_r2_t1_thema"] = None
    with pytest.raises(UserError, match="Ronde 2, tafel B: kies een thema"):
        plans_from_fields(state, 2, [3, 3])


def test_a_missing_procesbegeleider_names_the_round_tafel_and_theme(engine):
    state = filled()
    state["dd_r1_t0_pb"] = "   "
    with pytest.raises(UserError) as refused:
        create_dagdeel(engine, locatie="Het Kompas", datum=date(2026, 11, 30),
                       rounds=plans_from_fields(state, 2, [3, 3]),
                       theme_titles={"visie": "Visie"})
    assert str(refused.value) == ("Ronde 1, tafel A (thema Visie): vul de naam van de "
                                  "procesbegeleider in.")
