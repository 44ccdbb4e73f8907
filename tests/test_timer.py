"""The step timer warns in time for the scenario."""
from __future__ import annotations

from datetime import date, timedelta

from zet.room.timer import guard, round_end
from zet.steps import Step

DAY = date(2026, 11, 30)


def test_warns_when_the_round_no_longer_covers_the_scenario(library):
    opdracht = library.theme("proef").opdracht  # scenario 15 + afronding 5 minutes
    end = round_end(DAY, "10:45")
    started = end - timedelta(minutes=40)
    calm = guard(opdracht, Step.REFLECTIEKAARTEN, started, end - timedelta(minutes=30), end)
    assert calm.warning is None and calm.round_left == 30
    tight = guard(opdracht, Step.REFLECTIEKAARTEN, started, end - timedelta(minutes=18), end)
    assert "Ga nu naar het scenario" in tight.warning
    assert tight.warning == ("Nog 18 min in deze ronde: het scenario en de afronding vragen "
                             "20 min. Ga nu naar het scenario.")
    # In the scenario itself, short time is no reason to move on: only the step's own time.
    during = guard(opdracht, Step.SCENARIO, end - timedelta(minutes=10),
                   end - timedelta(minutes=5), end)
    assert during.warning is None and during.round_left == 5
    late = guard(opdracht, Step.SCENARIO, started, end + timedelta(minutes=1), end)
    assert late.warning == ("De tijd van deze ronde is om. Rond af en spreek af wie "
                            "terugkoppelt.")


def test_without_programme_only_the_step_time_counts(library):
    opdracht = library.theme("proef").opdracht
    start = round_end(DAY, "09:30")
    over = guard(opdracht, Step.WERKBLAD, start, start + timedelta(minutes=12), None)
    assert over.over_time and "richttijd 10 min" in over.warning
    assert over.round_left is None


def test_the_timer_follows_the_60_minute_plan(library):
    opdracht = library.theme("proef").opdracht  # 60-minute plan: scenario 12 + afronding 5
    end = round_end(DAY, "10:45")
    moment = end - timedelta(minutes=16)
    long_plan = guard(opdracht, Step.PUNTEN, moment, moment, end)
    short_plan = guard(opdracht, Step.PUNTEN, moment, moment, end, 60)
    assert long_plan.needed_from_scenario == 20 and "Ga nu naar het scenario" in \
        long_plan.warning
    assert short_plan.needed_from_scenario == 17 and "vragen 17 min" in short_plan.warning
    werkblad = guard(opdracht, Step.WERKBLAD, moment, moment + timedelta(minutes=9), None, 60)
    assert werkblad.suggested == 8 and "richttijd 8 min" in werkblad.warning
