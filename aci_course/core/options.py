"""Plugin options whose messages name the fix, not only what was expected.

MkDocs prefixes a message with ``Plugin '<name>' option '<key>':``; these add
``- set it to ...`` after what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


class OneOf(c.Choice[str]):
    """One of a few words, e.g. ``edition: facilitator``."""

    def __init__(self, choices: Sequence[str], **kwargs: Any) -> None:
        super().__init__(tuple(choices), **kwargs)
        self.words = tuple(choices)

    def run_validation(self, value: object) -> Any:
        """The word, or a message naming the words to choose from."""
        if value not in self.words:
            raise ValidationError(
                f"{value!r} is not a choice - set it to one of: {', '.join(self.words)}"
            )
        return value


class Flag(c.Type[bool]):
    """true or false."""

    def __init__(self, default: bool | None = None) -> None:
        super().__init__(bool, default=default)

    def run_validation(self, value: object) -> bool:
        """The flag, or a message asking for true or false."""
        if not isinstance(value, bool):
            raise ValidationError(f"{value!r} is not true or false - set it to true or false")
        return value


class Text(c.Type[str]):
    """A non-empty string, e.g. a folder name."""

    def __init__(self, default: str | None = None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        """The text, or a message asking for one."""
        if not isinstance(value, str) or not value.strip():
            example = f" such as {self.default!r}" if self.default else ""
            raise ValidationError(f"{value!r} is not a text - set it to a text{example}")
        return value
