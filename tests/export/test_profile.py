"""Course profiles: validation with lines, and a co-branded build of only the listed modules."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from aci_course import LANGUAGES
from aci_course.cli import cli
from aci_course.course.modules import load_modules
from aci_course.export.profile import LeftOutLinks, links_left_out, load_profile
from tests.conftest import DEFAULT_PLUGINS, Project
from tests.repo_config import ROOT

GOOD = """\
modules:
  - care
  - skills
site_name: {ru: "Школа", be: "Школа", en: "School"}
logo: profiles/logo.svg
colours: {primary: teal, accent: orange}
contact: {email: "info@example.org"}
attribution: {ru: "Адаптировано", be: "Адаптавана", en: "Adapted <by us>"}
"""
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2"/></svg>'
)


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project(plugins=[*DEFAULT_PLUGINS, "aci-quiz"])
    langs = ("ru", "be", "en")
    project.module("care", {lang: ["01-a.md"] for lang in langs})
    project.module("skills", {lang: ["01-b.md"] for lang in langs}, track="life-skills")
    project.module(
        "later", {lang: ["01-c.md"] for lang in langs}, prerequisites="[care]", track="trainers"
    )
    for lang in langs:  # a page that links what the profile leaves out
        project.write(
            f"docs/{lang}/more.md",
            "# More\n\nThen «[Next steps](modules/later/index.md)», see the "
            "[catalogue](modules/index.md#track-life-skills) and "
            "[For trainers](modules/index.md#track-trainers).\n",
        )
    project.write("profiles/logo.svg", LOGO)
    project.write("profiles/ours.yml", GOOD)
    return project


def test_profile_build_has_only_its_modules_and_the_attribution(course: Project) -> None:
    result = CliRunner().invoke(cli, ["--root", str(course.root), "site", "--profile", "ours"])
    assert result.exit_code == 0, result.output
    site = course.root / "site-ours"
    assert result.stdout.endswith(f"wrote {site}\n")
    assert (site / "modules/care/01-a.html").is_file()
    assert (site / "en/modules/skills/01-b.html").is_file()
    assert not (site / "modules/later").exists()
    assert not (course.root / "site").exists()  # the course's own site is left alone
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    based_on = {
        "": "На основе курса «Все дети включены», CC BY-SA 4.0",
        "be": "На аснове курса «Усе дзеці ўключаны», CC BY-SA 4.0",
        "en": "Based on All Children Included, CC BY-SA 4.0",
    }
    for page in pages:
        text = page.read_text(encoding="utf-8")
        lang = page.relative_to(site).parts[0]
        if page.name == "404.html":  # one page for every language
            assert any(line in text for line in based_on.values()), page
        else:
            assert based_on.get(lang, based_on[""]) in text, page
        assert "later" not in text.replace("translate", ""), page
    home = (site / "en/index.html").read_text(encoding="utf-8")
    assert "School · Contact: info@example.org · Based on All Children" in home
    assert "Adapted &lt;by us&gt;" in home  # escaped: a profile cannot inject HTML
    assert 'data-md-color-primary="teal"' in home
    assert 'data-md-color-accent="orange"' in home
    assert "assets/images/profile-logo.svg" in home
    assert (site / "assets/images/profile-logo.svg").read_text() == LOGO
    more = (site / "en/more.html").read_text(encoding="utf-8")
    note = "(in the full course, All Children Included, but not in this edition)"
    assert f'Then «<span data-profile-left-out="">Next steps</span>» {note}, see the' in more
    assert 'href="modules/index.html#track-life-skills"' in more  # kept: in the profile
    assert f'<span data-profile-left-out="">For trainers</span> {note}.' in more
    assert "(есть в полном курсе «Все дети включены», но не в этом издании)" in (
        (site / "more.html").read_text(encoding="utf-8")
    )


def error_for(course: Project, text: str) -> str:
    course.write("profiles/bad.yml", text)
    with pytest.raises(Exception) as error:
        load_profile(course.root, "bad", load_modules(course.root, LANGUAGES), LANGUAGES)
    return str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "modules:\n  - later\n" + GOOD.split("\n", 3)[3],
            'profiles/bad.yml:2: module "later" needs "care" (its prerequisite), which the '
            "profile leaves out - add care to modules",
        ),
        (
            GOOD.replace("  - skills\n", "  - nope\n"),
            'profiles/bad.yml:3: unknown module "nope" - use the id of a module in modules/: '
            "care, later, skills",
        ),
        (
            GOOD.replace("primary: teal", "primary: gold"),
            'profiles/bad.yml:6: "colours.primary" is "gold" - use one of: red, pink, purple, '
            "deep-purple, indigo, blue, light-blue, cyan, teal, green, light-green, lime, "
            "yellow, amber, orange, deep-orange, brown, grey, blue-grey, black or white",
        ),
        (
            GOOD.replace(
                'site_name: {ru: "Школа", be: "Школа", en: "School"}',
                "site_name:\n  ru: Школа\n  en: School",
            ),
            'profiles/bad.yml:4: missing key "site_name.be" - add it, e.g. '
            'site_name: {ru: "...", be: "...", en: "..."}',
        ),
        (
            GOOD + "colour: red\n",
            'profiles/bad.yml:9: unknown key "colour" - remove it or use one of: modules, '
            "site_name, logo, colours, contact, facts, attribution",
        ),
        (
            GOOD.replace('email: "info@example.org"', 'email: "info at example"'),
            'profiles/bad.yml:7: "contact.email": string should match pattern '
            "'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' - write it as contact: "
            '{email: "info@example.org", url: "https://example.org/"}',
        ),
        (
            GOOD.replace("profiles/logo.svg", "profiles/missing.png"),
            'profiles/bad.yml:5: logo "profiles/missing.png" is not an image file of the '
            "project - give the path from the course folder to a .svg, .png, .jpg, .jpeg, "
            ".webp file",
        ),
        (
            GOOD.replace("  - skills\n", "  - Skills\n"),
            'profiles/bad.yml:3: "Skills" is not a module id - '
            "write it as modules: [inclusive-care-basics, life-skills-first-steps]",
        ),
    ],
)
def test_profile_mistakes_name_the_line(course: Project, text: str, message: str) -> None:
    assert error_for(course, text) == message


FACTS = """\
country: {{ru: "{name}", be: "{name}", en: "{name}"}}
facts:
  - id: helpline
    text: {{ru: "{number} ru", be: "{number} be", en: "{number} en"}}
    source: {{title: "{name} page", url: "https://example.org/{name}"}}
    checked: 2026-12-06
"""


def test_a_profile_builds_with_another_countrys_facts(
    course: Project, capfd: pytest.CaptureFixture[str]
) -> None:
    course.write("facts/by.yml", FACTS.format(name="Belarus", number="8-801-100-16-11"))
    course.write("facts/xx.yml", FACTS.format(name="Elsewhere", number="116 111"))
    for lang in ("ru", "be", "en"):
        course.write(
            f"modules/care/{lang}/01-a.md",
            f'---\ntitle: A {lang}\n---\n\n# A {lang}\n\nRing {{{{ fact "helpline" }}}}.\n',
        )
    course.write("profiles/ours.yml", GOOD + "facts: facts/xx.yml\n")
    result = CliRunner().invoke(cli, ["--root", str(course.root), "site", "--profile", "ours"])
    assert result.exit_code == 0, result.output
    page = (course.root / "site-ours/en/modules/care/01-a.html").read_text(encoding="utf-8")
    assert "Ring 116 111 en." in page
    assert "Elsewhere page" in page
    assert "8-801" not in page

    course.write("modules/care/be/01-a.md", '---\ntitle: A\n---\n\n{{ fact "police" }}\n')
    result = CliRunner().invoke(cli, ["--root", str(course.root), "site", "--profile", "ours"])
    assert result.exit_code == 1
    assert (
        'modules/care/be/01-a.md:5: unknown fact "police": facts/xx.yml has no such id - '
        "add it to facts/xx.yml with text, source and checked, or use one of: helpline"
    ) in capfd.readouterr().err


def test_a_profile_facts_file_must_exist(course: Project) -> None:
    assert error_for(course, GOOD + "facts: facts/none.yml\n") == (
        'profiles/bad.yml:9: facts "facts/none.yml" is not a file in facts/ - '
        "give the path from the course folder, e.g. facts: facts/xx.yml"
    )


def test_unknown_profile_is_one_line(course: Project) -> None:
    result = CliRunner().invoke(cli, ["--root", str(course.root), "site", "--profile", "theirs"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: profiles/theirs.yml: no such profile - use one of: ours\n")


def test_the_example_profile_is_valid() -> None:
    profile, chosen = load_profile(
        ROOT, "foster-parents-association", load_modules(ROOT, LANGUAGES), LANGUAGES
    )
    assert len(chosen) == 2
    assert profile.colours is not None


@pytest.mark.parametrize(
    ("href", "page", "left_out"),
    [
        ("modules/later/index.md", "en/more.md", True),
        ("../../later/en/01-c.md", "modules/care/en/01-a.md", True),
        ("modules/care/index.md", "en/more.md", False),
        ("modules/index.md#track-trainers", "en/more.md", True),
        ("modules/index.md#track-life-skills", "en/more.md", False),
        ("#track-trainers", "en/more.md", False),
        ("https://example.org/modules/later/index.md", "en/more.md", False),
    ],
)
def test_which_links_lead_to_what_is_left_out(href: str, page: str, left_out: bool) -> None:
    assert links_left_out(href, page, {"later"}, {"trainers"}) is left_out


def test_left_out_links_become_text_with_a_note_in_the_language() -> None:
    md = markdown.Markdown(extensions=[LeftOutLinks(["later"], [], "be")])
    html = md.convert("[Далей](modules/later/index.md), [каталог](modules/index.md).")
    assert html == (
        '<p><span data-profile-left-out="">Далей</span> (ёсць у поўным курсе «Усе дзеці ўключаны», '
        'але не ў гэтым выданні), <a href="modules/index.md">каталог</a>.</p>'
    )


def _course_copy(folder: Path) -> Path:
    """The repository's sources as links in ``folder``: a profile build writes beside them."""
    folder.mkdir()
    for entry in ROOT.iterdir():
        if not entry.name.startswith((".", "site", "build", "dist")):
            (folder / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return folder


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "profiles").glob("*.yml")))
def test_every_shipped_profile_builds(tmp_path: Path, name: str) -> None:
    root = _course_copy(tmp_path / "course")
    result = CliRunner().invoke(cli, ["--root", str(root), "site", "--profile", name])
    assert result.exit_code == 0, result.output
    assert (root / f"site-{name}" / "en/index.html").is_file()
