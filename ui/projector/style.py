"""The projector's type and colours: read from 8 metres on 1920×1080.

Body text is 28 px and nothing is smaller; headings are larger. Colours reach WCAG AA:
text is near-black on white, role colours (bars and borders, never text on colour) have at
least 3:1 against white.
"""
from __future__ import annotations

from zet.roles import ROLES

# One colour per role, the same on every screen of the session; each ≥ 3:1 on white.
ROLE_PALETTE = ["#0072B2", "#C2410C", "#047857", "#A21CAF", "#8A6100", "#332288",
                "#BE123C", "#4D7C0F", "#882255", "#57606A"]
ROLE_COLORS = dict(zip(ROLES, ROLE_PALETTE))


def role_color(role: str) -> str:
    return ROLE_COLORS.get(role, "#57606A")


PROJECTOR_STYLE = """
<style>
.zp { box-sizing: border-box; width: 100%; height: 100vh; padding: 22px 36px 10px;
      display: flex; flex-direction: column; color: #1f2933; background: #fff;
      font-family: "Source Sans", "Source Sans Pro", sans-serif;
      font-size: 28px; line-height: 1.3; overflow: hidden; }
.zp * { box-sizing: border-box; }
.zp h2 { font-size: 40px; line-height: 1.2; margin: 0 0 14px; font-weight: 700; }
.zp h3 { font-size: 32px; line-height: 1.2; margin: 10px 0 8px; font-weight: 700; }
.zp p, .zp li, .zp div, .zp td, .zp th { font-size: 28px; }
.zp ul { margin: 0; padding-left: 1.2em; }
.zp ol { margin: 0; padding-left: 1.9em; }
.zp li { margin: 0 0 6px; }
.zp-head { display: flex; justify-content: space-between; align-items: flex-start;
           gap: 24px; border-bottom: 3px solid #1f5f8b; padding-bottom: 10px; }
.zp-titles { flex: 1 1 auto; min-width: 0; }
.zp-title { font-size: 44px !important; font-weight: 700; line-height: 1.15; }
.zp-kicker { margin-top: 6px; color: #3e4c59; }
.zp-step { white-space: nowrap; }
.zp-step.done { color: #52606d; }
.zp-step.now { background: #1f5f8b; color: #fff; padding: 1px 10px; border-radius: 6px;
               font-weight: 700; }
.zp-sep { color: #7b8794; margin: 0 8px; }
.zp-join { flex: 0 0 auto; text-align: right; white-space: nowrap; color: #3e4c59; display: flex;
           flex-direction: column; align-items: flex-end; }
.zp-code-small { font-size: 40px !important; font-weight: 700; letter-spacing: 0.2em;
                 color: #1f2933; }
.zp-main { flex: 1 1 auto; min-height: 0; padding-top: 18px; overflow: hidden; }
.zp-foot { color: #3e4c59; text-align: right; padding-top: 6px; min-height: 44px; }
.zp-calm { font-size: 40px !important; color: #3e4c59; margin-top: 120px; text-align: center; }
.zp-lead { font-size: 32px !important; }
.zp-split { display: flex; gap: 60px; align-items: flex-start; }
.zp-joinblock { text-align: center; flex: 0 0 auto; }
.zp-qr { display: block; margin: 0 auto; image-rendering: pixelated; }
.zp-code { font-size: 96px !important; font-weight: 700; letter-spacing: 0.25em;
           margin-top: 8px; line-height: 1.1; }
.zp-url { color: #3e4c59; }
.zp-task { flex: 1 1 auto; min-width: 0; }
.zp-qlist li { margin-bottom: 12px; }
.zp-type { color: #52606d; }
.zp-progress { font-size: 64px !important; font-weight: 700; margin-top: 18px; }
.zp-busy { color: #3e4c59; }
.zp-qhead { display: flex; gap: 18px; align-items: baseline; }
.zp-num { display: inline-block; min-width: 56px; height: 56px; border-radius: 28px;
          background: #1f5f8b; color: #fff; text-align: center; line-height: 56px;
          font-size: 32px; flex: 0 0 auto; }
.zp-cols { display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
           gap: 24px; align-items: start; }
.zp-role { font-weight: 700; border-left: 12px solid; padding-left: 12px; margin-bottom: 10px;
           line-height: 1.2; }
.zp-cont { font-weight: 400; color: #52606d; }
.zp-answer { border-left: 6px solid; background: #f5f7fa; padding: 8px 12px; margin-bottom: 10px;
             border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.zp-note { color: #3e4c59; margin-top: 10px; }
.zp-bars { display: flex; flex-direction: column; gap: 14px; margin-top: 8px; }
.zp-bar { display: grid; grid-template-columns: 34% 1fr; gap: 18px; align-items: center; }
.zp-bar-label { overflow-wrap: anywhere; }
.zp-bar-track { display: flex; align-items: center; min-height: 48px; background: #eef2f6;
                border-radius: 4px; padding-right: 64px; }
.zp-seg { display: inline-block; height: 48px; }
.zp-bar-n { font-weight: 700; margin-left: 12px; }
.zp-legend { display: flex; flex-wrap: wrap; gap: 8px 28px; margin-top: 16px; }
.zp-key i { display: inline-block; width: 28px; height: 28px; margin-right: 8px;
            vertical-align: -4px; border-radius: 4px; }
.zp-koosgrid { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 40px; }
.zp-koos { display: grid; grid-template-columns: 38% 1fr auto; gap: 12px; align-items: center; }
.zp-koos-role i { display: inline-block; width: 22px; height: 22px; margin-right: 8px;
                  border-radius: 4px; vertical-align: -2px; }
.zp-kbar { display: grid; grid-template-columns: 120px 1fr 60px; align-items: center; gap: 8px; }
.zp-kbar b { display: block; height: 26px; border-radius: 3px; }
.zp-kbar em { font-style: normal; font-weight: 700; }
.zp-gap { font-weight: 700; white-space: nowrap; }
.zp-card { max-width: 1600px; margin: 10px auto 0; border-left: 14px solid #1f5f8b;
           padding: 10px 30px; }
.zp-card h2 { font-size: 52px; }
.zp-questions li { font-size: 32px !important; margin-bottom: 12px; }
.zp-points { display: grid; grid-template-columns: 1fr 1fr; gap: 48px; }
.zp-points li { margin-bottom: 8px; overflow-wrap: anywhere; }
.zp-empty { list-style: none; color: #52606d; }
.zp-outcome-line { font-size: 32px !important; margin-bottom: 10px; }
.zp-scols { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 22px; }
.zp-scol { border-top: 10px solid #1f5f8b; padding-top: 6px; }
.zp-scol p { margin: 0 0 10px; }
.zp-badge { display: inline-block; background: #1f5f8b; color: #fff; padding: 2px 10px;
            border-radius: 6px; margin-bottom: 10px; font-weight: 700; }
.zp-place { display: grid; grid-template-columns: 130px 1fr; gap: 10px; align-items: center;
            margin-bottom: 8px; }
.zp-two { display: grid; grid-template-columns: 1fr 1fr; gap: 48px; }
.zp-prose { max-width: 1700px; }
.zp-prose p { font-size: 32px !important; }
.zp-tables { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 24px; }
.zp-table { border-top: 10px solid #1f5f8b; padding-top: 8px; }
.zp-actions { display: grid; grid-template-columns: 1fr 1fr; gap: 18px 48px; }
.zp-action { border-left: 10px solid #1f5f8b; padding-left: 16px; }
.zp-overview { border-collapse: collapse; width: 100%; }
.zp-overview th, .zp-overview td { text-align: left; padding: 6px 12px;
                                   border-bottom: 2px solid #cbd2d9; }
</style>
"""
