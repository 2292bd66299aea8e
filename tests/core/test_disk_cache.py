"""Results kept under ``.cache/``: exact keys, whole entries, and what each step keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from aci_course.core.disk_cache import DiskCache, code_version, digest
from aci_course.core.minify import minify_site
from aci_course.core.template_cache import ProcessBytecodeCache
from tests.core.jinja_counting import counting
from tests.repo_config import ROOT


def test_keys_are_exact_and_entries_are_whole(tmp_path: Path) -> None:
    assert digest("ab", "c") != digest("a", "bc") != digest("abc")
    assert digest("x", b"y") == digest(b"x", "y")
    cache = DiskCache.at(tmp_path, "step")
    assert cache.read_text("k1", ".txt") is None
    cache.write_text("k1", "один\r\n", ".txt")
    cache.write_text("k2", "two", ".txt")
    assert cache.read_text("k1", ".txt") == "один\r\n"  # bytes as written
    assert sorted(p.name for p in (tmp_path / ".cache" / "step").iterdir()) == [
        "k1.txt",
        "k2.txt",
    ]  # no temporary file left
    cache.keep_only("k2", ".txt")
    assert [p.name for p in cache.entries(".txt")] == ["k2.txt"]
    nowhere = DiskCache(None)
    nowhere.write_text("k", "v")
    assert nowhere.read_text("k") is None and nowhere.entries() == []


def test_code_version_follows_the_code(tmp_path: Path) -> None:
    script = tmp_path / "step.cjs"
    script.write_text("a", "utf-8")
    before = code_version([script, tmp_path / "missing.json"])
    script.write_text("b", "utf-8")
    assert code_version([script, tmp_path / "missing.json"]) != before


def test_compiled_templates_outlive_the_process(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{% for x in xs %}<{{ x }}>{% endfor %}\n", "utf-8")
    disk = DiskCache.at(tmp_path, "templates")

    def env() -> tuple[Environment, list[str]]:
        cache = ProcessBytecodeCache()  # a new process: nothing in memory
        cache.keep_on_disk(disk)
        environment = Environment(loader=FileSystemLoader(tmp_path), auto_reload=False)
        environment.bytecode_cache = cache
        return environment, counting(environment)

    first, first_compiled = env()
    assert first.get_template("page.html").render(xs=[1, 2]) == "<1><2>"
    second, second_compiled = env()
    assert second.get_template("page.html").render(xs=[3]) == "<3>"
    assert first_compiled == ["page.html"] and second_compiled == []

    (tmp_path / "page.html").write_text("edited\n", "utf-8")
    third, third_compiled = env()
    assert third.get_template("page.html").render() == "edited"
    assert third_compiled == ["page.html"]


@pytest.mark.skipif(not (ROOT / "node_modules" / "esbuild").is_dir(), reason="npm ci first")
def test_minified_files_come_from_the_cache_without_node(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    js = "function add(first, second) {\n  // adds\n  return first + second;\n}\n"
    (overrides / "assets" / "javascripts").mkdir(parents=True)
    (overrides / "assets" / "javascripts" / "a.js").write_text(js, "utf-8")
    cache = DiskCache.at(tmp_path, "minify")

    # A style sheet of imports is bundled; the file it took in goes (no page loads it).
    sheets = {"all.css": '@import "part.css";\n', "part.css": "p {\n  color: red;\n}\n"}
    (overrides / "assets" / "stylesheets").mkdir(parents=True)
    for name, text in sheets.items():
        (overrides / "assets" / "stylesheets" / name).write_text(text, "utf-8")

    def site(name: str) -> Path:
        folder = tmp_path / name / "assets" / "javascripts"
        folder.mkdir(parents=True)
        (folder / "a.js").write_text(js, "utf-8")
        (folder / "a.js.map").write_text("{}", "utf-8")
        styles = tmp_path / name / "assets" / "stylesheets"
        styles.mkdir()
        for sheet, text in sheets.items():
            (styles / sheet).write_text(text, "utf-8")
        return tmp_path / name

    first = site("first")
    saved = minify_site(ROOT, overrides, first, cache=cache)
    minified = (first / "assets" / "javascripts" / "a.js").read_bytes()
    assert saved > 0 and b"adds" not in minified
    second = site("second")  # the same files: no node needed (node would fail)
    assert minify_site(ROOT, overrides, second, node="/bin/false", cache=cache) == saved
    assert (second / "assets" / "javascripts" / "a.js").read_bytes() == minified
    assert not (second / "assets" / "javascripts" / "a.js.map").exists()
    for built in (first, second):
        styles = built / "assets" / "stylesheets"
        assert (styles / "all.css").read_text("utf-8").strip() == "p{color:red}"
        assert not (styles / "part.css").exists()
