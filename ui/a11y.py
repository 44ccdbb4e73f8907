"""Accessible names Streamlit does not let a page set, in Dutch (WCAG 2.1 AA, issue 18).

Streamlit names a segmented control's buttons after their text ("1" … "5"), an icon after
its file name ("edit icon"), and its own controls in English ("Open", "Copy to clipboard").
``SCRIPT`` (loaded by ``ui.page.setup`` on every page) hides decorative icons from screen
readers, gives Streamlit's own controls Dutch names and applies the names a page asked for
with ``name_controls``: one invisible element per call, read again after every redraw.
"""
from __future__ import annotations

import json
import re

import streamlit as st

from ui.text import esc


def key_class(key: str) -> str:
    """The CSS class Streamlit puts on the element of the widget with this key."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def scale_names(count: int, low: str | None, high: str | None) -> list[str]:
    """"1 van 5 — helemaal oneens", "2 van 5", …, "5 van 5 — helemaal eens"."""
    names = [f"{number} van {count}" for number in range(1, count + 1)]
    if low:
        names[0] += f" — {low}"
    if high:
        names[-1] += f" — {high}"
    return names


def name_controls(names: dict[str, dict[str, object]]) -> None:
    """Name widgets by their key: ``{"key": {"group": "…", "options": ["…", …]}}`` names a
    segmented control (its group and each button), ``{"key": {"button": "…"}}`` an icon
    button. Draws nothing visible; one element for all of them."""
    if not names:
        return
    marker = {key_class(key): value for key, value in names.items()}
    st.html(f"<span hidden data-zet-names='{esc(json.dumps(marker, ensure_ascii=False))}'>"
            "</span>")


# Streamlit's own English names, and the Dutch they get.
_DUTCH = {"Open": "Keuzelijst openen", "Close": "Keuzelijst sluiten",
          "Clear all": "Alles wissen", "Clear value": "Keuze wissen",
          "Copy to clipboard": "Kopiëren", "Fullscreen": "Volledig scherm",
          "Close fullscreen": "Volledig scherm sluiten", "Link to heading": "Link naar dit kopje",
          "Show password text": "Wachtwoord tonen", "Hide password text": "Wachtwoord verbergen"}

SCRIPT = """
<script>
(() => {
  if (window.__zetNames) { return; }
  window.__zetNames = true;
  const doc = window.document;
  const DUTCH = __DUTCH__;
  const set = (element, name) => {
    if (element && name && element.getAttribute("aria-label") !== name) {
      element.setAttribute("aria-label", name);
    }
  };
  const apply = () => {
    // An icon beside text is decoration; an icon-only button is named below.
    doc.querySelectorAll('[aria-label$=" icon"]:not([aria-hidden])').forEach(
      (icon) => icon.setAttribute("aria-hidden", "true"));
    doc.querySelectorAll("[aria-label]").forEach((element) => {
      const dutch = DUTCH[element.getAttribute("aria-label")];
      if (dutch) { element.setAttribute("aria-label", dutch); }
    });
    doc.querySelectorAll("[data-zet-names]").forEach((marker) => {
      let names;
      try { names = JSON.parse(marker.dataset.zetNames); } catch (error) { return; }
      Object.entries(names).forEach(([cls, name]) => {
        doc.querySelectorAll("." + CSS.escape(cls)).forEach((root) => {
          if (name.group) {
            const group = root.querySelector(
              '[role="radiogroup"], [role="toolbar"], [role="group"]');
            if (group) { group.removeAttribute("aria-labelledby"); }
            set(group, name.group);
          }
          if (name.options) {
            root.querySelectorAll("button").forEach((button, index) =>
              set(button, name.options[index]));
          }
          if (name.button) { set(root.querySelector("button"), name.button); }
        });
      });
    });
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) { return; }
    queued = true;
    requestAnimationFrame(() => { queued = false; apply(); });
  }).observe(doc.body, { childList: true, subtree: true, attributes: true,
                         attributeFilter: ["aria-label"] });
  apply();
})();
</script>
""".replace("__DUTCH__", json.dumps(_DUTCH, ensure_ascii=False))
