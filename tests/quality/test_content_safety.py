"""Hostile content in lessons and pages stops the build with the file, line and a fix."""

from __future__ import annotations

import pytest

from aci_course.core.errors import AuthorError
from aci_course.quality import content_safety as cs
from tests.conftest import Project
from tests.repo_config import repo_plugins

# (Markdown, line of the problem, words of the problem)
HOSTILE = [
    ("# T\n\n<script>alert(1)</script>\n", 3, "raw <script> tag"),
    ("# T\n\n<SCRIPT src=x.js></SCRIPT>\n", 3, "raw <script> tag"),
    ("# T\n\nText <b\n  onclick='steal()'>bold</b>\n", 4, 'event handler "onclick=" in the <b>'),
    ("<svg/onload=alert(1)>\n", 1, 'event handler "onload="'),
    ('<img src="a.png"onerror=alert(1)>\n', 1, 'event handler "onerror="'),
    ('<img alt="a>b" onerror=alert(1)>\n', 1, 'event handler "onerror="'),
    ('<b title="never closed onclick=steal()>x</b>\n', 1, 'event handler "onclick="'),
    ("<IMG SRC=//cdn.example.org/x.png>\n", 1, 'remote image "//cdn'),
    ('[link](page.md){ onmouseover="x()" }\n', 1, 'event handler "onmouseover=" in a Markdown'),
    ("[click](javascript:alert(1))\n", 1, '"javascript:" URL in a link'),
    ("[click](JaVa&#x53;cript:alert(1))\n", 1, '"javascript:" URL in a link'),
    ('<a href="java&#x09;script:x()">x</a>\n', 1, '"javascript:" URL in the href attribute'),
    ("[x][evil]\n\n[evil]: javascript:alert(1)\n", 3, '"javascript:" URL'),
    ("<javascript:alert(1)>\n", 1, '"javascript:" URL'),
    ('# T\n\n<iframe src="https://video.example/x"></iframe>\n', 3, "<iframe> embeds"),
    ('<object data="x.swf"></object>\n', 1, "<object> embeds"),
    ('<embed src="x.swf">\n', 1, "<embed> embeds"),
    ("![chart](https://cdn.example.org/chart.png)\n", 1, 'remote image "https://cdn.example.org'),
    ("![chart](http://cdn.example.org/chart.png)\n", 1, 'remote image "http://'),
    ("![chart](//cdn.example.org/chart.png)\n", 1, 'remote image "//cdn.example.org'),
    ("![chart][c]\n\n[C]: https://cdn.example.org/c.png\n", 1, "via the reference [c]"),
    ('<img src="https://cdn.example.org/x.png" alt="x">\n', 1, 'remote image "https://'),
    ("<img src='//cdn.example.org/x.png'>\n", 1, 'remote image "//cdn'),
    ('<img src="a.png" srcset="a.png 1x, https://e.example/b.png 2x">\n', 1, "remote image"),
    ('<p style="background: url(https://e.example/x.png)">x</p>\n', 1, "in a style attribute"),
    ("<style>@import 'https://e.example/x.css';</style>\n", 1, "remote resource"),
    ('<video poster="https://e.example/p.jpg"></video>\n', 1, "remote resource in <video>"),
    ("```\nnot closed, so not code\n<script>x()</script>\n", 3, "raw <script> tag"),
    ("<!--><script>alert(1)</script>-->\n", 1, "raw <script> tag"),
]

SAFE = [
    "Use the `<script>` tag, `onclick=` and `javascript:` only in code.\n",
    "``code with ` and <script> inside``\n",
    "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n",
    '~~~~\n<img src="https://e.example/x.png" onerror=x>\n~~~~\n',
    "- item\n\n    ```\n    <script>x</script>\n    ```\n",
    "[a web page](https://example.org/page) and [mail](mailto:a@example.org)\n",
    "![local](../media/photo.jpg) ![also](media/a.png){ width=300 }\n",
    '<img src="../media/a.png" alt="A">\n',
    '{{ quiz "check-1" }}\n',
    "Turn the lamp on = off.\n",
    "A decision <one that matters> and 3 < 5.\n",
]


@pytest.mark.parametrize(("markdown", "line", "words"), HOSTILE)
def test_hostile_markdown_is_found(markdown: str, line: int, words: str) -> None:
    with pytest.raises(AuthorError) as caught:
        cs.check_markdown(markdown, markdown, "modules/x/ru/01-a.md")
    message = str(caught.value)
    assert message.startswith(f"modules/x/ru/01-a.md:{line}: "), message
    assert words in message
    assert " - " in message  # what is wrong - how to fix it


@pytest.mark.parametrize("markdown", SAFE)
def test_code_and_ordinary_text_pass(markdown: str) -> None:
    assert cs.scan_markdown(markdown) == []


def test_lines_count_from_the_top_of_the_file_with_front_matter() -> None:
    source = '---\r\ntitle: "Т"\r\n---\r\n\r\n# Т\r\n\r\n<script>x()</script>\r\n'
    markdown = "# Т\n\n<script>x()</script>\n"  # what MkDocs passes: no front matter, \n
    with pytest.raises(AuthorError, match=r"^docs/ru/a\.md:7: raw <script> tag - remove it"):
        cs.check_markdown(markdown, source, "docs/ru/a.md")


def test_front_matter_is_checked_too() -> None:
    source = '---\ntitle: "<img src=x onerror=alert(1)>"\n---\n\n# T\n'
    with pytest.raises(AuthorError, match=r"^a\.md:2: inline event handler"):
        cs.check_markdown("# T\n", source, "a.md")


def test_mask_keeps_length_and_lines() -> None:
    text = "a `b\nc` d\n\n```\n<x>\n```\n`unclosed\n\nz`\n"
    masked = cs.mask_code(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "<x>" not in masked and "b" not in masked
    assert "`unclosed" in masked  # a code span does not cross a blank line


def test_html_check_finds_what_markdown_left_live() -> None:
    # Inside a raw <div> block Markdown leaves backticks alone: the script would run.
    source = "# T\n\n<div>\n`<script>alert(1)</script>`\n</div>\n"
    assert cs.scan_markdown(source) == []
    html = "<h1>T</h1>\n<div>\n`<script>alert(1)</script>`\n</div>"
    with pytest.raises(AuthorError, match=r"^a\.md:4: raw <script> tag \(Markdown is not"):
        cs.check_html(html, source, "a.md")


def test_html_check_ignores_escaped_code_and_data_scripts() -> None:
    html = (
        "<p><code>&lt;script&gt;</code> <code>javascript:x()</code></p>"
        '<script type="application/json">{"a": 1}</script>'
        '<a href="https://example.org">x</a>'
    )
    assert cs.scan_html(html) == []


def test_url_helpers() -> None:
    assert cs.is_script_url(" JAVA\tSCRIPT:x")
    assert cs.is_script_url("jav&#97;script:x")
    assert not cs.is_script_url("https://example.org/javascript")
    assert cs.is_remote("HTTPS://x") and cs.is_remote("//x") and cs.is_remote("\\\\x")
    assert not cs.is_remote("media/x.png") and not cs.is_remote("data:image/png;base64,AA")


# --- real builds -------------------------------------------------------------------------


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project(plugins=repo_plugins())
    project.module("first", {"ru": ["01-a.md"], "be": ["01-a.md"], "en": ["01-a.md"]})
    return project


BUILD_CASES = [
    pytest.param(
        "modules/first/be/01-a.md",
        "---\ntitle: Урок\n---\n\n# Урок\n\nТэкст.\n\n<script>alert(1)</script>\n",
        "modules/first/be/01-a.md:9: raw <script> tag - remove it: lessons and pages may not "
        'run scripts (a quiz goes on a line of its own as {{ quiz "id" }}); to show it as text, '
        "put it in `backticks` or a fenced code block",
        id="script-in-lesson",
    ),
    pytest.param(
        "docs/en/index.md",
        "# Home\n\nWelcome.\n\n![map](https://maps.example.org/tile.png)\n",
        'docs/en/index.md:5: remote image "https://maps.example.org/tile.png" - save a copy in '
        "the module's media/ folder (site pages: overrides/assets/images/) and use its relative "
        "path: the course works offline",
        id="remote-image-in-page",
    ),
    pytest.param(
        "modules/first/ru/01-a.md",
        "---\ntitle: Урок\n---\n\n# Урок\n\n<div>\n`<iframe src=x></iframe>`\n</div>\n",
        "modules/first/ru/01-a.md:8: <iframe> embeds another page or program (Markdown is not "
        "applied inside an HTML block such as <div>, so `backticks` there are not code)",
        id="code-span-in-raw-html-block",
    ),
]


@pytest.mark.parametrize(("path", "text", "message"), BUILD_CASES)
def test_hostile_content_stops_the_build(
    course: Project, path: str, text: str, message: str
) -> None:
    course.write(path, text)
    result = course.build()
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (course.root / "site").exists()
    assert not (course.root / "site.partial").exists()


def test_code_examples_and_links_build(course: Project) -> None:
    course.write(
        "modules/first/en/01-a.md",
        "---\r\ntitle: Lesson\r\n---\r\n\r\n# Lesson\r\n\r\n"
        "Never paste `<script>` or `onclick=` into a page.\r\n\r\n"
        '```html\r\n<iframe src="https://example.org"></iframe>\r\n```\r\n\r\n'
        "[A web page](https://example.org/).\r\n",
    )
    result = course.build()
    assert result.returncode == 0, result.stderr
    page = course.html("en/modules/first/01-a.html")
    assert "&lt;script&gt;" in page and "&lt;iframe" in page
