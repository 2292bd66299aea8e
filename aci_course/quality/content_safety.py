"""Hostile content: scripts, event handlers, ``javascript:`` URLs, embeds, remote images.

The course is read offline by children's carers on shared machines, so a lesson or
page may not run code or fetch anything from another host. Two checks, both plain
functions over text:

- :func:`scan_markdown` reads the author's Markdown (code spans and fenced code
  blocks are text, not HTML, and are left out) and gives the exact line of each
  problem. It is strict on purpose: an HTML comment or an indented block is not
  taken for code.
- :func:`scan_html` reads the HTML that Markdown made of it. It catches what the
  first check cannot see, e.g. backticks inside a raw ``<div>`` block, where Markdown
  leaves them as they are and the "code" is live HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError


@dataclass(frozen=True)
class Finding:
    """One problem at ``offset`` of the scanned text."""

    offset: int
    problem: str
    fix: str
    needle: str  # what to look for in the author's file when only the HTML shows it


SHOW_AS_CODE = "to show it as text, put it in `backticks` or a fenced code block"

_SCRIPT_FIX = (
    "remove it: lessons and pages may not run scripts (a quiz goes on a line of "
    f'its own as {{{{ quiz "id" }}}}); {SHOW_AS_CODE}'
)
_HANDLER_FIX = f"remove the attribute: lessons and pages may not run scripts; {SHOW_AS_CODE}"
_JS_URL_FIX = (
    "link to a page or file of the course, or to a web address (https://...), "
    f"instead; {SHOW_AS_CODE}"
)
_EMBED_FIX = (
    "remove it: the course works offline and embeds nothing; link to the page "
    "instead ([text](https://...)), with a screenshot saved in media/"
)
_REMOTE_FIX = (
    "save a copy in the module's media/ folder (site pages: overrides/assets/images/) "
    "and use its relative path: the course works offline"
)

EMBED_TAGS = ("iframe", "frame", "frameset", "object", "embed", "applet", "portal")
RESOURCE_ATTRS = frozenset(
    {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "imagesrcset"}
)
# Tags whose href is fetched as a resource (not followed as a link).
RESOURCE_HREF_TAGS = frozenset({"link", "image", "use", "feimage"})
JS_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "text/ecmascript",
        "application/ecmascript",
        "text/jscript",
        "text/livescript",
        "application/x-javascript",
        "text/x-javascript",
    }
)

# A tag with its attributes; quoted values may hold ">" and the ">" may be missing.
_TAG = re.compile(r"""<([A-Za-z][^\s/>"'<]*)((?:[^>"'<]|"[^"]*"|'[^']*')*)>?""")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
# "on...=" after a tag start, even where quotes are unbalanced (browsers are lenient).
_LOOSE_HANDLER = re.compile(r"<[A-Za-z][^<>]*?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE)
_SCRIPT = re.compile(r"<script(?![\w-])", re.IGNORECASE)
_EMBED = re.compile(r"<(" + "|".join(EMBED_TAGS) + r")(?![\w-])", re.IGNORECASE)
_JS_URL = re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE)
_CSS_URL = re.compile(
    r"""(?:url\(|@import)\s*['"]?\s*((?:https?:|ftp:|//|\\\\)[^\s'")]*)""", re.IGNORECASE
)
_STYLE_ELEMENT = re.compile(r"<style(?![\w-])[^>]*>(.*?)(?:</style|$)", re.IGNORECASE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)\n*", re.DOTALL)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BACKTICKS = re.compile(r"`+")
# Markdown: inline images, link destinations, reference definitions, attribute lists.
_BRACKETED = r"\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
_IMAGE = re.compile(r"!" + _BRACKETED + r"(?:\(\s*<?([^\s)>]*)|\[([^\]]*)\])?", re.DOTALL)
_LINK_DEST = re.compile(r"\]\(\s*<?([^\s)>]+)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")


# One pass that every problem above needs to match (entities, blanks and backslashes
# included): a page where it finds nothing is not scanned further. Only speed depends
# on it being narrow; it must never miss. Each branch starts at a fixed character
# ("<", "&", "s", "!", "{"), which keeps the scan fast.
_SUSPECT_ATTRS = r"on\w+|src|srcset|poster|data|background|lowsrc|dynsrc|imagesrcset|style"
_SUSPECT_HTML = (
    r"<(?:(?:script|style|link|image|use|feimage|" + "|".join(EMBED_TAGS) + r")(?![\w-])"
    r"|[a-z](?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(?:[\s/]|(?<=[\"']))(?:" + _SUSPECT_ATTRS + r")\s*="
    r"|[a-z][^<>]*?[\s/\"']on[a-z]+\s*=)"
    r"|script\s*[:&]|&#|&colon"
)
_SUSPECT = re.compile(_SUSPECT_HTML, re.IGNORECASE)
_SUSPECT_MARKDOWN = re.compile(_SUSPECT_HTML + r"|!\[|\{[^{}\n]*=", re.IGNORECASE)


# --- helpers -------------------------------------------------------------------------------


def normalize_url(value: str) -> str:
    """A URL as a browser reads it: entities decoded, blanks and controls gone, lowercase."""
    text = html.unescape(value)
    text = "".join(ch for ch in text if ord(ch) > 0x20 and ch not in "\x7f")
    return text.replace("\\", "/").lower()


def is_script_url(value: str) -> bool:
    """True for ``javascript:`` (and ``vbscript:``) URLs, however disguised."""
    url = normalize_url(value)
    return "javascript:" in url or "vbscript:" in url


def is_remote(value: str) -> bool:
    """True when the URL loads from another host (``http(s):``, ``ftp:`` or ``//host``)."""
    url = normalize_url(value)
    return url.startswith(("//", "http:", "https:", "ftp:"))


def line_at(text: str, offset: int) -> int:
    """1-based line of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


def normalize_newlines(text: str) -> str:
    """Text as MkDocs reads it: Windows and old Mac line ends become line feeds."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _blank(text: str, start: int, end: int, out: list[str]) -> None:
    """Replace ``text[start:end]`` in ``out`` by spaces, keeping line breaks."""
    for i in range(start, end):
        if text[i] != "\n":
            out[i] = " "


def mask_code(markdown: str) -> str:
    """``markdown`` with fenced code blocks and code spans blanked out (same length and lines).

    An unclosed fence is not code (Markdown shows it as text and renders what follows),
    so it is left as it is.
    """
    out = list(markdown)
    lines = markdown.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = opening.group(1)
            closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            end = next((j for j in range(i + 1, len(lines)) if closing.match(lines[j])), None)
            if end is not None:
                _blank(markdown, starts[i], starts[end] + len(lines[end]), out)
                i = end + 1
                continue
        i += 1
    masked = "".join(out)
    # Code spans never cross a blank line (they live inside one paragraph or block).
    position = 0
    for chunk_end in [m.start() for m in _BLANK_LINE.finditer(masked)] + [len(masked)]:
        _mask_spans(masked, position, chunk_end, out)
        position = chunk_end
    return "".join(out)


def _mask_spans(text: str, start: int, end: int, out: list[str]) -> None:
    """Blank the code spans of ``text[start:end]`` as Python-Markdown finds them."""
    runs = [
        m
        for m in _BACKTICKS.finditer(text, start, end)
        if not (
            m.start() > 0
            and text[m.start() - 1] == "\\"
            and _odd_backslashes_before(text, m.start())
        )
    ]
    taken = 0
    for index, run in enumerate(runs):
        if index < taken:
            continue
        width = len(run.group())
        closer = next(
            (k for k in range(index + 1, len(runs)) if len(runs[k].group()) == width), None
        )
        if closer is None:
            continue
        _blank(text, run.start(), runs[closer].end(), out)
        taken = closer + 1


def _odd_backslashes_before(text: str, index: int) -> bool:
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


# --- the checks ----------------------------------------------------------------------------


def _attributes(attrs: str) -> Iterator[tuple[str, str | None, int]]:
    """``(lowercase name, unquoted value or None, offset in attrs)`` of each attribute."""
    for match in _ATTR.finditer(attrs):
        value = match.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        yield match.group(1).lower(), value, match.start()


def _check_attributes(tag: str, attrs: str, base: int) -> Iterator[Finding]:
    """Findings in the attributes of one tag (or one Markdown attribute list)."""
    where = f"the <{tag}> tag" if tag else "a Markdown attribute list {...}"
    for name, value, offset in _attributes(attrs):
        at = base + offset
        if re.fullmatch(r"on\w+", name) and value is not None:
            yield Finding(at, f'inline event handler "{name}=" in {where}', _HANDLER_FIX, name)
            continue
        if value is None:
            continue
        if is_script_url(value):
            yield Finding(at, f'"javascript:" URL in the {name} attribute', _JS_URL_FIX, "script:")
        elif name == "style":
            for css in _CSS_URL.finditer(html.unescape(value)):
                yield Finding(
                    at,
                    f'remote resource "{css.group(1)}" in a style attribute',
                    _REMOTE_FIX,
                    css.group(1),
                )
        elif name in RESOURCE_ATTRS or (
            name in ("href", "xlink:href") and tag in RESOURCE_HREF_TAGS
        ):
            urls = (
                [part.strip().split(" ")[0] for part in value.split(",")]
                if "srcset" in name
                else [value]
            )
            for url in urls:
                if is_remote(url):
                    what = "remote image" if tag == "img" else f"remote resource in <{tag}>"
                    yield Finding(at, f'{what} "{url}"', _REMOTE_FIX, url)


def _scan_tags(text: str) -> Iterator[Finding]:
    """Scripts, embeds, handlers, script URLs and remote resources in HTML tags of ``text``."""
    for match in _SCRIPT.finditer(text):
        yield Finding(match.start(), "raw <script> tag", _SCRIPT_FIX, "<script")
    for match in _EMBED.finditer(text):
        tag = match.group(1).lower()
        yield Finding(
            match.start(), f"<{tag}> embeds another page or program", _EMBED_FIX, f"<{tag}"
        )
    for match in _TAG.finditer(text):
        yield from _check_attributes(match.group(1).lower(), match.group(2), match.start(2))
    for match in _LOOSE_HANDLER.finditer(text):
        name = match.group(1).lower()
        yield Finding(
            match.start(1), f'inline event handler "{name}=" in an HTML tag', _HANDLER_FIX, name
        )
    for style in _STYLE_ELEMENT.finditer(text):
        for match in _CSS_URL.finditer(text, style.start(1), style.end(1)):
            yield Finding(
                match.start(),
                f'remote resource "{match.group(1)}" in CSS',
                _REMOTE_FIX,
                match.group(1),
            )


def _scan_markdown_syntax(text: str) -> Iterator[Finding]:
    """Images, link destinations, reference definitions and attribute lists of Markdown."""
    for pattern in (_LINK_DEST, _AUTOLINK):
        for match in pattern.finditer(text):
            if is_script_url(match.group(1)):
                yield Finding(
                    match.start(1), '"javascript:" URL in a link', _JS_URL_FIX, match.group(1)[:12]
                )
    definitions: dict[str, tuple[str, int]] = {}
    for match in _REF_DEF.finditer(text):
        label = " ".join(match.group(1).lower().split())
        definitions.setdefault(label, (match.group(2), match.start(2)))
        if is_script_url(match.group(2)):
            yield Finding(
                match.start(2),
                '"javascript:" URL in a link definition',
                _JS_URL_FIX,
                match.group(2)[:12],
            )
    for match in _IMAGE.finditer(text):
        alt, dest, ref = match.group(1), match.group(2), match.group(3)
        if dest is not None:
            if is_remote(dest):
                yield Finding(match.start(), f'remote image "{dest}"', _REMOTE_FIX, dest)
            continue
        label = " ".join((ref or alt).lower().split())
        if label in definitions and is_remote(definitions[label][0]):
            url = definitions[label][0]
            yield Finding(
                match.start(),
                f'remote image "{url}" (via the reference [{label}])',
                _REMOTE_FIX,
                url,
            )
    for match in _ATTR_LIST.finditer(text):
        yield from _check_attributes("", match.group(1), match.start(1))
    for match in _JS_URL.finditer(text):
        yield Finding(match.start(), '"javascript:" URL', _JS_URL_FIX, match.group())


def scan_markdown(markdown: str) -> list[Finding]:
    """Every problem in an author's Markdown, code left out, in the order of the text."""
    if not _SUSPECT_MARKDOWN.search(markdown):
        return []
    masked = mask_code(markdown)
    found: dict[int, Finding] = {}
    for finding in (*_scan_tags(masked), *_scan_markdown_syntax(masked)):
        found.setdefault(finding.offset, finding)  # the most specific comes first
    return sorted(found.values(), key=lambda f: f.offset)


def _script_is_executable(attrs: str) -> bool:
    """A ``<script>`` runs unless its type is data (e.g. ``application/json``)."""
    for name, value, _ in _attributes(attrs):
        if name == "type":
            return (value or "").strip().lower() in JS_TYPES
    return True


def scan_html(page_html: str) -> list[Finding]:
    """Problems in the HTML Markdown made (text there is escaped; only real tags count).

    A ``<script>`` holding data (``type="application/json"``) is allowed here: plugins
    may put quiz data in the page; authors are held to :func:`scan_markdown`.
    """
    if not _SUSPECT.search(page_html):
        return []
    found: list[Finding] = []
    for finding in _scan_tags(page_html):
        if finding.needle == "<script":
            tag = _TAG.match(page_html, finding.offset)
            if tag is not None and not _script_is_executable(tag.group(2)):
                continue
        found.append(finding)
    return sorted(found, key=lambda f: f.offset)


# --- what the plugin calls -----------------------------------------------------------------


def check_not_empty(source: str, display: str) -> None:
    """Raise an :class:`AuthorError` when a page has no text besides its front matter.

    An empty translation would hide the Russian page that readers otherwise get.
    """
    body = FRONT_MATTER.sub("", normalize_newlines(source), count=1)
    if body.strip():
        return
    parts = display.split("/")
    translated = any(part in LANGUAGES[1:] for part in parts[:-1])
    fix = "write the page, or delete the file"
    if translated:
        fix += " so that readers get the Russian page with a notice"
    raise AuthorError(display, 1, "is empty", fix)


def check_markdown(markdown: str, source: str, display: str) -> None:
    """Raise an :class:`AuthorError` for the first problem of a page.

    ``markdown`` is what MkDocs will render (front matter removed), ``source`` the
    author's whole file (``display``), which gives the line numbers and whose front
    matter (titles end up in the page head) is checked too.
    """
    source = normalize_newlines(source)
    if source.endswith(markdown):
        head_length = len(source) - len(markdown)
    else:  # changed by an earlier handler: lines are counted from the front matter's end
        front = FRONT_MATTER.match(source)
        head_length = front.end() if front else 0
    head_lines = source.count("\n", 0, head_length)
    head = source[:head_length]
    problems = [(line_at(head, f.offset), f) for f in _scan_tags(head)]
    problems += [(head_lines + line_at(markdown, f.offset), f) for f in scan_markdown(markdown)]
    if problems:
        line, finding = min(problems, key=lambda item: item[0])
        raise AuthorError(display, line, finding.problem, finding.fix)


def check_html(page_html: str, source: str, display: str) -> None:
    """Raise an :class:`AuthorError` for the first problem in a page's HTML.

    The line is where the author's file (``source``) has the offending text.
    """
    findings = scan_html(page_html)
    if not findings:
        return
    finding = findings[0]
    source = normalize_newlines(source)
    index = source.lower().find(finding.needle.lower())
    line = line_at(source, index) if index >= 0 else None
    raise AuthorError(
        display,
        line,
        f"{finding.problem} (Markdown is not applied inside an HTML block such as <div>, "
        "so `backticks` there are not code)",
        finding.fix,
    )
