"""Live preview: ``mkdocs serve`` rebuilds on every source the build reads.

The server runs on a free port of 127.0.0.1 over a fixture course; the lesson is
edited and the served page must show the change within seconds; an author
mistake is printed as ``path:line`` and the server keeps serving.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from aci_course.core import sources, texts
from tests.conftest import ROOT, Project

LESSON = "modules/m1/ru/01-intro.md"
PAGE = "modules/m1/01-intro.html"
WAIT = 30.0  # seconds: generous for a shared, loaded machine; a rebuild takes about one


def test_watched_paths_cover_every_source(tmp_path: Path) -> None:
    for folder in ("modules/m1/facilitator/ru", "quizzes", "facilitator/ru", "profiles"):
        (tmp_path / folder).mkdir(parents=True)
    for folder in ("overrides", "docs"):
        (tmp_path / folder).mkdir()
    watched = sources.watched_paths(tmp_path, str(tmp_path / "overrides"))

    package = ROOT / "aci_course"
    assert watched == [
        tmp_path / "modules",
        tmp_path / "quizzes",
        tmp_path / "facilitator",
        tmp_path / "profiles",
        tmp_path / "overrides",
        package / "templates",
        package / "data",
    ]
    # A module's facilitator material (session plans) is watched with its module.
    plan = tmp_path / "modules/m1/facilitator/ru/session-plan.md"
    assert any(plan.is_relative_to(path) for path in watched)
    # Folders a project lacks are left out (the watcher cannot watch them).
    assert sources.watched_paths(tmp_path / "none", None) == [
        package / "templates",
        package / "data",
    ]


def test_interface_texts_reread_when_ui_yml_changes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ui = tmp_path / "ui.yml"
    ui.write_text('greeting: {ru: "Привет", be: "Прывітанне", en: "Hello"}\n', encoding="utf-8")
    monkeypatch.setattr(texts, "_ui_file", lambda: ui)
    monkeypatch.setattr(texts, "_read_stamp", [None])
    texts.table.cache_clear()
    try:
        assert texts.t("greeting", "en") == "Hello"
        texts.reload_if_changed()
        assert texts.t("greeting", "en") == "Hello"
        ui.write_text('greeting: {ru: "Привет", be: "Прывітанне", en: "Hi"}\n', encoding="utf-8")
        os.utime(ui, ns=(0, ui.stat().st_mtime_ns + 1_000_000_000))
        texts.reload_if_changed()
        assert texts.t("greeting", "en") == "Hi"
    finally:
        texts.table.cache_clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _until(condition: Callable[[], bool], what: str, log: Path) -> float:
    """Seconds until ``condition`` holds; fails after WAIT with the server's output."""
    start = time.monotonic()
    while time.monotonic() - start < WAIT:
        if condition():
            return time.monotonic() - start
        time.sleep(0.2)
    raise AssertionError(f"{what}: not within {WAIT} s\n{log.read_text(encoding='utf-8')[-3000:]}")


@contextmanager
def _serving(project: Project, *options: str) -> Iterator[tuple[str, Path]]:
    """``mkdocs serve`` of ``project`` on a free port: (base URL, its output file)."""
    port = _free_port()
    log = project.root / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
            cwd=project.root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{port}/", log
        assert server.poll() is None, "the server stopped"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_serve_rebuilds_on_lesson_change_and_survives_author_errors(make_project) -> None:  # type: ignore[no-untyped-def]
    project: Project = make_project()
    project.module("m1", {"ru": ["01-intro.md"]})
    with _serving(project) as (base, log):
        url = base + PAGE
        _until(lambda: "ru 01-intro.md" in (_get(url) or ""), "first build served", log)

        project.write(LESSON, "---\ntitle: Новый заголовок\n---\n\n# Новый заголовок\n\nТекст.\n")
        _until(lambda: "Новый заголовок" in (_get(url) or ""), "edited lesson served", log)

        module_yml = project.root / "modules/m1/module.yml"
        good = module_yml.read_text(encoding="utf-8")
        module_yml.write_text(good.replace("  ru: [", "\tru: ["), encoding="utf-8")
        _until(lambda: "modules/m1/module.yml:12: a tab" in log.read_text("utf-8"), "error", log)
        assert "Traceback" not in log.read_text(encoding="utf-8")
        assert "Новый заголовок" in (_get(url) or "")  # the last good build is still served

        module_yml.write_text(good, encoding="utf-8")
        project.write(LESSON, "---\ntitle: Исправлено\n---\n\n# Исправлено\n\nТекст.\n")
        _until(lambda: "Исправлено" in (_get(url) or ""), "build after the fix served", log)


def test_serve_clean_serves_its_first_build(make_project) -> None:  # type: ignore[no-untyped-def]
    # --clean starts the plugins as for "build": safe_build must not keep the first
    # build in its partial folder, where the server does not look.
    project: Project = make_project()
    project.module("m1", {"ru": ["01-intro.md"]})
    with _serving(project, "--clean") as (base, log):
        _until(lambda: "ru 01-intro.md" in (_get(base + PAGE) or ""), "first build served", log)
