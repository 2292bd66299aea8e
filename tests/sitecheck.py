"""Reading a built site: every link, target and anchor of its HTML pages (stdlib only).

Used by tests/quality/test_links.py on the real course and by the build tests of the
external-link hook on fixture courses.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.course.modules import load_modules
from aci_course.quality.external_links import MARKER_CLASS, SR_CLASS
from tests.repo_config import ROOT

# Attributes that point at another file or place: (tag, attribute).
URL_ATTRS = {
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("form", "action"),
    ("input", "src"),
}
SRCSET_ATTRS = {("img", "srcset"), ("source", "srcset")}
VOID = {
    "area",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
NOT_FETCHED = ("mailto:", "tel:", "data:", "blob:")


@dataclass
class Link:
    """One URL in a page: where it is and what surrounds it."""

    page: str  # site-relative path of the page, e.g. "be/modules/x/01-a.html"
    tag: str
    attr: str
    url: str
    attrs: dict[str, str | None]
    text: str = ""  # for <a>: the text inside, hidden parts included
    children: list[Child] = field(default_factory=list)  # for <a>: elements inside


@dataclass
class Child:
    """An element inside a link, with its own text."""

    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class _PageParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self._open_a: Link | None = None
        self._open_children: list[Child] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in URL_ATTRS:
                link = Link(self.page, tag, name, value.strip(), values)
                self.links.append(link)
                if tag == "a":
                    self._open_a = link
            elif (tag, name) in SRCSET_ATTRS:
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append(Link(self.page, tag, name, url, values))
        if self._open_a is not None and tag != "a":
            child = Child(tag, values)
            self._open_a.children.append(child)
            if tag not in VOID:
                self._open_children.append(child)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open_a = None
            self._open_children = []
        elif self._open_children and self._open_children[-1].tag == tag:
            self._open_children.pop()

    def handle_data(self, data: str) -> None:
        if self._open_a is not None:
            self._open_a.text += data
            for child in self._open_children:
                child.text += data


@dataclass
class Page:
    """A parsed HTML page of the site."""

    path: str
    lang: str | None
    ids: set[str]
    links: list[Link]


def parse_site(site: Path) -> dict[str, Page]:
    """Every ``.html`` page of ``site`` by its site-relative path."""
    pages: dict[str, Page] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        parser = _PageParser(rel)
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        pages[rel] = Page(rel, parser.lang, parser.ids, parser.links)
    return pages


def is_external(url: str) -> bool:
    """A link to another host (``http(s)://`` or ``//host``)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") or (not parts.scheme and bool(parts.netloc))


def resolve(page: str, url: str) -> tuple[str, str]:
    """``(site-relative target path, fragment)`` of a relative ``url`` on ``page``."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    base = PurePosixPath(page).parent
    target = os.path.normpath(str(base / unquote(parts.path))).replace(os.sep, "/")
    if parts.path.endswith("/"):
        target += "/"
    return target, fragment


# The "not found" page is shown by web servers at any address, so its links start at
# the site root ("/..."; README: set site_url when the site lives under a sub-path).
ROOT_RELATIVE_PAGES = frozenset({"404.html"})


def broken_links(site: Path, pages: dict[str, Page]) -> list[str]:
    """Every internal link whose file or ``#anchor`` is missing, as readable lines."""
    problems: list[str] = []
    for page in pages.values():
        for link in page.links:
            url = link.url
            where = f"{page.path}: <{link.tag} {link.attr}={url!r}>"
            if not url or is_external(url) or url.lower().startswith(NOT_FETCHED):
                continue
            if urlsplit(url).scheme:
                problems.append(f"{where}: unknown scheme")
                continue
            base = page.path
            if url.startswith("/") and page.path in ROOT_RELATIVE_PAGES:
                url, base = url.lstrip("/") or "index.html", "index.html"
            elif url.startswith("/"):
                problems.append(
                    f"{where}: absolute path (breaks under a sub-path and over file://)"
                )
                continue
            target, fragment = resolve(base, url)
            if target.startswith("../") or target == "..":
                problems.append(f"{where}: points outside the site")
            elif target.endswith("/") or (site / target).is_dir():
                problems.append(f"{where}: a folder (opens no page over file://)")
            elif not (site / target).is_file():
                problems.append(f"{where}: {target} does not exist")
            elif fragment and target.endswith(".html"):
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    problems.append(f"{where}: no id {fragment!r} in {target}")
    return problems


def external_link_problems(link: Link, page_lang: str | None) -> list[str]:
    """What is missing on one link to another host."""
    problems = []
    if link.attrs.get("target") != "_blank":
        problems.append('no target="_blank"')
    if "noopener" not in (link.attrs.get("rel") or "").split():
        problems.append('no rel="noopener"')
    markers = [c for c in link.children if MARKER_CLASS in (c.attrs.get("class") or "").split()]
    if not markers or not markers[0].text.strip():
        problems.append(f"no visible marker (span.{MARKER_CLASS})")
    elif markers[0].attrs.get("aria-hidden") != "true":
        problems.append("the marker is not aria-hidden")
    hidden = [c for c in link.children if SR_CLASS in (c.attrs.get("class") or "").split()]
    if not hidden:
        problems.append(f"no screen-reader text (span.{SR_CLASS})")
    else:
        lang = hidden[0].attrs.get("lang") or page_lang or LANGUAGES[0]
        if hidden[0].text.strip() != t("link.new-tab", lang):
            problems.append(f"screen-reader text {hidden[0].text.strip()!r} is not the {lang} one")
    return problems


_repo_site: list[Path] = []


def repo_site(out: Path) -> Path:
    """The repository's course built once per test process (``ACI_SITE_DIR`` to reuse one)."""
    if reuse := os.environ.get("ACI_SITE_DIR"):
        return Path(reuse).resolve()
    if not _repo_site:
        _repo_site.append(build_repo_site(out))
    return _repo_site[0]


def build_repo_site(out: Path) -> Path:
    """A strict build of the repository's course into ``out`` (``./site`` is not touched)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    return out


# --- Both editions of a copy of the course, with trainer notes in a lesson ---------

# Notes added to the first lesson of the first module (the real lessons have none yet):
# one in the first section and one in the second, so that present mode's notes window
# has something to follow.
NOTES = {
    "ru": (
        "Заметка тренера: спросите группу, кто уже читал Конвенцию, прежде чем показывать экран.",
        "Вторая заметка тренера: здесь остановитесь и ответьте на вопросы из зала.",
    ),
    "be": (
        "Нататка трэнера: спытайце групу, хто ўжо чытаў Канвенцыю, перш чым паказваць экран.",
        "Другая нататка трэнера: тут спыніцеся і адкажыце на пытанні з залы.",
    ),
    "en": (
        "Trainer note: ask who has read the Convention before you show this screen.",
        "Second trainer note: stop here and take questions from the room.",
    ),
}
COPIED = ("mkdocs.yml", "mkdocs-facilitator.yml", "docs", "modules", "quizzes", "facilitator")
LINKED = ("overrides", "node_modules", "facts")
_editions: list[tuple[Path, Path, Path]] = []


def _with_notes(markdown: str, notes: tuple[str, str]) -> str:
    """Each note right after the first and the second ``##`` heading."""
    lines = markdown.splitlines()
    out: list[str] = []
    seen = 0
    for line in lines:
        out.append(line)
        if line.startswith("## ") and seen < len(notes):
            out += ["", '!!! facilitator "Note"', f"    {notes[seen]}", ""]
            seen += 1
    return "\n".join(out) + "\n"


def course_with_notes(root: Path) -> Path:
    """A copy of the course in ``root`` with notes in a lesson and one plan missing in be."""
    import shutil

    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    for name in LINKED:
        (root / name).symlink_to(ROOT / name)
    modules = sorted(p for p in (root / "modules").iterdir() if p.is_dir())
    # The course's first module (by track and order), as the browser tests open it.
    first = root / "modules" / load_modules(ROOT, LANGUAGES)[0].id
    for lang, notes in NOTES.items():
        lesson = sorted((first / lang).glob("*.md"))[0]
        lesson.write_text(_with_notes(lesson.read_text("utf-8"), notes), "utf-8")
    (modules[-1] / "facilitator" / "be" / "session-plan.md").unlink()
    return root


def _build(root: Path, *args: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"


def edition_sites(out: Path) -> tuple[Path, Path, Path]:
    """``(course copy, learner site, facilitator site)``, built once per test process.

    Both are built to their configured ``site_dir`` (``site/``, ``site-facilitator/``),
    through the safe-build swap, as ``make site`` and ``make facilitator`` do.
    """
    if not _editions:
        out.mkdir(parents=True, exist_ok=True)
        root = course_with_notes(out)
        _build(root)
        _build(root, "-f", "mkdocs-facilitator.yml")
        _editions.append((root, root / "site", root / "site-facilitator"))
    return _editions[0]
