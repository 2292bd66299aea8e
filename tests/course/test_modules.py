"""module.yml validation: every author mistake gets its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.course.modules import check_docs_layout, lesson_title, load_modules
from tests.conftest import MODULE_YML


def _project(
    tmp_path: Path,
    yml: str | None = None,
    lessons: dict[str, list[str]] | None = None,
    module_id: str = "demo",
) -> Path:
    folder = tmp_path / "modules" / module_id
    folder.mkdir(parents=True)
    text = (
        yml
        if yml is not None
        else MODULE_YML.format(id=module_id, track="inclusive-care", order=1, prerequisites="[]")
    )
    (folder / "module.yml").write_text(text, encoding="utf-8")
    for lang, names in (lessons or {"ru": ["01-a.md"]}).items():
        (folder / lang).mkdir(exist_ok=True)
        for name in names:
            (folder / lang / name).write_text(f"# {lang} {name}\n", encoding="utf-8")
    return tmp_path


def _valid(**changes: str) -> str:
    text = MODULE_YML.format(id="demo", track="inclusive-care", order=1, prerequisites="[]")
    for old, new in changes.items():
        old_line = next(line for line in text.splitlines() if line.startswith(old + ":"))
        text = text.replace(old_line, new)
    return text


def _error(tmp_path: Path, yml: str, **kwargs: object) -> str:
    root = _project(tmp_path, yml, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(AuthorError) as caught:
        load_modules(root, LANGUAGES)
    return str(caught.value)


def test_valid_module_loads(tmp_path: Path) -> None:
    root = _project(tmp_path, lessons={"ru": ["01-a.md", "02-b.md"], "be": ["01-a.md"]})
    [module] = load_modules(root, LANGUAGES)
    assert module.id == "demo"
    assert [lesson.name for lesson in module.lessons] == ["01-a.md", "02-b.md"]
    assert module.lessons[1].source("be")[0] == "ru"
    assert module.lessons[0].source("be")[0] == "be"
    assert module.lessons[0].title("en") == "ru 01-a.md"


MESSAGES = {
    "unknown key": (
        _valid() + "titel: x\n",
        'modules/demo/module.yml:16: unknown key "titel" - remove it or use one of: id, track, '
        "order, version, audience, duration_minutes, licence, authors, title, summary, "
        "objectives, prerequisites",
    ),
    "missing key": (
        _valid(licence=""),
        'modules/demo/module.yml:1: missing key "licence" - add it, e.g. licence: CC-BY-SA-4.0',
    ),
    "wrong type": (
        _valid(duration_minutes='duration_minutes: "ninety"'),
        'modules/demo/module.yml:6: "duration_minutes" must be a whole number above 0 - '
        "write it as duration_minutes: 90",
    ),
    "missing language": (
        _valid(title='title: {ru: "Т", en: "T"}'),
        'modules/demo/module.yml:9: "title" lacks be - '
        "add a be: text (every text needs ru, be, en)",
    ),
    "unknown language": (
        _valid(summary='summary: {ru: "К", be: "К", en: "S", de: "Z"}'),
        'modules/demo/module.yml:10: "summary" has unknown language "de" - use only ru, be, en',
    ),
    "empty text": (
        _valid(summary='summary: {ru: "", be: "К", en: "S"}'),
        'modules/demo/module.yml:10: "summary" in ru must be non-empty text - '
        'write it as summary: {ru: "...", be: "...", en: "..."}',
    ),
    "unknown track": (
        _valid(track="track: inclusion"),
        'modules/demo/module.yml:2: unknown track "inclusion" - use one of: inclusive-care, '
        "life-skills, trainers",
    ),
    "unknown audience": (
        _valid(audience="audience: [teachers, parents]"),
        'modules/demo/module.yml:5: unknown audience "parents" - use one of: teachers, '
        "foster-parents, institution-staff, vocational-staff, adolescents, trainers",
    ),
    "id differs from folder": (
        _valid(id="id: other"),
        'modules/demo/module.yml:1: "id" is "other" but the folder is "demo" - '
        "make the id and the folder name the same",
    ),
    "version not semver": (
        _valid(version='version: "1.0"'),
        'modules/demo/module.yml:4: "version" "1.0" is not MAJOR.MINOR.PATCH - '
        'write it as version: "1.0.0"',
    ),
    "version as number": (
        _valid(version="version: 1.0"),
        'modules/demo/module.yml:4: "version" must be non-empty text - '
        'write it as version: "1.0.0"',
    ),
    "unknown prerequisite": (
        _valid(prerequisites="prerequisites:\n  - nowhere"),
        'modules/demo/module.yml:16: unknown prerequisite "nowhere" - '
        "use the id of a module in modules/: demo",
    ),
    "self prerequisite": (
        _valid(prerequisites="prerequisites: [demo]"),
        'modules/demo/module.yml:15: module "demo" lists itself as a prerequisite - '
        "remove it from prerequisites",
    ),
    "yaml syntax": (
        _valid(title='title: {ru: "Т", be: "Т" en: "T"}'),
        "modules/demo/module.yml:9: YAML syntax error: expected ',' or '}', but got '<scalar>' - "
        "fix the indentation or quoting on this line (values with ':' or '#' need quotes)",
    ),
    "not a mapping": (
        "- just\n- a list\n",
        "modules/demo/module.yml:1: must be a mapping of keys - "
        "start from the module.yml example in DESIGN.md",
    ),
}


@pytest.mark.parametrize("case", MESSAGES)
def test_module_yml_messages(tmp_path: Path, case: str) -> None:
    yml, expected = MESSAGES[case]
    assert _error(tmp_path, yml) == expected


def test_lesson_names_must_match_russian(tmp_path: Path) -> None:
    message = _error(tmp_path, _valid(), lessons={"ru": ["01-a.md"], "be": ["01-b.md"]})
    assert message == (
        'modules/demo/be/01-b.md: no Russian lesson has the name "01-b.md" - lesson names must '
        "be the same in every language: rename it to one of 01-a.md"
    )


def test_lesson_name_pattern(tmp_path: Path) -> None:
    message = _error(tmp_path, _valid(), lessons={"ru": ["Intro.md"]})
    assert message == (
        "modules/demo/ru/Intro.md: lesson file name is not NN-slug.md - rename it like "
        "01-first-steps.md (two digits, a hyphen, lowercase words)"
    )


def test_module_without_russian_lessons(tmp_path: Path) -> None:
    message = _error(tmp_path, _valid(), lessons={"en": ["01-a.md"]})
    assert message == (
        "modules/demo/ru: has no lessons - add the Russian lessons as modules/demo/ru/01-name.md"
    )


def test_lesson_without_title(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "modules/demo/ru/01-a.md").write_text("No heading here.\n", encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        load_modules(root, LANGUAGES)
    assert str(caught.value) == (
        'modules/demo/ru/01-a.md:1: lesson has no title - add front matter "title: ..." '
        'or a first "# Heading"'
    )


def test_module_yml_not_utf8(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "modules/demo/module.yml").write_bytes("id: demo\ntitle: Модуль\n".encode("cp1251"))
    with pytest.raises(AuthorError) as caught:
        load_modules(root, LANGUAGES)
    assert str(caught.value) == (
        "modules/demo/module.yml:2: is not valid UTF-8 text - save the file with UTF-8 encoding"
    )


def test_two_letter_docs_folder(tmp_path: Path) -> None:
    (tmp_path / "docs" / "ru").mkdir(parents=True)
    (tmp_path / "docs" / "js").mkdir()
    with pytest.raises(AuthorError) as caught:
        check_docs_layout(tmp_path / "docs", tmp_path)
    assert str(caught.value) == (
        "docs/js: a two-letter folder under docs/ is taken for a language and left out of the "
        "site - move assets to overrides/ or rename the folder (languages: ru, be, en)"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: From meta\n---\n\n# Heading\n", "From meta"),
        ("# Heading one\n\n## Two\n", "Heading one"),
        ("---\nother: 1\n---\n# After meta\n", "After meta"),
        ("Plain text\n", None),
    ],
)
def test_lesson_title(text: str, title: str | None) -> None:
    assert lesson_title(text) == title
