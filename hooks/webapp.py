"""Installable web app: a manifest and a Workbox service worker per language.

- ``on_files`` adds ``manifest.webmanifest`` to each language root (the Workbox
  runtime, from ``node_modules``, is served by ``hooks/vendor_assets.py``);
- ``on_post_build``, once all languages are built, asks workbox-build (through
  ``node`` from PATH, as the Makefile sets it) for the files to precache and writes
  ``sw.js`` into each language root.

Over ``file://`` nothing registers (webapp.js checks), so the USB-stick course is
unchanged. Logic: ``aci_course/progress/webapp.py``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from aci_course.core import minify
from aci_course.core.build_context import current_language, is_outer_build, project_root
from aci_course.course.languages import prefix
from aci_course.progress import webapp


# After i18n's on_files (-100), which would take these for files of the default language.
@event_priority(-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the manifest of the language being built."""
    lang = current_language(config)
    text = webapp.manifest(lang, str(config.site_name), str(config.site_description or ""))
    files.append(File.generated(config, f"{prefix(lang)}manifest.webmanifest", content=text))
    return files


# Once, after i18n's on_post_build (-100) has built the other languages, before
# safe_build (-300) moves the finished site into place.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Minify our assets, then write each language's service worker over the finished site."""
    if not is_outer_build(config):
        return
    version = str(config.extra.get("course_version", "dev"))
    try:
        overrides = Path(str(config.theme.custom_dir or project_root(config) / "overrides"))
        minify.minify_site(project_root(config), overrides, Path(config.site_dir))
    except minify.MinifyError as error:
        raise PluginError(str(error)) from None
    try:
        webapp.write_service_workers(project_root(config), Path(config.site_dir), version)
    except webapp.WebAppError as error:
        raise PluginError(str(error)) from None
