"""A text field that saves while the participant types.

Streamlit's own text area sends its value only on blur or Ctrl+Enter, so a reload, a locked
phone or the facilitator moving on loses what was typed. This small custom component
(Streamlit components v2: inline HTML and JavaScript, no iframe) sends the text about a
second after the last keystroke (``draft``) and again when the field loses focus
(``value``); the page stores both the same way and says when it last did. Each redraw tells
the field which text the server handled last, so a text lost on the way (a rerun racing the
blur under load) is sent once more. A werkblad field also keeps a journal in the phone's
localStorage (per participant and field) until the server stored exactly that text: a
reload before the save, a remounted field or a lost message give the text back to the field,
which sends it again (docs/reliability.md).

Before the page is drawn again for a change elsewhere (the step moved on), ``ui/push.py``
asks every field to send what it has not sent yet.

The limit is shown while typing ("120 / 300 tekens") and is never enforced by cutting: a
longer text stays whole in the field, the counter says in Dutch that it is too long, and the
server refuses to store it (``zet.fields.within_limit``) until it is shorter.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

_HTML = """
<div class="zt">
  <textarea class="zt-area" rows="4" spellcheck="true"></textarea>
  <div class="zt-count" aria-live="polite"></div>
</div>
"""

_CSS = """
.zt-area { box-sizing: border-box; width: 100%; min-height: 7.5rem; padding: 0.6rem 0.75rem;
           font: inherit; font-size: 1rem; line-height: 1.4; color: inherit;
           border: 1px solid rgba(49, 51, 63, 0.35); border-radius: 0.5rem;
           background: #fff; resize: vertical; }
.zt-area:focus { outline: 2px solid #1f5f8b; border-color: #1f5f8b; }
.zt-count { min-height: 1.2rem; font-size: 0.9rem; color: #555; margin-top: 0.25rem; }
.zt-count.zt-over { color: #8a1c1c; font-weight: 600; }
.zt-area[aria-invalid="true"] { border-color: #8a1c1c; }
"""

_JS = """
export default function (component) {
  const { setStateValue, parentElement, data } = component;
  const area = parentElement.querySelector("textarea");
  const count = parentElement.querySelector(".zt-count");
  count.setAttribute("data-testid", (data.testid || "typing-area") + "-count");
  // The limit as a counter, never as a cut: a longer text stays, and says it is too long.
  area.__zetCount = () => {
    let over, text;
    if (data.items) {  // a list: points per line, each with its own limit
      const lines = area.value.split(String.fromCharCode(10)).filter((l) => l.trim());
      const long = lines.findIndex((l) => l.trim().length > data.per_item);
      over = long >= 0 || lines.length > data.items;
      text = long >= 0
        ? `Te lang: punt ${long + 1} heeft ${lines[long].trim().length} tekens, `
          + `hoogstens ${data.per_item}. Het blijft hier staan.`
        : lines.length > data.items
          ? `Te veel punten: ${lines.length}, hoogstens ${data.items}. Ze blijven hier staan.`
          : `${lines.length} van ${data.items} punten · elk hoogstens ${data.per_item} tekens`;
    } else {
      const n = area.value.length;
      over = n > data.max;
      text = over
        ? `Te lang: ${n} tekens, hoogstens ${data.max}. `
          + "Maak je tekst korter; hij blijft hier staan."
        : `${n} / ${data.max} tekens`;
    }
    count.textContent = text;
    count.classList.toggle("zt-over", over);
    area.setAttribute("aria-invalid", over ? "true" : "false");
  };
  area.placeholder = data.placeholder || "";
  area.setAttribute("aria-label", data.label || "");
  area.dataset.testid = data.testid || "";
  area.setAttribute("data-testid", data.testid || "typing-area");
  // Fill the field once, and again only when the server sends a new version while the
  // participant is not typing in it (so a rerun never throws away keystrokes).
  const version = String(data.version);
  if (area.dataset.version !== version && document.activeElement !== area) {
    area.value = data.text || "";
    area.dataset.version = version;
  }
  // The journal: what was typed stays on this phone (localStorage) until the server has
  // exactly that text; a reload, a remount or a lost message cannot take it away.
  const journal = data.journal ? "zet:" + data.journal : null;
  const pending = journal ? localStorage.getItem(journal) : null;
  if (pending !== null && pending === (data.text || "")) {
    localStorage.removeItem(journal);  // the server has it
  } else if (pending !== null && area.dataset.ready !== "1") {
    area.value = pending;  // typed before a reload, never acknowledged: back, and sent
    setStateValue("draft", pending);
    area.dataset.sent = pending;
  }
  area.__zetSend = (which, text) => { area.dataset.sent = text; setStateValue(which, text); };
  // The server says which text it handled last (``got``). A text sent on blur that did not
  // arrive (a rerun racing it under load) is sent once more, as a draft, at the next redraw.
  if (document.activeElement !== area && area.dataset.sent !== undefined
      && area.dataset.sent !== (data.got ?? undefined)
      && area.dataset.resent !== area.dataset.sent) {
    area.dataset.resent = area.dataset.sent;
    area.__zetSend("draft", area.dataset.sent);
  }
  area.__zetCount();
  if (area.dataset.ready === "1") { return; }
  area.dataset.ready = "1";
  let timer = null;
  area.addEventListener("input", () => {
    if (journal) { localStorage.setItem(journal, area.value); }
    area.__zetCount();
    clearTimeout(timer);
    timer = setTimeout(() => area.__zetSend("draft", area.value), data.delay || 900);
  });
  area.addEventListener("blur", () => {
    clearTimeout(timer);
    area.__zetSend("value", area.value);
  });
  // The page is about to be drawn again for a change elsewhere (ui/push.py): a text that
  // is typed but not yet sent goes first, before the field may disappear with its step.
  const flush = () => {
    if (!area.isConnected) { document.removeEventListener("zet:flush", flush); return; }
    if (area.value !== (area.dataset.sent ?? (data.text || ""))) {
      clearTimeout(timer);
      area.__zetSend("draft", area.value);
    }
  };
  document.addEventListener("zet:flush", flush);
}
"""

_COMPONENT = st.components.v2.component("zet_typing", html=_HTML, css=_CSS, js=_JS)


def typing_area(key: str, *, text: str, max_chars: int, label: str, placeholder: str,
                on_save: Callable[[str], None], version: int = 0,
                testid: str = "typing-area", journal: str | None = None,
                items: tuple[int, int] | None = None) -> None:
    """Mount the field under ``key``; ``on_save(text)`` runs on each debounced draft and
    on blur. ``version`` changes when the server replaces the text (e.g. after sending).
    ``items`` (how many lines, characters per line) makes the counter speak of points, as
    a list answer is refused per point, not by its whole length.

    With ``journal`` (a name unique per participant and field) every keystroke is also kept
    in the phone's localStorage until ``text`` (what the server stored) equals it; a page
    that loads with an unacknowledged text puts it back in the field and sends it."""
    _COMPONENT(key=key, data={"text": text, "max": max_chars, "label": label,
                              "placeholder": placeholder, "version": version,
                              "journal": journal,
                              "items": items[0] if items else None,
                              "per_item": items[1] if items else None,
                              "testid": testid, "got": st.session_state.get(_got_key(key))},
               default={"draft": None, "value": None},
               on_draft_change=partial(_changed, key, "draft", on_save),
               on_value_change=partial(_changed, key, "value", on_save))


def _got_key(key: str) -> str:
    return f"{key}__got"


def _changed(key: str, which: str, on_save: Callable[[str], None]) -> None:
    state = st.session_state.get(key) or {}
    value = state.get(which) if hasattr(state, "get") else getattr(state, which, None)
    if isinstance(value, str):
        st.session_state[_got_key(key)] = value  # the field sends it again if this is missing
        on_save(value)


# What a field's journal still holds after the field itself is gone (its step moved on before
# the text was sent, and the page was reloaded): handed in once per page with what is left,
# forgotten when the server names the very text it handled (``done``).
_LEFT_JS = """
export default function (component) {
  const { setStateValue, data } = component;
  const prefix = "zet:" + data.prefix;
  const handedIn = (window.__zetJournalLeft = window.__zetJournalLeft || {});
  for (const [field, text] of Object.entries(data.done || {})) {
    if (localStorage.getItem(prefix + field) === text) {
      localStorage.removeItem(prefix + field);
    }
  }
  const left = {};
  for (let i = 0; i < localStorage.length; i++) {
    const name = localStorage.key(i);
    if (name && name.startsWith(prefix)) {
      left[name.slice(prefix.length)] = localStorage.getItem(name);
    }
  }
  const sent = JSON.stringify(left);
  if (Object.keys(left).length && handedIn[prefix] !== sent) {
    handedIn[prefix] = sent;
    setStateValue("left", left);
  }
}
"""

_LEFT = st.components.v2.component("zet_journal_left", html="<span hidden></span>", js=_LEFT_JS)


def journal_leftovers(key: str, *, prefix: str,
                      deliver: Callable[[dict[str, str]], dict[str, str]]) -> None:
    """Hand in the journal entries under ``prefix`` that no mounted field sends any more.
    ``deliver(left)`` gets {field: text} and returns the entries it is done with (stored,
    or refused with a reason the person was shown), which the phone then forgets; an
    entry it keeps (storage busy) is handed in again at the next page load."""
    _LEFT(key=key, data={"prefix": prefix, "done": st.session_state.get(_got_key(key)) or {}},
          default={"left": None}, on_left_change=partial(_left_changed, key, deliver))


def _left_changed(key: str, deliver: Callable[[dict[str, str]], dict[str, str]]) -> None:
    state = st.session_state.get(key) or {}
    left = state.get("left") if hasattr(state, "get") else getattr(state, "left", None)
    if isinstance(left, dict):
        texts = {str(field): text for field, text in left.items() if isinstance(text, str)}
        st.session_state[_got_key(key)] = deliver(texts)
