"""Options of the ``aci-quiz`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from aci_course import LANGUAGES
from aci_course.core.options import Flag, OneOf, Text


class QuizConfig(Config):
    """``plugins: - aci-quiz: {...}`` in mkdocs.yml; every option has a default."""

    quizzes_dir = Text("quizzes")
    """Folder (beside mkdocs.yml) of the quiz files, one ``<group>.yml`` per module."""

    language = c.Optional(OneOf(LANGUAGES))
    """Language of the quiz texts; by default the language static-i18n is building,
    or else ``theme.language``."""

    course_version = c.Optional(Text())
    """Prefix of the browser storage keys; by default ``extra.course_version``."""

    assets = c.Optional(Flag())
    """Add the quiz script and stylesheet to every page; by default only when the
    site's ``extra_javascript`` does not load a ``quiz.js`` already (a plain Material
    site such as ``examples/quiz-only``)."""
