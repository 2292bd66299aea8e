"""The USB zip: one top folder, README.txt, SHA256SUMS, byte-identical on rebuild."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from click.testing import CliRunner

from aci_course.cli import cli
from aci_course.export.package import readme
from tests.export.test_cli import course


def fake_site(root: Path) -> None:
    site = root / "site"
    for rel, text in {
        "index.html": "<p>ru</p>",
        "be/index.html": "<p>be</p>",
        "en/index.html": "<p>en</p>",
        "assets/stylesheets/aci.css": "body{}",
        "modules/m/01-a.html": "<p>lesson</p>",
    }.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")


def make_zip(root: Path) -> bytes:
    result = CliRunner().invoke(cli, ["--root", str(root), "package"])
    assert result.exit_code == 0, result.stderr
    target = root / "dist" / "aci-course-2026.1.zip"
    assert result.stdout == f"wrote {target}\n"
    return target.read_bytes()


def test_zip_layout_checksums_and_reproducibility(tmp_path: Path) -> None:
    root = course(tmp_path)
    fake_site(root)
    first = make_zip(root)
    # Another checkout: other file times and permissions must not change a byte.
    for path in (root / "site").rglob("*"):
        if path.is_file():
            path.touch()
            path.chmod(0o600)
    assert make_zip(root) == first

    archive = zipfile.ZipFile(root / "dist" / "aci-course-2026.1.zip")
    names = archive.namelist()
    assert names == sorted(names)
    assert {name.split("/")[0] for name in names} == {"aci-course-2026.1"}
    assert "aci-course-2026.1/index.html" in names
    assert "aci-course-2026.1/README.txt" in names
    for info in archive.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644

    sums = archive.read("aci-course-2026.1/SHA256SUMS").decode()
    listed = {}
    for line in sums.splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    others = [n.removeprefix("aci-course-2026.1/") for n in names if not n.endswith("SHA256SUMS")]
    assert sorted(listed) == sorted(others)
    for name, digest in listed.items():
        data = archive.read(f"aci-course-2026.1/{name}")
        assert hashlib.sha256(data).hexdigest() == digest


def test_readme_speaks_three_languages() -> None:
    text = readme("2026.1")
    assert "Курс «Все дети включены», версия 2026.1" in text
    assert "Курс «Усе дзеці ўключаны», версія 2026.1" in text
    assert "The course All Children Included, version 2026.1" in text
    assert text.count("index.html") >= 3
    assert text.count("CC BY-SA 4.0") == 3
    assert "&" not in text and "&#" not in text  # plain text, not HTML-escaped
