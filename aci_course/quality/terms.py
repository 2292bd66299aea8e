"""Terminology sheets: one word for one concept in each language.

``spelling/terms.<lang>.yml`` lists, for each concept, the preferred term, the
forms to avoid and why. A form to avoid is a phrase matched without regard to
case, word by word; a word ending in ``*`` matches any ending (``родн* сям'*``
is every case of "родная сям'я"), and the three apostrophes ' ’ ʼ are one. A
form inside quotation marks ("…", «…», “…”) is a mention, as when a lesson
says which words to avoid, and is not reported.

``find_avoided`` looks through everything written in the language: site pages,
lessons and facilitator material (outside fenced code, code spans and link
targets), the language's texts in quiz files, ``module.yml`` and the interface
strings, and returns one ``Problem``-like finding per line with ``path:line``
and the preferred term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from aci_course.core.errors import AuthorError

APOSTROPHES = "'\u2019\u02bc"
_LETTER = rf"[^\W\d_]|[{APOSTROPHES}](?=[^\W\d_])"
# Quoted stretches: a form inside them is named, not used.
QUOTED = re.compile(r"\"[^\"\n]*\"|«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# Parts of a Markdown line a reader does not see as prose.
HIDDEN = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+|<!--.*?-->")
FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Term:
    """One concept of a sheet: the preferred term and the forms to avoid."""

    concept: str
    preferred: str
    avoid: tuple[str, ...]
    reason: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Finding:
    """A form to avoid at ``path:line``."""

    path: str
    line: int
    found: str
    term: Term

    @property
    def what(self) -> str:
        """What is wrong, for the author."""
        return f'"{self.found}" is a form to avoid ({self.term.concept})'

    @property
    def fix(self) -> str:
        """How to fix it: the preferred term and why."""
        return f'write "{self.term.preferred}" - {self.term.reason}'

    def __str__(self) -> str:
        return str(AuthorError(self.path, self.line, self.what, self.fix))


def compile_form(form: str) -> re.Pattern[str]:
    """The regular expression of one form to avoid (see the module docstring)."""
    parts: list[str] = []
    for word in form.split():
        stem, wildcard = (word[:-1], True) if word.endswith("*") else (word, False)
        piece = "".join(f"[{APOSTROPHES}]" if ch in APOSTROPHES else re.escape(ch) for ch in stem)
        parts.append(piece + (f"(?:{_LETTER})*" if wildcard else ""))
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w{APOSTROPHES}]){body}(?![\w{APOSTROPHES}])", re.IGNORECASE)


def _node_line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_sheet(path: Path, root: Path) -> list[Term]:
    """The terms of ``path``; a malformed sheet is an AuthorError with its line."""
    rel = path.relative_to(root).as_posix()
    try:
        tree = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise AuthorError(rel, line, "not valid YAML", "fix the YAML syntax") from error
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list) or tree is None:
        raise AuthorError(rel, 1, "no terms list", 'write "terms:" with one entry per concept')
    nodes = next(v for k, v in tree.value if k.value == "terms").value
    terms: list[Term] = []
    for entry, node in zip(entries, nodes, strict=True):
        line = _node_line(node)
        if not isinstance(entry, dict):
            raise AuthorError(
                rel, line, "a term is not a mapping", "give concept, preferred, avoid, reason"
            )
        missing = [k for k in ("concept", "preferred", "avoid", "reason") if not entry.get(k)]
        if missing:
            raise AuthorError(rel, line, f"the term has no {', '.join(missing)}", "fill them in")
        avoid = entry["avoid"]
        if isinstance(avoid, str):
            avoid = [avoid]
        if not isinstance(avoid, list) or not all(isinstance(a, str) and a.strip() for a in avoid):
            raise AuthorError(
                rel, line, "avoid is not a list of phrases", 'write avoid: ["form", ...]'
            )
        terms.append(
            Term(
                concept=str(entry["concept"]),
                preferred=str(entry["preferred"]),
                avoid=tuple(avoid),
                reason=str(entry["reason"]),
                patterns=tuple(compile_form(form) for form in avoid),
            )
        )
    return terms


def sheet_path(root: Path, lang: str) -> Path:
    """Where the terminology sheet of ``lang`` lives."""
    return root / "spelling" / f"terms.{lang}.yml"


def _markdown_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, text, in front matter) of the lines a reader sees."""
    lines = text.splitlines()
    front = bool(lines) and lines[0].strip() == "---"
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        if front:
            if number > 1 and FRONT_MATTER_END.match(line):
                front = False
                continue
            if number > 1:
                yield number, line, True
            continue
        marker = FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        yield number, HIDDEN.sub(" ", line), False


def _yaml_texts(path: Path, lang: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every value under a ``lang`` key of a YAML file."""
    tree = yaml.compose(path.read_text(encoding="utf-8"))
    stack: list[yaml.Node] = [tree] if tree is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if getattr(key, "value", None) == lang:
                    values = value.value if isinstance(value, yaml.SequenceNode) else [value]
                    for item in values:
                        if isinstance(item, yaml.ScalarNode):
                            yield _node_line(item), str(item.value)
                else:
                    stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _check(text: str, terms: list[Term], keep_quoted: bool) -> Iterator[tuple[str, Term]]:
    # A quoted stretch becomes blanks so the words around it cannot join across it.
    seen = text if keep_quoted else QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    for term in terms:
        for pattern in term.patterns:
            for match in pattern.finditer(seen):
                yield match.group(0), term


def texts(root: Path, lang: str, pages: list[Path]) -> Iterator[tuple[Path, int, str, bool]]:
    """(file, line, text, in front matter) of ``pages`` and of the YAML texts in ``lang``."""
    for page in pages:
        for number, line, front in _markdown_lines(page.read_text(encoding="utf-8")):
            yield page, number, line, front
    yaml_files = (
        sorted(root.glob("quizzes/*.yml"))
        + sorted(root.glob("modules/*/module.yml"))
        + sorted(root.glob("modules/*/figures/*.yml"))
        + sorted(root.glob("aci_course/data/ui.yml"))
    )
    for path in yaml_files:
        for number, text in _yaml_texts(path, lang):
            yield path, number, text, False


def find_avoided(root: Path, lang: str, pages: list[Path]) -> list[Finding]:
    """Every form to avoid of ``spelling/terms.<lang>.yml`` in ``pages`` and the YAML texts.

    ``pages`` are the Markdown files written in ``lang`` (``content_report.site_pages``).
    """
    sheet = sheet_path(root, lang)
    if not sheet.is_file():
        return []
    terms = load_sheet(sheet, root)
    findings: list[Finding] = []
    for path, number, text, front in texts(root, lang, pages):
        for found, term in _check(text, terms, keep_quoted=front):
            findings.append(Finding(path.relative_to(root).as_posix(), number, found, term))
    return findings
