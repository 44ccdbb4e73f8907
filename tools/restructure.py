"""Move zet's flat modules into packages named after what users do (issue 17, item 4).

Run on a clean checkout, from anywhere: ``python tools/restructure.py`` (``--dry-run`` lists
what it would do and changes nothing). It

1. refuses to start when a module or folder at the top of ``zet/`` is not in the mapping
   below (a module someone added since: put it in ``MOVES`` or ``STAY`` first), when a
   source is missing, or when a target exists;
2. ``git mv``s every module to its new home and writes the new packages' ``__init__.py``;
3. rewrites every reference in the repository's tracked text files in one pass over the
   original text: ``from zet import a, b`` (split per new package, local names of renamed
   modules follow), dotted names (``import zet.x``, ``from zet.x import``, ``"zet.x.y"`` in
   ``monkeypatch``/``mock`` targets and docs) and paths (``zet/x.py``), plus the few renamed
   symbols in ``SYMBOLS``; ``CHANGELOG.md`` and ``bench/results/`` are history and stay;
4. regenerates the package map in ``docs/architecture.md`` from the modules' docstrings;
5. runs ``ruff check --select I --fix`` so the import order is clean.

Then: ``ruff check . && mypy && python -m pytest -q``.
"""
from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Modules that stay at the top of zet/: the vocabulary and plumbing every package uses.
STAY = ("__init__", "__main__", "answer_types", "clock", "codes", "config", "errors", "fields",
        "qr", "roles", "steps")
# Folders that stay as they are.
STAY_DIRS = ("content", "db", "export")

PACKAGES = {
    "room": "The live room: a dagdeel with its rounds, groups, participants and what they give, "
            "step by step, and what its screens show.",
    "programme": "The programme manager: partnerships, locaties and accounts, and what they "
                 "read across dagdelen and years (archive, rode lijnen, actions, reports).",
    "operations": "Running the app: the command line, backups, the retention purge and the "
                  "demo data.",
}

# old module (in zet/) -> new dotted module. The renames say why in RENAMED below.
MOVES = {
    # the live room
    "access": "zet.room.access",
    "aggregates": "zet.room.aggregates",
    "answers": "zet.room.answers",
    "composition": "zet.room.composition",
    "dagdelen": "zet.room.dagdelen",
    "drafts": "zet.room.drafts",
    "groups": "zet.room.groups",
    "kept": "zet.room.kept",
    "notes": "zet.room.notes",
    "participants": "zet.room.participants",
    "points": "zet.room.points",
    "programme": "zet.room.timetable",
    "projector": "zet.room.screen_pages",
    "quickscan": "zet.room.quickscan",
    "room": "zet.room.phase",
    "rounds": "zet.room.rounds",
    "scenarios": "zet.room.scenarios",
    "snapshot": "zet.room.snapshot",
    "screenfit": "zet.room.screenfit",
    "states": "zet.room.states",
    "throttle": "zet.room.throttle",
    "timer": "zet.room.timer",
    "versions": "zet.room.versions",
    # the programme manager
    "account_admin": "zet.programme.account_admin",
    "accounts": "zet.programme.accounts",
    "actions": "zet.programme.actions",
    "locaties": "zet.programme.locaties",
    "login_limits": "zet.programme.login_limits",
    "partnership_report": "zet.programme.partnership_report",
    "programme_data": "zet.programme.archive",
    "quickscan_results": "zet.programme.quickscan_results",
    "reflection": "zet.programme.reflection",
    "rode_lijnen": "zet.programme.rode_lijnen",
    "tenancy": "zet.programme.tenancy",
    # running the app
    "backup": "zet.operations.backup",
    "cli": "zet.operations.cli",
    "cli_programme": "zet.operations.cli_programme",
    "demo": "zet.operations.demo",
    "demo_history": "zet.operations.demo_history",
    "retention": "zet.operations.retention",
}

# Modules outside zet/ that move (dotted name -> dotted name).
OTHER_MOVES = {
    "ui.actions": "ui.writes",  # act(): the UI's write wrapper, not zet.programme.actions
}

RENAMED = {
    "zet.room.timetable": "the dagdeel's time programme; 'programme' is the programme manager",
    "zet.room.screen_pages": "which group a screen follows and its pages; ui/projector draws",
    "zet.room.phase": "the only writer of the room's phase; zet.room is the package now",
    "zet.programme.archive": "what a programme manager reads across dagdelen (Scope)",
    "ui.writes": "act(): every write of a screen; zet.programme.actions are ontwikkelacties",
}

# Identifiers renamed with their module (whole words, in .py and .md files).
SYMBOLS = {
    "ProgrammeItem": "TimetableItem",
    "programme_items": "timetable_items",
}

TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".txt", ".yml", ".yaml", ".sh", ".js"}
# History, and this script and the layer test (written with the new names).
NOT_REWRITTEN = ("CHANGELOG.md", "bench/results/", "tools/restructure.py", "tests/test_layers.py")
LAYOUT_START = "<!-- zet-layout: generated by tools/restructure.py -->"
LAYOUT_END = "<!-- /zet-layout -->"


class Refused(SystemExit):
    def __init__(self, message: str) -> None:
        super().__init__(f"restructure: {message}")


def all_moves() -> dict[str, str]:
    """Every moving module, dotted old -> dotted new."""
    return {f"zet.{old}": new for old, new in MOVES.items()} | OTHER_MOVES


def to_path(dotted: str) -> Path:
    return Path(*dotted.split(".")).with_suffix(".py")


def check_tree() -> None:
    """Fail loudly on anything the mapping does not cover."""
    zet = ROOT / "zet"
    unknown = sorted(p.name for p in zet.glob("*.py")
                     if p.stem not in MOVES and p.stem not in STAY)
    if unknown:
        raise Refused("zet/ has modules the mapping does not know: " + ", ".join(unknown)
                      + ". Add each to MOVES (or STAY) in tools/restructure.py.")
    dirs = sorted(p.name for p in zet.iterdir()
                  if p.is_dir() and p.name != "__pycache__" and p.name not in STAY_DIRS)
    if dirs:
        raise Refused("zet/ has folders the mapping does not know (already restructured?): "
                      + ", ".join(dirs))
    for old, new in all_moves().items():
        if not (ROOT / to_path(old)).is_file():
            raise Refused(f"{to_path(old)} is missing (mapping to {new})")
        if (ROOT / to_path(new)).exists():
            raise Refused(f"{to_path(new)} exists already")
    leaves = list(all_moves().values())
    if len(set(leaves)) != len(leaves):
        raise Refused("two modules map to the same new name")
    dirty = git("status", "--porcelain", "--untracked-files=no")
    if dirty.strip():
        raise Refused("the work tree has uncommitted changes; commit or stash them first")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout


def text_files() -> list[Path]:
    files = []
    for name in git("ls-files").splitlines():
        path = ROOT / name
        if name.startswith(NOT_REWRITTEN) or not path.is_file():
            continue
        if path.suffix in TEXT_SUFFIXES or name.startswith(".ci/"):
            files.append(path)
    return files


# --- rewriting ------------------------------------------------------------------------------

def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


MOVED = all_moves()
_DOTTED = re.compile(rf"(?<![\w.])({_alternation(list(MOVED))})(?!\w)")
_PATHS = {old.replace(".", "/"): new.replace(".", "/") for old, new in MOVED.items()}
_PATH = re.compile(rf"(?<![\w/.])({_alternation(list(_PATHS))})(?![\w/])")
_FROM_PARENT = re.compile(
    r"^(?P<indent>[ \t]*)from (?P<parent>zet|ui) import "
    r"(?P<names>\((?:[^)]*)\)|[^\n#]*?)(?P<comment>[ \t]*#[^\n]*)?$", re.M)
_SYMBOL = re.compile(rf"\b({_alternation(list(SYMBOLS))})\b")


def _split_from_parent(text: str) -> tuple[str, dict[str, str]]:
    """``from zet import a, b`` split per new parent; returns the text and the local names
    of renamed modules imported without ``as`` (old local name -> new local name)."""
    local_renames: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        parent = match["parent"]
        raw = match["names"].strip().strip("()")
        entries = [e.strip() for e in re.sub(r"#[^\n]*", "", raw).split(",") if e.strip()]
        groups: dict[str, list[str]] = {}
        changed = False
        for entry in entries:
            name, _, alias = entry.partition(" as ")
            name, alias = name.strip(), alias.strip()
            new = MOVED.get(f"{parent}.{name}")
            if new is None:
                groups.setdefault(parent, []).append(entry)
                continue
            changed = True
            new_parent, _, leaf = new.rpartition(".")
            if alias:
                item = f"{leaf} as {alias}" if alias != leaf else leaf
            else:
                item = leaf
                if leaf != name:
                    local_renames[name] = leaf
            groups.setdefault(new_parent, []).append(item)
        if not changed:
            return match.group(0)
        indent, comment = match["indent"], match["comment"] or ""
        lines = [f"{indent}from {p} import {', '.join(items)}" for p, items in groups.items()]
        lines[0] += comment
        return "\n".join(lines)

    return _FROM_PARENT.sub(replace, text), local_renames


# In the docs, `leaf.name` of a renamed module (`programme_data.scoped`) follows the rename.
_RENAMED_LEAVES = {old.rpartition(".")[2]: new.rpartition(".")[2] for old, new in MOVED.items()
                   if old.rpartition(".")[2] != new.rpartition(".")[2]}
_DOC_LEAF = re.compile(rf"(?<=`)({_alternation(list(_RENAMED_LEAVES))})\.(?=\w)")


def rewrite(text: str, *, python: bool) -> str:
    # Dotted names and paths first: ``from zet.room import answers``, written below, must
    # not be read as the old module ``zet.room``.
    text = _DOTTED.sub(lambda m: MOVED[m.group(1)], text)
    text = _PATH.sub(lambda m: _PATHS[m.group(1)], text)
    local_renames: dict[str, str] = {}
    if python:
        text, local_renames = _split_from_parent(text)
    else:
        text = _DOC_LEAF.sub(lambda m: f"{_RENAMED_LEAVES[m.group(1)]}.", text)
    for old, new in local_renames.items():
        text = re.sub(rf"(?<![\w.]){re.escape(old)}\.(?=\w)", f"{new}.", text)
    return _SYMBOL.sub(lambda m: SYMBOLS[m.group(1)], text)


LINE_LENGTH = 100  # pyproject.toml's ruff line-length
_NEW_NAME = re.compile(_alternation([*MOVED.values(), *(n.replace(".", "/") for n in
                                                        MOVED.values()), *SYMBOLS.values()]))


def _docstring_lines(tree: ast.Module) -> dict[int, int]:
    """Line number -> indentation of every line inside a docstring."""
    lines: dict[int, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (body and isinstance(body[0], ast.Expr)
                    and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                first = body[0]
                for number in range(first.lineno, (first.end_lineno or first.lineno) + 1):
                    lines[number] = first.col_offset
    return lines


def _split_at_space(line: str, indent: str) -> list[str]:
    cut = line.rfind(" ", len(indent) + 1, LINE_LENGTH + 1)
    if cut <= len(indent):
        return [line]
    return [line[:cut].rstrip(), indent + line[cut + 1:]]


def wrap_long_lines(text: str) -> str:
    """Lines a longer name pushed past the limit: a comment is wrapped as a comment (a
    trailing one moves above its code), a docstring line continues on the next line."""
    carried: int | None = None  # a line that took words from the one above it
    while True:
        lines = text.split("\n")
        try:
            docstrings = _docstring_lines(ast.parse(text))
        except SyntaxError:
            return text
        for index, line in enumerate(lines):
            if len(line) <= LINE_LENGTH or (index != carried and not _NEW_NAME.search(line)):
                continue
            number = index + 1
            code, hash_, comment = line.partition("  # ")
            stripped = line.lstrip()
            indent = line[:len(line) - len(stripped)]
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if stripped.startswith("# "):
                prefix = indent + "# "
                replacement = _split_at_space(line, prefix)
            elif hash_ and number not in docstrings and "'" not in code and '"' not in code:
                prefix = ""
                replacement = [f"{indent}# {comment}", code.rstrip()]
            elif number in docstrings:
                prefix = " " * docstrings[number]
                replacement = _split_at_space(line, prefix)
            else:
                continue
            if replacement == [line]:
                continue
            rest = following[len(prefix):]
            same_paragraph = (stripped.startswith("# ") if prefix.endswith("# ")
                              else number in docstrings and number + 1 in docstrings)
            if (same_paragraph and len(replacement) == 2 and following.startswith(prefix)
                    and rest[:1].isalnum()):
                # the paragraph goes on: the cut-off words join the next line
                lines[index:index + 2] = [replacement[0], f"{replacement[1]} {rest}"]
                carried = index + 1
            else:
                lines[index:index + 1] = replacement
                carried = None
            text = "\n".join(lines)
            break
        else:
            return text


# --- the layout in docs/architecture.md ------------------------------------------------------

def _summary(path: Path, limit: int = 72) -> str:
    """The docstring's first sentence, up to its first colon, kept short at a comma."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    text = " ".join(doc.split("\n\n")[0].split()).split(". ")[0].rstrip(".")
    text = text.split(": ")[0]
    while len(text) > limit and ", " in text:
        text = text.rsplit(", ", 1)[0]
    return text if len(text) <= limit else text.split(" (")[0]


EXPORT = ("PDFs and spreadsheets of a group, a dagdeel, the partnership and the quickscan; "
          "its `__init__` holds the Dutch date formatting screens and reports share")


def _item(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, LINE_LENGTH, initial_indent=f"{indent}- ",
                         subsequent_indent=f"{indent}  ", break_on_hyphens=False)


def layout_section() -> str:
    zet = ROOT / "zet"
    intro = ("Named after what people do with the app. Imports go down this list and never up "
             "(`tests/test_layers.py`); `room` and `programme` stand side by side, as a dagdeel "
             "is held at a locatie of a partnership and the beamer shows the programme's open "
             "actions and the quickscan.")
    lines = [LAYOUT_START, "", "## The packages of `zet/`", "",
             *textwrap.wrap(intro, LINE_LENGTH), ""]
    base = ", ".join(f"`{s}`" for s in STAY if not s.startswith("__"))
    lines += _item(f"**`zet/`** (top): {base}; `db/` (storage) and `content/` (themes, "
                   "handleiding): used by every package below.")
    for package, about in [*PACKAGES.items(), ("export", EXPORT)]:
        folder = zet / package
        lines += _item(f"**`zet/{package}/`**: {about}")
        for module in sorted(folder.glob("*.py")):
            if module.stem != "__init__":
                lines += _item(f"`{module.stem}`: {_summary(module)}", "  ")
    renamed = "; ".join(f"`{new}`: {why}" for new, why in RENAMED.items())
    lines += ["", *textwrap.wrap(f"Renamed in the move, so no name means two things: {renamed}.",
                                 LINE_LENGTH, break_on_hyphens=False), "", LAYOUT_END]
    return "\n".join(lines)


def write_layout() -> None:
    doc = ROOT / "docs" / "architecture.md"
    text = doc.read_text(encoding="utf-8")
    section = layout_section()
    if LAYOUT_START in text:
        before, _, rest = text.partition(LAYOUT_START)
        _, _, after = rest.partition(LAYOUT_END)
        text = before + section + after
    else:
        before, marker, after = text.partition("## The screens")
        if not marker:
            raise Refused("docs/architecture.md has no '## The screens' to put the map before")
        text = before + section + "\n\n" + marker + after
    doc.write_text(text, encoding="utf-8")


# --- the run ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="list the moves, change nothing")
    args = parser.parse_args(argv)
    check_tree()
    for old, new in all_moves().items():
        print(f"{to_path(old)} -> {to_path(new)}")
    if args.dry_run:
        return 0
    files = text_files()
    originals = {path.relative_to(ROOT): path.read_text(encoding="utf-8") for path in files}
    for package, about in PACKAGES.items():
        init = ROOT / "zet" / package / "__init__.py"
        init.parent.mkdir()
        init.write_text(f'"""{textwrap.fill(about, 96)}"""\n', encoding="utf-8")
    for old, new in all_moves().items():
        git("mv", str(to_path(old)), str(to_path(new)))
    moved_paths = {to_path(old): to_path(new) for old, new in all_moves().items()}
    changed = 0
    for relative, text in originals.items():
        target = ROOT / moved_paths.get(relative, relative)
        new_text = rewrite(text, python=relative.suffix == ".py")
        if relative.suffix == ".py" and new_text != text:
            new_text = wrap_long_lines(new_text)
        if new_text != text:
            target.write_text(new_text, encoding="utf-8")
            changed += 1
    write_layout()
    git("add", "-A", "zet", "ui", "docs")
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "I", "--fix",
                           "--quiet", "."], cwd=ROOT)
    if ruff.returncode:
        raise Refused("ruff could not fix the import order (see above)")
    print(f"{len(MOVED)} modules moved, {changed} files rewritten. Now: "
          "ruff check . && mypy && python -m pytest -q")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
