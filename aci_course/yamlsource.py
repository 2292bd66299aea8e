"""YAML loading that remembers where every value came from.

Mappings load as :class:`MarkedDict` and sequences as :class:`MarkedList`;
both know the 1-based line of themselves and of each key or item, so a
validator can point an author at the exact line of a mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from aci_course.errors import AuthorError


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


class _MarkedLoader(yaml.SafeLoader):
    """SafeLoader whose containers carry their source lines."""


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    result = MarkedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_text(path: Path, display: str) -> str:
    """Read an author's file as UTF-8 (a BOM is allowed), or raise an AuthorError."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AuthorError(
            display,
            None,
            f"cannot be read ({error.strerror})",
            "check that the file exists and is readable",
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise AuthorError(
            display, line, "is not valid UTF-8 text", "save the file with UTF-8 encoding"
        ) from None


def load_yaml(path: Path, display: str) -> Any:
    """Parse ``path`` (named ``display`` in messages) keeping line marks.

    Syntax errors become :class:`AuthorError` with the line YAML reports.
    """
    text = read_text(path, display)
    try:
        return yaml.load(text, Loader=_MarkedLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise AuthorError(
            display,
            line,
            f"YAML syntax error: {problem}",
            "fix the indentation or quoting on this line (values with ':' or '#' need quotes)",
        ) from None
    except yaml.YAMLError as error:
        raise AuthorError(
            display, None, f"YAML error: {error}", "fix the file so that it is valid YAML"
        ) from None
