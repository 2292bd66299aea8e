"""Compile Material's templates and our overrides once per process, not once per language.

See :mod:`aci_course.core.template_cache`. Output is unchanged: the cache holds
the code Jinja would compile from the same source with the same settings.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from aci_course.core import template_cache


# Order-free: templates are compiled on first use, after every on_env handler, and
# the cache key is taken then (static-i18n's extension included).
@event_priority(0)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme's environment reuse templates compiled by an earlier build."""
    env.bytecode_cache = template_cache.shared
    return env
