"""The content report behind ``make check``: is the course complete and well written.

For every lesson it counts the words a reader sees in each language; it lists
lessons and site pages missing in a language, the question types of each
module's quizzes, the share of words ``hunspell`` does not know per language
(Debian's ``ru_RU``, ``be_BY``, ``en_GB`` plus ``spelling/<lang>.txt``), and
Belarusian words written with a letter only Russian has (и, щ, ъ). It lists
translated lessons whose Russian source changed since they were translated,
with the source lines that changed (:mod:`aci_course.course.freshness`), and
those that never recorded their source (neither fails the check), and the country
facts (``facts/*.yml``): each file's facts, those checked more than a year ago, and
lesson marks ``{{ fact "id" }}`` that name no fact of the course's file.

It fails (exit status 1) when a lesson has fewer than ``MIN_WORDS`` words (worksheets,
marked ``kind: worksheet`` in front matter, are exempt: they are tables and blanks to
write in), a translation is missing, a module's quizzes use fewer than
``MIN_QUIZ_TYPES`` types, more than ``MAX_UNKNOWN_SHARE`` of a language's words are
unknown to the spell checker, or a Belarusian word carries a Russian-only letter, a fact
is stale or a fact mark names no fact. It also reports each form that a terminology
sheet ``spelling/terms.<lang>.yml`` says to avoid (``aci_course.quality.terms``) and
each broken teaching rule it can count in quizzes and session plans
(``aci_course.quality.teaching``). ``prose`` is the one definition of "the words a
reader sees", shared with the spelling test.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.project import ProjectConfigError, configured_languages
from aci_course.core.sources import (
    code_lines,
    front_matter,
    is_figure_line,
    is_quiz_line,
    meta_text,
    plain_blocks,
    read_source,
)
from aci_course.course import freshness
from aci_course.course.facts import DEFAULT_FILE, STALE_AFTER, find_marks, load_facts
from aci_course.course.facts import EXAMPLE as FACT_EXAMPLE
from aci_course.course.figures import load_figures
from aci_course.course.modules import Module, load_modules
from aci_course.quality import plain_language
from aci_course.quality.teaching import option_findings, plan_findings
from aci_course.quality.terms import find_avoided
from aci_course.quiz.load import load_quizzes

MIN_WORDS = 500
MIN_QUIZ_TYPES = 4
MAX_UNKNOWN_SHARE = 0.02
WORKSHEET = "worksheet"  # front matter ``kind:`` value that exempts a lesson from MIN_WORDS
DICTIONARIES = {"ru": "ru_RU", "be": "be_BY", "en": "en_GB"}  # English is British
INSTALL_HINT = "apt-get install hunspell hunspell-ru hunspell-be hunspell-en-gb"
RUSSIAN_ONLY = frozenset("ищъИЩЪ")

FACT_MARK = re.compile(r"\{\{[ \t]*fact\b[^}\n]*\}\}")
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*(?:"(.*)")?\s*$')
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$")
INLINE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (FACT_MARK, " "),  # a country fact: its texts are checked in facts/*.yml
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
# A word: letters, possibly joined by an apostrophe or a hyphen (сям'і, well-being).
WORD = re.compile(r"[^\W\d_]+(?:['\u2019\u02bc-][^\W\d_]+)*")

# libyaml's safe loader where it is installed.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SpellChecker = Callable[[str, str], list[str]]  # (language, text) -> unknown words, repeats kept


def prose(markdown: str) -> str:
    """The words a reader sees, without the Markdown around them."""
    lines = read_source(markdown).body.splitlines()
    kept: list[str] = []
    for line, code in zip(lines, code_lines(lines), strict=True):
        if code:
            continue
        if is_quiz_line(line) or is_figure_line(line):
            continue  # quizzes and figures are checked in their own files
        if TABLE_RULE.match(line) or REFERENCE_DEFINITION.match(line):
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            line = admonition.group(2) or ""
        kept.append(line)
    result = "\n".join(kept)
    for pattern, replacement in INLINE_PATTERNS:
        result = pattern.sub(replacement, result)
    return result


def words(text: str) -> list[str]:
    """The words of ``text`` (numbers and punctuation are not words)."""
    return WORD.findall(text)


def front_matter_kind(markdown: str) -> str | None:
    """The lesson's ``kind:`` from front matter (``worksheet``), if any."""
    return meta_text(front_matter(markdown), "kind")


def site_pages(root: Path, lang: str) -> list[Path]:
    """Everything written in ``lang`` that a reader or a trainer reads (spell-checked).

    Site pages, lessons, and the facilitator material: session plans and other files
    beside each module, and the trainers' pages of the facilitator edition.
    """
    return (
        sorted(root.glob(f"docs/{lang}/*.md"))
        + sorted(root.glob(f"modules/*/{lang}/*.md"))
        + sorted(root.glob(f"modules/*/facilitator/{lang}/*.md"))
        + sorted(root.glob(f"facilitator/{lang}/*.md"))
    )


def quiz_texts(root: Path, lang: str) -> dict[Path, str]:
    """The ``lang`` texts of each quiz file, one a line, for the spell checker.

    Questions, options, explanations and accepted answers: every value under a
    ``lang`` key (the build has validated the files).
    """
    texts: dict[Path, str] = {}
    for path in sorted(root.glob("quizzes/*.yml")):
        found: list[str] = []
        stack: list[object] = [yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == lang and isinstance(value, str | list):
                        found += [value] if isinstance(value, str) else [str(v) for v in value]
                    else:
                        stack.append(value)
            elif isinstance(node, list):
                stack.extend(node)
        texts[path] = "\n".join(reversed(found))
    return texts


def fact_texts(root: Path, lang: str, languages: Sequence[str]) -> dict[Path, str]:
    """The ``lang`` texts of each facts file, one a line, for the spell checker."""
    return {
        path: "\n".join(
            fact.text[lang] for fact in load_facts(root, languages, _rel(path, root)).by_id.values()
        )
        for path in sorted(root.glob("facts/*.yml"))
    }


def figure_texts(root: Path, lang: str, languages: Sequence[str]) -> dict[Path, str]:
    """The ``lang`` texts of each figure (caption, description, labels), one a line."""
    texts: dict[Path, str] = {}
    for module in load_modules(root, languages):
        for figure in load_figures(module.folder, module.id, root, languages).values():
            texts[root / figure.display] = "\n".join(figure.texts(lang))
    return texts


class HunspellMissing(RuntimeError):
    """hunspell or one of its dictionaries is not installed."""


def hunspell_command(lang: str, wordlist: Path) -> list[str]:
    """``hunspell -l`` for ``lang`` with the project's word list as personal dictionary."""
    return ["hunspell", "-d", DICTIONARIES[lang], "-p", str(wordlist), "-i", "utf-8", "-l"]


def run_hunspell(lang: str, wordlist: Path, text: str) -> subprocess.CompletedProcess[str]:
    """Run hunspell over ``text``; C.UTF-8 so its output does not depend on the locale."""
    return subprocess.run(
        hunspell_command(lang, wordlist),
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=False,
    )


def hunspell_checker(root: Path) -> SpellChecker:
    """A spell checker backed by hunspell and ``root/spelling/<lang>.txt``."""
    if shutil.which("hunspell") is None:
        raise HunspellMissing(f"hunspell is not installed - {INSTALL_HINT}")

    def check(lang: str, text: str) -> list[str]:
        result = run_hunspell(lang, root / "spelling" / f"{lang}.txt", text)
        if result.returncode != 0:
            raise HunspellMissing(
                f"hunspell -d {DICTIONARIES[lang]} failed ({result.stderr.strip()}) - "
                f"{INSTALL_HINT}"
            )
        return result.stdout.split()

    return check


@dataclass(frozen=True)
class Problem:
    """One reason the check fails, worded like an author error: where, what, how to fix."""

    path: str
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        return str(AuthorError(self.path, self.line, self.what, self.fix))


@dataclass(frozen=True)
class LessonRow:
    """Word counts of one lesson in each language (None: not written in that language)."""

    module: str
    name: str
    worksheet: bool
    words: dict[str, int | None]


@dataclass(frozen=True)
class SpellingRow:
    """Words of one language's pages, and how many of them hunspell does not know."""

    lang: str
    words: int
    unknown: int
    examples: tuple[str, ...]

    @property
    def share(self) -> float:
        """Unknown words as a fraction of all words."""
        return self.unknown / self.words if self.words else 0.0


@dataclass(frozen=True)
class TranslationRow:
    """A translated lesson that is stale or never recorded its source (listed, not failed).

    ``changes`` is the unified diff of the Russian source since the translation, or
    None when the recorded text is not in the file's git history.
    """

    path: str
    source: str
    stale: bool
    changes: tuple[str, ...] | None


@dataclass(frozen=True)
class PlainRow:
    """The plain-language version of one lesson in one language (None: it has none)."""

    module: str
    name: str
    lang: str
    measure: plain_language.Measure | None


@dataclass
class Report:
    """Everything ``make check`` prints; ``problems`` empty means it passes."""

    lessons: list[LessonRow] = field(default_factory=list)
    quiz_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    spelling: list[SpellingRow] = field(default_factory=list)
    translations: list[TranslationRow] = field(default_factory=list)
    facts: list[tuple[str, int, int]] = field(default_factory=list)  # file, facts, stale
    plain: list[PlainRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _first_line(text: str, word: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if word in line:
            return number
    return None


def _lesson_rows(modules: Sequence[Module], root: Path, report: Report) -> None:
    for module in modules:
        for lesson in module.lessons:
            counts: dict[str, int | None] = {}
            for lang in LANGUAGES:
                path = lesson.sources.get(lang)
                if path is None:
                    counts[lang] = None
                    ru = _rel(lesson.sources[LANGUAGES[0]], root)
                    report.problems.append(
                        Problem(
                            ru,
                            None,
                            f"no {lang} translation",
                            f"write modules/{module.id}/{lang}/{lesson.name}",
                        )
                    )
                    continue
                text = path.read_text(encoding="utf-8")
                counts[lang] = len(words(prose(text)))
            # A lesson is a worksheet when any language marks it so (the files are one lesson).
            lesson_worksheet = any(
                front_matter_kind(p.read_text(encoding="utf-8")) == WORKSHEET
                for p in lesson.sources.values()
            )
            report.lessons.append(LessonRow(module.id, lesson.name, lesson_worksheet, counts))
            if lesson_worksheet:
                continue
            for lang, count in counts.items():
                if count is not None and count < MIN_WORDS:
                    report.problems.append(
                        Problem(
                            _rel(lesson.sources[lang], root),
                            None,
                            f"{count} words, fewer than {MIN_WORDS}",
                            "write more, or mark a printable worksheet "
                            f'with "kind: {WORKSHEET}" in front matter',
                        )
                    )


def _plain(modules: Sequence[Module], root: Path, report: Report) -> None:
    """Measure every plain-language version; one is required in the tracks of REQUIRED."""
    for module in modules:
        for lesson in module.lessons:
            for lang in LANGUAGES:
                path = lesson.sources.get(lang)
                if path is None:
                    continue
                blocks = plain_blocks(path.read_text(encoding="utf-8"))
                if not blocks:
                    report.plain.append(PlainRow(module.id, lesson.name, lang, None))
                    if module.track in plain_language.REQUIRED:
                        report.problems.append(
                            Problem(
                                _rel(path, root),
                                None,
                                f"no plain-language version (required in the {module.track} track)",
                                'write one in a "!!! plain" block after the title',
                            )
                        )
                    continue
                block = blocks[0]
                text = prose(plain_language.without_headings(block.text))
                found = plain_language.measure(text, lang, words)
                report.plain.append(PlainRow(module.id, lesson.name, lang, found))
                for what in found.over(lang):
                    report.problems.append(
                        Problem(
                            _rel(path, root),
                            block.index + 1,
                            f"plain-language version: {what}",
                            "split long sentences and use shorter, everyday words",
                        )
                    )


def _format_plain(rows: Sequence[PlainRow]) -> list[str]:
    out = ["## Plain-language versions (limits in docs-dev/plain-language.md)", ""]
    measured = [row for row in rows if row.measure is not None]
    summary = []
    for lang in LANGUAGES:
        mine = [row.measure for row in measured if row.lang == lang and row.measure]
        sentences = sum(m.sentences for m in mine)
        total = sum(m.words for m in mine)
        long_words = sum(m.long_words for m in mine)
        limits = plain_language.LIMITS[lang]
        summary.append(
            [
                lang,
                str(len(mine)),
                f"{total / sentences:.1f}" if sentences else "-",
                f"{long_words / total:.1%}" if total else "-",
                f"{limits.mean_sentence:g} / {limits.long_words:.0%}",
            ]
        )
    out += _table(
        ["language", "versions", "mean sentence (words)", "long words", "limits"], summary
    )
    out += ["", "Per lesson (words, mean sentence, long words):", ""]
    by_lesson: dict[tuple[str, str], dict[str, str]] = {}
    for row in rows:
        cell = "-"
        if row.measure is not None:
            m = row.measure
            cell = f"{m.words}, {m.mean_sentence:.1f}, {m.long_share:.0%}"
        by_lesson.setdefault((row.module, row.name), {})[row.lang] = cell
    out += _table(
        ["module", "lesson", *LANGUAGES],
        [
            [m, n, *(cells.get(lang, "-") for lang in LANGUAGES)]
            for (m, n), cells in by_lesson.items()
        ],
    )
    missing = [f"{row.module}/{row.lang}/{row.name}" for row in rows if row.measure is None]
    out += ["", f"Without a plain-language version: {len(missing)}", ""]
    out += [f"- {name}" for name in missing]
    return [*out, ""]


def _page_translations(root: Path, report: Report) -> None:
    base = root / "docs" / LANGUAGES[0]
    for page in sorted(base.glob("*.md")):
        for lang in LANGUAGES[1:]:
            if not (root / "docs" / lang / page.name).is_file():
                report.problems.append(
                    Problem(
                        _rel(page, root),
                        None,
                        f"no {lang} translation",
                        f"write docs/{lang}/{page.name}",
                    )
                )


def _quiz_types(
    modules: Sequence[Module], root: Path, report: Report, languages: Sequence[str]
) -> None:
    quizzes = load_quizzes(root, languages)
    for module in modules:
        own = [quiz for quiz in quizzes.values() if quiz.module == module.id]
        types = sorted({question.type for quiz in own for question in quiz.questions})
        report.quiz_types[module.id] = tuple(types)
        if len(types) < MIN_QUIZ_TYPES:
            report.problems.append(
                Problem(
                    f"quizzes/{module.id}.yml",
                    None,
                    f"the quizzes of {module.id} use {len(types)} question type(s), "
                    f"fewer than {MIN_QUIZ_TYPES}",
                    "add questions of other types (single, multiple, true_false, ordering, "
                    "matching, fill, reflection)",
                )
            )


def _spelling(root: Path, spell: SpellChecker, report: Report, languages: Sequence[str]) -> None:
    for lang in languages:
        texts = [prose(path.read_text(encoding="utf-8")) for path in site_pages(root, lang)]
        texts += quiz_texts(root, lang).values()
        texts += fact_texts(root, lang, languages).values()
        texts += figure_texts(root, lang, languages).values()
        total = sum(len(words(text)) for text in texts)
        # One hunspell run per language: loading a dictionary costs more than checking.
        unknown = spell(lang, "\n".join(texts))
        examples = tuple(sorted(set(unknown))[:10])
        row = SpellingRow(lang, total, len(unknown), examples)
        report.spelling.append(row)
        if row.share > MAX_UNKNOWN_SHARE:
            report.problems.append(
                Problem(
                    f"spelling/{lang}.txt",
                    None,
                    f"{row.unknown} of {row.words} {lang} words ({row.share:.1%}) are unknown to "
                    f"hunspell {DICTIONARIES[lang]}, more than {MAX_UNKNOWN_SHARE:.0%}",
                    "fix the spelling (pytest tests/quality/test_spelling.py lists the words), "
                    "or add real terms and names to the word list",
                )
            )


def _belarusian_letters(root: Path, report: Report) -> None:
    for path in site_pages(root, "be"):
        source = path.read_text(encoding="utf-8")
        seen: set[str] = set()
        for word in words(prose(source)):
            if word in seen or not RUSSIAN_ONLY.intersection(word):
                continue
            seen.add(word)
            letters = "".join(sorted(RUSSIAN_ONLY.intersection(word)))
            report.problems.append(
                Problem(
                    _rel(path, root),
                    _first_line(source, word),
                    f'Belarusian word "{word}" has the Russian-only letter(s) {letters}',
                    "write it with Belarusian letters (і for и, шч for щ, an apostrophe for ъ)",
                )
            )


def _teaching(
    modules: Sequence[Module], root: Path, report: Report, languages: Sequence[str]
) -> None:
    quizzes = list(load_quizzes(root, languages).values())
    for finding in option_findings(quizzes) + plan_findings(modules, quizzes, root):
        report.problems.append(Problem(finding.path, finding.line, finding.what, finding.fix))


def _terms(root: Path, report: Report) -> None:
    for lang in LANGUAGES:
        for finding in find_avoided(root, lang, site_pages(root, lang)):
            report.problems.append(Problem(finding.path, finding.line, finding.what, finding.fix))


def _translations(modules: Sequence[Module], root: Path, report: Report) -> None:
    for item in freshness.translations(modules):
        if item.stale or item.recorded is None:
            changes = freshness.changed_lines(item)
            report.translations.append(
                TranslationRow(
                    _rel(item.translation, root),
                    _rel(item.source, root),
                    item.stale,
                    None if changes is None else tuple(changes),
                )
            )


def _format_translations(rows: Sequence[TranslationRow]) -> list[str]:
    out = ["## Stale translations (the Russian source changed since)", ""]
    if not rows:
        return [*out, "None: every translated lesson follows its Russian source.", ""]
    for row in rows:
        if not row.stale:
            out.append(
                f"- {row.path}: no {freshness.KEY} - when it follows {row.source}, "
                f"run aci-course translations --done {row.path}"
            )
            continue
        out.append(f"- {row.path}: {row.source} changed since it was translated")
        if row.changes is None:
            out.append("  (the text it was translated from is not in the git history)")
        else:
            out += ["  ```diff", *(f"  {line}" for line in row.changes), "  ```"]
        out.append(f"  when updated: aci-course translations --done {row.path}")
    return [*out, ""]


def _facts(root: Path, report: Report, today: datetime.date, languages: Sequence[str]) -> None:
    for path in sorted(root.glob("facts/*.yml")):
        display = _rel(path, root)
        facts = load_facts(root, languages, display)
        old = [f for f in facts.by_id.values() if today - f.checked > STALE_AFTER]
        report.facts.append((display, len(facts.by_id), len(old)))
        for fact in old:
            line = _first_line(path.read_text(encoding="utf-8"), f"id: {fact.id}")
            report.problems.append(
                Problem(
                    display,
                    line,
                    f'fact "{fact.id}" was checked on {fact.checked.isoformat()}, '
                    f"more than {STALE_AFTER.days} days ago",
                    f"check it again against {fact.source.url} (or a newer public page) "
                    "and update checked",
                )
            )
    course = load_facts(root, languages, DEFAULT_FILE)
    for lang in languages:
        for path in site_pages(root, lang):
            text = path.read_text(encoding="utf-8")
            for mark in find_marks(text):
                if mark.written is None:
                    report.problems.append(
                        Problem(
                            _rel(path, root),
                            mark.line + 1,
                            "a fact mark is not readable",
                            f"write it as {FACT_EXAMPLE}, with the id in double quotes",
                        )
                    )
                    continue
                try:
                    course.get(mark.written, _rel(path, root), mark.line + 1)
                except AuthorError as error:
                    report.problems.append(
                        Problem(error.path, error.line, error.problem, error.fix)
                    )


def build_report(
    root: Path,
    spell: SpellChecker,
    today: datetime.date | None = None,
    languages: Sequence[str] = LANGUAGES,
) -> Report:
    """Check the course under ``root``; author mistakes in its files raise AuthorError.

    ``today`` (default: the real date) decides which facts are stale. ``languages``:
    the course's (``mkdocs.yml``); the report knows the dictionaries and measures of
    the package's languages (:data:`DICTIONARIES`), the default.
    """
    report = Report()
    modules = load_modules(root, languages)
    _lesson_rows(modules, root, report)
    _plain(modules, root, report)
    _page_translations(root, report)
    _quiz_types(modules, root, report, languages)
    _teaching(modules, root, report, languages)
    _spelling(root, spell, report, languages)
    _belarusian_letters(root, report)
    _terms(root, report)
    _translations(modules, root, report)
    _facts(root, report, today or datetime.date.today(), languages)
    return report


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def format_report(report: Report) -> str:
    """The report as Markdown tables, then the problems (or a line saying it passes)."""
    out = ["## Words per lesson", ""]
    lesson_rows = [
        [
            row.module,
            row.name + (f" ({WORKSHEET})" if row.worksheet else ""),
            *("-" if row.words[lang] is None else str(row.words[lang]) for lang in LANGUAGES),
        ]
        for row in report.lessons
    ]
    out += _table(["module", "lesson", *LANGUAGES], lesson_rows)
    out += ["", "## Quiz question types per module", ""]
    out += _table(
        ["module", "types", "which"],
        [[m, str(len(t)), ", ".join(t) or "-"] for m, t in report.quiz_types.items()],
    )
    out += ["", "## Spelling (hunspell + spelling/<lang>.txt)", ""]
    out += _table(
        ["language", "words", "unknown", "share", "examples"],
        [
            [r.lang, str(r.words), str(r.unknown), f"{r.share:.2%}", ", ".join(r.examples)]
            for r in report.spelling
        ],
    )
    out += ["", "## Country facts (facts/*.yml)", ""]
    out += _table(
        ["file", "facts", f"checked more than {STALE_AFTER.days} days ago"],
        [[name, str(count), str(old)] for name, count, old in report.facts],
    )
    out.append("")
    out += _format_plain(report.plain)
    out += _format_translations(report.translations)
    if report.problems:
        out.append(f"## {len(report.problems)} problem(s)")
        out.append("")
        out += [str(problem) for problem in report.problems]
        out.append("")
        out.append("make check: FAILED")
    else:
        out.append("make check: passed")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m aci_course.quality.content_report [--root DIR]``: print, 0 if it passes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    try:
        languages = configured_languages(root / "mkdocs.yml")
        report = build_report(root, hunspell_checker(root), languages=languages)
    except (AuthorError, ProjectConfigError) as error:
        print(error, file=sys.stderr)
        return 1
    except HunspellMissing as error:
        print(f"make check: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(format_report(report))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
