"""The theme's files listed once per ``mkdocs build`` (aci_course/core/theme_files.py)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader
from mkdocs.theme import Theme

from aci_course.core.theme_files import ListingOnce


def test_a_theme_lists_its_files_once_per_command(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    theme_dir = tmp_path / "theme"
    (theme_dir / "assets").mkdir(parents=True)
    (theme_dir / "main.html").write_text("x", "utf-8")
    (theme_dir / "assets" / "a.css").write_text("a{}", "utf-8")
    theme = Theme(name=None, custom_dir=str(theme_dir))
    walks: list[object] = []
    walk = FileSystemLoader.list_templates

    def counted(self: FileSystemLoader) -> list[str]:
        walks.append(self)
        return walk(self)

    monkeypatch.setattr(FileSystemLoader, "list_templates", counted)

    def static(name: str) -> bool:
        return not name.endswith(".html")

    listing = ListingOnce()
    listing.wrap(theme)
    listing.wrap(theme)  # a second language build of the same command: no second wrapper
    first = theme.get_env().list_templates(filter_func=static)
    again = theme.get_env().list_templates(filter_func=static)
    assert first == again and "assets/a.css" in first and "main.html" not in first
    assert len(walks) == 1
    # static-i18n puts its sitemap folder in front once more in every language build.
    sitemap = tmp_path / "sitemap"
    sitemap.mkdir()
    theme.dirs.insert(0, str(sitemap))
    with_sitemap = theme.get_env().list_templates(filter_func=static)
    theme.dirs.insert(0, str(sitemap))
    assert theme.get_env().list_templates(filter_func=static) == with_sitemap
    assert len(walks) == 2
    # Another folder, or another command (mkdocs serve gets none), lists afresh.
    theme.dirs.append(str(tmp_path))
    theme.get_env().list_templates(filter_func=static)
    assert len(walks) == 3
