"""Jinja environment for the HTML the package generates (``templates/``)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from aci_course.core import template_cache
from aci_course.core.texts import t


@cache
def environment() -> Environment:
    """Autoescaping, strict environment with the interface-text function ``t``."""
    env = Environment(
        loader=PackageLoader("aci_course", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["t"] = t
    # Compiled once per source, also across builds once a build gave it a folder.
    env.bytecode_cache = template_cache.shared
    return env


def render(template: str, **context: object) -> str:
    """Render ``templates/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)
