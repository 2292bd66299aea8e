"""Spelling of the course texts: site pages, lessons and quizzes, per language.

Each page's prose (front matter, code, quiz lines, link targets, HTML and
Markdown syntax removed: ``aci_course.quality.content_report.prose``, the same
words ``make check`` counts) goes through ``hunspell -l`` with Debian's
dictionary for its language and the project's word list
``spelling/<lang>.txt`` (one word a line: field terms and names), passed as
hunspell's personal dictionary (``-p``). A personal dictionary has no affix
rules, so every inflected form that is used has a line of its own; a word
written in lower case there is also accepted capitalised. Quiz files give their
texts in the language (``content_report.quiz_texts``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from aci_course.quality.content_report import (
    DICTIONARIES,
    INSTALL_HINT,
    prose,
    quiz_texts,
    run_hunspell,
)
from aci_course.quality.content_report import site_pages as _site_pages
from aci_course.quality.terms import find_avoided

ROOT = Path(__file__).resolve().parents[2]


def pages(lang: str) -> list[Path]:
    """Site pages, lessons and facilitator material written in ``lang``."""
    return _site_pages(ROOT, lang)


def _unavailable(reason: str) -> None:
    message = f"{reason}: spelling not checked - {INSTALL_HINT}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _hunspell(lang: str, wordlist: Path, text: str) -> subprocess.CompletedProcess[str]:
    return run_hunspell(lang, wordlist, text)


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
    probe = _hunspell(lang, wordlist, "")
    if probe.returncode != 0:
        _unavailable(f"hunspell/{dictionary} not installed")

    files = pages(lang)
    assert files, f"no pages found for {lang}"
    texts = {path: prose(path.read_text(encoding="utf-8")) for path in files}
    quizzes = quiz_texts(ROOT, lang)
    assert quizzes and all(quizzes.values()), f"no quiz texts found for {lang}"
    texts.update(quizzes)
    unknown: dict[str, list[str]] = {}
    for path, text in texts.items():
        result = _hunspell(lang, wordlist, text)
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


@pytest.mark.parametrize("lang", sorted(DICTIONARIES))
def test_terminology_sheet(lang: str) -> None:
    """No form that ``spelling/terms.<lang>.yml`` says to avoid (make check reports the same)."""
    sheet = ROOT / "spelling" / f"terms.{lang}.yml"
    assert sheet.is_file(), f"{sheet.relative_to(ROOT)} is missing"
    findings = find_avoided(ROOT, lang, pages(lang))
    assert not findings, "\n".join(str(finding) for finding in findings)
