"""The projector's type and colours: read from 8 metres on any beamer.

The page is one canvas of ``CANVAS_W`` × ``CANVAS_H`` em (``zet.room.screenfit``), scaled to the
screen: the body text (1 em) is ``min(100vw / CANVAS_W, 100vh / CANVAS_H)``, so 24 px at
1024×768, 28 px at 1280×720, 42 px at 1920×1080; nothing is set in pixels and nothing is
smaller than the body text. Colours reach WCAG AA: text is near-black on white, role colours
(bars and borders, never text on colour) have at least 3:1 against white.
"""
from __future__ import annotations

from zet.roles import ROLES
from zet.room.screenfit import CANVAS_H, CANVAS_W

# One colour per role, the same on every screen of the session; each ≥ 3:1 on white.
ROLE_PALETTE = ["#0072B2", "#C2410C", "#047857", "#A21CAF", "#8A6100", "#332288",
                "#BE123C", "#4D7C0F", "#882255", "#57606A"]
ROLE_COLORS = dict(zip(ROLES, ROLE_PALETTE))


def role_color(role: str) -> str:
    return ROLE_COLORS.get(role, "#57606A")


# Sizes in em of the body text; margins of headings in their own em (so h2 .35em is
# .455 body em, as zet.room.screenfit counts it).
PROJECTOR_STYLE = ("""
<style>
.zp { box-sizing: border-box; width: min(100%, CANVAS_Wem); height: min(100vh, CANVAS_Hem);
      margin: max(0px, calc((100vh - CANVAS_Hem) / 2)) auto 0;
      padding: .5em .8em .25em;
      font-size: min(calc(100vw / CANVAS_W), calc(100vh / CANVAS_H));
      display: flex; flex-direction: column; color: #1f2933; background: #fff;
      font-family: "Source Sans", "Source Sans Pro", sans-serif;
      line-height: 1.3; overflow: hidden; }
.zp * { box-sizing: border-box; }
.zp :where(div, p, ol, ul, li, span, section, main, table, tr, td, th, b, em, i, img) {
  font-size: inherit; }
.zp h2, .zp h3, .zp-title, .zp-role, .zp-code, .zp-code-small, .zp-progress,
.zp-qhead > span { padding-bottom: .08em !important; }  /* room for descenders */
.zp h2 { font-size: 1.3em; line-height: 1.2; margin: 0 0 .35em; padding: 0; font-weight: 700; }
.zp h3 { font-size: 1.1em; line-height: 1.2; margin: .27em 0 .18em; padding: 0;
         font-weight: 700; }
.zp p { margin: 0 0 .45em; font-size: 1em; }
.zp ol, .zp ul { margin: 0; padding-left: 1.4em; }
.zp li { margin: 0 0 .2em; font-size: 1em; }
.zp-head { display: flex; justify-content: space-between; align-items: flex-start;
           gap: .8em; border-bottom: .1em solid #1f5f8b; padding-bottom: .3em; flex: 0 0 auto; }
.zp-titles { flex: 1 1 auto; min-width: 0; }
.zp-title { font-size: 1.25em; font-weight: 700; line-height: 1.25; overflow-wrap: anywhere; }
.zp-title-long { font-size: 1em; }
.zp-kicker { margin-top: .15em; color: #3e4c59; white-space: nowrap; }
.zp-step.done { color: #52606d; }
.zp-step.now { background: #1f5f8b; color: #fff; padding: 0 .3em; border-radius: .2em;
               font-weight: 700; }
.zp-sep { color: #52606d; margin: 0 .3em; }
.zp-join { flex: 0 0 auto; text-align: right; white-space: nowrap; color: #3e4c59;
           display: flex; flex-direction: column; align-items: flex-end; }
.zp-code-small { font-size: 1.4em; font-weight: 700; letter-spacing: .15em; color: #1f2933;
                 line-height: 1.3; }
.zp-main { flex: 1 1 auto; min-height: 0; padding-top: .45em; overflow: hidden; }
.zp-foot { color: #3e4c59; padding-top: .15em; flex: 0 0 auto; display: flex;
           justify-content: space-between; gap: 1em; white-space: nowrap; }
.zp-paging { margin-left: auto; }
.zp-calm { font-size: 1.4em; color: #3e4c59; margin-top: 3em; text-align: center; }
.zp-lead { font-size: 1.12em; }
p.zp-lead { font-size: 1.12em; margin-bottom: .3em; }
.zp-split { display: flex; gap: 1.5em; align-items: flex-start; }
.zp-joinblock { text-align: center; flex: 0 0 auto; width: 9.5em; }
.zp-qr { display: block; margin: 0 auto; width: 8.5em; height: 8.5em;
         image-rendering: pixelated; }
.zp-code { font-size: 2.2em; font-weight: 700; letter-spacing: .12em; margin-top: .1em;
           line-height: 1.3; }
.zp-url { color: #3e4c59; overflow-wrap: anywhere; }
.zp-task { flex: 1 1 auto; min-width: 0; }
.zp-qlist li { margin-bottom: .3em; }
.zp-type { color: #52606d; }
.zp-progress { font-size: 1.8em; font-weight: 700; margin-top: .2em; line-height: 1.3; }
.zp-busy { color: #3e4c59; }
.zp-qhead { display: flex; gap: .4em; align-items: baseline; }
.zp-num { display: inline-block; min-width: 1.5em; height: 1.5em; border-radius: .75em;
          background: #1f5f8b; color: #fff; text-align: center; line-height: 1.5em;
          font-size: .77em; flex: 0 0 auto; }
.zp-flow { display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
           gap: 0 .9em; align-items: start; }
.zp-fcol { min-width: 0; }
.zp-role { font-weight: 700; border-left: .35em solid; padding-left: .3em; margin: .3em 0 .3em;
           line-height: 1.2; }
.zp-fcol > .zp-role:first-child { margin-top: 0; }
.zp-cont { font-weight: 400; color: #52606d; }
.zp-answer { border-left: .2em solid; background: #f5f7fa; padding: .15em .4em;
             margin-bottom: .3em; border-radius: .15em; white-space: pre-wrap;
             overflow-wrap: anywhere; }
.zp-note { color: #3e4c59; margin-top: .3em; }
.zp-item { display: flex; gap: .3em; margin: 0 0 .2em; }
.zp-n { flex: 0 0 1.1em; text-align: right; font-weight: 700; }
.zp-itext { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.zp-bars { display: flex; flex-direction: column; gap: .25em; }
.zp-bar { display: grid; grid-template-columns: 50% 1fr; gap: .3em; align-items: center; }
.zp-bar-label { overflow-wrap: anywhere; }
.zp-bar-track { display: flex; align-items: center; min-height: 1.1em; background: #eef2f6;
                border-radius: .15em; }
.zp-bar-fill { display: flex; flex: 1 1 auto; min-width: 0; height: 1.1em; }
.zp-seg { display: block; height: 1.1em; }
.zp-bar-n { flex: 0 0 2.2em; font-weight: 700; text-align: right; padding-right: .2em; }
.zp-legend { display: flex; flex-wrap: wrap; gap: .2em 1em; margin-top: .6em; }
.zp-key i { display: inline-block; width: 1em; height: 1em; margin-right: .3em;
            vertical-align: -.15em; border-radius: .15em; }
.zp-koosgrid { display: flex; flex-direction: column; gap: .35em; }
.zp-koos { display: grid; grid-template-columns: 11em 1fr 1fr 4em; gap: .6em;
           align-items: center; }
.zp-koos-head { color: #3e4c59; }
.zp-koos-role { font-weight: 700; overflow-wrap: anywhere; }
.zp-koos-role i { display: inline-block; width: .8em; height: .8em; margin-right: .3em;
                  border-radius: .15em; }
.zp-kbar { display: flex; align-items: center; gap: .3em; background: #eef2f6;
           border-radius: .15em; }
.zp-kbar b { display: block; height: 1.1em; border-radius: .1em; }
.zp-kbar em { font-style: normal; font-weight: 700; margin-left: auto; padding-right: .2em; }
.zp-gap { font-weight: 700; white-space: nowrap; text-align: right; }
.zp-card { border-left: .5em solid #1f5f8b; padding: 0 0 0 1.1em; }
.zp-cardflow .zp-item, .zp-cardflow .zp-lead { font-size: 1.12em; }
.zp-points { display: grid; grid-template-columns: 1fr 1fr; gap: .9em; }
.zp-list .zp-item { margin-bottom: .25em; }
.zp-list .zp-n { flex-basis: 1.4em; }
.zp-empty { color: #52606d; }
.zp-outcome-line { font-size: 1.12em; margin-bottom: .27em; }
.zp-scols { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .9em; }
.zp-scol { border-top: .35em solid #1f5f8b; padding-top: .2em; }
.zp-scol h3 { margin-top: 0; }
.zp-badge { display: inline-block; background: #1f5f8b; color: #fff; padding: 0 .3em;
            border-radius: .2em; margin-bottom: .3em; font-weight: 700; }
.zp-place { display: flex; flex-direction: column; margin-bottom: .3em; }
.zp-table { border-top: .35em solid #1f5f8b; padding-top: .2em; margin-bottom: .9em; }
.zp-table h3 { margin-top: 0; }
.zp-table-theme { font-weight: 700; }
.zp-action { border-left: .35em solid #1f5f8b; padding-left: .5em; margin-bottom: .7em; }
.zp-action h3 { margin-top: 0; }
.zp-overview { border-collapse: collapse; width: 100%; table-layout: fixed; }
.zp-overview th, .zp-overview td { text-align: left; padding: .1em .25em; font-size: 1em;
                                   border-bottom: .07em solid #cbd2d9; vertical-align: top;
                                   overflow-wrap: anywhere; }
</style>
""".replace("CANVAS_W", str(CANVAS_W)).replace("CANVAS_H", str(CANVAS_H)))
