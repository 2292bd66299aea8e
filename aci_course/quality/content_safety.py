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
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.html

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.sources import fence_ranges, normalize, read_source


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
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BACKTICKS = re.compile(r"`+")
# Markdown: inline images, link destinations, reference definitions, attribute lists.
_BRACKETED = r"\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
_IMAGE = re.compile(r"!" + _BRACKETED + r"(?:\(\s*<?([^\s)>]*)|\[([^\]]*)\])?", re.DOTALL)
_LINK_DEST = re.compile(r"\]\(\s*<?([^\s)>]+)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")


# The prefilter's specification: one pattern that every problem above needs to match
# (entities, blanks and backslashes included). A page where it finds nothing is not
# scanned further. Only speed depends on it being narrow; it must never miss.
# :func:`_is_suspect` answers exactly what ``_SUSPECT.search`` answers, faster.
_SUSPECT_ATTRS = r"on\w+|src|srcset|poster|data|background|lowsrc|dynsrc|imagesrcset|style"
_SUSPECT_ELEMENTS = ("script", "style", "link", "image", "use", "feimage", *EMBED_TAGS)
_SUSPECT_ELEMENT = "(?:" + "|".join(_SUSPECT_ELEMENTS) + r")(?![\w-])"
# After "<": an attribute that may hold a script, a URL or CSS, read with quotes paired,
# or a handler where quotes are unbalanced (as _LOOSE_HANDLER).
_SUSPECT_IN_TAG = (
    r"[a-z](?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(?:[\s/]|(?<=[\"']))(?:" + _SUSPECT_ATTRS + r")\s*="
    r"|[a-z][^<>]*?[\s/\"']on[a-z]+\s*="
)
_SUSPECT_SCRIPT_URL = r"script\s*[:&]"
_SUSPECT_ENTITY = r"&#|&colon"  # e.g. "java&#x53;cript:", "javascript&colon;"
_SUSPECT_HTML = f"<(?:{_SUSPECT_ELEMENT}|{_SUSPECT_IN_TAG})|{_SUSPECT_SCRIPT_URL}|{_SUSPECT_ENTITY}"
_SUSPECT_IMAGE = r"!\["
_SUSPECT_ATTR_LIST = r"\{[^{}\n]*="
_SUSPECT_MARKDOWN_ONLY = f"{_SUSPECT_IMAGE}|{_SUSPECT_ATTR_LIST}"
_SUSPECT = re.compile(_SUSPECT_HTML, re.IGNORECASE)
_SUSPECT_MARKDOWN = re.compile(_SUSPECT_HTML + "|" + _SUSPECT_MARKDOWN_ONLY, re.IGNORECASE)

# How _is_suspect reads the specification. Python's re is slow on _SUSPECT: with
# IGNORECASE no branch has a literal prefix to scan for, and the in-tag branch walks
# every tag's attributes. re scans quickly for a pattern that starts with fixed
# characters that case does not change. So the text is case-folded once (_fold_case)
# and the branches are searched one by one, those starting with letters in the folded
# text without IGNORECASE; the in-tag branch is searched only when an "=" found by
# _NAME_EQUALS or _HANDLER_EQUALS ends a name it could match (_ends_in_tag_name).
_FOLDED_ELEMENT = re.compile("<" + _SUSPECT_ELEMENT)
_FOLDED_SCRIPT_URL = re.compile(_SUSPECT_SCRIPT_URL)
_ENTITY = re.compile(_SUSPECT_ENTITY, re.IGNORECASE)  # re scans for the common "&"
_IMAGE_START = re.compile(_SUSPECT_IMAGE)
_ATTR_LIST_EQUALS = re.compile(_SUSPECT_ATTR_LIST)
_IN_TAG = re.compile("<(?:" + _SUSPECT_IN_TAG + ")", re.IGNORECASE)
_IN_TAG_NAMES = frozenset(_SUSPECT_ATTRS.split("|")[1:])  # all but on\w+
_IN_TAG_BEFORE_NAME = "/\"'"  # or a blank
# "=" after a blank or after the last three letters of one of _IN_TAG_NAMES.
_NAME_EQUALS = re.compile(
    r"=(?:(?<=\s=)|(?<=(?:" + "|".join(sorted({n[-3:] for n in _IN_TAG_NAMES})) + ")=))"
)
# "on" that starts a run of word characters, the run, blanks, "=". Without (?<!\won) and
# the possessive ++ a long run such as "onononon..." would take quadratic time.
_HANDLER_EQUALS = re.compile(r"on(?<!\won)\w++\s*+=")
# IGNORECASE equates these with an ASCII letter but str.lower() does not map them to it
# (it leaves "ſ" and "ı" and makes two characters of "İ").
_ODD_CASES = (("\u017f", "s"), ("\u0131", "i"), ("\u0130", "i"))


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
    for first, last in fence_ranges(lines):
        _blank(markdown, starts[first], starts[last] + len(lines[last]), out)
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


# --- the prefilter -------------------------------------------------------------------------


def _fold_case(text: str) -> str:
    """``text`` lowercased so that comparing it plainly is matching it with IGNORECASE.

    Each character stays one character, and whether it is a letter (and which ASCII
    letter it stands for), a word character, a blank or any other ASCII character does
    not change; a test checks every code point.
    """
    for odd, letter in _ODD_CASES:
        if odd in text:
            text = text.replace(odd, letter)
    return text.lower()


def _ends_in_tag_name(folded: str, equals: int) -> bool:
    r"""True when the "=" at ``equals`` could end a match of _SUSPECT_IN_TAG.

    Both its alternatives end in a blank, "/" or a quote, then one of _SUSPECT_ATTRS (a
    run of word characters), blanks and "=". So, walking back from the "=" over blanks,
    the whole run of word characters before must be such a name, with such a character
    before it. ``str.isspace`` and ``str.isalnum`` (or "_") are re's ``\s`` and ``\w``;
    a test checks every code point.
    """
    end = equals
    while end and folded[end - 1].isspace():
        end -= 1
    start = end
    while start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
        start -= 1
    if not 0 < start < end:
        return False
    name = folded[start:end]
    before = folded[start - 1]
    return (name in _IN_TAG_NAMES or (name.startswith("on") and len(name) > 2)) and (
        before.isspace() or before in _IN_TAG_BEFORE_NAME
    )


def _may_match_in_tag(folded: str) -> bool:
    """True when some "=" of ``folded`` could end a match of _SUSPECT_IN_TAG.

    Such an "=" has right before it a blank or the end of one of _IN_TAG_NAMES (both
    found by _NAME_EQUALS), or a handler's name, a whole run of word characters that
    starts with "on" (found by _HANDLER_EQUALS). Pages have few "=" (about 35 in 7 KB
    of HTML, mostly class=, href= and id=), and these two find fewer.
    """
    found = (m.start() for m in _NAME_EQUALS.finditer(folded))
    handlers = (m.end() - 1 for m in _HANDLER_EQUALS.finditer(folded))
    return any(_ends_in_tag_name(folded, at) for at in itertools.chain(found, handlers))


def _is_suspect(text: str, *, markdown: bool = False) -> bool:
    """Whether ``_SUSPECT`` (with ``markdown``: ``_SUSPECT_MARKDOWN``) finds something.

    The same answer, several times faster on real pages (see the comment above
    _FOLDED_ELEMENT). The pattern is an alternation, so it finds something exactly when
    one of its branches does; each branch is asked here in a cheaper way that gives the
    same answer, the in-tag branch, read as written, only when _may_match_in_tag says
    it can match (on the real course: in a few tables' cell styles).
    """
    if markdown and (_IMAGE_START.search(text) or _ATTR_LIST_EQUALS.search(text)):
        return True
    if _ENTITY.search(text):
        return True
    folded = _fold_case(text)
    if _FOLDED_SCRIPT_URL.search(folded) or _FOLDED_ELEMENT.search(folded):
        return True
    return _may_match_in_tag(folded) and _IN_TAG.search(text) is not None


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
    items = ((name, value, base + offset) for name, value, offset in _attributes(attrs))
    yield from _check_attribute_values(tag, items)


def _check_attribute_values(
    tag: str, items: Iterable[tuple[str, str | None, int]]
) -> Iterator[Finding]:
    """Findings in ``(lowercase name, value, offset)`` attributes of one tag ("": Markdown)."""
    where = f"the <{tag}> tag" if tag else "a Markdown attribute list {...}"
    for name, value, at in items:
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
    if not _is_suspect(markdown, markdown=True):
        return []
    masked = mask_code(markdown)
    found: dict[int, Finding] = {}
    for finding in (*_scan_tags(masked), *_scan_markdown_syntax(masked)):
        found.setdefault(finding.offset, finding)  # the most specific comes first
    return sorted(found.values(), key=lambda f: f.offset)


def _script_is_executable_type(script_type: str | None) -> bool:
    """A ``<script>`` runs unless its type is data (e.g. ``application/json``)."""
    return script_type is None or script_type.strip().lower() in JS_TYPES


def _element_findings(element: lxml.html.HtmlElement, at: int) -> Iterator[Finding]:
    """Findings of one parsed element: what it is, its attributes, its CSS."""
    tag = str(element.tag).lower()
    if tag == "script" and _script_is_executable_type(element.get("type")):
        yield Finding(at, "raw <script> tag", _SCRIPT_FIX, "<script")
    if tag in EMBED_TAGS:
        yield Finding(at, f"<{tag}> embeds another page or program", _EMBED_FIX, f"<{tag}")
    items = ((str(name).lower(), value, at) for name, value in element.attrib.items())
    yield from _check_attribute_values(tag, items)
    if tag == "style":
        for match in _CSS_URL.finditer(element.text or ""):
            yield Finding(
                at, f'remote resource "{match.group(1)}" in CSS', _REMOTE_FIX, match.group(1)
            )


def scan_html(page_html: str) -> list[Finding]:
    """Problems in the HTML Markdown made (text there is escaped; only real tags count).

    The HTML is read by a parser (lxml), as a browser reads it; findings come in
    document order. A ``<script>`` holding data (``type="application/json"``) is
    allowed here: plugins may put quiz data in the page; authors are held to
    :func:`scan_markdown`. Handlers in a tag the parser would not make an element of
    are still caught by the loose pattern, which a browser may read differently.
    """
    if not _is_suspect(page_html):
        return []
    root = lxml.html.fragment_fromstring(page_html, create_parent="div")
    found: list[Finding] = []
    for at, element in enumerate(root.iter(), start=1):
        if isinstance(element.tag, str):  # not a comment or a processing instruction
            found.extend(_element_findings(element, at))
    found += [
        Finding(
            len(found) + 1,
            f'inline event handler "{m.group(1).lower()}=" in an HTML tag',
            _HANDLER_FIX,
            m.group(1).lower(),
        )
        for m in _LOOSE_HANDLER.finditer(page_html)
        if not any(f.needle == m.group(1).lower() for f in found)
    ]
    return found


# --- what the plugin calls -----------------------------------------------------------------


def check_not_empty(source: str, display: str) -> None:
    """Raise an :class:`AuthorError` when a page has no text besides its front matter.

    An empty translation would hide the Russian page that readers otherwise get.
    """
    if read_source(source).body.strip():
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
    source = normalize(source)
    if source.endswith(markdown):
        head_length = len(source) - len(markdown)
    else:  # changed by an earlier handler: lines are counted from the front matter's end
        read = read_source(source)
        head_length = len(read.text) - len(read.body)
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
    source = normalize(source)
    index = source.lower().find(finding.needle.lower())
    line = line_at(source, index) if index >= 0 else None
    raise AuthorError(
        display,
        line,
        f"{finding.problem} (Markdown is not applied inside an HTML block such as <div>, "
        "so `backticks` there are not code)",
        finding.fix,
    )
