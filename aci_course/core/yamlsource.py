"""YAML loading that remembers where every value came from.

Mappings load as :class:`MarkedDict` and sequences as :class:`MarkedList`;
both know the 1-based line of themselves and of each key or item, so a
validator can point an author at the exact line of a mistake.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

from aci_course.core.errors import AuthorError
from aci_course.core.stamped import RECENT_NS


class MarkedDict(dict[str, Any]):
    """A YAML mapping with the line of the mapping and of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of ``key`` if present, else of the mapping itself."""
        return self.key_lines.get(key, self.line)


class MarkedList(list[Any]):
    """A YAML sequence with the line of the sequence and of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        """Line of item ``index`` if present, else of the sequence itself."""
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


MAX_TEXT_BYTES = 1_000_000
"""Largest lesson, page or YAML file (1 MB): ten times the longest real lesson."""

GENERIC_FIX = "fix the indentation or quoting on this line (values with ':' or '#' need quotes)"


class _Problem(yaml.MarkedYAMLError):
    """A mistake our loader itself detects, with the fix to show."""

    def __init__(self, mark: yaml.Mark, problem: str, fix: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


class _MarkedLoader(yaml.SafeLoader):
    """SafeLoader whose containers carry their source lines.

    Aliases (``*name``) are refused: course files are copied into other courses and
    read by translators, so every value is written out, and an alias of an alias
    (a "billion laughs" file) cannot blow up the build.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Problem(
                event.start_mark,
                f'YAML alias "*{getattr(event, "anchor", "")}" is not allowed in course files',
                "write the value out in full where it is needed",
            )
        return super().compose_node(parent, index)


_Constructor = Any  # _MarkedLoader or _FastLoader


def _construct_mapping(loader: _Constructor, node: yaml.MappingNode) -> MarkedDict:
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise _Problem(
                key_node.start_mark,
                f'key "{key}" appears twice (first on line {result.key_lines[key]})',
                "keep one of them: YAML would silently use only the last",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Constructor, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _unknown_tag(loader: _Constructor, suffix: str, node: yaml.Node) -> Any:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise _Problem(
        node.start_mark,
        f'YAML tag "{tag}" is not allowed in course files',
        "remove the tag: course files hold only texts, numbers, true/false, lists and mappings",
    )


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same constructors on libyaml's parser: five to ten times faster.

    It is tried first; on any error, or an alias, the file is read again by
    :class:`_MarkedLoader`, whose messages (and refusal of aliases) are the ones
    authors see.
    """


for _loader in (_MarkedLoader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_multi_constructor("", _unknown_tag)


class _NotFast(Exception):
    """The fast path cannot give the answer: read the file with the Python parser."""


def _has_alias(root: yaml.Node) -> bool:
    """True when a node is reached twice (libyaml resolves an alias to its anchor's node)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _load_fast(text: str) -> Any:
    loader = _FastLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            raise _NotFast from None
        if node is None:
            return None
        if _has_alias(node):
            raise _NotFast
        try:
            return loader.construct_document(node)
        except (yaml.YAMLError, RecursionError):
            raise _NotFast from None
    finally:
        loader.dispose()


# Parsed files by path: (text, data). static-i18n builds the site once per language
# and every build reads every module.yml and quiz file; a file whose text has not
# changed is parsed once. The data is shared: callers must not change it.
_parsed: dict[Path, tuple[str, Any]] = {}


# Texts of author files by path, with the (modification time, size) they were read at.
# A page's file is read by several steps of each language build (content safety,
# facts, figures, plain versions, quizzes); an unchanged file is read once. A file
# modified in the last RECENT_NS is read again every time: two saves within one
# tick of the file system's clock can keep its time and size (see core/stamped.py).
_texts: dict[Path, tuple[tuple[int, int], str]] = {}


def read_text(path: Path, display: str) -> str:
    """Read an author's file as UTF-8 (a BOM is allowed), or raise an AuthorError.

    Line ends are kept as they are: callers count lines by line feeds.
    """
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
        kept = _texts.get(path)
        if kept is not None and kept[0] == stamp and time.time_ns() - stamp[0] >= RECENT_NS:
            return kept[1]
        size = info.st_size
        if size > MAX_TEXT_BYTES:
            raise AuthorError(
                display,
                None,
                f"is {size / 1_000_000:.1f} MB, more than the {MAX_TEXT_BYTES // 1_000_000} MB "
                "a course text file may have",
                "split it into smaller files (several lessons, or one quiz file per module); "
                "images and other media belong in media/",
            )
        raw = path.read_bytes()
    except OSError as error:
        raise AuthorError(
            display,
            None,
            f"cannot be read ({error.strerror})",
            "check that the file exists and is readable",
        ) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AuthorError(display, 1, "is saved as UTF-16 text", "save the file as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise AuthorError(
            display, line, "is not valid UTF-8 text", "save the file with UTF-8 encoding"
        ) from None
    _texts[path] = (stamp, text)
    return text


def _explain(error: yaml.MarkedYAMLError) -> tuple[int | None, str, str]:
    """``(line, problem, fix)`` in an author's words for a YAML error."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = (error.problem or error.context or "invalid YAML").strip()
    context = (error.context or "").strip()
    if isinstance(error, _Problem):
        return line, problem, error.fix
    if "'\\t'" in problem:
        return line, "a tab character", "indent and separate with spaces: YAML does not allow tabs"
    if context == "while scanning a quoted scalar" and error.context_mark is not None:
        return (
            error.context_mark.line + 1,
            "a quoted text starts here and is never closed",
            "add the closing quote at the end of the text",
        )
    if "another document" in problem:
        return (
            line,
            'a second YAML document starts here ("---")',
            "remove the --- line: a course file holds one document",
        )
    if problem.startswith("found unknown escape character"):
        escape = problem.rsplit(" ", 1)[-1].strip("'")
        return (
            line,
            f'unknown escape "\\{escape}" in a double-quoted text',
            "write a backslash as two (\\\\), or put the text in single quotes",
        )
    if problem == "mapping values are not allowed here":
        return (
            line,
            'a ": " where YAML does not expect a new key',
            'put the whole text in quotes (e.g. summary: "Time: 90 minutes"), '
            "or fix the indentation of this line",
        )
    if problem == "could not find expected ':'":
        return (
            error.context_mark.line + 1 if error.context_mark is not None else line,
            'a line that is not "key: value" inside a mapping',
            'add ": " after the key, or indent a continued text under its key',
        )
    if context == "while parsing a flow node":
        return (
            line,
            "this line is inside a [ ] or { } that an earlier line opened and did not close",
            'close that bracket, or write the list as lines starting with "- " without brackets',
        )
    if context.startswith("while parsing a block"):
        return (
            line,
            "the indentation of this line does not match the lines above",
            "indent keys or list items of one level by the same number of spaces",
        )
    return line, f"YAML syntax error: {problem}", GENERIC_FIX


def load_yaml(path: Path, display: str) -> Any:
    """Parse ``path`` (named ``display`` in messages) keeping line marks.

    Every failure becomes an :class:`AuthorError` with the line and a fix: syntax
    errors, tabs, unclosed quotes, duplicate keys, aliases, tags, characters YAML
    refuses and nesting too deep to read. An unchanged file is parsed only once per
    process (same text, same data); the data is shared and must be treated as read-only.
    """
    text = read_text(path, display)
    key = path.resolve()
    cached = _parsed.get(key)
    if cached is not None and cached[0] == text:
        return cached[1]
    try:
        try:
            data = _load_fast(text)
        except _NotFast:
            data = yaml.load(text, Loader=_MarkedLoader)
    except yaml.MarkedYAMLError as error:
        raise AuthorError(display, *_explain(error)) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise AuthorError(
            display,
            line,
            f"contains a control character YAML does not allow (#x{error.character:04x})",
            "delete it (it often comes with text pasted from another program)",
        ) from None
    except RecursionError:
        raise AuthorError(
            display, None, "is nested too deeply to read", "write lists and mappings flatter"
        ) from None
    except yaml.YAMLError as error:
        raise AuthorError(
            display, None, f"YAML error: {error}", "fix the file so that it is valid YAML"
        ) from None
    _parsed[key] = (text, data)
    return data
