"""Author errors: ``path:line: what is wrong - how to fix it``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError


class AuthorError(Exception):
    """A mistake in course content that an author can fix.

    ``str()`` gives the one-line message MkDocs prints; plugins turn it into a
    ``PluginError`` so the build stops without a traceback.
    """

    def __init__(self, path: str | Path, line: int | None, problem: str, fix: str) -> None:
        self.path = Path(path).as_posix()
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.problem} - {self.fix}"


@contextmanager
def stop_build() -> Iterator[None]:
    """An :class:`AuthorError` inside stops the build with its one line, no traceback."""
    try:
        yield
    except AuthorError as error:
        raise PluginError(str(error)) from None
