"""Search benchmark: the course's search against plain Material's, in Chromium over file://.

``make bench-search`` (or ``python bench/search.py``) builds the course, makes a copy
of it with plain Material's search settings (the same pages and index entries;
Material's own ``lang``, ``separator`` and ``pipeline``, no lunr.aci), and types the
queries of ``tests/search/bench_queries.yml`` (judged by the rule of
``bench/queries.py``, which this checks first) into Material's search box on a lesson
page, key by key, as a reader would (``fill()`` does not trigger Material's search).
Per language it prints:

- recall@5 per kind of query: single words in another form (rules 1-7), phrases of
  two or three words (rules 8-9) and, in English, spelling variants (rule 10): share
  of queries whose page is among the first five results;
- mean rank of the expected page (a page not in the results counts as 11);
- exact words at rank 1: for each expected lesson, its most frequent word of seven
  letters or more that no other page has (after folding), typed as written there;
- index size: ``search_index.json`` plus, for ours, the generated
  ``lunr.aci-<lang>.min.js`` (folds, stemmer endings, form table);
- bytes a lesson page loads before the reader touches search (fresh browser
  context, file://);
- time to first result: from the first key the search reads (keyup for Material;
  ours also reads input events, which Cyrillic letters typed by the test browser
  come with) on a freshly opened page (the index and worker load then) to the first
  result shown; and the same per query on a page whose search is already set up
  (median).

``--node`` ranks the same queries through Material's own search worker in Node
(``tests/js/search_worker.cjs``, whole queries at once, no browser): recall and exact
words only, in seconds instead of minutes, for a quick loop. It gave the browser's
ranks on the course; confirm a change with the browser run.

``--scale N`` builds a course N times the size first (each module copied N-1 times)
for the timings; the query set is not checked on it. Timings on a shared machine are
noisy: ours and plain are measured interleaved, query by query.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.queries import (  # noqa: E402
    KINDS,
    LANGS,
    PREFIX,
    exact_queries,
    judge_problems,
    kind_problems,
    load_kind,
    load_queries,
    query_problems,
)

CHROMIUM = "/usr/bin/chromium"
MISSING_RANK = 11
TARGET_RECALL = 0.95
KIND_NAMES = {"inflected": "single words", "phrases": "phrases", "spelling": "spelling variants"}
TARGET_SIZE_RATIO = 1.5
TARGET_FIRST_RESULT_MS = 300.0

# What Material writes for these languages (partials/languages/*.html): Russian
# stemming for Belarusian, and its default pipeline, which keeps only the stop words.
PLAIN_CONFIG = {
    "ru": {"lang": ["ru"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
    "be": {"lang": ["ru"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
}


# --- sites -----------------------------------------------------------------------------


def build(project: Path, out: Path) -> None:
    """A strict build of ``project`` into ``out``; exits on failure."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")


def scaled_project(scale: int, where: Path) -> Path:
    """A copy of the repository whose modules (and quizzes) are each there ``scale`` times."""
    project = where / "project"
    ignore = shutil.ignore_patterns("site*", ".venv", ".git", "node_modules", "__pycache__")
    shutil.copytree(ROOT, project, ignore=ignore)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for module in sorted((ROOT / "modules").iterdir()):
        if not (module / "module.yml").is_file():
            continue
        for n in range(2, scale + 1):
            copy_id = f"{module.name}-copy{n}"
            target = project / "modules" / copy_id
            shutil.copytree(module, target)
            meta = (target / "module.yml").read_text(encoding="utf-8")
            meta = re.sub(r"^id: .*$", f"id: {copy_id}", meta, count=1, flags=re.M)
            order = int(re.search(r"^order: (\d+)", meta, flags=re.M)[1])  # type: ignore[index]
            meta = re.sub(r"^order: \d+", f"order: {order * 100 + n}", meta, flags=re.M)
            (target / "module.yml").write_text(meta, encoding="utf-8")
            quiz = ROOT / "quizzes" / f"{module.name}.yml"
            if quiz.is_file():
                shutil.copy(quiz, project / "quizzes" / f"{copy_id}.yml")
    return project


def make_plain(ours: Path, plain: Path) -> None:
    """``plain``: ``ours`` with Material's own search settings in every index."""
    shutil.copytree(ours, plain)
    for lang in LANGS:
        folder = plain / PREFIX[lang] / "search"
        index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
        index["config"] = {**index["config"], **PLAIN_CONFIG[lang]}
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
    for html in plain.rglob("*.html"):  # Material loads index and worker as it likes
        text = html.read_text(encoding="utf-8")
        lazy = re.sub(r'<script src="[^"]*search-lazy\.js"></script>', "", text)
        if lazy != text:
            html.write_text(lazy, encoding="utf-8")


def index_bytes(site: Path, lang: str, ours: bool) -> int:
    """The language's index file, with our generated word data for ``ours``."""
    size = (site / PREFIX[lang] / "search" / "search_index.json").stat().st_size
    if ours:
        size += (site / f"assets/javascripts/lunr/min/lunr.aci-{lang}.min.js").stat().st_size
    return size


# --- the browser ---------------------------------------------------------------------

WATCH = """() => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const w = window.__bench = {firstKeyup: null, lastKey: null, lastChange: null, firstResult: null};
  /* Material reads the box on keyup (Cyrillic letters typed by a test come without
     one, so the End key after them is when Material takes the query); ours also on
     input (search-lazy.js), so there the first letter typed starts the clock. */
  const read = () => {
    const now = performance.now();
    if (w.firstKeyup === null) w.firstKeyup = now;
    w.lastKey = now;
  };
  box.addEventListener("keyup", read);
  if (window.__aciSearchLazy) box.addEventListener("input", read);
  new MutationObserver(() => {
    const now = performance.now();
    w.lastChange = now;
    if (w.firstKeyup !== null && w.firstResult === null
        && list.querySelector(".md-search-result__item"))
      w.firstResult = now;
  }).observe(list, {childList: true, subtree: true});
}"""

RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")]
  .map(li => li.querySelector("a") && li.querySelector("a").href)"""


@dataclass
class Run:
    """What one site gave for one language."""

    ranks: list[int] = field(default_factory=list)
    kind_ranks: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    exact_rank1: int = 0
    exact_total: int = 0
    warm_ms: list[float] = field(default_factory=list)
    cold_ms: list[float] = field(default_factory=list)
    page_bytes: int = 0

    @property
    def recall(self) -> float:
        """Share of queries with their page in the top five."""
        return sum(r <= 5 for r in self.ranks) / len(self.ranks) if self.ranks else 0.0

    def kind_recall(self, kind: str) -> float:
        """Recall@5 of one kind of query."""
        ranks = self.kind_ranks.get(kind, [])
        return sum(r <= 5 for r in ranks) / len(ranks) if ranks else 0.0

    @property
    def mean_rank(self) -> float:
        """Mean rank of the expected page (MISSING_RANK when not found)."""
        return statistics.fmean(self.ranks) if self.ranks else 0.0


def page_path(href: str) -> Path:
    """The local file a file:// result link points at."""
    return Path(unquote(urlsplit(href).path))


def type_query(page: Any, query: str) -> list[str]:
    """Type ``query`` into an empty search box; the result pages (hrefs), in order."""
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_timeout(200)  # the emptied list settles
    page.evaluate(
        "() => Object.assign(window.__bench,"
        " {firstKeyup: null, firstResult: null, lastChange: null})"
    )
    box.press_sequentially(query, delay=20)
    box.press("End")  # Cyrillic letters come without key events: Material reads on keyup
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the final list: no change for 400 ms
        page.wait_for_timeout(100)
        state = page.evaluate(
            "() => [performance.now(), window.__bench.lastChange, window.__bench.lastKey]"
        )
        now, last_change, last_key = state
        if last_change is not None and last_change > last_key and now - last_change > 400:
            break
        if now - last_key > 1500:
            break  # no change after the last key: the list was final already, or empty
    results: list[str] = page.evaluate(RESULTS)
    return results


def open_search(browser: Any, url: str) -> tuple[Any, Any, float | None]:
    """A fresh context on ``url`` with search open; the time to the first result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(WATCH)
    page.keyboard.press("/")
    page.locator("input.md-search__input").wait_for(state="visible")
    return context, page, None


def lesson_bytes(browser: Any, site: Path, url: str) -> int:
    """Bytes of every file a lesson requests before search is touched (file://)."""
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # scripts that load more (the worker)
    context.close()
    total = 0
    for u in dict.fromkeys(urls):
        if u.startswith("file://"):
            path = Path(unquote(urlsplit(u).path))
            if path.is_file():
                total += path.stat().st_size
    return total


def cold_first_result(browser: Any, url: str, query: str) -> float | None:
    """Fresh page: from the first key typed to the first result shown (ms)."""
    context, page, _ = open_search(browser, url)
    try:
        type_query(page, query)
        first, result = page.evaluate(
            "() => [window.__bench.firstKeyup, window.__bench.firstResult]"
        )
        return None if first is None or result is None else float(result - first)
    finally:
        context.close()


def measure(
    browser: Any,
    sites: Mapping[str, Path],
    lang: str,
    cold_query: str,
    kinds: Mapping[str, list[tuple[str, str]]],
    exact: list[tuple[str, str]],
    lesson: str,
    repeat: int,
) -> dict[str, Run]:
    """Both sites, one language: page bytes, cold first results, then every query."""
    runs = {name: Run() for name in sites}
    pages = {}
    for name, site in sites.items():
        url = (site / PREFIX[lang] / lesson).as_uri()
        runs[name].page_bytes = lesson_bytes(browser, site, url)
        for _ in range(repeat):
            ms = cold_first_result(browser, url, cold_query)
            if ms is not None:
                runs[name].cold_ms.append(ms)
        pages[name] = open_search(browser, url)
    try:
        for kind, items in (*kinds.items(), ("exact", exact)):
            for query, expected in items:
                for name, site in sites.items():  # interleaved: the load is shared
                    _, page, _ = pages[name]
                    hrefs = type_query(page, query)
                    want = (site / PREFIX[lang] / expected).resolve()
                    found = [page_path(h) for h in hrefs if h]
                    rank = next((i + 1 for i, p in enumerate(found) if p == want), MISSING_RANK)
                    bench = page.evaluate("() => window.__bench")
                    if bench["firstResult"] is not None and bench["firstKeyup"] is not None:
                        runs[name].warm_ms.append(bench["firstResult"] - bench["firstKeyup"])
                    if kind != "exact":
                        runs[name].kind_ranks.setdefault(kind, []).append(rank)
                        if kind == "inflected":
                            runs[name].ranks.append(rank)
                        if rank > 5:
                            runs[name].misses.append(f"{query} ({rank})")
                    else:
                        runs[name].exact_total += 1
                        runs[name].exact_rank1 += rank == 1
                        if rank != 1 and name == "ours":
                            runs[name].misses.append(f"exact {query} ({rank})")
    finally:
        for context, _, _ in pages.values():
            context.close()
    return runs


def node_ranks(site: Path, lang: str, items: list[tuple[str, str]]) -> list[int]:
    """Ranks of the expected pages, by Material's search worker in Node (``--node``)."""
    queries = list(dict.fromkeys(q for q, _ in items))
    result = subprocess.run(
        [str(Path(sys.executable).with_name("node")), str(ROOT / "tests/js/search_worker.cjs"),
         str(site / "assets" / "javascripts"),
         str(site / PREFIX[lang] / "search" / "search_index.json"), *queries],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    groups = json.loads(result.stdout)
    ranks = []
    for query, expected in items:
        pages = [group[0]["location"].split("#")[0] for group in groups[query] if group]
        ranks.append(next((i + 1 for i, p in enumerate(pages) if p == expected), MISSING_RANK))
    return ranks


def node_report(site: Path, langs: list[str], wanted: set[str]) -> None:
    """``--node``: recall@5 per kind and exact words at rank 1, through the worker in Node."""
    queries = load_queries()
    loaded = {kind: load_kind(kind) for kind in KINDS}
    print("| lang | measure | ours (Material's worker in Node) | target |")
    print("| --- | --- | --- | --- |")
    notes = []
    for lang in langs:
        kinds = {"inflected": queries[lang]} if "inflected" in wanted else {}
        kinds.update((k, by[lang]) for k, by in loaded.items() if k in wanted and by[lang])
        for kind, items in kinds.items():
            ranks = node_ranks(site, lang, items)
            recall = sum(r <= 5 for r in ranks) / len(ranks)
            print(f"| {lang} | recall@5, {KIND_NAMES[kind]} ({len(ranks)}) | {recall:.2f} "
                  f"({sum(r <= 5 for r in ranks)}/{len(ranks)}, mean rank "
                  f"{statistics.fmean(ranks):.2f}) | >= {TARGET_RECALL} "
                  f"({met(recall >= TARGET_RECALL)}) |")  # fmt: skip
            notes += [f"{lang} {q} ({r})" for (q, _), r in zip(items, ranks, strict=True) if r > 5]
        if "exact" in wanted:
            exact = exact_queries(site, lang, [p for _, p in queries[lang]])
            ranks = node_ranks(site, lang, exact)
            print(f"| {lang} | exact words at rank 1 | {sum(r == 1 for r in ranks)}/{len(ranks)}"
                  " | all |")  # fmt: skip
            notes += [f"{lang} exact {q} ({r})" for (q, _), r in zip(exact, ranks, strict=True)
                      if r != 1]  # fmt: skip
    if notes:
        print("\nnot in the top five (exact: not first): " + ", ".join(notes))


def met(ok: bool) -> str:
    """How the table says whether a target is met."""
    return "met" if ok else "not met"


def fmt_ms(values: list[float]) -> str:
    """Median in milliseconds."""
    return f"{statistics.median(values):.0f} ms" if values else "-"


def main() -> None:
    """Build, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build)")
    parser.add_argument("--scale", type=int, default=1, help="course size multiple for timings")
    parser.add_argument("--repeat", type=int, default=3, help="cold first-result runs")
    parser.add_argument("--lang", action="append", choices=LANGS, help="only these languages")
    parser.add_argument("--queries", type=int, help="only the first N queries per language")
    parser.add_argument(
        "--kind", action="append", choices=("inflected", *KINDS, "exact"), help="only these kinds"
    )
    parser.add_argument(
        "--node", action="store_true", help="ranks by Material's worker in Node (needs --site)"
    )
    args = parser.parse_args()
    if args.node:
        if not args.site:
            parser.error("--node needs --site (a built site)")
        node_report(
            args.site.resolve(), args.lang or list(LANGS),
            set(args.kind or ("inflected", *KINDS, "exact")),
        )  # fmt: skip
        return

    from playwright.sync_api import sync_playwright

    queries = load_queries()
    loaded = {kind: load_kind(kind) for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="aci-bench-search-") as tmp:
        work = Path(tmp)
        ours = args.site.resolve() if args.site else work / "ours"
        if not args.site:
            project = ROOT if args.scale == 1 else scaled_project(args.scale, work)
            started = time.monotonic()
            build(project, ours)
            print(f"built {'the course' if args.scale == 1 else f'{args.scale}x the course'} "
                  f"in {time.monotonic() - started:.1f} s")  # fmt: skip
        problems = (
            query_problems(ours, queries) + judge_problems(ours, queries) + kind_problems(ours)
            if args.scale == 1
            else []
        )
        if problems:
            sys.exit("the query set does not follow its rule (bench/queries.py):\n  "
                     + "\n  ".join(problems))  # fmt: skip
        plain = work / "plain"
        make_plain(ours, plain)
        sites = {"ours": ours, "plain": plain}
        rows: list[tuple[str, ...]] = []
        notes: list[str] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless"])
            for lang in args.lang or LANGS:
                wanted = set(args.kind or ("inflected", *KINDS, "exact"))
                all_items = queries[lang][: args.queries]
                lesson = all_items[0][1]
                kinds = {"inflected": all_items} if "inflected" in wanted else {}
                kinds.update(
                    (kind, by_lang[lang][: args.queries])
                    for kind, by_lang in loaded.items()
                    if kind in wanted and by_lang[lang] and args.scale == 1
                )
                exact = (
                    exact_queries(ours, lang, [p for _, p in all_items])
                    if args.scale == 1 and "exact" in wanted
                    else []
                )
                runs = measure(
                    browser, sites, lang, all_items[0][0], kinds, exact, lesson, args.repeat
                )
                o, p = runs["ours"], runs["plain"]
                size_o, size_p = index_bytes(ours, lang, True), index_bytes(plain, lang, False)
                rows += [
                    (lang, f"recall@5, {KIND_NAMES[kind]} ({len(o.kind_ranks[kind])})",
                     f"{o.kind_recall(kind):.2f}", f"{p.kind_recall(kind):.2f}",
                     f">= {TARGET_RECALL} ({met(o.kind_recall(kind) >= TARGET_RECALL)})")
                    for kind in ("inflected", *KINDS) if kind in o.kind_ranks
                ]  # fmt: skip
                rows += [
                    (lang, "mean rank", f"{o.mean_rank:.2f}", f"{p.mean_rank:.2f}", ""),
                    (lang, "exact words at rank 1", f"{o.exact_rank1}/{o.exact_total}",
                     f"{p.exact_rank1}/{p.exact_total}", "all"),
                    (lang, "index size", f"{size_o / 1024:.1f} KB", f"{size_p / 1024:.1f} KB",
                     f"<= {TARGET_SIZE_RATIO}x plain ({size_o / size_p:.2f}x)"),
                    (lang, "lesson page before search", f"{o.page_bytes / 1024:.0f} KB",
                     f"{p.page_bytes / 1024:.0f} KB", ""),
                    (lang, "first result, fresh page", fmt_ms(o.cold_ms), fmt_ms(p.cold_ms),
                     f"< {TARGET_FIRST_RESULT_MS:.0f} ms"),
                    (lang, "first result, search set up (median)", fmt_ms(o.warm_ms),
                     fmt_ms(p.warm_ms), f"< {TARGET_FIRST_RESULT_MS:.0f} ms"),
                ]  # fmt: skip
                if o.misses:
                    notes.append(f"{lang} not in the top five (ours): {', '.join(o.misses)}")
                print(f"{lang}: done", flush=True)
            browser.close()
        print(f"\nSearch, {'the course' if args.scale == 1 else f'{args.scale}x the course'}, "
              "Chromium over file://\n")  # fmt: skip
        print("| lang | measure | ours | plain Material | target |")
        print("| --- | --- | --- | --- | --- |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        for note in notes:
            print(f"\n- {note}")


if __name__ == "__main__":
    main()
