"""Follow the dagdeel's version: a screen reruns as soon as something it shows changed.

A small components-v2 element (inline JavaScript, no iframe), mounted once per page, opens
an EventSource on ``/api/stream/{dagdeel}`` (``web/stream.py``) for the topics the screen
shows and triggers a rerun of the page when an event's version passes the one the page was
drawn from. Bursts are coalesced: at most one rerun per ``COALESCE_MS``. While the stream is
down (an error, no heartbeat for a while) the element triggers a rerun every
``FALLBACK_MS`` by itself, the old poll as a fallback only. The element stays mounted
across reruns, so its stream stays open.
"""
from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ui import live
from zet.room.versions import INPUT, ROOM

COALESCE_MS = 300
CONTROL_COALESCE_MS = 1000  # a control view redraws whole: at most once a second for input
FALLBACK_MS = 4000
HEARTBEAT_GRACE_MS = 20000  # the server beats every 15 s

_HTML = '<span class="zet-push" data-testid="zet-push" hidden></span>'
_CSS = ".zet-push { display: none; }"
_JS = """
export default function (component) {
  const { parentElement, data, setTriggerValue } = component;
  const s = parentElement.__zetPush || (parentElement.__zetPush = {
    shown: -1, url: null, source: null, pending: null, lastRun: 0, lastBeat: 0, poll: null});
  s.shown = data.version;
  s.trigger = setTriggerValue;
  s.pendingFor = null;
  const marker = parentElement.querySelector(".zet-push");
  if (marker) { marker.dataset.version = String(data.version); }
  const rerun = () => {
    if (s.pending) { return; }
    const wait = Math.max(0, s.lastRun + data.coalesce - Date.now());
    s.pending = setTimeout(() => {
      s.pending = null;
      s.lastRun = Date.now();
      // Typed text not yet sent goes along with this rerun (ui/autosave.py).
      document.dispatchEvent(new CustomEvent("zet:flush"));
      s.trigger("moved", s.lastRun);
    }, wait);
  };
  const open = () => {
    if (s.source) { s.source.close(); }
    const source = new EventSource(s.url + "&since=" + s.shown);
    s.source = source;
    source.onopen = () => { s.lastBeat = Date.now(); };
    source.onmessage = (e) => {
      s.lastBeat = Date.now();
      const ev = JSON.parse(e.data);
      if (ev.version > s.shown) { rerun(); }
    };
    source.addEventListener("hartslag", () => { s.lastBeat = Date.now(); });
    source.onerror = () => { s.lastBeat = 0; };
  };
  if (s.url !== data.url) { s.url = data.url; open(); }
  if (!s.poll) {
    // The fallback: a stream that is down (or silent past its heartbeat) means a rerun every
    // few seconds; a closed stream is opened again.
    s.poll = setInterval(() => {
      if (!parentElement.isConnected) {
        clearInterval(s.poll); s.poll = null;
        if (s.source) { s.source.close(); s.source = null; }
        return;
      }
      const down = !s.source || s.source.readyState !== 1
        || Date.now() - s.lastBeat > data.grace;
      if (down && Date.now() - s.lastRun > data.fallback) {
        if (s.source && s.source.readyState === 2) { open(); }
        rerun();
      }
    }, 1000);
  }
}
"""

_COMPONENT = st.components.v2.component("zet_push", html=_HTML, css=_CSS, js=_JS)


def follow(dagdeel_id: int, *, topics: Iterable[str] = (ROOM,),
           group_id: int | None = None, coalesce_ms: int = COALESCE_MS) -> None:
    """Rerun this page when the dagdeel's version moves for ``topics`` (of ``group_id`` and
    the dagdeel as a whole; every group when None), at most once per ``coalesce_ms``.
    Mount once per page, at page level."""
    chosen = [topic for topic in (ROOM, INPUT) if topic in set(topics)]
    url = f"/api/stream/{int(dagdeel_id)}?topics={','.join(chosen)}"
    if group_id is not None:
        url += f"&group={int(group_id)}"
    _COMPONENT(key="zet_push", data={
        "url": url, "version": live.version(dagdeel_id), "coalesce": coalesce_ms,
        "fallback": FALLBACK_MS, "grace": HEARTBEAT_GRACE_MS}, on_moved_change=_moved)


def _moved() -> None:
    """The trigger itself is the point: the page reruns and draws the new version."""
