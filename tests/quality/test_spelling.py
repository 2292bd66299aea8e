"""Spelling of the course texts: site pages and lessons, per language.

Each page's prose (front matter, code, quiz lines, link targets, HTML and
Markdown syntax removed) goes through ``hunspell -l`` with Debian's
dictionary for its language and the project's word list
``spelling/<lang>.txt`` (one word a line: field terms and names), passed as
hunspell's personal dictionary (``-p``). A personal dictionary has no affix
rules, so every inflected form that is used has a line of its own; a word
written in lower case there is also accepted capitalised.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DICTIONARIES = {"ru": "ru_RU", "be": "be_BY", "en": "en_US"}
INSTALL_HINT = "apt-get install hunspell hunspell-ru hunspell-be hunspell-en-us"

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
QUIZ_LINE = re.compile(r"^\s*\{\{\s*quiz\b.*\}\}\s*$")
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*(?:"(.*)")?\s*$')
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$")
INLINE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->", re.DOTALL), " "),  # HTML comments
    (re.compile(r"`[^`]*`"), " "),  # inline code: file names, keys
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[\^[^\]]+\]:?"), " "),  # footnote markers
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text, drop the target
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<https?://[^>]*>"), " "),  # autolinks
    (re.compile(r"https?://\S+"), " "),  # bare addresses
    (re.compile(r"</?[A-Za-z][^>]*>"), " "),  # HTML tags
    (re.compile(r"\{\s*[:.#][^}]*\}"), " "),  # attr_list
    (re.compile(r"&[A-Za-z]+;|&#\d+;"), " "),  # HTML entities
    (re.compile(r"^\s*#{1,6}\s+", re.MULTILINE), ""),  # heading markers
    (re.compile(r"[*|]"), " "),  # emphasis and table pipes
    (re.compile(r"(?<!\w)_+|_+(?!\w)"), " "),  # underscore emphasis
]


def prose(markdown: str) -> str:
    """The words a reader sees, without the Markdown around them."""
    text = FRONT_MATTER.sub("", markdown, count=1)
    kept: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        marker = FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        if QUIZ_LINE.match(line) or TABLE_RULE.match(line) or REFERENCE_DEFINITION.match(line):
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            line = admonition.group(2) or ""
        kept.append(line)
    result = "\n".join(kept)
    for pattern, replacement in INLINE_PATTERNS:
        result = pattern.sub(replacement, result)
    return result


def pages(lang: str) -> list[Path]:
    """Site pages, lessons and facilitator material (session plans, trainer pages) in ``lang``."""
    return (
        sorted(ROOT.glob(f"docs/{lang}/*.md"))
        + sorted(ROOT.glob(f"modules/*/{lang}/*.md"))
        + sorted(ROOT.glob(f"modules/*/facilitator/{lang}/*.md"))
        + sorted(ROOT.glob(f"facilitator/{lang}/*.md"))
    )


def _unavailable(reason: str) -> None:
    message = f"{reason}: spelling not checked - {INSTALL_HINT}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _hunspell(dictionary: str, wordlist: Path, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["hunspell", "-d", dictionary, "-p", str(wordlist), "-i", "utf-8", "-l"],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=False,
    )


def test_prose_drops_markup() -> None:
    source = (
        '---\ntitle: "Hidden"\n---\n\n# Heading\n\n!!! note "Note title"\n'
        "    Body with [a link](target-file.md) and `code`.\n\n"
        '{{ quiz "check-1" }}\n\n```text\ncodeword\n```\n\n'
        "| a | b |\n| --- | --- |\n| *cell* | <b>bold</b> |\n"
    )
    words = prose(source).split()
    assert "Heading" in words
    assert "Note" in words and "title" in words
    assert "link" in words and "cell" in words and "bold" in words
    for hidden in ("Hidden", "target", "code", "quiz", "codeword", "note", "---", "<b>"):
        assert not any(hidden in word for word in words), hidden


@pytest.mark.parametrize("lang", sorted(DICTIONARIES))
def test_spelling(lang: str) -> None:
    dictionary = DICTIONARIES[lang]
    if shutil.which("hunspell") is None:
        _unavailable(f"hunspell/{dictionary} not installed")
    wordlist = ROOT / "spelling" / f"{lang}.txt"
    assert wordlist.is_file(), f"{wordlist.relative_to(ROOT)} is missing - create it (may be empty)"
    probe = _hunspell(dictionary, wordlist, "")
    if probe.returncode != 0:
        _unavailable(f"hunspell/{dictionary} not installed")

    files = pages(lang)
    assert files, f"no pages found for {lang}"
    unknown: dict[str, list[str]] = {}
    for path in files:
        result = _hunspell(dictionary, wordlist, prose(path.read_text(encoding="utf-8")))
        assert result.returncode == 0, f"hunspell failed on {path}: {result.stderr}"
        words = sorted(set(result.stdout.split()))
        if words:
            unknown[path.relative_to(ROOT).as_posix()] = words
    report = "\n".join(f"  {name}: {', '.join(words)}" for name, words in unknown.items())
    assert not unknown, (
        f"unknown {lang} words (fix the spelling, or add a real term or name to "
        f"spelling/{lang}.txt):\n{report}"
    )


@pytest.mark.parametrize("lang", sorted(DICTIONARIES))
def test_word_list_is_tidy(lang: str) -> None:
    path = ROOT / "spelling" / f"{lang}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = [line for line in lines if not line or line != line.strip() or " " in line]
    assert not bad, f"spelling/{lang}.txt: one word a line, no blanks or spaces: {bad}"
    assert lines == sorted(set(lines)), (
        f"spelling/{lang}.txt: keep it sorted and without duplicates - "
        f"LC_ALL=C sort -u -o spelling/{lang}.txt spelling/{lang}.txt"
    )
