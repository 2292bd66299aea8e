"""Session plans: ``modules/<id>/facilitator/<lang>/session-plan.md``, validated.

A plan has a ``title:`` in front matter and six ``##`` sections whose headings are
in the file's language but whose ids are fixed (``{#objectives}`` ...). The agenda
is a Markdown table whose first column is a whole number of minutes; the minutes
add up to the module's ``duration_minutes``. A language without a plan shows the
Russian one (with the same notice as a lesson).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.sources import code_lines, meta_text, read_source
from aci_course.core.yamlsource import read_text
from aci_course.course.modules import Module

PLAN_NAME = "session-plan.md"
SECTIONS = ("objectives", "agenda", "methods", "materials", "preparation", "evaluation")
SECTION_HEADING = re.compile(r"^##[ \t]+(?P<text>.*?)[ \t]*\{#(?P<id>[A-Za-z0-9_-]+)\}[ \t]*$")
SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")

EXAMPLE_HEADINGS = (
    "## Objectives {#objectives}, ## Agenda {#agenda}, ## Methods {#methods}, "
    "## Materials and handouts {#materials}, ## Preparation {#preparation}, "
    "## Evaluation {#evaluation}"
)


@dataclass(frozen=True)
class AgendaRow:
    """One timed step of the session."""

    minutes: int
    activity: str
    line: int


@dataclass(frozen=True)
class SessionPlan:
    """A validated session plan of one module in one language."""

    module: str
    lang: str
    source: str  # "modules/<id>/facilitator/<lang>/session-plan.md"
    path: Path
    title: str
    sections: dict[str, int]  # section id -> line of its heading
    agenda: tuple[AgendaRow, ...]

    @property
    def total_minutes(self) -> int:
        """The agenda's minutes added up."""
        return sum(row.minutes for row in self.agenda)


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row (outer pipes optional)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def parse_plan(text: str, source: str, module_id: str, duration: int) -> SessionPlan:
    """Check the structure and the agenda arithmetic of one plan's text."""
    read = read_source(text)
    lines = read.text.splitlines()
    body_start = read.body_line
    title = meta_text(read.meta, "title")
    if not title:
        raise AuthorError(
            source,
            1,
            "the session plan has no title",
            'start the file with front matter: ---, title: "...", ---',
        )
    sections: dict[str, int] = {}
    agenda_lines: list[tuple[int, str]] = []
    current: str | None = None
    code = code_lines(lines)
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        if code[number - 1]:
            continue
        heading = SECTION_HEADING.match(line)
        if heading:
            section = heading.group("id")
            if section not in SECTIONS:
                raise AuthorError(
                    source,
                    number,
                    f"unknown section id {{#{section}}}",
                    "use one of " + ", ".join(f"{{#{s}}}" for s in SECTIONS),
                )
            if section in sections:
                raise AuthorError(
                    source,
                    number,
                    f"section {{#{section}}} appears twice (first on line {sections[section]})",
                    "keep one section of each kind",
                )
            sections[section] = number
            current = section
            continue
        if line.startswith("## "):
            current = None  # a section of the author's own: not the agenda any more
        if current == "agenda" and line.lstrip().startswith("|"):
            agenda_lines.append((number, line))
    missing = [s for s in SECTIONS if s not in sections]
    if missing:
        raise AuthorError(
            source,
            len(lines) or 1,
            "the session plan lacks the section"
            + ("s " if len(missing) > 1 else " ")
            + ", ".join(f"{{#{s}}}" for s in missing),
            f"add the heading, e.g. ## ... {{#{missing[0]}}}; a plan has six sections: "
            + EXAMPLE_HEADINGS,
        )
    order = sorted(SECTIONS, key=lambda s: sections[s])
    if order != list(SECTIONS):
        wrong = next(s for s, expected in zip(order, SECTIONS, strict=True) if s != expected)
        raise AuthorError(
            source,
            sections[wrong],
            f"section {{#{wrong}}} is out of order",
            "keep the sections in this order: " + ", ".join(f"{{#{s}}}" for s in SECTIONS),
        )
    rows = _agenda(agenda_lines, source, sections["agenda"])
    total = sum(row.minutes for row in rows)
    if total != duration:
        raise AuthorError(
            source,
            sections["agenda"],
            f"the agenda adds up to {total} minutes, but module.yml says duration_minutes: "
            f"{duration}",
            "change the minutes in the agenda table, or duration_minutes in "
            f"modules/{module_id}/module.yml, so that they match",
        )
    lang = Path(source).parent.name
    return SessionPlan(
        module=module_id,
        lang=lang,
        source=source,
        path=Path(source),
        title=title,
        sections=sections,
        agenda=tuple(rows),
    )


def _agenda(table: list[tuple[int, str]], source: str, heading_line: int) -> list[AgendaRow]:
    """The timed rows of the agenda table (its header and separator rows skipped)."""
    if len(table) < 3 or not all(SEPARATOR_CELL.match(c) for c in _cells(table[1][1]) if c):
        raise AuthorError(
            source,
            heading_line,
            "the agenda has no table of timed steps",
            "add a table under the heading: | Minutes | Activity | Method | Materials |, "
            "then | ---: | --- | --- | --- |, then one row per step starting with its minutes",
        )
    rows: list[AgendaRow] = []
    for number, line in table[2:]:
        cells = _cells(line)
        first = cells[0] if cells else ""
        if not first.isdigit() or not first.isascii():
            raise AuthorError(
                source,
                number,
                f'the agenda row starts with "{first}", not a whole number of minutes',
                "write the minutes as a whole number in the first column, e.g. | 10 | ... |",
            )
        rows.append(
            AgendaRow(minutes=int(first), activity=cells[1] if len(cells) > 1 else "", line=number)
        )
    return rows


def plan_source(module_id: str, lang: str, name: str = PLAN_NAME) -> str:
    """The author's path of a facilitator file, as messages name it."""
    return f"modules/{module_id}/facilitator/{lang}/{name}"


def load_plans(module: Module, root: Path) -> dict[str, SessionPlan]:
    """The module's plans by language as written (a missing language is absent).

    A module may have no plan at all; one that has a plan in any language has a
    Russian one, which the other languages fall back to.
    """
    plans: dict[str, SessionPlan] = {}
    for lang in LANGUAGES:
        source = plan_source(module.id, lang)
        path = root / source
        if not path.is_file():
            continue
        plan = parse_plan(read_text(path, source), source, module.id, module.duration_minutes)
        plans[lang] = SessionPlan(**{**plan.__dict__, "path": path})
    if plans and DEFAULT_LANGUAGE not in plans:
        first = next(iter(plans.values()))
        raise AuthorError(
            first.source,
            None,
            "there is no Russian session plan to fall back to",
            f"write {plan_source(module.id, DEFAULT_LANGUAGE)} (Russian is the source language)",
        )
    return plans


def facilitator_pages(module: Module, root: Path) -> dict[str, dict[str, Path]]:
    """Every ``.md`` of ``facilitator/<lang>/`` by file name, then language."""
    found: dict[str, dict[str, Path]] = {}
    folder = root / "modules" / module.id / "facilitator"
    for lang in LANGUAGES:
        for path in sorted((folder / lang).glob("*.md")):
            found.setdefault(path.name, {})[lang] = path
    for name, by_lang in found.items():
        if DEFAULT_LANGUAGE not in by_lang:
            raise AuthorError(
                plan_source(module.id, next(iter(by_lang)), name),
                None,
                "there is no Russian file of this name to fall back to",
                f"write {plan_source(module.id, DEFAULT_LANGUAGE, name)} "
                "(Russian is the source language)",
            )
    return found


def shown_language(available: dict[str, Path] | dict[str, SessionPlan], lang: str) -> str:
    """The language a ``lang`` reader is shown: its own, else Russian."""
    return lang if lang in available else DEFAULT_LANGUAGE
