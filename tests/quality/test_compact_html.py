"""Blanks between tags are collapsed; code, text areas, scripts and comments keep theirs."""

from __future__ import annotations

import re

from aci_course.quality.compact_html import compact


def test_blanks_between_tags_collapse() -> None:
    html = (
        '<ul>\n    \n      <li>\n        <a href="x">\n          Title\n        </a>\n'
        "  </li>\n</ul>"
    )
    assert compact(html) == '<ul>\n<li>\n<a href="x">\nTitle\n</a>\n</li>\n</ul>'
    assert compact("<b>bold</b>    <i>it</i>") == "<b>bold</b> <i>it</i>"
    assert compact("<p>Two  words</p>") == "<p>Two  words</p>"  # inside text: left alone


def test_preformatted_and_opaque_parts_are_kept() -> None:
    kept = [
        "<pre><code>  a\n\n    b\n</code></pre>",
        "<p><code>x    y</code></p>",
        "<kbd>Ctrl  +  C</kbd>",
        "<textarea>\n\n  typed\n</textarea>",
        "<script>\n  var a = '>   <';\n</script>",
        "<style>\n  a   >   b { }\n</style>",
        "<!--\n   note   \n-->",
    ]
    for part in kept:
        assert compact(f"<div>\n    {part}\n    </div>") == f"<div>\n{part}\n</div>"


def test_visible_text_is_unchanged() -> None:
    html = (
        "<nav>\n  <ul>\n    <li>  <a>One</a>\n    </li>\n    <li><a>Two</a>   </li>\n"
        "  </ul>\n</nav>"
    )

    def text(h: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", h).split())

    assert text(compact(html)) == text(html)
    assert len(compact(html)) < len(html)


def test_outside_the_article_line_breaks_between_tags_go() -> None:
    page = (
        "<nav>\n<a>\nOne\n</a>\n<a>Two</a>\n</nav>\n"
        "<article>\n<p><b>a</b>\n<i>b</i></p>\n</article>\n<footer>\n<p>x</p>\n</footer>"
    )
    assert compact(page) == (
        "<nav><a>\nOne\n</a><a>Two</a></nav>\n"
        "<article>\n<p><b>a</b>\n<i>b</i></p>\n</article>\n<footer><p>x</p></footer>"
    )


def test_an_inline_svg_loses_its_namespace_attribute() -> None:
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0"/></svg>'
    assert compact(f"<p>{icon}</p>") == '<p><svg viewBox="0 0 24 24"><path d="M0 0"/></svg></p>'


def test_inside_the_article_only_its_edges_collapse() -> None:
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>'
    page = (
        "<main>\n  <article class=a>\n    \n\n<h1>T</h1>\n\n\n"
        f"<p>x  {icon}</p>\n  \n\n  </article>\n</main>"
    )
    assert compact(page) == (
        '<main>\n<article class=a>\n<h1>T</h1>\n\n\n<p>x  <svg viewBox="0 0 1 1"></svg></p>\n'
        "</article>\n</main>"
    )
