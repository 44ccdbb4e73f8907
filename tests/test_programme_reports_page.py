"""The programme page's report parts with AppTest on the demo history: the Overzicht names
the year of every tile and whole theme names, Ontwikkeling counts the scenarios instead of
averaging them, a point is placed under one waarborg in Rode lijnen, and the report tab
offers the summary per waarborg to copy."""
from __future__ import annotations

import json

from conftest import EVERYTHING
from test_programme_page import env, logged_in  # noqa: F401

from zet.programme.rode_lijnen import confirmed_points


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def _label_exprs(node) -> list[str]:
    """Every axis label expression in a chart spec."""
    if isinstance(node, dict):
        found = [node["labelExpr"]] if isinstance(node.get("labelExpr"), str) else []
        return found + [e for value in node.values() for e in _label_exprs(value)]
    if isinstance(node, list):
        return [e for value in node for e in _label_exprs(value)]
    return []


def test_overview_says_the_year_and_development_counts_scenarios(env):  # noqa: F811
    at = logged_in()
    overview = next(spec for spec in _specs(at)
                    if spec["layer"][0]["encoding"]["x"]["field"] == "locatie")
    rows = overview["layer"][0]["encoding"]["y"]
    assert rows["field"] == "thema" and rows["axis"]["labelLimit"] == 0  # names never cut
    # the locatie heads wrap between words instead of being cut or broken
    assert any('["Instituut Rivierenland", "(pabo en", "lerarenopleiding)"]' in e
               for e in _label_exprs(overview))
    # the tiles' text: "nu → gewenst" over the year it is from
    from ui.programme.overview import _latest_frame
    frame = _latest_frame(EVERYTHING)
    assert all(label.endswith(f"\n{jaar}") for label, jaar in zip(frame.label, frame.jaar))

    # Ontwikkeling: the scenarios per year counted ("1× 2 → 3"), never averaged ("2,5")
    from ui.programme.trends import _counts_frame
    from zet.programme.archive import group_outcomes, placements_per_year
    placements = placements_per_year(group_outcomes(env, EVERYTHING))
    assert placements and all("," not in p.label for p in placements)
    assert any("×" in p.label for p in placements)  # several groups in one year
    counts = _counts_frame(placements)
    assert counts.groepen.sum() == 2 * sum(p.groups for p in placements)
    assert "Scenario's worden geteld, niet gemiddeld" in "\n".join(c.value for c in at.caption)
    assert not at.exception


def test_a_point_is_placed_under_one_waarborg_in_rode_lijnen(env):  # noqa: F811
    at = logged_in()
    point = next(p for p in confirmed_points(env, EVERYTHING)
                 if p.theme_id == "kwaliteitsontwikkeling" and p.kind == "sterk")
    at.multiselect(key="rl_kies").set_value([point.id]).run()
    at.selectbox(key="rl_waarborg").set_value("Organisatie").run()
    at.button(key="rl_waarborg_knop").click().run()
    assert not at.exception
    placed = next(p for p in confirmed_points(env, EVERYTHING) if p.id == point.id)
    assert placed.waarborg == "Organisatie"


def test_report_tab_offers_the_summary_to_copy(env):  # noqa: F811
    at = logged_in()
    codes = [c.value for c in at.code]
    assert len(codes) == 4
    assert codes[2].startswith("Waarborg Organisatie (2024–2026)\n")
    assert "Ontwikkelpunten die op meer locaties terugkomen:" in codes[3]
    assert codes[2] != codes[3]
