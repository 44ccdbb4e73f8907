"""Every step, page kind and answer type has its entry in each layer's registry: adding one
and forgetting a layer fails here (docs/architecture.md, 'How to …')."""
from __future__ import annotations

from ui.projector.plenary import PLENARY_RENDERERS
from ui.projector.render import GROUP_RENDERERS
from ui.steps import STEP_VIEWS
from zet.projector import STEP_PAGES, PageKind
from zet.steps import LATE_JOIN_STEPS, STEP_ORDER, STEPS, Step


def test_every_step_has_a_spec_in_every_layer() -> None:
    for registry in (STEPS, STEP_PAGES, STEP_VIEWS):
        assert set(registry) == set(Step), registry


def test_the_specs_keep_the_method_s_rules() -> None:
    assert [s.label for s in STEP_ORDER] == [
        "Werkblad", "Uitwisseling", "Reflectiekaarten", "Sterke punten & ontwikkelpunten",
        "Scenario", "Afronding"]
    assert LATE_JOIN_STEPS == set(STEP_ORDER[:STEP_ORDER.index(Step.SCENARIO)])
    assert [s for s in STEP_ORDER if s.spec.always_done] == [Step.WERKBLAD, Step.SCENARIO]


def test_every_page_kind_has_exactly_one_renderer() -> None:
    group, plenary = set(GROUP_RENDERERS), set(PLENARY_RENDERERS)
    assert not group & plenary
    assert group | plenary == set(PageKind)
