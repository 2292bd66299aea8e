"""Shared fixtures for browser tests: one built site, Debian Chromium, request logs.

The real course is built once per session into a temporary folder (``./site`` is
never touched) and opened two ways: from disk (``file://``) and over HTTP on
127.0.0.1 under the sub-path ``/course/``. Every request a page makes is recorded,
so a test can assert that nothing left the machine.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.sitecheck import repo_site

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SUBPATH = "/course/"
LANG_PREFIX = {"ru": "", "be": "be/", "en": "en/"}


def _missing_browser(reason: str) -> None:
    """Fail in CI, skip loudly elsewhere: a green run that skipped browsers is not green."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(f"BROWSER TESTS SKIPPED: {reason}")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built strictly once per test process (or ACI_SITE_DIR, if set)."""
    return repo_site(tmp_path_factory.mktemp("built") / "site")


class _SubpathHandler(SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, like a host that puts it in a folder."""

    def translate_path(self, path: str) -> str:
        parsed = urlsplit(path).path
        if not parsed.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + parsed[len(SUBPATH) :])

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def http_base(built_site: Path) -> Iterator[str]:
    """``http://127.0.0.1:<port>/course/`` serving the built site."""
    handler = functools.partial(_SubpathHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def file_base(built_site: Path) -> str:
    """``file:///.../site/`` of the built site."""
    return built_site.as_uri() + "/"


# Package scope: Playwright's sync API runs an event loop while it is open, and the
# PDF export (tests/export) starts its own afterwards, which it refuses inside a loop.
@pytest.fixture(scope="package")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium for all the browser tests."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        _missing_browser(f"{CHROMIUM} not found - apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing_browser("playwright is not installed - make deps")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Browse:
    """A fresh page with everything it requested and every script error."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def goto(self, path: str = "index.html", lang: str = "ru") -> Any:
        """Open ``path`` of language ``lang`` (e.g. ``modules/x/01-a.html``)."""
        self.page.goto(self.base + LANG_PREFIX[lang] + path)
        self.page.wait_for_load_state("load")
        return self.page

    def foreign_requests(self) -> list[str]:
        """Requests that left the machine: anything but file:// and 127.0.0.1."""
        return [
            url
            for url in self.requests
            if not url.startswith(("file://", "data:", "blob:", "about:"))
            and urlsplit(url).hostname != "127.0.0.1"
        ]

    def assert_clean(self) -> None:
        """No request to another host and no script error so far."""
        assert self.foreign_requests() == [], f"requests to other hosts: {self.foreign_requests()}"
        assert self.errors == [], f"script errors: {self.errors}"


def _new_browse(chromium: Any, base: str, **context_args: Any) -> Browse:
    # The offline web app's worker would precache the whole language in the background
    # of every HTTP test; only tests/browser/test_webapp.py lets it run.
    context_args.setdefault("service_workers", "block")
    context = chromium.new_context(**context_args)
    page = context.new_page()
    browse = Browse(page=page, base=base)
    page.on("request", lambda request: browse.requests.append(request.url))
    page.on("pageerror", lambda error: browse.errors.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda msg: browse.errors.append(f"console: {msg.text}") if msg.type == "error" else None,
    )
    return browse


@pytest.fixture(params=["file", "http"])
def browse(request: pytest.FixtureRequest, chromium: Any) -> Iterator[Browse]:
    """A fresh browser context on the site, once over file:// and once over HTTP."""
    base = request.getfixturevalue("file_base" if request.param == "file" else "http_base")
    browse = _new_browse(chromium, base)
    yield browse
    browse.page.context.close()


@pytest.fixture
def new_browse(chromium: Any, file_base: str) -> Iterator[Any]:
    """Factory for extra contexts (e.g. a phone viewport): ``new_browse(base=..., **ctx)``."""
    made: list[Browse] = []

    def make(base: str | None = None, **context_args: Any) -> Browse:
        browse = _new_browse(chromium, base or file_base, **context_args)
        made.append(browse)
        return browse

    yield make
    for browse in made:
        browse.page.context.close()
