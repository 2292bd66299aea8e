"""Figures that show what a lesson teaches: ``modules/<id>/figures/<name>.yml``.

A figure is one text source: its boxes (``nodes``), arrows (``edges``), optional
frames around boxes (``groups``), a caption and a text alternative
(``description``), every text in each course language. A lesson writes
``{{ figure "<name>" }}`` on a line of its own; the build draws the figure in the
page's language with Graphviz ``dot`` (Debian's ``graphviz``, run as a program) and
puts the SVG inline, inside a ``<figure>`` with a ``<figcaption>``, as
``role="img"`` with ``<title>`` and ``<desc>`` in the page's language. No diagram
script reaches the page.

The SVG draws with ``currentColor`` only (no fixed colours), so it follows the
light, dark and high-contrast palettes and prints; its ``viewBox`` lets it shrink to
the column (``max-width: 100%`` in course.css). The finished SVG is cached by the
hash of all it depends on under ``.cache/figures/`` beside mkdocs.yml, so repeated
builds run dot (and tidy its SVG) only for what changed.

An unknown figure name, a missing language or an unknown node is an author error
with the file and line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from markupsafe import Markup

from aci_course.core.disk_cache import DiskCache, digest
from aci_course.core.errors import AuthorError
from aci_course.core.schema import language_examples
from aci_course.core.slots import fill as fill_placeholders
from aci_course.core.slots import placeholder
from aci_course.core.sources import Directive, figure_directives
from aci_course.core.templating import render
from aci_course.core.yamlsource import MarkedDict, MarkedList, load_yaml

EXAMPLE = '{{ figure "lundy-model" }}'
CACHE_FOLDER = ".cache/figures"
# Characters per line of a label, so a figure stays about 360 px wide or less (phones):
# a single column of boxes can be wider than boxes side by side.
WRAP = 22
WRAP_SIDE_BY_SIDE = 15
FONT_SIZE = 15
SLOT_KIND = "figure"  # placeholders <div data-aci-figure-slot="..."> (aci_course.core.slots)
SVG_NS = "http://www.w3.org/2000/svg"
DOT_MISSING = "Graphviz dot is not installed - apt-get install graphviz (scripts/system-deps.sh)"
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = ("caption", "description", "direction", "nodes", "edges", "groups")
_DIRECTIONS = ("TB", "LR")
# Bumped when the drawing below (dot's input or figure_svg) changes, so a cached finished
# SVG is not reused wrongly.
_DRAWING_VERSION = "2"


class DotMissing(RuntimeError):
    """Graphviz is not installed."""


@dataclass(frozen=True)
class Node:
    """A box: its id (for edges), its label per language, the group it sits in."""

    id: str
    label: Mapping[str, str]
    group: str | None = None


@dataclass(frozen=True)
class Edge:
    """An arrow from one box to another, with an optional label per language."""

    tail: str
    head: str
    label: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Group:
    """A frame around boxes (e.g. one of two models side by side), with its title."""

    id: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class Figure:
    """One figure of a module, validated: every text in every course language."""

    module: str
    name: str
    display: str  # modules/<id>/figures/<name>.yml
    caption: Mapping[str, str]
    description: Mapping[str, str]
    direction: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    groups: tuple[Group, ...] = ()

    def texts(self, lang: str) -> list[str]:
        """Every text of the figure in ``lang`` (for the spell checker)."""
        found = [self.caption[lang], self.description[lang]]
        found += [group.label[lang] for group in self.groups]
        found += [node.label[lang] for node in self.nodes]
        found += [edge.label[lang] for edge in self.edges if edge.label]
        return found


# --- reading ---------------------------------------------------------------------------


def _text(
    value: object, display: str, line: int, what: str, languages: Sequence[str]
) -> dict[str, str]:
    """A text in each of ``languages`` (non-empty), or an AuthorError naming ``what``."""
    example = language_examples(languages)["texts"]
    if not isinstance(value, dict):
        raise AuthorError(
            display, line, f"{what} must be a text in every language", f"write it as {example}"
        )
    for lang in languages:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            where = value.line_of(lang) if isinstance(value, MarkedDict) else line
            raise AuthorError(
                display,
                where,
                f'{what} has no "{lang}" text',
                f'add {lang}: "..." (written natively in that language)',
            )
    extra = sorted(set(value) - set(languages))
    if extra:
        where = value.line_of(extra[0]) if isinstance(value, MarkedDict) else line
        raise AuthorError(
            display,
            where,
            f'{what} has unknown language "{extra[0]}"',
            f"use only {', '.join(languages)}",
        )
    return {lang: " ".join(str(value[lang]).split()) for lang in languages}


def _items(data: MarkedDict, key: str, display: str, required: bool) -> MarkedList:
    value = data.get(key)
    if value is None and not required:
        return MarkedList()
    if not isinstance(value, list) or not value:
        raise AuthorError(
            display,
            data.line_of(key),
            f'"{key}" must be a non-empty list',
            f"write {key}: followed by items starting with - (see docs-dev/figures.md)",
        )
    return value if isinstance(value, MarkedList) else MarkedList(value)


def _line(items: MarkedList, index: int, fallback: int) -> int:
    return items.line_of(index) if hasattr(items, "item_lines") else fallback


def load_figure(path: Path, module: str, root: Path, languages: Sequence[str]) -> Figure:
    """The figure written in ``path`` (raises AuthorError with its file and line)."""
    display = path.relative_to(root).as_posix()
    name = path.stem
    if not _NAME.match(name):
        raise AuthorError(
            display,
            None,
            f'figure name "{name}" is not a lowercase slug',
            "rename the file with lowercase ASCII letters, digits and hyphens",
        )
    data = load_yaml(path, display)
    if not isinstance(data, MarkedDict):
        raise AuthorError(
            display,
            1,
            "a figure must be a mapping of keys",
            "start with caption:, description: and nodes:",
        )
    for key in data:
        if key not in _KEYS:
            raise AuthorError(
                display, data.line_of(key), f'unknown key "{key}"', f"use only {', '.join(_KEYS)}"
            )
    for key in ("caption", "description"):
        if key not in data:
            raise AuthorError(
                display,
                data.line,
                f'missing key "{key}"',
                f"add {key}: {language_examples(languages)['texts']}",
            )
    caption = _text(data["caption"], display, data.line_of("caption"), '"caption"', languages)
    description = _text(
        data["description"], display, data.line_of("description"), '"description"', languages
    )
    direction = str(data.get("direction", "TB"))
    if direction not in _DIRECTIONS:
        raise AuthorError(
            display,
            data.line_of("direction"),
            f'unknown direction "{direction}"',
            "use TB (top to bottom, best on phones) or LR (left to right)",
        )
    groups = _groups(data, display, languages)
    nodes = _nodes(data, display, {group.id for group in groups}, languages)
    edges = _edges(data, display, {node.id for node in nodes}, languages)
    return Figure(module, name, display, caption, description, direction, nodes, edges, groups)


def _id(item: MarkedDict, display: str, what: str) -> str:
    value = item.get("id")
    if not isinstance(value, str) or not _NAME.match(value):
        raise AuthorError(
            display,
            item.line_of("id"),
            f"{what} needs an id, a lowercase slug",
            "write e.g. id: first-step",
        )
    return value


def _groups(data: MarkedDict, display: str, languages: Sequence[str]) -> tuple[Group, ...]:
    groups: list[Group] = []
    items = _items(data, "groups", display, required=False)
    for index, item in enumerate(items):
        if not isinstance(item, MarkedDict):
            raise AuthorError(
                display,
                _line(items, index, data.line),
                f"group {index + 1} must be a mapping",
                "write id: and label: under it",
            )
        group_id = _id(item, display, f"group {index + 1}")
        groups.append(
            Group(
                group_id,
                _text(
                    item.get("label"),
                    display,
                    item.line_of("label"),
                    f'the label of group "{group_id}"',
                    languages,
                ),
            )
        )
    return tuple(groups)


def _nodes(
    data: MarkedDict, display: str, groups: set[str], languages: Sequence[str]
) -> tuple[Node, ...]:
    nodes: list[Node] = []
    seen: set[str] = set()
    items = _items(data, "nodes", display, required=True)
    for index, item in enumerate(items):
        if not isinstance(item, MarkedDict):
            raise AuthorError(
                display,
                _line(items, index, data.line),
                f"node {index + 1} must be a mapping",
                "write id: and label: under it",
            )
        node_id = _id(item, display, f"node {index + 1}")
        if node_id in seen:
            raise AuthorError(
                display,
                item.line_of("id"),
                f'node id "{node_id}" is used twice',
                "give each node its own id",
            )
        seen.add(node_id)
        for key in item:
            if key not in ("id", "label", "group"):
                raise AuthorError(
                    display,
                    item.line_of(key),
                    f'node "{node_id}" has unknown key "{key}"',
                    "use only id, label and group",
                )
        group = item.get("group")
        if group is not None and group not in groups:
            raise AuthorError(
                display,
                item.line_of("group"),
                f'node "{node_id}" names unknown group "{group}"',
                f"use one of the groups: {', '.join(sorted(groups)) or '(none: add groups:)'}",
            )
        label = _text(
            item.get("label"),
            display,
            item.line_of("label"),
            f'the label of node "{node_id}"',
            languages,
        )
        nodes.append(Node(node_id, label, group))
    return tuple(nodes)


def _edges(
    data: MarkedDict, display: str, nodes: set[str], languages: Sequence[str]
) -> tuple[Edge, ...]:
    edges: list[Edge] = []
    items = _items(data, "edges", display, required=False)
    for index, item in enumerate(items):
        line = _line(items, index, data.line)
        label = None
        if isinstance(item, list) and len(item) == 2:
            tail, head = str(item[0]), str(item[1])
        elif isinstance(item, MarkedDict) and "from" in item and "to" in item:
            tail, head = str(item["from"]), str(item["to"])
            if "label" in item:
                label = _text(
                    item["label"],
                    display,
                    item.line_of("label"),
                    f"the label of edge {index + 1}",
                    languages,
                )
        else:
            raise AuthorError(
                display,
                line,
                f"edge {index + 1} is not readable",
                "write it as [from-id, to-id] or {from: a, to: b, label: {...}}",
            )
        for end in (tail, head):
            if end not in nodes:
                raise AuthorError(
                    display,
                    line,
                    f'edge {index + 1} names unknown node "{end}"',
                    f"use one of the nodes: {', '.join(sorted(nodes))}",
                )
        edges.append(Edge(tail, head, label))
    return tuple(edges)


def load_figures(
    module_folder: Path, module: str, root: Path, languages: Sequence[str]
) -> dict[str, Figure]:
    """Every figure of a module, by name (none when it has no ``figures/`` folder)."""
    folder = module_folder / "figures"
    return {
        path.stem: load_figure(path, module, root, languages)
        for path in sorted(folder.glob("*.yml"))
    }


# --- drawing ---------------------------------------------------------------------------


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wrapped(text: str, width: int) -> str:
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return _quoted("\n".join(lines)).replace("\n", "\\n")


def _has_fork(figure: Figure) -> bool:
    """True if some box has two arrows out or in (boxes then stand side by side)."""
    tails = [edge.tail for edge in figure.edges]
    heads = [edge.head for edge in figure.edges]
    return len(set(tails)) < len(tails) or len(set(heads)) < len(heads)


def dot_source(figure: Figure, lang: str) -> str:
    """The figure in ``lang`` as Graphviz ``dot`` input."""
    font = f'fontname="sans-serif", fontsize={FONT_SIZE}'
    wide = figure.direction == "LR" or figure.groups or _has_fork(figure)
    width = WRAP_SIDE_BY_SIDE if wide else WRAP
    out = [
        "digraph figure {",
        f'graph [rankdir={figure.direction}, bgcolor="transparent", {font}, nodesep=0.2, '
        "ranksep=0.3, pad=0.05];",
        f'node [shape=box, style=rounded, {font}, margin="0.1,0.05"];',
        f"edge [arrowsize=0.7, {font}];",
    ]

    def node_line(node: Node) -> str:
        return f"{_quoted(node.id)} [label={_wrapped(node.label[lang], width)}];"

    for index, group in enumerate(figure.groups):
        out.append(f"subgraph cluster_{index} {{")
        out.append(f'label={_wrapped(group.label[lang], width)}; style="rounded,filled";')
        out += [node_line(node) for node in figure.nodes if node.group == group.id]
        out.append("}")
    out += [node_line(node) for node in figure.nodes if node.group is None]
    for edge in figure.edges:
        label = f" [label={_wrapped(edge.label[lang], width)}]" if edge.label else ""
        out.append(f"{_quoted(edge.tail)} -> {_quoted(edge.head)}{label};")
    out.append("}")
    return "\n".join(out) + "\n"


@dataclass
class Drawer:
    """Draws figures, keeping each finished SVG on disk by the hash of all it depends on.

    A finished SVG (dot's drawing made fit for a page by :func:`figure_svg`) depends on
    dot's input, the figure's id, title and description, and the code
    (``_DRAWING_VERSION``): an unchanged figure costs one small file read, and dot runs
    only for a figure whose finished SVG is not stored.
    """

    cache: Path | None
    memory: dict[str, str] = field(default_factory=dict)  # dot's output by its input
    runs: int = 0  # how often dot ran (tests and the bench read it)

    def __post_init__(self) -> None:
        self.disk = DiskCache(self.cache)

    def svg(self, source: str) -> str:
        """The SVG that dot draws for ``source`` (dot runs once per input per drawer)."""
        svg = self.memory.get(source)
        if svg is None:
            svg = self.memory[source] = _run_dot(source)
            self.runs += 1
        return svg

    def figure(self, source: str, figure_id: str, title: str, description: str) -> str:
        """:func:`figure_svg` of dot's drawing of ``source``, from the cache when stored."""
        key = digest(_DRAWING_VERSION, source, figure_id, title, description)
        stored = self.disk.read_text(key, ".svg")
        if stored is not None:
            return stored
        svg = figure_svg(self.svg(source), figure_id, title, description)
        self.disk.write_text(key, svg, ".svg")  # written whole or not at all
        return svg


def _run_dot(source: str) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise DotMissing(DOT_MISSING)
    result = subprocess.run(
        [dot, "-Tsvg"],
        input=source,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0:
        raise DotMissing(f"dot failed: {result.stderr.strip()} - {DOT_MISSING}")
    return result.stdout


_NUMBER = re.compile(r"(\d+\.\d*?)0+\b")


def _tidy_number(value: str) -> str:
    return _NUMBER.sub(lambda m: m[1].rstrip("."), value)


def figure_svg(raw: str, figure_id: str, title: str, description: str) -> str:
    """The SVG of dot made fit for a page: currentColor, a viewBox, title and description.

    Drops what dot writes for itself (comments, its own titles, ids and classes that
    would clash between two figures on a page) and every fixed colour.
    """
    parser = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)
    svg = etree.fromstring(raw.encode(), parser)
    q = f"{{{SVG_NS}}}"
    for old in list(svg.iter(f"{q}title")):
        parent = old.getparent()
        if parent is not None:
            parent.remove(old)
    for element in svg.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("id", "class", "font-family"):
            element.attrib.pop(attribute, None)
        for attribute in ("fill", "stroke"):
            value = element.get(attribute)
            if value is None:
                continue
            if value in ("none", "transparent", "white"):
                element.set(attribute, "none")
            else:
                element.set(attribute, "currentColor")
        for attribute in ("points", "d", "x", "y", "font-size", "transform"):
            if attribute in element.attrib:
                element.set(attribute, _tidy_number(element.attrib[attribute]))
        if element.tag == f"{q}text" and element.get("font-size") == str(FONT_SIZE):
            del element.attrib["font-size"]
    view_box = svg.get("viewBox", "0 0 100 100").split()
    width, height = (_tidy_number(f"{float(n):.2f}") for n in view_box[2:4])
    attrs = {
        "width": width,
        "height": height,
        "viewBox": f"0 0 {width} {height}",
        "role": "img",
        "aria-labelledby": f"{figure_id}-title {figure_id}-desc",
        "fill": "currentColor",
        "font-family": "sans-serif",
        "font-size": str(FONT_SIZE),
        "class": "aci-figure__svg",
    }
    svg.attrib.clear()
    for key, value in attrs.items():
        svg.set(key, value)
    title_element = etree.Element(f"{q}title", id=f"{figure_id}-title")
    title_element.text = title
    desc_element = etree.Element(f"{q}desc", id=f"{figure_id}-desc")
    desc_element.text = description
    svg.insert(0, desc_element)
    svg.insert(0, title_element)
    _tint_frames(svg)
    etree.cleanup_namespaces(svg)
    return str(etree.tostring(svg, encoding="unicode"))


def _tint_frames(svg: etree._Element) -> None:
    """Group frames (dot fills them, as asked by ``style=filled``): a 7 % tint."""
    q = f"{{{SVG_NS}}}"
    graph = svg.find(f"{q}g")
    if graph is None:
        return
    for group in graph.findall(f"{q}g"):
        shape = group.find(f"{q}path")
        if shape is None:
            shape = group.find(f"{q}polygon")
        texts = group.findall(f"{q}text")
        # A frame is a group whose first shape is filled and holds no arrowhead.
        arrow = group.find(f"{q}polygon") is not None
        if shape is not None and shape.get("fill") == "currentColor" and texts and not arrow:
            shape.set("fill-opacity", "0.07")
        # Flatten: the <g> of each node and edge adds nothing once ids and classes are gone.
        index = graph.index(group)
        for offset, child in enumerate(list(group)):
            graph.insert(index + offset, child)
        graph.remove(group)


def render_figure(figure: Figure, lang: str, drawer: Drawer) -> str:
    """The figure in ``lang`` as HTML: ``<figure>`` with the inline SVG and its caption."""
    figure_id = f"figure-{figure.name}"
    svg = drawer.figure(
        dot_source(figure, lang), figure_id, figure.caption[lang], figure.description[lang]
    )
    return render(
        "course/figure.html",
        figure_id=figure_id,
        name=f"{figure.module}/{figure.name}",
        svg=Markup(svg),  # serialised by lxml, texts escaped
        caption=figure.caption[lang],
    )


# --- {{ figure "name" }} lines -----------------------------------------------------------


def _source_lines(directives: list[Directive], source_text: str) -> list[int | None]:
    """The author's line (1-based) of each directive (the k-th of a name is the k-th)."""
    in_source: dict[str | None, list[int]] = {}
    for directive in figure_directives(source_text):
        in_source.setdefault(directive.written, []).append(directive.index + 1)
    seen: dict[str | None, int] = {}
    lines: list[int | None] = []
    for directive in directives:
        k = seen.get(directive.written, 0)
        seen[directive.written] = k + 1
        found = in_source.get(directive.written, [])
        lines.append(found[k] if k < len(found) else (found[0] if found else None))
    return lines


def resolve(
    written: str | None,
    module: str | None,
    figures: Mapping[str, Figure],
    source: str,
    line: int | None,
) -> Figure:
    """The figure a figure line names, or an AuthorError at ``source:line``."""
    if written is None:
        raise AuthorError(
            source,
            line,
            "cannot read this figure line",
            f"write it on a line of its own as {EXAMPLE} (the name in double quotes)",
        )
    if module is None:
        raise AuthorError(
            source,
            line,
            f'figure "{written}" has no module on this page',
            "figures belong to a module: use them in its lessons",
        )
    figure = figures.get(written)
    if figure is not None:
        return figure
    if figures:
        fix = f"use one of the figures of modules/{module}/figures/: {', '.join(sorted(figures))}"
    else:
        fix = (
            f"write modules/{module}/figures/{written}.yml (see docs-dev/figures.md), "
            "or fix the name"
        )
    raise AuthorError(source, line, f'unknown figure "{written}"', fix)


@dataclass
class Placed:
    """A page's Markdown with placeholders, and the HTML of each figure."""

    markdown: str
    slots: dict[str, str] = field(default_factory=dict)


def place_figures(
    markdown: str,
    *,
    module: str | None,
    figures: Mapping[str, Figure],
    lang: str,
    drawer: Drawer,
    source: str,
    source_text: str,
    slot_prefix: str = "figure",
) -> Placed:
    """Replace each figure line of ``markdown`` by a placeholder; draw each figure in ``lang``."""
    directives = figure_directives(markdown)
    placed = Placed(markdown)
    if not directives:
        return placed
    lines = markdown.splitlines()
    seen: dict[str, int | None] = {}
    for k, (directive, line) in enumerate(
        zip(directives, _source_lines(directives, source_text), strict=True)
    ):
        figure = resolve(directive.written, module, figures, source, line)
        if figure.name in seen:
            earlier = seen[figure.name]
            where = f" (line {earlier})" if earlier is not None else ""
            raise AuthorError(
                source,
                line,
                f'figure "{figure.name}" is already on this page{where}',
                "show each figure once per page",
            )
        seen[figure.name] = line
        token = f"{slot_prefix}-{k}"
        placed.slots[token] = render_figure(figure, lang, drawer)
        lines[directive.index] = placeholder(SLOT_KIND, token, directive.indent)
    placed.markdown = "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")
    return placed


def fill_slots(html: str, slots: Mapping[str, str]) -> str:
    """Put each drawn figure where its placeholder ended up in the page's HTML."""
    return fill_placeholders(SLOT_KIND, html, slots)
