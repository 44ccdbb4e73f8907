"""No content string repeats 12 or more consecutive words of a source document (seed).

Facts carry over from the seeds, sentences are our own. The one exception is a citation in a
`bron` field: a short quotation in quotation marks there, attributed to its waarborg
("Waarborg N"), may be the Kader's own wording (scenario 2 quotes the minimum lines).
Everything else is compared with every seed after lowering case and dropping punctuation.
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
OWN_WORDS_RUN = 8  # a rewritten text shares no run of this length with a seed
QUOTE_MAX_WORDS = 40  # a longer "quotation" is no short quotation and is checked too
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
ATTRIBUTED = re.compile(r"\bwaarborg\s+[1-4]\b", re.IGNORECASE)
WORD = re.compile(r"\w+")
HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n\s*(\w)")  # "leeruit-\nkomsten" in the PDF text


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(tokens: list[str], length: int = RUN) -> Iterator[tuple[str, ...]]:
    for i in range(len(tokens) - length + 1):
        yield tuple(tokens[i:i + length])


def is_citation(where: str) -> bool:
    return where == "bron" or where.endswith(".bron")


def unquoted_parts(text: str, where: str) -> list[str]:
    """The parts of a text that must be our own words. Only a citation (a `bron` that names
    its waarborg) may quote: it is split at its short quotations, each part checked alone."""
    if not (is_citation(where) and ATTRIBUTED.search(text)):
        return [text]
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


def seed_words(seed: Path) -> list[str]:
    return words(HYPHEN_BREAK.sub(r"\1\2", seed.read_text(encoding="utf-8")))


def seed_runs(length: int = RUN) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        found.update(runs(words(seed.read_text(encoding="utf-8")), length))
        found.update(runs(seed_words(seed), length))
    return found


def copied_runs(content_dir: Path, known: set[tuple[str, ...]]) -> list[str]:
    hits = []
    for path in sorted(content_dir.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in strings(data, ""):
            for part in unquoted_parts(text, where):
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
        yaml.safe_dump({"bron": f"002 Kwaliteitskader, Waarborg 2: “{sentence}”."}),
        encoding="utf-8")
    hits = copied_runs(tmp_path, known_runs)
    assert len(hits) == 1 and hits[0].startswith("a.yaml: kern: "), hits


@pytest.mark.parametrize("data", [
    {"kern": "Zoals de bron zegt: “{s}” (bron 000)."},  # a quotation outside `bron`
    {"bron": "000 ZEK: “{s}”."},  # a quotation in `bron` without its waarborg
])
def test_only_an_attributed_citation_in_bron_may_quote(known_runs, tmp_path, data):
    seed_text = next(iter(sorted(SEEDS.glob("*.txt")))).read_text(encoding="utf-8")
    sentence = " ".join(words(seed_text)[200:200 + RUN])
    (tmp_path / "a.yaml").write_text(
        yaml.safe_dump({k: v.format(s=sentence) for k, v in data.items()}), encoding="utf-8")
    assert len(copied_runs(tmp_path, known_runs)) == 1


def test_the_kader_minimum_lines_are_the_kaders_own_wording():
    """zet/content/kader.py holds the lines scenario 2 quotes; each is in seed 002 word for
    word, so a quotation the loader accepts is a real quotation."""
    from zet.content.kader import MINIMUM
    seed = next(SEEDS.glob("002_*.txt"), None)
    if seed is None:
        pytest.skip(f"de bron 002 staat niet in {SEEDS}")
    text = " ".join(seed_words(seed))
    for waarborg, lines in MINIMUM.items():
        for line in lines:
            assert " ".join(words(line)) in text, (waarborg, line)


def test_the_theorie_praktijk_persoon_toelichting_is_in_our_own_words():
    data = yaml.safe_load((CONTENT / "themas" / "theorie-praktijk-persoon.yaml")
                          .read_text(encoding="utf-8"))
    if not SEEDS.is_dir():
        pytest.skip(f"de bronteksten staan niet in {SEEDS}")
    known = seed_runs(OWN_WORDS_RUN)
    copied = [" ".join(run) for run in runs(words(data["opdracht"]["toelichting"]),
                                            OWN_WORDS_RUN) if run in known]
    assert not copied, copied
