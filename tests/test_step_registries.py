"""Every step, page kind and answer type has its entry in each layer's registry: adding one
and forgetting a layer fails here (docs/architecture.md, 'How to …')."""
from __future__ import annotations

import pytest
from conftest import REAL_CONTENT

from ui.participant.werkblad import INPUTS
from ui.projector.plenary import PLENARY_RENDERERS
from ui.projector.render import GROUP_RENDERERS, QUESTION_BODIES
from ui.steps import STEP_VIEWS
from zet.answer_types import ANSWER_TYPES, answer_type
from zet.content.glossary import STEP_TEXTS
from zet.content.loader import load_library
from zet.content.model import Question
from zet.errors import UserError
from zet.export.werkblad_pdf import PDF_BODIES
from zet.operations.demo import DEMO_ANSWERS
from zet.operations.demo_history import HISTORY_ANSWERS
from zet.room.screen_pages import QUESTION_CUTS, STEP_PAGES, PageKind
from zet.steps import LATE_JOIN_STEPS, STEP_ORDER, STEPS, Step


def test_every_step_has_a_spec_in_every_layer() -> None:
    for registry in (STEPS, STEP_PAGES, STEP_VIEWS, STEP_TEXTS):
        assert set(registry) == set(Step), registry


def test_the_specs_keep_the_method_s_rules() -> None:
    assert [s.label for s in STEP_ORDER] == [
        "Werkblad", "Uitwisseling", "Reflectiekaarten", "Sterke punten & ontwikkelpunten",
        "Scenario", "Afronding"]
    assert set(STEP_ORDER[:STEP_ORDER.index(Step.SCENARIO)]) == LATE_JOIN_STEPS
    assert [s for s in STEP_ORDER if s.spec.always_done] == [Step.WERKBLAD, Step.SCENARIO]


def test_every_page_kind_has_exactly_one_renderer() -> None:
    group, plenary = set(GROUP_RENDERERS), set(PLENARY_RENDERERS)
    assert not group & plenary
    assert group | plenary == set(PageKind)


def test_every_answer_type_has_a_strategy_in_every_layer(library) -> None:
    used = {q.type for lib in (library, load_library(REAL_CONTENT))
            for theme in lib.themes.values() for q in theme.vragen}
    assert used <= set(ANSWER_TYPES)
    for registry in (QUESTION_CUTS, PDF_BODIES, QUESTION_BODIES, INPUTS, DEMO_ANSWERS,
                     HISTORY_ANSWERS):
        assert set(registry) == set(ANSWER_TYPES), registry
    assert all(name == kind.name and kind.label for name, kind in ANSWER_TYPES.items())


def test_an_unknown_answer_type_is_a_dutch_message_not_a_key_error() -> None:
    with pytest.raises(UserError, match="Onbekend antwoordtype 'tabel'"):
        answer_type(Question("q", "tabel", "Vraag?"))
