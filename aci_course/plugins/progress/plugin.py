"""``aci-progress``: lesson "done" toggles, progress and group-report pages, the web app.

- the course map of each language (:mod:`aci_course.progress.build`), with
  ``progress.html``, ``group-report.html`` and ``progress-data.<lang>.js``;
- every page gets the header's progress link (a lesson's "done" toggle is drawn by
  progress-lesson.js, its texts from the language's interface texts);
- web app (:mod:`aci_course.progress.webapp`): ``manifest.webmanifest`` in each
  language root, the Workbox runtime from node_modules, and, once all languages are
  built, ``sw.js`` per language. Over ``file://`` nothing registers (webapp.js checks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from aci_course.core.build_context import (
    course_languages,
    current_language,
    is_outer_build,
    project_root,
)
from aci_course.core.disk_cache import DiskCache
from aci_course.core.errors import stop_build
from aci_course.core.priorities import PRIORITY
from aci_course.core.project import course_version
from aci_course.core.vendor import VendorMissing, add_vendor_files
from aci_course.course.languages import prefix
from aci_course.plugins.progress.config import ProgressConfig
from aci_course.progress import build, webapp


class ProgressPlugin(BasePlugin[ProgressConfig]):
    """Reader progress on the reader's device (see the module's docstring)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.progress: build.ProgressBuild | None = None
        self.version = ""

    @event_priority(PRIORITY.progress_config)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make the course map and map script of the language being built."""
        with stop_build():
            self.version = course_version(config)
            if is_outer_build(config) or self.progress is None:
                self.progress = build.ProgressBuild(project_root(config), course_languages(config))
        self.progress.start_language(
            current_language(config), self.config.course_id, self.version, str(config.site_name)
        )
        return config

    @event_priority(PRIORITY.files_add)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The two pages and the map script; the web app's manifest and runtime."""
        assert self.progress is not None
        lang = current_language(config)
        if self.config.web_app:
            try:
                add_vendor_files(files, config, project_root(config), webapp.vendor_files())
            except VendorMissing as error:
                raise PluginError(str(error)) from None
        self.progress.add_files(files, config, lang)
        if self.config.web_app:
            text = webapp.manifest(lang, str(config.site_name), str(config.site_description or ""))
            files.append(
                File.generated(config, f"{prefix(lang)}manifest.webmanifest", content=text)
            )
        return files

    @event_priority(PRIORITY.page_context)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """The header's progress link and the map script, for a page."""
        return build.page_context(context, current_language(config), page)

    @event_priority(PRIORITY.page_context)
    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The header's link (no progress scripts) for pages rendered from a template (404.html)."""
        return build.page_context(context, current_language(config), None)

    @event_priority(PRIORITY.site_end)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write each language's service worker over the finished site."""
        if not (self.config.web_app and is_outer_build(config)):
            return
        try:
            root = project_root(config)
            webapp.write_service_workers(
                root, Path(config.site_dir), self.version, DiskCache.at(root, "precache")
            )
        except webapp.WebAppError as error:
            raise PluginError(str(error)) from None
