"""The beamer's "Wat de quickscan zei" page of a theme: per role group the mean of how it
should be (gewenst) and how it is now (feitelijk), the gap, and the O/V/G counts. Only role
groups of at least three people (``zet.quickscan_results``); never a single respondent."""
from __future__ import annotations

from ui.text import esc
from zet.quickscan_results import MIN_GROUP, Outcome, Spread, number_text

_STYLE = """
<style>
.zq-rows { display: flex; flex-direction: column; gap: 10px; }
.zq-row { display: grid; grid-template-columns: 36% 1fr 190px; gap: 20px; align-items: center;
          border-left: 12px solid #1f5f8b; padding: 2px 0 2px 16px; }
.zq-row.zq-total { border-left-color: #1f2933; font-weight: 700; }
.zq-group span { display: block; font-weight: 400; color: #3e4c59; }
.zq-bar { display: grid; grid-template-columns: 120px 1fr 64px; gap: 12px;
          align-items: center; }
.zq-bar b { display: block; height: 26px; border-radius: 4px; }
.zq-bar em { font-style: normal; font-weight: 700; }
.zq-gap { font-weight: 700; }
.zp .zq-note { color: #3e4c59; margin: 12px 0 0; }
@media (max-width: 1279px) {
  .zp .zq-rows, .zp .zq-rows *, .zp .zq-note { font-size: 24px !important; }
  .zq-row { grid-template-columns: 38% 1fr 160px; }
  .zq-bar { grid-template-columns: 100px 1fr 52px; }
}
</style>
"""
WISH, FACT = "#1f5f8b", "#8aa6c1"


def _bar_html(label: str, value: float | None, color: str) -> str:
    if value is None:
        return ""
    return (f"<div class='zq-bar'><span>{esc(label)}</span><b style='width:"
            f"{value / 5 * 100:.1f}%;background:{color}'></b>"
            f"<em>{esc(number_text(value))}</em></div>")


def _row_html(spread: Spread, total: bool) -> str:
    ovg_html = ""
    if sum(spread.ovg):
        o, v, g = spread.ovg
        ovg_html = f" · O {int(o)} · V {int(v)} · G {int(g)}"
    gap = spread.gap
    gap_html = f"verschil {esc(('+' if gap >= 0 else '−') + number_text(abs(gap)))}" \
        if gap is not None else ""
    return (f"<div class='zq-row{' zq-total' if total else ''}' data-testid='quickscan-row'>"
            f"<div class='zq-group'>{esc(spread.group)}<span>{int(spread.respondents)} "
            f"mensen{ovg_html}</span></div>"
            f"<div>{_bar_html('gewenst', spread.gewenst_mean, WISH)}"
            f"{_bar_html('nu', spread.feitelijk_mean, FACT)}</div>"
            f"<div class='zq-gap'>{gap_html}</div></div>")


def quickscan_page_html(outcome: Outcome) -> str:
    """The page body (the frame comes from ``render.screen_html``)."""
    rows_html = [_row_html(g, False) for g in outcome.groups]
    if outcome.total is not None and len(outcome.groups) > 1:
        rows_html.append(_row_html(outcome.total, True))
    note = ("Gemiddelden van 1 tot 5: hoe het zou moeten (gewenst) en hoe het nu is. "
            "Wat zien jullie terug in de werkbladen?")
    if outcome.hidden:
        note += f" Rolgroepen met minder dan {MIN_GROUP} mensen staan er niet apart in."
    return (f"{_STYLE}<h2>Wat de quickscan zei</h2><div class='zq-rows' "
            f"data-testid='quickscan-page'>{''.join(rows_html)}</div>"
            f"<p class='zq-note'>{esc(note)}</p>")
