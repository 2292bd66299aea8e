"""Page budget: what a reader's phone downloads, cold, over HTTP (issue 22).

    python -m bench.page_budget [site] [page ...]

Serves ``site`` (default ``site/``) on 127.0.0.1 under a sub-path, opens each page in
Chromium (Debian's, through Playwright) at a phone's size with an empty cache, and
counts every response until the network is idle: bytes as served (raw) and as gzip
would send them (each body compressed at level 6, as web servers do), and requests.
Then each language's service-worker precache (the files its ``sw.js`` lists).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import statistics
import sys
import threading
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
PREFIX = "/course/"


def default_pages(site: Path) -> list[str]:
    """A lesson with a quiz, its module's overview and the progress page (Russian).

    The lesson is the first one embedding a quiz in the catalogue's order, read from the
    built site's course map, so the choice follows the content.
    """
    text = (site / "assets" / "javascripts" / "progress-data.ru.js").read_text("utf-8")
    course = json.loads(text.split("] = ", 1)[1].rstrip().rstrip(";"))
    module = next(m for m in course["modules"] if any(x["quizzes"] for x in m["lessons"]))
    lesson = next(x for x in module["lessons"] if x["quizzes"])
    return [lesson["href"], module["href"], "progress.html"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        if path.startswith(PREFIX):
            path = "/" + path[len(PREFIX) :]
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def page_weight(browser: Any, base: str, page: str) -> dict[str, Any]:
    """Raw and gzip bytes and requests of one cold load of ``page``."""
    # No service worker: its precache would download the whole language during the count.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, service_workers="block"
    )
    tab = context.new_page()
    bodies: list[tuple[str, bytes]] = []

    def record(response: Any) -> None:
        try:
            bodies.append((response.url, response.body()))
        except Exception:
            bodies.append((response.url, b""))

    tab.on("response", record)
    tab.goto(base + page, wait_until="networkidle")
    context.close()
    raw = sum(len(body) for _, body in bodies)
    packed = sum(len(gzip.compress(body, 6)) for _, body in bodies)
    return {"page": page, "raw": raw, "gzip": packed, "requests": len(bodies),
            "files": sorted((len(b), u.removeprefix(base)) for u, b in bodies)[::-1]}  # fmt: skip


def precache(site: Path) -> dict[str, tuple[int, int]]:
    """Language root -> (files, bytes) its service worker precaches."""
    result = {}
    for sw in sorted(site.glob("**/sw.js")):
        text = sw.read_text("utf-8")
        urls = re.findall(r'"url":\s*"([^"]+)"', text)
        total = sum((sw.parent / url).stat().st_size for url in urls)
        result[sw.parent.relative_to(site).as_posix() or "."] = (len(urls), total)
    return result


def budget(site: Path, pages: list[str]) -> list[dict[str, Any]]:
    """:func:`page_weight` of each of ``pages``, ``site`` served on 127.0.0.1 under a sub-path."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for page in pages:
                rows.append(page_weight(browser, base, page))
            browser.close()
    finally:
        server.shutdown()
    return rows


def lesson_pages(site: Path) -> dict[str, int]:
    """Every lesson page of every language (``modules/<id>/<lesson>.html``) -> its bytes."""
    return {
        path.relative_to(site).as_posix(): path.stat().st_size
        for path in sorted(site.glob("**/modules/*/*.html"))
        if path.name != "index.html"
    }


def main(argv: list[str]) -> None:
    """Print the page budget of ``argv`` (site, pages) and each language's install."""
    site = Path(argv[0] if argv else "site").resolve()
    pages = argv[1:] or default_pages(site)
    rows = budget(site, pages)
    for row in rows:
        print(f"{row['page']}: {row['raw'] / 1024:.1f} KB raw, {row['gzip'] / 1024:.1f} KB gzip, "
              f"{row['requests']} requests")  # fmt: skip
        if "-v" in sys.argv:
            for size, url in row["files"]:
                print(f"    {size:>8} {url}")
    lessons = sorted(lesson_pages(site).values())
    if lessons:
        print(f"median lesson page: {statistics.median(lessons) / 1024:.1f} KB "
              f"({len(lessons)} lessons, largest {lessons[-1] / 1024:.1f} KB)")  # fmt: skip
    for root, (count, size) in precache(site).items():
        print(f"precache {root}: {count} files, {size / 1024 / 1024:.2f} MB")
    if "--json" in sys.argv:
        print(json.dumps(rows))


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if not a.startswith("-")])
