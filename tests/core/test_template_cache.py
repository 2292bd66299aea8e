"""The process-wide Jinja bytecode cache: same output, compiled once per source and settings."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from aci_course.core.template_cache import ProcessBytecodeCache
from tests.core.jinja_counting import counting


def _env(folder: Path, cache: ProcessBytecodeCache, **settings: object) -> Environment:
    env = Environment(loader=FileSystemLoader(folder), auto_reload=False, **settings)  # type: ignore[arg-type]
    env.bytecode_cache = cache
    return env


def test_a_new_environment_reuses_compiled_templates(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{% for x in xs %}<{{ x }}>{% endfor %}\n", "utf-8")
    cache = ProcessBytecodeCache()
    first, second = _env(tmp_path, cache), _env(tmp_path, cache)
    first_compiled, second_compiled = counting(first), counting(second)

    assert first.get_template("page.html").render(xs=[1, 2]) == "<1><2>"
    assert second.get_template("page.html").render(xs=[3]) == "<3>"
    assert first_compiled == ["page.html"] and second_compiled == []


def test_other_settings_or_an_edited_source_compile_afresh(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("{% if true %}\n  yes\n{% endif %}\n", "utf-8")
    cache = ProcessBytecodeCache()
    plain = _env(tmp_path, cache).get_template("page.html").render()
    trimmed = _env(tmp_path, cache, trim_blocks=True, lstrip_blocks=True)
    assert plain == "\n  yes\n"
    assert trimmed.get_template("page.html").render() == "  yes\n"

    page.write_text("edited\n", "utf-8")
    assert _env(tmp_path, cache).get_template("page.html").render() == "edited"
    assert len(cache) == 3
