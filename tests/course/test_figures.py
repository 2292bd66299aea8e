"""Figures: ``modules/<id>/figures/<name>.yml`` drawn by dot, ``{{ figure "name" }}`` lines.

Golden cases are ``tests/golden/figure/<name>-<lang>.yml`` (a figure source) beside
the expected ``<name>-<lang>.html``; ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.core.sources import figure_directives, read_source
from aci_course.course import figures as figures_module
from aci_course.course.figures import (
    Drawer,
    Figure,
    load_figure,
    load_figures,
    place_figures,
    render_figure,
)
from aci_course.course.modules import load_modules
from tests.conftest import Project, check_golden
from tests.repo_config import ROOT

GOLDEN = Path(__file__).parents[1] / "golden" / "figure"
MAX_BYTES = 15_000
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")

FIGURE = """\
caption: {ru: "Шаги", be: "Крокі", en: "Steps"}
description: {ru: "Два шага.", be: "Два крокі.", en: "Two steps."}
nodes:
  - id: first
    label: {ru: "Первый шаг", be: "Першы крок", en: "The first step"}
  - id: second
    label: {ru: "Второй шаг", be: "Другі крок", en: "The second step"}
edges:
  - [first, second]
"""


def figure_file(tmp_path: Path, text: str = FIGURE, name: str = "steps") -> Path:
    path = tmp_path / "modules" / "care" / "figures" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(GOLDEN.glob("*.yml")), ids=lambda p: p.stem)
def test_golden_figure(case: Path, tmp_path: Path, update_golden: bool) -> None:
    name, _, lang = case.stem.rpartition("-")
    path = figure_file(tmp_path, case.read_text(encoding="utf-8"), name)
    figure = load_figure(path, "care", tmp_path, LANGUAGES)
    drawn = render_figure(figure, lang, Drawer(None))
    check_golden(drawn, case.with_suffix(".html"), update_golden)


def test_the_svg_has_no_fixed_colour_and_speaks_the_page_language(tmp_path: Path) -> None:
    figure = load_figure(figure_file(tmp_path), "care", tmp_path, LANGUAGES)
    page = render_figure(figure, "be", Drawer(None))
    root = lxml_html.fromstring(page)
    assert root.tag == "figure"
    svg = root.find("svg")
    assert svg is not None
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "figure-steps-title figure-steps-desc"
    assert svg.get("viewbox") or svg.get("viewBox")
    assert root.findtext("figcaption") == "Крокі"
    assert svg.findtext("title") == "Крокі"
    assert svg.findtext("desc") == "Два крокі."
    assert "Першы крок" in page and "Первый" not in page and "first step" not in page
    colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', page))
    assert colours <= {"currentColor", "none"}, colours
    assert "<script" not in page and 'font-family="Times' not in page


def test_dot_output_is_cached_by_content(tmp_path: Path) -> None:
    figure = load_figure(figure_file(tmp_path), "care", tmp_path, LANGUAGES)
    cache = tmp_path / "cache"
    drawer = Drawer(cache)
    first = render_figure(figure, "ru", drawer)
    assert render_figure(figure, "ru", drawer) == first
    assert drawer.runs == 1
    render_figure(figure, "en", drawer)
    assert drawer.runs == 2
    again = Drawer(cache)  # the next build: dot does not run for an unchanged figure
    assert render_figure(figure, "ru", again) == first
    assert again.runs == 0
    assert len(list(cache.glob("*.svg"))) == 2


def test_the_finished_svg_is_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next build reads the finished SVG: neither dot nor figure_svg runs."""
    figure = load_figure(figure_file(tmp_path), "care", tmp_path, LANGUAGES)
    cache = tmp_path / "cache"
    first = render_figure(figure, "ru", Drawer(cache))
    (entry,) = cache.glob("*.svg")
    assert entry.read_text(encoding="utf-8").startswith("<svg ")
    assert 'aria-labelledby="figure-steps-title figure-steps-desc"' in entry.read_text()
    assert not list(cache.glob("*.tmp"))  # written whole, nothing left beside it

    def unused(*args: object) -> str:
        raise AssertionError("the cached SVG should have been used")

    monkeypatch.setattr(figures_module, "figure_svg", unused)
    monkeypatch.setattr(figures_module, "_run_dot", unused)
    again = Drawer(cache)
    assert render_figure(figure, "ru", again) == first
    assert again.runs == 0


def test_a_changed_caption_or_description_makes_a_new_entry(tmp_path: Path) -> None:
    """The title and description are inside the SVG: a change of either is drawn anew."""
    cache = tmp_path / "cache"
    figure = load_figure(figure_file(tmp_path), "care", tmp_path, LANGUAGES)
    render_figure(figure, "ru", Drawer(cache))
    for old, new in (('ru: "Шаги"', 'ru: "Два шага"'), ('ru: "Два шага."', 'ru: "Шаг за шагом."')):
        path = figure_file(tmp_path, FIGURE.replace(old, new))
        changed = load_figure(path, "care", tmp_path, LANGUAGES)
        drawer = Drawer(cache)
        page = render_figure(changed, "ru", drawer)
        assert drawer.runs == 1
        assert new.split('"')[1] in page
        assert render_figure(changed, "ru", Drawer(None)) == page  # as drawn without a cache
    assert len(list(cache.glob("*.svg"))) == 3


def _course_figures() -> dict[str, dict[str, Figure]]:
    return {
        m.id: load_figures(m.folder, m.id, ROOT, LANGUAGES) for m in load_modules(ROOT, LANGUAGES)
    }


def test_every_module_shows_a_figure_in_every_language(tmp_path: Path) -> None:
    """Each module's lessons place a figure in each language, drawn in that language."""
    drawer = Drawer(tmp_path / "cache")
    for module in load_modules(ROOT, LANGUAGES):
        figures = load_figures(module.folder, module.id, ROOT, LANGUAGES)
        for lang in LANGUAGES:
            shown: list[str] = []
            for lesson in module.lessons:
                path = module.folder / lang / lesson.name
                if not path.is_file():
                    continue
                text = path.read_text(encoding="utf-8")
                placed = place_figures(
                    read_source(text).body,
                    module=module.id,
                    figures=figures,
                    lang=lang,
                    drawer=drawer,
                    source=str(path),
                    source_text=text,
                )
                shown += placed.slots.values()
                assert len(placed.slots) == len(figure_directives(text))
            assert shown, f"modules/{module.id}/{lang}: no lesson shows a figure"
            for page in shown:
                name = re.search(r'data-figure="[^/]+/([^"]+)"', page)
                assert name is not None
                figure = figures[name[1]]
                for text in figure.texts(lang):
                    words = text.split()[0].strip(".,:;")
                    assert words in page, (module.id, lang, text)
                _assert_language(page, lang)


def _assert_language(page: str, lang: str) -> None:
    """The figure's words are written in the page's alphabet."""
    root = lxml_html.fromstring(page)
    text = " ".join(root.itertext())
    latin = re.findall(r"[A-Za-z]{3,}", text)
    cyrillic = re.findall(r"[А-Яа-яЁёІіЎў]{3,}", text)
    if lang == "en":
        assert not cyrillic, cyrillic[:5]
    else:
        assert not latin, latin[:5]
        other = "іў" if lang == "ru" else "иъщ"
        assert not re.search(f"[{other}]", text.lower()), (lang, text[:200])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_is_small(lang: str, tmp_path: Path) -> None:
    drawer = Drawer(tmp_path / "cache")
    for module, figures in _course_figures().items():
        for figure in figures.values():
            size = len(render_figure(figure, lang, drawer).encode())
            assert size < MAX_BYTES, f"modules/{module}/figures/{figure.name}.yml ({lang}): {size}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            FIGURE.replace(', be: "Другі крок"', ""),
            'modules/care/figures/steps.yml:7: the label of node "second" has no "be" text - '
            'add be: "..." (written natively in that language)',
        ),
        (
            FIGURE.replace("[first, second]", "[first, third]"),
            'modules/care/figures/steps.yml:9: edge 1 names unknown node "third" - '
            "use one of the nodes: first, second",
        ),
        (
            FIGURE.replace("caption:", "title:"),
            'modules/care/figures/steps.yml:1: unknown key "title" - '
            "use only caption, description, direction, nodes, edges, groups",
        ),
        (
            FIGURE.replace("  - id: second", "  - id: first"),
            'modules/care/figures/steps.yml:6: node id "first" is used twice - '
            "give each node its own id",
        ),
        (
            "direction: UP\n" + FIGURE,
            'modules/care/figures/steps.yml:1: unknown direction "UP" - '
            "use TB (top to bottom, best on phones) or LR (left to right)",
        ),
    ],
    ids=["missing-language", "unknown-node", "unknown-key", "twice", "direction"],
)
def test_figure_source_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(AuthorError) as error:
        load_figure(figure_file(tmp_path, text), "care", tmp_path, LANGUAGES)
    assert str(error.value) == message


LESSON = '---\ntitle: A\n---\n\n# A\n\n{{{{ figure "steps" }}}}\n\n{line}\n'


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{{ figure "stairs" }}',
            'modules/care/ru/01-a.md:9: unknown figure "stairs" - '
            "use one of the figures of modules/care/figures/: steps",
        ),
        (
            "{{ figure steps }}",
            "modules/care/ru/01-a.md:9: cannot read this figure line - write it on a line of "
            'its own as {{ figure "lundy-model" }} (the name in double quotes)',
        ),
        (
            '{{ figure "steps" }}',
            'modules/care/ru/01-a.md:9: figure "steps" is already on this page (line 7) - '
            "show each figure once per page",
        ),
    ],
    ids=["unknown", "unreadable", "twice"],
)
def test_figure_line_errors(tmp_path: Path, line: str, message: str) -> None:
    figures = {"steps": load_figure(figure_file(tmp_path), "care", tmp_path, LANGUAGES)}
    text = LESSON.format(line=line)
    with pytest.raises(AuthorError) as error:
        place_figures(
            read_source(text).body,
            module="care",
            figures=figures,
            lang="ru",
            drawer=Drawer(None),
            source="modules/care/ru/01-a.md",
            source_text=text,
        )
    assert str(error.value) == message


def test_a_module_without_figures_names_the_file_to_write(tmp_path: Path) -> None:
    text = LESSON.format(line="")
    with pytest.raises(AuthorError) as error:
        place_figures(
            read_source(text).body,
            module="care",
            figures={},
            lang="ru",
            drawer=Drawer(None),
            source="modules/care/ru/01-a.md",
            source_text=text,
        )
    assert str(error.value) == (
        'modules/care/ru/01-a.md:7: unknown figure "steps" - write '
        "modules/care/figures/steps.yml (see docs-dev/figures.md), or fix the name"
    )


def test_a_build_draws_figures_in_each_language_and_stops_at_an_unknown_one(  # type: ignore[no-untyped-def]
    make_project,
) -> None:
    project: Project = make_project()
    project.module("care", {lang: ["01-a.md"] for lang in LANGUAGES})
    project.write("modules/care/figures/steps.yml", FIGURE)
    for lang in LANGUAGES:
        project.write(
            f"modules/care/{lang}/01-a.md",
            f'---\ntitle: A {lang}\n---\n\n# A {lang}\n\n!!! note\n    {{{{ figure "steps" }}}}\n',
        )
    result = project.build()
    assert result.returncode == 0, result.stderr
    expected = {"ru": "Первый шаг", "be": "Першы крок", "en": "The first step"}
    for lang, prefix in (("ru", ""), ("be", "be/"), ("en", "en/")):
        page = project.html(f"{prefix}modules/care/01-a.html")
        root = lxml_html.fromstring(page)
        found = root.xpath("//article//figure[@class='aci-figure'][@data-figure='care/steps']")
        assert len(found) == 1, lang
        figure = found[0]
        assert figure.xpath(".//svg[@role='img']")
        assert figure.xpath("string(.//figcaption)") == FIGURE_CAPTIONS[lang]
        assert expected[lang] in figure.xpath("string(.//svg)")
        assert "data-aci-figure-slot" not in page
    assert list((project.root / ".cache" / "figures").glob("*.svg"))

    project.write("modules/care/en/01-a.md", '---\ntitle: A\n---\n\n# A\n\n{{ figure "nope" }}\n')
    result = project.build()
    assert result.returncode != 0
    assert (
        'modules/care/en/01-a.md:7: unknown figure "nope" - '
        "use one of the figures of modules/care/figures/: steps"
    ) in result.stderr
    assert "Traceback" not in result.stderr


FIGURE_CAPTIONS = {"ru": "Шаги", "be": "Крокі", "en": "Steps"}
