"""Safe build: ``site/`` is replaced only by a complete, successful build.

For ``mkdocs build`` the output goes to ``<site_dir>.partial``; after the last
language is built and nothing failed (strict warnings abort after post_build and
then call on_build_error), ``on_shutdown`` swaps it in. ``mkdocs serve`` builds
into its own temporary folder and is left alone; ``mkdocs serve --clean`` starts
the plugins as for a build, so its first build is swapped in before serving.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from aci_course.core import safe_build
from aci_course.core.build_context import is_outer_build


@dataclass
class _Session:
    """One ``mkdocs build`` command (all its language builds)."""

    active: bool = False
    target: Path | None = None
    complete: bool = False
    failed: bool = False


_session = _Session()


# Order-free: it only resets this hook's own state for the new command.
@event_priority(0)
def on_startup(command: str, dirty: bool) -> None:
    """A new command: only ``build`` is redirected."""
    global _session
    _session = _Session(active=command == "build")


# Before every other handler, so that no plugin sees the real site_dir.
@event_priority(200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Point the first language build (and so all of them) at the partial folder."""
    if _session.active and _session.target is None:
        _session.target = Path(config.site_dir)
        config.site_dir = str(safe_build.partial_dir(_session.target))
    return config


# After everything, once: i18n has built every language by then.
@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    """Note that the whole build (all languages) got to its end."""
    if is_outer_build(config):
        _session.complete = True


# Order-free: it runs once, after the first build, before the server starts.
@event_priority(0)
def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """``mkdocs serve --clean``: serve the first build (rebuilds are not redirected)."""
    if _session.active and _session.target is not None:
        if _session.complete and not _session.failed:
            safe_build.swap_in(safe_build.partial_dir(_session.target), _session.target)
        _session.active = False
    return server


# Order-free: any failure, whoever reports it, marks the build as failed.
@event_priority(0)
def on_build_error(error: Exception) -> None:
    """Any failure, including strict mode's: the partial build is thrown away."""
    _session.failed = True


# Last: every other plugin has finished with the partial folder.
@event_priority(-300)
def on_shutdown() -> None:
    """Swap in the complete build, or discard the unfinished one."""
    if not _session.active or _session.target is None:
        return
    partial = safe_build.partial_dir(_session.target)
    if _session.complete and not _session.failed:
        safe_build.swap_in(partial, _session.target)
    else:
        safe_build.discard(partial)
