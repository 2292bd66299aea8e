"""The app shell's data (aci_course/core/shell.py): navigation, header, script text."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aci_course.core import shell

NODE = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "node"


@dataclass
class Page:
    title: str
    url: str
    is_index: bool = False
    is_page: bool = True


@dataclass
class Section:
    title: str
    children: list[Any] = field(default_factory=list)
    is_page: bool = False


def test_navigation_is_written_short_from_each_section_folder() -> None:
    items = [
        Page("Home", "en/index.html", is_index=True),
        Section(
            "Modules",
            [
                Page("Catalogue", "en/modules/index.html", is_index=True),
                Section(
                    "First &amp; best",
                    [
                        Page("First &amp; best", "en/modules/first/index.html", is_index=True),
                        Page("A", "en/modules/first/01-a.html"),
                    ],
                ),
            ],
        ),
    ]
    assert shell.nav_data(items) == {
        "d": "en/",
        "c": [
            ["Home", "index", 1],
            {
                "t": "Modules",
                "d": "modules/",
                "c": [
                    # an index page titled otherwise keeps its title (the footer shows it)
                    ["Catalogue", "index", 1],
                    # the section's index page: the section's title stands for it
                    {"t": "First & best", "d": "first/", "c": [["index"], ["A", "01-a"]]},
                ],
            },
        ],
    }


def test_header_is_taken_whole_from_the_home_page() -> None:
    page = '<body><header class="md-header x"><nav>a</nav></header><main></main></body>'
    assert shell.header_of(page) == '<header class="md-header x"><nav>a</nav></header>'
    assert shell.header_of("<body></body>") == ""
    assert shell.is_shell_page("be/modules/x.html", "be/")
    assert not shell.is_shell_page("be/index.html", "be/")
    assert not shell.is_shell_page("index.html", "")


def test_script_sets_the_data_javascript_reads_back() -> None:
    header = '<header class="md-header">it\'s "quoted" \\ \n\u2028</header>'
    script = shell.shell_script([Page("Home", "index.html", is_index=True)], header, "index.html")
    program = f"var window={{}};{script};process.stdout.write(JSON.stringify(window.aci.nav))"
    run = subprocess.run([str(NODE), "-e", program], capture_output=True, text=True, check=True)
    out = run.stdout
    assert json.loads(out) == {
        "d": "",
        "c": [["Home", "index", 1]],
        "home": "index.html",
        "header": header,
    }


def test_materials_configuration_is_kept_with_site_paths() -> None:
    config = {"base": "../be/", "search": "../assets/javascripts/workers/search.js", "x": [1]}
    page = f'<body><script id="__config" type="application/json">{json.dumps(config)}</script>'
    assert shell.config_of(page, "be/index.html") == {
        "base": "be/",
        "search": "assets/javascripts/workers/search.js",
        "x": [1],
    }
    home = '<script id="__config" type="application/json">{"base": "./"}</script>'
    assert shell.config_of(home, "index.html") == {"base": ""}
    assert shell.config_of("<body></body>", "index.html") is None
    script = shell.shell_script([], "", "index.html", {"base": ""})
    assert '"config":{"base":""}' in script
