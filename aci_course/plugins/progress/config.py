"""Options of the ``aci-progress`` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config

from aci_course.core.options import Flag, Text
from aci_course.progress.data import DEFAULT_COURSE_ID


class ProgressConfig(Config):
    """``plugins: - aci-progress: {...}`` in mkdocs.yml."""

    course_id = Text(DEFAULT_COURSE_ID)
    """The course's id in exported progress files and group reports."""

    web_app = Flag(True)
    """A manifest and a Workbox service worker per language (installable over HTTP)."""
