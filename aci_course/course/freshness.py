"""Translation freshness: whether a translated lesson still follows its Russian source.

A translated lesson records, in its front matter, ``translated_from:`` the short
hash (:func:`source_hash`) of the Russian lesson's text it was translated from;
``aci-course translations --done modules/<id>/<lang>/<lesson>.md`` writes it when
a translator finishes. When the Russian text changes, the hashes differ: the
translated page shows a notice with the date the source changed, the coverage
table counts it, and ``make check`` lists it with the source lines that changed
(found by looking up the recorded hash in the source file's git history).

The hash covers the lesson's text after its front matter, with line endings and
trailing spaces normalised, so a metadata edit or an editor's whitespace does
not make every translation stale.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.sources import Source, read_source
from aci_course.course.modules import LESSON_NAME, Module

KEY = "translated_from"
HASH_LENGTH = 12
_RECORD = re.compile(rf"^{KEY}:[ \t]*[\"']?([0-9a-f]+)[\"']?[ \t]*$", re.MULTILINE)


def _head(source: Source) -> str:
    """The front matter block of ``source`` as written, blank lines after it included."""
    return source.text[: len(source.text) - len(source.body)]


def source_hash(text: str) -> str:
    """The short hash of a lesson's text as the project computes it (see module docstring)."""
    lines = [line.rstrip() for line in read_source(text).body.split("\n")]
    body = "\n".join(lines).strip("\n") + "\n"
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded(text: str) -> str | None:
    """The ``translated_from`` hash in a lesson's front matter, if any.

    Read as written, not through YAML, which would turn an all-digit hash into a number.
    """
    found = _RECORD.search(_head(read_source(text)))
    return found.group(1) if found else None


def with_record(text: str, digest: str) -> str:
    """``text`` whose front matter says ``translated_from: <digest>`` (the rest unchanged)."""
    line = f"{KEY}: {digest}"
    source = read_source(text)
    head = _head(source)
    if not source.meta and not head:
        return f"---\n{line}\n---\n\n{source.text}"
    if _RECORD.search(head):
        head = _RECORD.sub(line, head, count=1)
    else:
        closing = head.rstrip("\n").rfind("\n") + 1  # the line that closes the front matter
        head = head[:closing] + line + "\n" + head[closing:]
    return head + source.body


@dataclass(frozen=True)
class Freshness:
    """One translated lesson against its Russian source."""

    translation: Path
    source: Path
    lang: str
    recorded: str | None  # None: the translation never said what it follows
    current: str

    @property
    def stale(self) -> bool:
        """The source changed since the translation was marked done."""
        return self.recorded is not None and self.recorded != self.current


def check(translation: Path, source: Path, lang: str) -> Freshness:
    """Compare one translated lesson with its source."""
    return Freshness(
        translation=translation,
        source=source,
        lang=lang,
        recorded=recorded(translation.read_text(encoding="utf-8")),
        current=source_hash(source.read_text(encoding="utf-8")),
    )


def translations(modules: Sequence[Module]) -> list[Freshness]:
    """Every translated lesson of the course with its freshness."""
    found = []
    for module in modules:
        for lesson in module.lessons:
            source = lesson.sources[DEFAULT_LANGUAGE]
            for lang in LANGUAGES:
                if lang != DEFAULT_LANGUAGE and lang in lesson.sources:
                    found.append(check(lesson.sources[lang], source, lang))
    return found


def source_of(translation: Path, root: Path) -> tuple[str, Path]:
    """``(language, Russian lesson)`` of ``modules/<id>/<lang>/<lesson>.md``, or an AuthorError."""
    path = translation if translation.is_absolute() else root / translation
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = None
    parts = rel.parts if rel else ()
    usage = "name a translated lesson: modules/<id>/be/01-name.md or modules/<id>/en/01-name.md"
    if len(parts) != 4 or parts[0] != "modules" or not LESSON_NAME.match(parts[3]):
        raise AuthorError(str(translation), None, "is not a lesson file", usage)
    lang = parts[2]
    if lang not in LANGUAGES or lang == DEFAULT_LANGUAGE:
        raise AuthorError(str(translation), None, f'"{lang}" is not a translated language', usage)
    if not path.is_file():
        raise AuthorError(str(translation), None, "does not exist", usage)
    source = root / "modules" / parts[1] / DEFAULT_LANGUAGE / parts[3]
    if not source.is_file():
        raise AuthorError(
            rel.as_posix() if rel else str(translation),
            None,
            f"has no Russian source {source.relative_to(root).as_posix()}",
            "translate an existing Russian lesson (same file name)",
        )
    return lang, source


def mark_done(translation: Path, root: Path) -> str:
    """Record in ``translation`` the hash of its Russian source's current text; the hash."""
    _, source = source_of(translation, root)
    path = translation if translation.is_absolute() else root / translation
    digest = source_hash(source.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    updated = with_record(text, digest)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return digest


# --- history: when the source changed, and what ------------------------------------------


def _git(root: Path, *args: str) -> str | None:
    """The output of a git command in ``root``, or None when git or the history is missing."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def updated_on(source: Path) -> dt.date:
    """When ``source`` last changed: its last commit, or its mtime when edited since (or no git)."""
    folder = source.parent
    status = _git(folder, "status", "--porcelain", "--", source.name)
    if status == "":  # in git and unchanged since its last commit
        day = _git(folder, "log", "-1", "--format=%cs", "--", source.name)
        if day and day.strip():
            return dt.date.fromisoformat(day.strip())
    return dt.date.fromtimestamp(source.stat().st_mtime)


def earlier_text(source: Path, digest: str) -> str | None:
    """The text ``source`` had when its hash was ``digest``, from its git history."""
    folder = source.parent
    commits = _git(folder, "log", "--format=%H", "--", source.name)
    for commit in (commits or "").split():
        old = _git(folder, "show", f"{commit}:./{source.name}")
        if old is not None and source_hash(old) == digest:
            return old
    return None


def changed_lines(item: Freshness) -> list[str] | None:
    """The source lines changed since the translation (a unified diff), None if unknown."""
    if item.recorded is None:
        return None
    old = earlier_text(item.source, item.recorded)
    if old is None:
        return None
    new = item.source.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        old.splitlines(), new.splitlines(), "translated from", "now", n=0, lineterm=""
    )
    return [line for line in diff if not line.startswith(("---", "+++"))]
