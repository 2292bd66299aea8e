"""Theme environment settings that make every page lighter (issue 22)."""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import Environment


def readable_json(env: Environment) -> None:
    """Let ``tojson`` write letters as they are, not as escapes, and no blanks.

    Material's ``__config`` on every page holds its texts in the page's language; escaped,
    each Cyrillic letter takes six bytes (a backslash-u escape) instead of two. The output
    stays safe inside HTML: Jinja's ``htmlsafe_json_dumps`` still escapes ``<``, ``>``, ``&``
    and ``'``.
    """
    env.policies["json.dumps_kwargs"] = {
        "sort_keys": True,
        "ensure_ascii": False,
        "separators": (",", ":"),
    }


# Material's palette stylesheet defines every one of its colours, as primary and as
# accent, for whichever one a site picks; a site uses the few its theme.palette names.
_COLOUR_ATTRIBUTES = ("data-md-color-primary", "data-md-color-accent")


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs of a stylesheet, strings and comments skipped.

    A statement without a block (``@charset "utf-8";``) is the statement with ``";"`` as body.
    """
    pairs: list[tuple[str, str]] = []
    depth, start, body_start, quote, i = 0, 0, 0, "", 0
    while i < len(css):
        char = css[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif css.startswith("/*", i):
            i = css.find("*/", i + 2)
            if i < 0:
                raise ValueError("unclosed comment")
            i += 1
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                body_start = i
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                pairs.append((css[start:body_start], css[body_start + 1 : i]))
                start = i + 1
        elif char == ";" and depth == 0:
            pairs.append((css[start : i + 1], ";"))
            start = i + 1
        i += 1
    if depth or quote:
        raise ValueError("unbalanced stylesheet")
    return pairs


def _split_selectors(prelude: str) -> list[str]:
    """The selectors of a selector list: commas outside brackets and parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def _names_other_colour(selector: str, used: set[str]) -> bool:
    """Whether ``selector`` applies only when a colour outside ``used`` is picked.

    A colour under ``:not(...)`` applies for every other colour: such a selector stays.
    """
    if ":not(" in selector:
        return False
    for attribute in _COLOUR_ATTRIBUTES:
        at = selector.find(f"[{attribute}=")
        while at >= 0:
            end = selector.index("]", at)
            value = selector[at + len(attribute) + 2 : end].strip("\"' ")
            if value not in used:
                return True
            at = selector.find(f"[{attribute}=", end)
    return False


def trim_palette_css(css: str, used: set[str]) -> str:
    """``css`` without the rules that apply only to colours outside ``used``.

    A rule keeps the selectors of its list that can apply; at-rule blocks (``@media``)
    are trimmed inside and dropped when nothing is left in them.
    """
    out = []
    for prelude, body in _blocks(css):
        if body == ";":
            out.append(prelude)
        elif prelude.lstrip().startswith("@"):
            if prelude.lstrip().startswith(("@media", "@supports")):
                inner = trim_palette_css(body, used)
                if inner.strip():
                    out.append(f"{prelude}{{{inner}}}")
            else:
                out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in _split_selectors(prelude) if not _names_other_colour(s, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def used_colours(palette: object) -> set[str]:
    """The primary and accent colours ``theme.palette`` (one mapping or a list) names.

    As Material writes them into ``data-md-color-*``: spaces as dashes.
    """
    options = palette if isinstance(palette, list) else [palette] if palette else []
    used = set()
    for option in options:
        if isinstance(option, dict):
            for key, default in (("primary", "indigo"), ("accent", "indigo")):
                used.add(str(option.get(key) or default).replace(" ", "-"))
    return used


def trim_palette(site: Path, palette: object) -> int:
    """Trim Material's palette stylesheet in ``site`` to ``palette``; bytes saved.

    Only the colours a page can show stay: the page's ``data-md-color-*`` values come from
    ``theme.palette`` (Material's palette partial and script set nothing else).
    """
    saved = 0
    for path in sorted((site / "assets" / "stylesheets").glob("palette.*.min.css")):
        css = path.read_text(encoding="utf-8")
        trimmed = trim_palette_css(css, used_colours(palette))
        path.write_text(trimmed, encoding="utf-8")
        saved += len(css.encode()) - len(trimmed.encode())
    return saved


PALETTE_SCRIPT = "assets/javascripts/palette.js"
"""Material's palette start-up script as a file (overrides/partials/javascripts/palette.html)."""


def palette_script() -> str:
    """Material's own palette script (its ``partials/javascripts/palette.html``), bare.

    Material writes it inline into every page (0.7 KB); as a file it is fetched once and
    cached. It still runs where Material puts it, after the palette's inputs and before
    the content is drawn (a plain blocking script), so the chosen scheme shows at once.
    """
    partial = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    text = (partial / "palette.html").read_text(encoding="utf-8")
    start = text.index("<script>") + len("<script>")
    return text[start : text.rindex("</script>")].strip() + "\n"
