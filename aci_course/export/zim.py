"""ZIM files for Kiwix: ``dist/zim/aci-course-<lang>.zim``, one per language.

Kiwix's reader aids (search, random page, language filters of its libraries)
expect one language per file, so each ZIM holds one language's pages and the
shared files they use, at the same relative places as in ``site/``: a Belarusian
page's ``../assets/...`` and ``../modules/<id>/media/...`` keep working.

The writer is Debian's ``zimwriterfs`` (zim-tools), run as a separate program.
Not the Python binding ``libzim``: it is GPL-3.0, and importing it would bind this
MIT-licensed exporter to the GPL; running a GPL program as a separate process does
not. ``zimwriterfs`` also builds the Xapian full-text index Kiwix's own search uses
(on unless ``--withoutFTIndex``), and sets the ``Date`` metadata to the day it runs.

Inside Kiwix the pages must not behave as the installable web app: Kiwix serves
every ZIM from one origin and (in Kiwix JS) runs its own service worker. So the
export rewrites each page (lxml.html): the web-app script goes, and ``<html>``
carries ``data-aci-storage-scope`` (the ZIM's name, e.g. ``aci-course_be``),
which the front end adds to its storage keys so two ZIMs never share answers.
Links to another language's pages, which this file does not hold, lose their
``href`` (the language selector loses those entries) rather than lead nowhere.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml.html import HtmlElement
from mkdocs.config.defaults import MkDocsConfig

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.project import ProjectConfigError, load_project_config
from aci_course.course.languages import prefix
from aci_course.export.project import ExportError
from aci_course.export.scorm import WEB_APP_SCRIPT, is_web_app_file

ISO_639_3 = {"ru": "rus", "be": "bel", "en": "eng"}
"""Kiwix wants ISO 639-3 language codes in the ``Language`` metadata."""

STORAGE_SCOPE = "data-aci-storage-scope"
"""The ``<html>`` attribute the front end's storage keys add when present (ZIM only)."""

ILLUSTRATION = "assets/images/zim-illustration-48.png"
ILLUSTRATION_SIZE = 48
TAGS = ("_category:other", "_pictures:yes", "_videos:no", "_details:yes", "education", "inclusion")
# openZIM metadata limits (https://wiki.openzim.org/wiki/Metadata): zimcheck reports longer ones.
TITLE_MAX = 30
DESCRIPTION_MAX = 80

# Files of the web app (service worker, manifest, Workbox), source maps and the 404 page
# (absolute links; Kiwix has its own): nothing in
# the ZIM asks for them, and a service worker must not run inside Kiwix.
# Per language, beside the web app's own files (scorm.is_web_app_file): what Kiwix has no use
# for (the worker and manifest of each language, sitemaps, the root 404 with absolute links).
_NOT_IN_ZIM = {"sw.js", "manifest.webmanifest", "sitemap.xml", "sitemap.xml.gz", "404.html"}
_NOT_FILES = ("#", "mailto:", "tel:", "data:", "blob:", "javascript:")


@dataclass(frozen=True)
class ZimMetadata:
    """What ``zimwriterfs`` writes into the file's metadata."""

    name: str  # version-independent id, e.g. aci-course_be
    title: str
    description: str
    language: str  # ISO 639-3
    creator: str
    publisher: str
    tags: tuple[str, ...]
    welcome: str  # the main page, relative to the staged folder
    illustration: str  # a 48x48 PNG, relative to the staged folder


@dataclass(frozen=True)
class LanguageTexts:
    """A language's site name and description, as the MkDocs config gives them."""

    title: str
    description: str


def tool(name: str, package: str) -> str:
    """The path of a Debian tool, or an ExportError saying which package has it."""
    found = shutil.which(name)
    if not found:
        raise ExportError(
            f"{name} not found - install Debian's {package} (make zim installs it): "
            f"apt-get install {package}"
        )
    return found


def load_mkdocs_config(config_file: Path) -> MkDocsConfig:
    """The project's MkDocs config as a build loads it (INHERIT, as profiles use, honoured)."""
    try:
        return load_project_config(config_file)
    except ProjectConfigError as error:
        raise ExportError(str(error)) from None


def language_texts(config: MkDocsConfig) -> dict[str, LanguageTexts]:
    """Per language: the site name and description from the loaded MkDocs config.

    static-i18n's per-language ``site_name`` / ``site_description`` win over the
    top-level ones, as in the built site.
    """
    title = str(config.site_name or "")
    description = str(config.site_description or "")
    texts = {lang: LanguageTexts(title, description) for lang in LANGUAGES}
    i18n = config.plugins.get("i18n")
    for language in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if language.locale in texts:
            texts[language.locale] = LanguageTexts(
                str(language.site_name or title), str(language.site_description or description)
            )
    return texts


def metadata(
    lang: str, texts: LanguageTexts, author: str, course: str = "aci-course"
) -> ZimMetadata:
    """The ZIM metadata of one language; an ExportError when a text breaks openZIM's limits."""
    for key, value, limit in (
        ("site_name", texts.title, TITLE_MAX),
        ("site_description", texts.description, DESCRIPTION_MAX),
    ):
        if not value.strip() or len(value) > limit:
            raise ExportError(
                f"mkdocs.yml: {key} of {lang} ({value!r}) must be 1 to {limit} characters "
                f"for a ZIM file - shorten it in mkdocs.yml (or the profile)"
            )
    return ZimMetadata(
        name=f"{course}_{lang}",
        title=texts.title,
        description=texts.description,
        language=ISO_639_3[lang],
        creator=author,
        publisher=author,
        tags=TAGS,
        welcome=f"{prefix(lang)}index.html",
        illustration=ILLUSTRATION,
    )


def _belongs(rel: PurePosixPath, lang: str) -> bool:
    """True when the site file ``rel`` goes into the ZIM of ``lang``."""
    if rel.name in _NOT_IN_ZIM or rel.suffix == ".map" or is_web_app_file(rel.as_posix()):
        return False
    first = rel.parts[0]
    if first in LANGUAGES and first != DEFAULT_LANGUAGE and len(rel.parts) > 1:
        return first == lang  # a translated language's own folder
    if lang == DEFAULT_LANGUAGE:
        return True
    # The default language's root: its pages and search index stay out, shared files come in.
    if rel.suffix == ".html" or first == "search":
        return False
    # The other languages' progress data files: only their own pages load them.
    return not rel.name.startswith("progress-data.") or rel.name == f"progress-data.{lang}.js"


def stage(site: Path, lang: str, target: Path) -> list[PurePosixPath]:
    """Copy the files of ``lang``'s ZIM from ``site`` into ``target``; their relative paths."""
    shutil.rmtree(target, ignore_errors=True)
    chosen = []
    for path in sorted(site.rglob("*")):
        rel = PurePosixPath(path.relative_to(site).as_posix())
        if path.is_file() and _belongs(rel, lang):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / rel)
            chosen.append(rel)
    return chosen


def _target(href: str, page: PurePosixPath) -> PurePosixPath | None:
    """The staged file a relative link of ``page`` points at (None: not a file link)."""
    if not href or href.startswith(_NOT_FILES):
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/") or not parts.path:
        return None
    joined: list[str] = []
    for part in (page.parent / unquote(parts.path)).parts:
        if part == "..":
            if not joined:
                return PurePosixPath("..")  # leaves the site: never a staged file
            joined.pop()
        elif part != ".":
            joined.append(part)
    return PurePosixPath(*joined) if joined else None


def rewrite_page(html: str, page: PurePosixPath, present: set[PurePosixPath], scope: str) -> str:
    """A page as it should behave inside Kiwix (see the module's docstring)."""
    doc = lxml.html.document_fromstring(html)
    doc.set(STORAGE_SCOPE, scope)
    for script in doc.iter("script"):
        target = _target(script.get("src", ""), page)
        if target is not None and target.as_posix() == WEB_APP_SCRIPT:
            script.drop_tree()
    for link in list(doc.iter("link")):
        if link.get("rel") == "manifest":
            link.drop_tree()
    for anchor in list(doc.iter("a")):
        target = _target(anchor.get("href", ""), page)
        if target is None or target in present:
            continue
        item = anchor.getparent()
        if item is not None and "md-select__item" in (item.get("class") or ""):
            item.drop_tree()  # another language's entry in the language selector
            continue
        for attribute in ("href", "hreflang"):
            anchor.attrib.pop(attribute, None)
    for selector in _single_language_selectors(doc):
        selector.drop_tree()
    return str(lxml.html.tostring(doc, doctype="<!doctype html>", encoding="unicode"))


def _single_language_selectors(doc: HtmlElement) -> Iterable[HtmlElement]:
    """Material's language selector (a header option) when one language is left in it."""
    for select in doc.find_class("md-select"):
        items = select.find_class("md-select__item")
        if len(items) <= 1 and select.find_class("md-select__list"):
            option = select.getparent()
            yield option if option is not None else select


def rewrite_pages(target: Path, files: Sequence[PurePosixPath], scope: str) -> None:
    """Rewrite every staged HTML page in place."""
    present = set(files)
    for rel in files:
        if rel.suffix == ".html":
            path = target / rel
            html = path.read_text(encoding="utf-8")
            path.write_text(rewrite_page(html, rel, present, scope), encoding="utf-8")


def render_illustration(svg: Path, png: Path) -> None:
    """The 48x48 PNG illustration Kiwix shows in its library, from the site's favicon."""
    rsvg = tool("rsvg-convert", "librsvg2-bin")
    png.parent.mkdir(parents=True, exist_ok=True)
    size = str(ILLUSTRATION_SIZE)
    command = [rsvg, "--width", size, "--height", size, "--keep-aspect-ratio", "-o", str(png)]
    result = subprocess.run([*command, str(svg)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ExportError(f"{svg}: cannot be drawn as a PNG ({result.stderr.strip()})")


def write_zim(staged: Path, meta: ZimMetadata, zim: Path) -> None:
    """Run ``zimwriterfs`` on the staged folder (full-text index on: its default)."""
    writer = tool("zimwriterfs", "zim-tools")
    zim.parent.mkdir(parents=True, exist_ok=True)
    zim.unlink(missing_ok=True)  # zimwriterfs refuses to overwrite
    command = [
        writer,
        f"--welcome={meta.welcome}",
        f"--illustration={meta.illustration}",
        f"--language={meta.language}",
        f"--title={meta.title}",
        f"--description={meta.description}",
        f"--creator={meta.creator}",
        f"--publisher={meta.publisher}",
        f"--name={meta.name}",
        f"--tags={';'.join(meta.tags)}",
        "--scraper=aci-course",
        str(staged),
        str(zim),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not zim.is_file():
        zim.unlink(missing_ok=True)
        output = (result.stderr or result.stdout).strip().splitlines()
        raise ExportError(
            f"zimwriterfs failed for {zim.name}: {output[-1] if output else result.returncode}"
        )


def build_zims(
    site: Path,
    config_file: Path,
    out: Path,
    langs: Sequence[str],
    *,
    work: Path,
    course: str = "aci-course",
) -> list[Path]:
    """``<out>/<course>-<lang>.zim`` for each language in ``langs``; their paths."""
    config = load_mkdocs_config(config_file)
    texts = language_texts(config)
    author = str(config.site_author or "").strip()
    if not author:
        raise ExportError(f"{config_file}: site_author is missing - the ZIM's creator needs it")
    favicon = site / str(config.theme.get("favicon") or "assets/images/favicon.svg")
    if favicon.suffix.lower() != ".svg" or not favicon.is_file():
        raise ExportError(f"{favicon}: the ZIM illustration is drawn from an SVG favicon")
    written = []
    for lang in langs:
        meta = metadata(lang, texts[lang], author, course)
        staged = work / meta.name
        files = stage(site, lang, staged)
        rewrite_pages(staged, files, meta.name)
        render_illustration(favicon, staged / ILLUSTRATION)
        zim = out / f"{course}-{lang}.zim"
        write_zim(staged, meta, zim)
        shutil.rmtree(staged, ignore_errors=True)
        written.append(zim)
    return written
