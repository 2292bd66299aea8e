"""Options of the ``aci-progress`` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from aci_course.progress.data import DEFAULT_COURSE_ID


class ProgressConfig(Config):
    """``plugins: - aci-progress: {...}`` in mkdocs.yml."""

    course_id = c.Type(str, default=DEFAULT_COURSE_ID)
    """The course's id in exported progress files and group reports."""

    web_app = c.Type(bool, default=True)
    """A manifest and a Workbox service worker per language (installable over HTTP)."""
