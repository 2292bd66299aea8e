"""Live preview: ``mkdocs serve`` keeps serving when a rebuild finds an author mistake.

An author mistake found while serving is printed as ``path:line: ...`` (MkDocs
logs it) and the server goes on serving the pages it has; MkDocs alone would
hold every request until the mistake is fixed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import Abort, ConfigurationError

from aci_course.core import sources

log = logging.getLogger("mkdocs.plugins.aci.live_preview")


def keep_serving(builder: Callable[[], None]) -> Callable[[], None]:
    """``builder`` for rebuilds: an author mistake is reported, not left hanging."""

    def rebuild() -> None:
        try:
            builder()
        except ConfigurationError as error:  # mkdocs.yml itself: MkDocs names the option
            log.error("mkdocs.yml: %s", error)
            log.error("Still serving the last build: save the fix to rebuild.")
        except Abort:  # the build stopped after logging the author's path:line message
            log.error("Still serving the last build: save the fix to rebuild.")

    return rebuild


def watch(server: Any, root: Any, custom_dir: str | None) -> Any:
    """Watch every source MkDocs does not watch itself; keep serving after a mistake."""
    for path in sources.watched_paths(root, custom_dir):
        server.watch(str(path))
    # Rebuilds call server.builder (the initial build has run already): a failure
    # would otherwise keep every request waiting for a successful build.
    server.builder = keep_serving(server.builder)
    return server
