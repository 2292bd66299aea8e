"""The project configuration: ``mkdocs.yml`` as MkDocs loads it, read in one place.

The build gets it from MkDocs; the exports load it with :func:`load_project_config`,
which is MkDocs' own ``load_config`` (so ``INHERIT``, ``!ENV`` and the Markdown
extensions' Python tags mean what they mean in a build).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from aci_course.core.build_context import course_languages
from aci_course.core.errors import AuthorError


def _missing_version() -> AuthorError:
    return AuthorError(
        "mkdocs.yml",
        None,
        "extra.course_version is missing",
        'add it, e.g. extra: {course_version: "2026.1"}',
    )


class ProjectConfigError(Exception):
    """``mkdocs.yml`` cannot be loaded: one line, no traceback."""


def course_version(config: Any) -> str:
    """``extra.course_version`` of a loaded configuration, e.g. ``2026.1``.

    Raises :class:`AuthorError` (the one message) when it is missing or empty.
    """
    version = config["extra"].get("course_version")
    if not isinstance(version, str | int | float) or isinstance(version, bool):
        raise _missing_version()
    text = str(version).strip()
    if not text:
        raise _missing_version()
    return text


class _Collect(logging.Handler):
    """The errors MkDocs logs while it validates the file."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_project_config(config_file: Path) -> MkDocsConfig:
    """``config_file`` (INHERIT honoured) as MkDocs validates it, plugins loaded.

    MkDocs' own warnings about the file are left to the build; a file that does not
    validate is a :class:`ProjectConfigError` naming the file and MkDocs' reason.
    """
    if not config_file.is_file():
        raise ProjectConfigError(
            f"{config_file}: not found - run aci-course from the course folder"
        )
    config_log = logging.getLogger("mkdocs.config")
    collect = _Collect()
    propagate = config_log.propagate
    config_log.addHandler(collect)
    config_log.propagate = False  # the build reports them; here they become one line
    try:
        return load_config(str(config_file))
    except (ConfigurationError, Abort) as error:
        reason = "; ".join(collect.messages) or str(error)
        raise ProjectConfigError(f"{config_file.name}: {reason} - fix the file") from None
    finally:
        config_log.removeHandler(collect)
        config_log.propagate = propagate


def configured_languages(config_file: Path) -> tuple[str, ...]:
    """The languages of the project configured in ``config_file``, the default first."""
    return course_languages(load_project_config(config_file))
