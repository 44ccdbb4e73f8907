"""What each step draws: on the participant's phone and on the procesbegeleider's control
view. The beamer's pages come from ``zet.room.screen_pages.STEP_PAGES``; the rules of a step from
``zet.steps.STEPS`` (``tests/test_step_registries.py`` checks that every step is in all
three)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.facilitator import afronding, kaarten, punten, scenario, uitwisseling, werkblad
from ui.participant import steps as phone
from ui.participant import werkblad as phone_werkblad
from zet.content.model import Theme
from zet.room.dagdelen import Dagdeel
from zet.room.groups import Group
from zet.steps import Step


@dataclass(frozen=True)
class StepView:
    """``phone(group_id, participant_id, theme)`` draws the step on a phone,
    ``control(group, theme, dagdeel)`` the step's part of the control view.
    ``follows_input``: the phone reruns on the group's input too, not only when the room
    moves (the outcome at the afronding may still change).
    ``phone_glossary``: 'Begrippen' under the step on the phone (the reflectiekaarten draw
    their own, with the cards laid)."""
    phone: Callable[[int, int, Theme], None]
    control: Callable[[Group, Theme, Dagdeel], None]
    follows_input: bool = False
    phone_glossary: bool = True


STEP_VIEWS: dict[Step, StepView] = {
    Step.WERKBLAD: StepView(
        phone=phone_werkblad.show,
        control=lambda group, theme, dagdeel: werkblad.show(group, theme)),
    Step.UITWISSELING: StepView(
        phone=phone.uitwisseling,
        control=lambda group, theme, dagdeel: uitwisseling.show(group, theme)),
    Step.REFLECTIEKAARTEN: StepView(
        phone=lambda group_id, participant_id, theme: phone.reflectiekaarten(group_id, theme),
        control=lambda group, theme, dagdeel: kaarten.show(group, theme),
        phone_glossary=False),
    Step.PUNTEN: StepView(
        phone=lambda group_id, participant_id, theme: phone.punten(group_id, participant_id),
        control=lambda group, theme, dagdeel: punten.show(group)),
    Step.SCENARIO: StepView(
        phone=phone.scenario,
        control=lambda group, theme, dagdeel: scenario.show(group, theme)),
    Step.AFRONDING: StepView(
        phone=lambda group_id, participant_id, theme: phone.afronding(group_id),
        control=lambda group, theme, dagdeel: afronding.show(group, dagdeel),
        follows_input=True),
}
