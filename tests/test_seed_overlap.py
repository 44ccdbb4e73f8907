"""No content string repeats 12 or more consecutive words of a source document (seed).

Facts carry over from the seeds, sentences are our own. A short quotation in quotation marks
(with its source nearby) is allowed; everything outside quotation marks is compared with
every seed after lowering case and dropping punctuation.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
# ../shared/seeds next to the repository; a git worktree further down finds it higher up
SEEDS = next((folder / "shared" / "seeds" for folder in REPO.parents
              if (folder / "shared" / "seeds").is_dir()), REPO.parent / "shared" / "seeds")
RUN = 12  # words in a row that count as copied
QUOTE_MAX_WORDS = 40  # a longer "quotation" is no short quotation and is checked too
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(tokens: list[str]) -> Iterator[tuple[str, ...]]:
    for i in range(len(tokens) - RUN + 1):
        yield tuple(tokens[i:i + RUN])


def unquoted_parts(text: str) -> list[str]:
    """The text split at short quotations; each part is checked on its own."""
    parts, last = [], 0
    for match in QUOTED.finditer(text):
        if len(words(match.group())) <= QUOTE_MAX_WORDS:
            parts.append(text[last:match.start()])
            last = match.end()
    parts.append(text[last:])
    return parts


def strings(data, path: str) -> Iterator[tuple[str, str]]:
    """Every string value in a YAML document, with where it sits."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data, start=1):
            yield from strings(value, f"{path}[{i}]")


def seed_runs() -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        found.update(runs(words(seed.read_text(encoding="utf-8"))))
    return found


def copied_runs(content_dir: Path, known: set[tuple[str, ...]]) -> list[str]:
    hits = []
    for path in sorted(content_dir.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in strings(data, ""):
            for part in unquoted_parts(text):
                for run in runs(words(part)):
                    if run in known:
                        hits.append(f"{path.relative_to(content_dir)}: {where}: "
                                    f"'{' '.join(run)}'")
                        break
    return hits


@pytest.fixture(scope="module")
def known_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"de bronteksten staan niet in {SEEDS}; deze controle is overgeslagen")
    return seed_runs()


def test_no_content_string_copies_a_run_of_twelve_seed_words(known_runs):
    hits = copied_runs(CONTENT, known_runs)
    assert not hits, f"{len(hits)} tekst(en) met 12 of meer woorden uit een bron:\n" + \
        "\n".join(hits)


def test_the_check_finds_a_copied_run_and_allows_a_short_quotation(known_runs, tmp_path):
    seed_text = next(iter(sorted(SEEDS.glob("*.txt")))).read_text(encoding="utf-8")
    sentence = " ".join(words(seed_text)[200:200 + RUN])
    (tmp_path / "a.yaml").write_text(yaml.safe_dump({"kern": sentence.upper() + "!"}),
                                     encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        yaml.safe_dump({"kern": f"Zoals de bron zegt: “{sentence}” (bron 000)."}),
        encoding="utf-8")
    hits = copied_runs(tmp_path, known_runs)
    assert len(hits) == 1 and hits[0].startswith("a.yaml: kern: "), hits
