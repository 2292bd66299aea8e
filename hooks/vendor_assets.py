"""Serve third-party front-end files from npm's ``node_modules`` (never from a CDN).

Material's offline plugin would load the iframe-worker shim from unpkg; mkdocs.yml
points ``extra.polyfills`` at our copy, which this hook adds to every build, with the
Workbox runtime the web app's service workers load (``hooks/webapp.py``).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from aci_course.core.build_context import project_root
from aci_course.core.vendor import VendorMissing, vendor_sources
from aci_course.progress import webapp

# site path -> path inside node_modules
VENDOR_FILES = {
    "assets/javascripts/vendor/iframe-worker/shim.js": "iframe-worker/shim/index.js",
}


# After i18n (-100) so the file is not taken for a page of some language.
@event_priority(-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add each vendored file to the site, or stop with how to install it."""
    try:
        sources = vendor_sources(project_root(config), {**VENDOR_FILES, **webapp.vendor_files()})
    except VendorMissing as error:
        raise PluginError(str(error)) from None
    for dest, path in sources.items():
        if files.get_file_from_path(dest) is None:
            files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files
