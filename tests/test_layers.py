"""Imports only go down: ``pages → ui → zet``, ``web → zet``, and inside ``zet/`` down its
packages (``docs/architecture.md``). Every import counts, also one inside a function."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Which top-level code may import which (zet_app.py and zet_pages.py wire them together).
MAY_IMPORT = {
    "pages": {"pages", "ui", "web", "zet"},  # web: the names of its cookies
    "ui": {"ui", "zet"},
    "web": {"web", "zet"},
    "zet": {"zet"},
}
NEVER_IN_ZET = ("streamlit",)

# Inside zet/: a module may import its own rank and below. The room and the programme
# manager are one rank: a dagdeel is held at a locatie of a partnership, and the beamer shows
# the programme's open actions and the quickscan.
RANKS = {
    "zet": 0, "zet.db": 0, "zet.content": 0,
    "zet.room": 1, "zet.programme": 1,
    "zet.export": 2,
    "zet.operations": 3,
}
# The export package's own module holds the Dutch date formatting screens and reports share.
MODULE_RANKS = {"zet.export": 1, "zet.__main__": 3}
# Imports up a rank, each with its reason.
ALLOWED_UP = {
    ("zet.config", "zet.programme.accounts"),  # the password minimum, loaded lazily
    ("zet.answer_types", "zet.room.aggregates"),  # a type hint only: what ``tally`` fills
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[str, int]]:
    """Every imported module (``from zet import x`` counts as ``zet.x``), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
            found.append((node.module, node.lineno))
    return found


def sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py")
                  if "migrations" not in p.parts)


def rank(module: str) -> int | None:
    """The rank of a zet module: its own, or that of its package (the longest that fits)."""
    if module in MODULE_RANKS:
        return MODULE_RANKS[module]
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        package = ".".join(parts[:size])
        if package in RANKS and (size > 1 or len(parts) <= 2):
            return RANKS[package]
    return None


def is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def test_the_layers_import_only_down():
    wrong = []
    for path in sources(*MAY_IMPORT):
        layer = path.relative_to(ROOT).parts[0]
        for name, line in imports(path):
            top = name.split(".")[0]
            if top in MAY_IMPORT and top not in MAY_IMPORT[layer]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
            if layer == "zet" and top in NEVER_IN_ZET:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_every_module_of_zet_has_a_rank():
    unranked = [module_name(p) for p in sources("zet") if rank(module_name(p)) is None]
    assert not unranked, f"give these a package in RANKS: {unranked}"


def test_zet_imports_go_down_its_packages():
    wrong = []
    for path in sources("zet"):
        importer = module_name(path)
        own = rank(importer)
        for name, line in imports(path):
            if not name.startswith("zet.") or not is_module(name):
                continue
            theirs = rank(name)
            if (own is not None and theirs is not None and theirs > own
                    and (importer, name) not in ALLOWED_UP):
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({own}) imports {name} ({theirs})")
    assert not wrong, "\n".join(wrong)
