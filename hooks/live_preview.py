"""Live preview: ``mkdocs serve`` rebuilds when anything the build reads changes.

MkDocs watches ``docs/`` and ``mkdocs.yml`` only; this adds the modules (with their
facilitator material), quizzes, the trainer pages (``facilitator/``), the profiles,
overrides, the package's templates and interface texts and the hooks
(:func:`aci_course.core.sources.watched_paths`). Every rebuild loads the hooks
afresh but keeps the package imported, so the interface texts are re-read here
when ``ui.yml`` changed.

An author mistake found while serving is printed as ``path:line: ...`` (MkDocs
logs it) and the server goes on serving the pages it has; MkDocs alone would
hold every request until the mistake is fixed. ``mkdocs serve`` builds into a
temporary folder of its own and starts the plugins for "serve", so
``safe_build.py`` (``site.partial/``) stays out of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import event_priority

from aci_course.core import sources, texts
from aci_course.core.build_context import project_root

log = logging.getLogger("mkdocs.plugins.aci.live_preview")


def _keep_serving(builder: Callable[[], None]) -> Callable[[], None]:
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


# Before every handler that may use an interface text (static-i18n's on_config is +50).
@event_priority(150)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the interface texts if ``ui.yml`` changed since they were read."""
    texts.reload_if_changed()
    return config


# Order-free: it only adds paths to the server's watch list.
@event_priority(0)
def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Watch every source of the build that MkDocs does not watch itself."""
    loaded: Any = config.hooks  # name -> module at run time (MkDocs types it as a list)
    modules = loaded.values() if isinstance(loaded, dict) else loaded
    hook_files = [getattr(module, "__file__", None) for module in modules]
    for path in sources.watched_paths(project_root(config), config.theme.custom_dir, hook_files):
        server.watch(str(path))
    # Rebuilds call server.builder (the initial build has run already): a failure
    # would otherwise keep every request waiting for a successful build.
    server.builder = _keep_serving(server.builder)
    return server
