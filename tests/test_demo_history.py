"""The demo partnership: four locaties, three years, every theme, and removable again."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import OPERATOR, REAL_CONTENT
from sqlalchemy import func, select

from zet.content import load_library
from zet.db import reading
from zet.db.schema import antwoorden, punten
from zet.operations.demo_history import DEMO_PREFIX, add_history, remove_history
from zet.programme.actions import list_actions, open_actions_for
from zet.programme.archive import Scope, group_outcomes
from zet.programme.locaties import list_locaties, list_partnerships
from zet.programme.partnership_report import ReportFilter, build_partnership_report
from zet.programme.rode_lijnen import came_back, confirmed_points, point_groups
from zet.room.dagdelen import create_single_session, list_dagdelen


@pytest.fixture(scope="module")
def real_library():
    return load_library(REAL_CONTENT)


def test_demo_history_fills_every_view_and_goes_again(engine, real_library):
    real = create_single_session(engine, locatie="Echte school", datum=date(2026, 3, 2),
                                 procesbegeleider="Anna", theme_id="visie")
    history = add_history(engine, real_library)
    [demo] = [p for p in list_partnerships(engine, OPERATOR) if p.id == history.partnerschap_id]
    assert demo.naam.startswith(DEMO_PREFIX)
    assert len(list_locaties(engine, OPERATOR, demo.id)) >= 4
    dagdelen = [d for d in list_dagdelen(engine) if d.id in history.dagdeel_ids]
    assert all(d.titel.startswith(DEMO_PREFIX) for d in dagdelen)
    assert len({d.datum.year for d in dagdelen}) == 3
    assert all(not d.is_open for d in dagdelen)
    outcomes = group_outcomes(engine, Scope(OPERATOR, partnerschap_id=demo.id))
    assert {o.theme_id for o in outcomes} == set(real_library.themes)  # all themes used
    assert all(o.nu is not None and o.confirmed for o in outcomes)
    found = confirmed_points(engine, Scope(OPERATOR, partnerschap_id=demo.id))
    assert came_back(found)  # something to show under "kwam terug"
    assert point_groups(engine, OPERATOR)
    open_ones = [a for a in list_actions(engine, OPERATOR) if a.is_open]
    assert open_ones and open_actions_for(engine, open_ones[0].locatie_id, open_ones[0].theme_id)
    report = build_partnership_report(engine, real_library, OPERATOR,
                                      ReportFilter(partnerschap=demo.naam))
    # four different waarborg sections, also Organisatie and Kwaliteitscultuur (same themes)
    contents = {frozenset(p.id for line in (*s.strong, *s.develop) for p in line.points)
                for s in report.sections}
    assert len(contents) == 4 and all(contents)

    assert remove_history(engine) == len(history.dagdeel_ids)
    assert [d.id for d in list_dagdelen(engine)] == [real.dagdeel.id]
    assert [p.id for p in list_partnerships(engine, OPERATOR)] != [demo.id]
    assert list_actions(engine, OPERATOR) == [] and point_groups(engine, OPERATOR) == []
    with reading(engine) as conn:
        assert conn.execute(select(func.count()).select_from(punten)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(antwoorden)).scalar() == 0
