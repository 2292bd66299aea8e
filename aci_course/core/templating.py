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
        # No stat of the template file on every render: a whole build reads one
        # version; `mkdocs serve` calls forget_templates() before each rebuild.
        auto_reload=False,
    )
    env.globals["t"] = t
    # Compiled once per source, also across builds once a build gave it a folder.
    env.bytecode_cache = template_cache.shared
    return env


def render(template: str, **context: object) -> str:
    """Render ``templates/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)


def forget_templates() -> None:
    """Read the templates again (their compiled code stays while their text is the same)."""
    loaded = environment().cache if environment.cache_info().currsize else None
    if loaded is not None:
        loaded.clear()
