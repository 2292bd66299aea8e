"""Options of the ``aci-editions`` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config

from aci_course.core.options import OneOf
from aci_course.editions import FACILITATOR, LEARNER


class EditionsConfig(Config):
    """``plugins: - aci-editions: {...}`` in mkdocs.yml."""

    edition = OneOf((LEARNER, FACILITATOR), default=LEARNER)
    """``learner`` (mkdocs.yml) or ``facilitator`` (mkdocs-facilitator.yml sets it)."""
