"""The beamer's "Wat de quickscan zei" page of a theme (sized in em: the projector is one
canvas scaled to the screen, ``ui/projector/style.py``): per role group the mean of how it
should be (gewenst) and how it is now (feitelijk), the gap, and the O/V/G counts. Only role
groups of at least three people (``zet.programme.quickscan_results``); never a single respondent."""
from __future__ import annotations

from ui.text import esc
from zet.programme.quickscan_results import MIN_GROUP, Outcome, Spread, number_text

_STYLE = """
<style>
.zq-rows { display: flex; flex-direction: column; gap: .35em; }
.zq-row { display: grid; grid-template-columns: 36% 1fr 6.8em; gap: .7em; align-items: center;
          border-left: .43em solid #1f5f8b; padding: .07em 0 .07em .57em; }
.zq-row.zq-total { border-left-color: #1f2933; font-weight: 700; }
.zq-group span { display: block; font-weight: 400; color: #3e4c59; }
.zq-bar { display: grid; grid-template-columns: 4.3em 1fr 2.3em; gap: .43em;
          align-items: center; }
.zq-bar b { display: block; height: .93em; border-radius: .14em; }
.zq-bar em { font-style: normal; font-weight: 700; }
.zq-gap { font-weight: 700; }
.zp .zq-note { color: #3e4c59; margin: .43em 0 0; }
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


def quickscan_page_html(outcome: Outcome, *, before_werkblad: bool = False) -> str:
    """The page body (the frame comes from ``render.screen_html``); ``before_werkblad``: the
    opening page of the werkblad step, before anyone wrote."""
    rows_html = [_row_html(g, False) for g in outcome.groups]
    if outcome.total is not None and len(outcome.groups) > 1:
        rows_html.append(_row_html(outcome.total, True))
    note = ("Gemiddelden van 1 tot 5: hoe het zou moeten (gewenst) en hoe het nu is. "
            + ("Herken je dit? Neem het mee in je werkblad." if before_werkblad
               else "Wat zien jullie terug in de werkbladen?"))
    if outcome.hidden:
        note += f" Rolgroepen met minder dan {MIN_GROUP} mensen staan er niet apart in."
    return (f"{_STYLE}<h2>Wat de quickscan zei</h2><div class='zq-rows' "
            f"data-testid='quickscan-page'>{''.join(rows_html)}</div>"
            f"<p class='zq-note'>{esc(note)}</p>")
