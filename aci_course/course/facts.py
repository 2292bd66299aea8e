"""The country layer: ``facts/<country>.yml`` and the ``{{ fact "id" }}`` marks in lessons.

Laws, services, helplines and numbers of one country are kept out of lesson prose:
each is a fact with an id, its text in every language, the public page it was
checked against (``source``) and the date of that check (``checked``). A lesson
writes ``{{ fact "children-helpline" }}`` anywhere in a line; the build puts the
text in the page's language there and adds the source, with the date, to the
lesson's Sources section (one line per source, however often it is used).

Which file a build reads is ``extra.facts`` of mkdocs.yml (``facts/by.yml`` when
unset); a profile may name another (``facts: facts/xx.yml``), so a partner in
another country rebuilds the course with its own numbers. A fact without source
or date, an unknown id, or an id the chosen file lacks is an author error with the
file and line. ``make check`` lists facts checked more than :data:`STALE_AFTER` ago.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from aci_course.core.errors import AuthorError
from aci_course.core.schema import AtLeast, AuthorModel, Items, Say, Slug, Words, validate
from aci_course.core.texts import long_date, t
from aci_course.core.yamlsource import MarkedDict, load_yaml
from aci_course.course.modules import LocalText

DEFAULT_FILE = "facts/by.yml"
STALE_AFTER = datetime.timedelta(days=365)
EXAMPLE = '{{ fact "children-helpline" }}'

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Title = Annotated[str, StringConstraints(pattern=r"\S")]

_SOURCE_EXAMPLE = 'source: {title: "Title of the page", url: "https://..."}'
_CHECKED_EXAMPLE = "checked: 2026-12-06"
_SOURCE_IN_TEMPLATE = _SOURCE_EXAMPLE.replace("{", "{{").replace("}", "}}")  # for str.format


class FactText(LocalText):
    """A fact's text in every course language."""


class FactSource(AuthorModel):
    """The public page a fact was checked against."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            '"source" of {where} must be a mapping', "write it as " + _SOURCE_IN_TEMPLATE
        ),
        "extra": Say('unknown key "source.{key}"', "use only title and url"),
        "missing": Say(
            '"source" of {where} has no "{key}"', "add it, e.g. " + _SOURCE_IN_TEMPLATE, at="owner"
        ),
        "invalid": Say(
            '"source.{key}" {problem}', "write it as " + _SOURCE_IN_TEMPLATE, at="field"
        ),
    }
    called: ClassVar[str] = "{parent}"

    title: Annotated[Title, Words(problem="must be non-empty text")] = Field(
        description="The page's title as it shows it (or the name of the law)."
    )
    url: Annotated[Url, Words(problem="must be an address starting with http:// or https://")] = (
        Field(description="The page's address, http:// or https://.")
    )


class Fact(AuthorModel):
    """One fact of a country: its text, where it was checked, and when."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say(
            "fact {n} must be a mapping", "write id, text, source and checked under it"
        ),
        "extra": Say('{where} has unknown key "{key}"', "use only id, text, source and checked"),
        "missing": Say('{where} has no "{key}"', "add it, e.g. {example}{why}", at="mapping"),
        "invalid": Say('"{key}" of {where} {problem}', "write it as {example}", at="field"),
    }
    called: ClassVar[str] = 'fact "{id}"'
    called_by_number: ClassVar[str] = "fact {n}"
    checked_first: ClassVar[tuple[str, ...]] = ("id",)

    id: Annotated[
        Slug,
        Words(
            example="id: children-helpline",
            why="",
            problem="must be non-empty text",
            string_pattern_mismatch=Say(
                '"id" "{value}" is not a lowercase slug',
                "use lowercase ASCII letters, digits and hyphens, e.g. children-helpline",
            ),
        ),
    ] = Field(description='How lessons name the fact: {{ fact "<id>" }}.')
    text: Annotated[
        FactText,
        Words(example="text: {texts}", why="", problem="must be text"),
    ] = Field(description="The fact as a lesson shows it, in every language (Markdown).")
    source: Annotated[
        FactSource,
        Words(
            example=_SOURCE_EXAMPLE,
            why=" (the public page you checked the fact against)",
            problem="must be a mapping",
        ),
    ] = Field(description="The public page the fact was checked against.")
    checked: Annotated[
        datetime.date,
        Words(
            example=_CHECKED_EXAMPLE,
            why=" (the day you checked the fact against its source)",
            problem="must be a date written YYYY-MM-DD",
        ),
    ] = Field(description="The day the fact was checked against its source (YYYY-MM-DD).")


class FactsFile(AuthorModel):
    """``facts/<country>.yml``: the laws, services and numbers of one country."""

    messages: ClassVar[dict[str, Say]] = {
        "not_mapping": Say("must be a mapping of keys", "start with country: and facts:"),
        "extra": Say('unknown key "{key}"', "use only country and facts"),
        "missing": Say('missing key "{key}"', "add it, e.g. {example}", at="mapping"),
        "invalid": Say('"{key}" {problem}', "write it as {example}", at="field"),
    }

    country: Annotated[
        LocalText,
        Words(
            example="country: {texts}",
            problem="must be text",
        ),
    ] = Field(description="The country's name in every language.")
    facts: Annotated[
        Items[Fact],
        AtLeast(1),
        Words(
            example="facts: [{id: ..., text: ..., source: ..., checked: ...}]",
            problem="must be a list of facts",
            empty=Say('"facts" is empty', "add at least one fact"),
        ),
    ] = Field(description="The facts, each with text, source and date.")


@dataclass(frozen=True)
class Facts:
    """A loaded facts file: its facts by id, and the file as messages name it."""

    display: str
    by_id: Mapping[str, Fact]
    country: LocalText | None = None
    found: bool = True  # False: the file does not exist (a lesson using a fact fails)

    def get(self, fact_id: str, source: str, line: int | None) -> Fact:
        """The fact ``fact_id``, or an AuthorError at ``source:line`` naming this file."""
        fact = self.by_id.get(fact_id)
        if fact is not None:
            return fact
        if not self.found:
            raise AuthorError(
                source,
                line,
                f'unknown fact "{fact_id}": there is no {self.display}',
                f"write {self.display} (see docs-dev/country-facts.md), "
                "or name your facts file in mkdocs.yml as extra.facts",
            )
        known = ", ".join(sorted(self.by_id)) or "(none)"
        raise AuthorError(
            source,
            line,
            f'unknown fact "{fact_id}": {self.display} has no such id',
            f"add it to {self.display} with text, source and checked, or use one of: {known}",
        )


def facts_file(extra: Mapping[str, object]) -> str:
    """The facts file a build reads: ``extra.facts`` of mkdocs.yml, else the default."""
    chosen = extra.get("facts")
    return chosen if isinstance(chosen, str) and chosen.strip() else DEFAULT_FILE


def load_facts(root: Path, languages: Sequence[str], display: str = DEFAULT_FILE) -> Facts:
    """The facts of ``root / display``; no file gives no facts (a lesson using one fails).

    ``languages``: the course's, which every text of the file gives.
    """
    path = root / display
    if not path.is_file():
        return Facts(display, {}, found=False)
    data = load_yaml(path, display)
    loaded = validate(FactsFile, data, display, languages)
    by_id: dict[str, Fact] = {}
    listed = data["facts"]
    for index, fact in enumerate(loaded.facts):
        if fact.id in by_id:
            raise AuthorError(
                display,
                listed[index].line_of("id") if isinstance(listed[index], MarkedDict) else None,
                f'fact id "{fact.id}" is used twice',
                "give each fact its own id",
            )
        by_id[fact.id] = fact
    return Facts(display, by_id, loaded.country)


def stale(facts: Facts, today: datetime.date) -> list[Fact]:
    """Facts last checked more than :data:`STALE_AFTER` before ``today``."""
    return [f for f in facts.by_id.values() if today - f.checked > STALE_AFTER]


# --- {{ fact "id" }} in a lesson ------------------------------------------------------------

DIRECTIVE = re.compile(r'\{\{[ \t]*fact[ \t]+"(?P<id>[^"\n]*)"[ \t]*\}\}')
CANDIDATE = re.compile(r"\{\{[ \t]*fact\b[^}\n]*\}?\}?")
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")


@dataclass(frozen=True)
class Mark:
    """A fact mark: its 0-based line, where it starts in the line, the id (None: unreadable)."""

    line: int
    start: int
    end: int
    written: str | None


def find_marks(text: str) -> list[Mark]:
    """Every fact mark of ``text`` outside fenced code blocks and code spans, in order."""
    marks = []
    fence: str | None = None
    for index, line in enumerate(text.split("\n")):
        match = _FENCE.match(line)
        if fence is not None:
            closes = match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence)
            if closes and match and not match["rest"].strip():
                fence = None
            continue
        if match:
            fence = match["fence"]
            continue
        if "{{" not in line:
            continue
        code = [span.span() for span in _CODE_SPAN.finditer(line)]
        for candidate in CANDIDATE.finditer(line):
            if any(a <= candidate.start() < b for a, b in code):
                continue
            directive = DIRECTIVE.match(line, candidate.start())
            end = directive.end() if directive else candidate.end()
            written = directive["id"] if directive else None
            marks.append(Mark(index, candidate.start(), end, written))
    return marks


def _source_lines(marks: list[Mark], source_text: str) -> list[int | None]:
    """The author's line (1-based) of each mark.

    MkDocs hands over Markdown without front matter, so the k-th mark of an id on
    the page is the k-th of that id in the file.
    """
    in_source: dict[str | None, list[int]] = {}
    for mark in find_marks(source_text):
        in_source.setdefault(mark.written, []).append(mark.line + 1)
    seen: dict[str | None, int] = {}
    lines: list[int | None] = []
    for mark in marks:
        k = seen.get(mark.written, 0)
        seen[mark.written] = k + 1
        found = in_source.get(mark.written, [])
        lines.append(found[k] if k < len(found) else (found[0] if found else None))
    return lines


@dataclass
class Rendered:
    """A page's Markdown with its facts in place, and the facts it used, in order."""

    markdown: str
    used: list[Fact] = field(default_factory=list)


def source_line(fact: Fact, lang: str) -> str:
    """The Sources line of ``fact``: title (linked) and the date it was checked."""
    title = fact.source.title.replace("[", "\\[").replace("]", "\\]")
    checked = t("facts.checked", lang, date=long_date(fact.checked, lang))
    return f"- [{title}]({fact.source.url}), {checked}"


def render_facts(
    markdown: str, *, facts: Facts, lang: str, source: str, source_text: str
) -> Rendered:
    """Put each fact's text in ``lang`` in place of its mark and list its source.

    The sources go at the end of the section headed ``facts.sources`` (the lesson's
    own Sources), or in a new such section at the end of the page.
    """
    marks = find_marks(markdown)
    if not marks:
        return Rendered(markdown)
    lines_in_source = _source_lines(marks, source_text)
    lines = markdown.split("\n")
    used: list[Fact] = []
    # Right to left within a line, so earlier offsets stay valid.
    for mark, line in sorted(
        zip(marks, lines_in_source, strict=True), key=lambda p: (p[0].line, -p[0].start)
    ):
        if mark.written is None:
            raise AuthorError(
                source,
                line,
                "a fact mark is not readable",
                f"write it as {EXAMPLE}, with the id in double quotes",
            )
        fact = facts.get(mark.written, source, line)
        text = lines[mark.line]
        shown = fact.text[lang].strip()
        if _starts_sentence(text[: mark.start]):
            shown = _capitalised(shown)
        lines[mark.line] = text[: mark.start] + shown + text[mark.end :]
    for mark in marks:
        fact = facts.by_id[str(mark.written)]
        if fact not in used:
            used.append(fact)
    return Rendered(_add_sources(lines, used, lang), used)


_EMPHASIS_END = re.compile(r"[*_]+$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)]|>)?$")


def _starts_sentence(before: str) -> bool:
    """Whether a fact after ``before`` (its line so far) begins a sentence.

    Facts are written to run on inside a sentence ("under article 168 ..."), so one at
    the start of a line, list item, table cell or after a full stop is capitalised.
    """
    rest = _EMPHASIS_END.sub("", before.rstrip()).rstrip()
    return bool(_LIST_MARKER.match(rest)) or rest.endswith(("|", ".", "!", "?"))


def _capitalised(text: str) -> str:
    """``text`` with its first letter (after any Markdown emphasis) in capitals."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char not in "*_«\"'(":
            return text
    return text


_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")


def _add_sources(lines: list[str], used: list[Fact], lang: str) -> str:
    heading = t("facts.sources", lang)
    entries: list[str] = []
    for fact in used:
        entry = source_line(fact, lang)
        if entry not in entries:
            entries.append(entry)
    start = None
    level = 0
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and match["text"].strip() == heading:
            start, level = index, len(match["level"])
    if start is None:
        body = "\n".join(lines).rstrip("\n")
        return body + f"\n\n## {heading}\n\n" + "\n".join(entries) + "\n"
    end = len(lines)
    for index in range(start + 1, len(lines)):
        match = _HEADING.match(lines[index])
        if match and len(match["level"]) <= level:
            end = index
            break
    section = lines[start:end]
    while section and not section[-1].strip():
        section.pop()
    if len(section) == 1:
        section.append("")
    new = [*lines[:start], *section, *entries]
    rest = lines[end:]
    return "\n".join([*new, "", *rest] if rest else new) + ("" if rest else "\n")
