"""The theme's files listed once per ``mkdocs build``, not once per language build.

Before each build MkDocs lists every file of the theme's folders to copy the static
ones (``Files.add_files_from_theme``: ``env.list_templates`` with a filter). Material's
folder holds some 14,500 files, most of them the SVGs of its icon sets, and
static-i18n runs one build per language, so one ``mkdocs build`` walked and filtered
them three times: about 0.05 s of CPU each (issue 22). The listing depends only on
the theme's folders and on what the filter leaves out, which do not change during a
``build`` command; :class:`ListingOnce` keeps the first answer for the rest of the
command. ``mkdocs serve`` does not use it: a file added to ``overrides/`` between two
rebuilds must be found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from mkdocs.theme import Theme

_WRAPPED = "_aci_listing_once"


class ListingOnce:
    """Keeps the theme's file listings of one ``mkdocs build`` command."""

    def __init__(self) -> None:
        self.listed: dict[tuple[Any, ...], list[str]] = {}

    def _key(self, theme: Theme, extensions: Any, filter_func: Any) -> tuple[Any, ...]:
        # MkDocs makes its filter anew for every build: the same code, closing over the
        # configuration, whose part it reads (static templates) is in the key too.
        code = getattr(filter_func, "__code__", filter_func)
        # Each folder once: static-i18n puts its sitemap folder in front of the theme's
        # folders again in every language build, and a folder listed twice adds nothing
        # (Jinja's loader gives the set of names it finds).
        return (
            tuple(dict.fromkeys(theme.dirs)),
            tuple(extensions or ()),
            code,
            tuple(sorted(theme.static_templates)),
        )

    def wrap(self, theme: Theme) -> None:
        """Make ``theme``'s environments answer a listing asked before from this one."""
        if getattr(theme, _WRAPPED, None) is self:
            return
        make_env: Callable[[], Environment] = theme.get_env

        def get_env() -> Environment:
            env = make_env()
            list_templates = env.list_templates

            def listed(extensions: Any = None, filter_func: Any = None) -> list[str]:
                key = self._key(theme, extensions, filter_func)
                if key not in self.listed:
                    self.listed[key] = list_templates(extensions, filter_func)
                return list(self.listed[key])

            setattr(env, "list_templates", listed)  # noqa: B010 - an instance's method
            return env

        setattr(theme, "get_env", get_env)  # noqa: B010 - an instance's method
        setattr(theme, _WRAPPED, self)
