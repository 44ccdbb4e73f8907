"""Text from outside the code reaches HTML and Markdown only through ``esc`` or ``md``.

Every f-string in ``pages/`` and ``ui/`` that builds HTML (it contains a tag) or is handed to
a Streamlit call that renders Markdown (``st.markdown``, captions, alerts, widget labels…)
may interpolate only: a call of ``esc``/``md``, a number we computed (``len``, ``round``,
arithmetic), or one of a short list of names that hold our own numbers and enums.
Anything else fails here, with file and line.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py")])

# Streamlit calls whose text argument is rendered as Markdown.
MARKDOWN_CALLS = {"markdown", "caption", "write", "title", "header", "subheader", "info",
                  "warning", "error", "success", "toast", "expander", "button", "popover",
                  "page_link", "link_button", "download_button", "checkbox", "toggle",
                  "radio", "tabs", "form_submit_button", "html"}
# Calls that render their first argument as Markdown on any container (st, a column, ...).
TEXT_CALLS = {"markdown", "caption", "write", "info", "warning", "error", "success", "toast"}
SAFE_CALLS = {"esc", "md", "len", "round", "int", "max", "min", "wall_clock", "role_color"}
# Our own numbers and enum values, never text a person typed; and HTML built by these same
# rules, whose name says so (``…_html``).
SAFE_NAMES = {"number", "nummer", "ronde", "ronde_nummer", "step_number", "done", "total",
              "started", "placed", "member_count", "count", "index", "busy", "n", "part",
              "value", "size", "color", "wanted", "actual", "version", "page_index",
              "dagdeel_id", "participant_id", "question_id", "missing", "hidden_count",
              "datum", "joined", "i", "more"}


def _safe_name(name: str) -> bool:
    """Our numbers, constants, and text already escaped for its place (``…_html``, ``…_md``)."""
    return name in SAFE_NAMES or name.endswith(("_html", "_md")) or name.isupper()


def _safe(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", "")
        if name == "join":  # "".join(parts_html)
            return all(_safe(argument) for argument in node.args)
        return name in SAFE_CALLS or name.endswith(("_html", "_md"))
    if isinstance(node, ast.JoinedStr):
        return not _unsafe_parts(node)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return _safe(node.elt)
    if isinstance(node, ast.BoolOp):
        return all(_safe(value) for value in node.values)
    if isinstance(node, ast.BinOp):
        return _safe(node.left) and _safe(node.right)
    if isinstance(node, ast.IfExp):
        return _safe(node.body) and _safe(node.orelse)
    if isinstance(node, ast.Attribute):
        return _safe_name(node.attr)
    if isinstance(node, ast.Name):
        return _safe_name(node.id)
    if isinstance(node, ast.Subscript):  # t["members"]: judge by the key
        key = node.slice
        return isinstance(key, ast.Constant) and isinstance(key.value, str) \
            and _safe_name(key.value)
    return False


def _unsafe_parts(joined: ast.JoinedStr) -> list[str]:
    return [ast.unparse(part.value) for part in joined.values
            if isinstance(part, ast.FormattedValue) and not _safe(part.value)]


def _is_html(joined: ast.JoinedStr) -> bool:
    text = "".join(part.value for part in joined.values
                   if isinstance(part, ast.Constant) and isinstance(part.value, str))
    return "<" in text and ">" in text


def findings(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    rendered: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name in MARKDOWN_CALLS:
                for argument in [*node.args[:1], *(k.value for k in node.keywords
                                                  if k.arg in ("label", "body"))]:
                    for inner in ast.walk(argument):
                        if isinstance(inner, ast.JoinedStr):
                            rendered.add(id(inner))
    for node in ast.walk(tree):  # a plain value handed to a Markdown call: must be escaped
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.args and (node.func.attr in TEXT_CALLS or (
                    node.func.attr in MARKDOWN_CALLS and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "st")):
            first = node.args[0]
            if not isinstance(first, (ast.JoinedStr, ast.Constant, ast.List, ast.ListComp,
                                      ast.BinOp)) and not _safe(first):
                problems.append(f"{path.relative_to(root)}:{node.lineno}: "
                                f"{{{ast.unparse(first)}}}")
            elif isinstance(first, ast.BinOp):
                parts = [first.left, first.right]
                problems += [f"{path.relative_to(root)}:{node.lineno}: {{{ast.unparse(part)}}}"
                             for part in parts if not isinstance(part, (ast.Constant,
                                                                        ast.JoinedStr))
                             and not _safe(part) and not isinstance(part, ast.BinOp)]
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and (id(node) in rendered or _is_html(node)):
            for part in _unsafe_parts(node):
                problems.append(f"{path.relative_to(root)}:{node.lineno}: {{{part}}}")
    return problems


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_interpolated_text_is_escaped(path):
    assert findings(path) == []


def test_the_check_catches_an_unescaped_value(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('import streamlit as st\nname = "x"\nst.markdown(f"**{name}**")\n'
                   'st.html(f"<b>{esc(name)}</b><i>{name.upper()}</i>")\n'
                   'st.caption(f"{md(name)} · {len(name)}")\n')
    assert findings(bad, tmp_path) == ["bad.py:3: {name}", "bad.py:4: {name.upper()}"]
