"""``aci-course``: the exports the Makefile calls (built with click, as MkDocs' own CLI is).

Every failure a user can cause (a bad argument, no build yet, an author mistake,
a folder that cannot be written) ends with one line on stderr and a non-zero
exit status, never a traceback: ``Error: what is wrong - what to do``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from mkdocs.config.defaults import MkDocsConfig

from aci_course import LANGUAGES
from aci_course.core.build_context import course_languages
from aci_course.core.errors import AuthorError
from aci_course.core.project import course_version
from aci_course.course.modules import TRACKS, Module
from aci_course.export.project import ExportError, project_config, require_site

USAGE_STATUS = 2  # as click and most commands: the command line itself was wrong
FAILURE_STATUS = 1

_F = TypeVar("_F", bound=Callable[..., Any])


def _fail(message: str, status: int = FAILURE_STATUS) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(status)


class _OneLineGroup(click.Group):
    """A click group whose usage errors are one line, like every other error here."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            _fail(f"{error.format_message().rstrip('.')} - see aci-course --help", USAGE_STATUS)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except click.Abort:
            _fail("interrupted")
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def _friendly(command: _F) -> _F:
    """Turn the errors a user can cause into one line and exit status 1."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (ExportError, AuthorError) as error:
            _fail(str(error))
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error} - check the path and its permissions")

    return run  # type: ignore[return-value]


def _root(ctx: click.Context) -> Path:
    root: Path = ctx.obj["root"]
    return root


def _config(ctx: click.Context) -> MkDocsConfig:
    """The chosen configuration file as MkDocs loads it (INHERIT honoured), once per command."""
    if "config" not in ctx.obj:
        ctx.obj["config"] = project_config(_root(ctx), ctx.obj["config_file"])
    config: MkDocsConfig = ctx.obj["config"]
    return config


def _version(ctx: click.Context) -> str:
    """The course version of the chosen configuration file."""
    return course_version(_config(ctx))


def _languages(ctx: click.Context) -> tuple[str, ...]:
    """The course's languages in the chosen configuration file, the default first."""
    return course_languages(_config(ctx))


@click.group(cls=_OneLineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The course folder (holding mkdocs.yml, modules/ and quizzes/).",
)
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    help="The MkDocs configuration inside the course folder (e.g. mkdocs-facilitator.yml).",
)
@click.pass_context
def cli(ctx: click.Context, root: Path, config_file: str) -> None:
    """Exports of the All Children Included course: USB zip, SCORM, Moodle quiz bank, PDF, ZIM."""
    ctx.ensure_object(dict)
    ctx.obj["root"] = root.resolve()
    ctx.obj["config_file"] = config_file


_SITE = click.option(
    "--site",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The built learner site [default: <root>/site].",
)


@cli.command()
@_SITE
@click.option(
    "--dist",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the zip goes [default: <root>/dist].",
)
@click.pass_context
@_friendly
def package(ctx: click.Context, site: Path | None, dist: Path | None) -> None:
    """The reproducible USB zip: dist/aci-course-<version>.zip."""
    from aci_course.export.package import build_package

    root = _root(ctx)
    version = _version(ctx)
    built = require_site(site or root / "site")
    target = build_package(built, dist or root / "dist", version)
    click.echo(f"wrote {target}")


@cli.command("quiz-bank")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the XML files go [default: <root>/dist/quiz-bank].",
)
@click.pass_context
@_friendly
def quiz_bank(ctx: click.Context, out: Path | None) -> None:
    """The quizzes as Moodle XML: dist/quiz-bank/<lang>.xml."""
    from aci_course.export.moodle import write_quiz_banks
    from aci_course.quiz.load import load_quizzes

    root = _root(ctx)
    _version(ctx)  # only to stop outside a course folder with a clear line
    quizzes = load_quizzes(root, _languages(ctx))
    if not quizzes:
        raise ExportError(f"{root / 'quizzes'}: no quizzes to export - add quizzes/<module>.yml")
    for target in write_quiz_banks(quizzes, out or root / "dist" / "quiz-bank"):
        click.echo(f"wrote {target}")


@cli.command()
@_SITE
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the zips go [default: <root>/dist/scorm].",
)
@click.option("--module", "only", multiple=True, help="Only this module id (repeatable).")
@click.pass_context
@_friendly
def scorm(ctx: click.Context, site: Path | None, out: Path | None, only: tuple[str, ...]) -> None:
    """SCORM 1.2 zips: dist/scorm/<module-id>-<lang>.zip for every module and language."""
    from aci_course.export.scorm import SCHEMA_DIR, build_packages

    root = _root(ctx)
    version = _version(ctx)
    chosen = _known_modules(root, only, _languages(ctx))
    built = require_site(site or root / "site")
    for target in build_packages(
        built, chosen, out or root / "dist" / "scorm", version, root / SCHEMA_DIR
    ):
        click.echo(f"wrote {target}")


def _known_modules(root: Path, only: tuple[str, ...], languages: Sequence[str]) -> list[Module]:
    """The course's modules, or those named in ``only`` (an unknown id is one line)."""
    from aci_course.course.modules import load_modules

    modules = load_modules(root, languages)
    known = {module.id for module in modules}
    for module_id in only:
        if module_id not in known:
            raise ExportError(
                f'unknown module "{module_id}" - use one of: '
                f"{', '.join(sorted(known)) or '(none yet)'}"
            )
    return [module for module in modules if not only or module.id in only]


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the PDFs go [default: <root>/dist/pdf].",
)
@click.option("--module", "only", multiple=True, help="Only this module id (repeatable).")
@click.option(
    "--lang",
    "langs",
    type=click.Choice(LANGUAGES),
    multiple=True,
    help="Only this language (repeatable) [default: all].",
)
@click.pass_context
@_friendly
def pdf(
    ctx: click.Context, out: Path | None, only: tuple[str, ...], langs: tuple[str, ...]
) -> None:
    """A4 handbooks (Chromium prints them): dist/pdf/<lang>/<module>-<kind>.pdf."""
    from aci_course.export import pdf as handbooks

    root = _root(ctx)
    _version(ctx)  # only to stop outside a course folder with a clear line
    chosen = [module.id for module in _known_modules(root, only, _languages(ctx))]
    docs = handbooks.all_documents(root, chosen, langs or LANGUAGES, ctx.obj["config_file"])
    for target in handbooks.print_pdfs(docs, out or root / "dist" / "pdf"):
        click.echo(f"wrote {target}")


@cli.command("new-module")
@click.argument("module_id", metavar="ID")
@click.option(
    "--track",
    type=click.Choice(list(TRACKS)),
    default=TRACKS[0],
    show_default=True,
    help="The track the module belongs to.",
)
@click.pass_context
@_friendly
def new_module(ctx: click.Context, module_id: str, track: str) -> None:
    """A new module's scaffold in three languages: modules/ID/ and quizzes/ID.yml."""
    from aci_course.export.scaffold import new_module as scaffold

    root = _root(ctx)
    _version(ctx)  # only to stop outside a course folder with a clear line
    for path in scaffold(root, module_id, track):
        click.echo(f"wrote {path}")
    click.echo(f"next: write the lessons in modules/{module_id}/, then run `make site`")


@cli.command()
@click.option("--profile", "name", required=True, help="The profile: profiles/<name>.yml.")
@click.pass_context
@_friendly
def site(ctx: click.Context, name: str) -> None:
    """A co-branded subset of the course from a profile, built into site-<name>/."""
    import os
    import subprocess

    from aci_course.course.modules import load_modules
    from aci_course.export.profile import load_profile, prepare

    root = _root(ctx)
    _version(ctx)
    languages = _languages(ctx)
    course = load_modules(root, languages)
    profile, chosen = load_profile(root, name, course, languages)
    config = prepare(root, name, profile, chosen, course)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    if subprocess.run(command, env=env, check=False).returncode != 0:
        raise ExportError(f"the build of profile {name} failed - see the messages above")
    click.echo(f"wrote {root / f'site-{name}'}")


@cli.command()
@_SITE
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the ZIM files go [default: <root>/dist/zim].",
)
@click.option(
    "--lang",
    "langs",
    type=click.Choice(LANGUAGES),
    multiple=True,
    help="Only this language (repeatable) [default: all].",
)
@click.option("--profile", "name", default=None, help="A profile's site (site-<name>/).")
@click.pass_context
@_friendly
def zim(
    ctx: click.Context,
    site: Path | None,
    out: Path | None,
    langs: tuple[str, ...],
    name: str | None,
) -> None:
    """ZIM files for Kiwix (zimwriterfs): dist/zim/aci-course-<lang>.zim per language."""
    import tempfile

    from aci_course.export.zim import build_zims

    root = _root(ctx)
    _version(ctx)  # only to stop outside a course folder with a clear line
    config = root / ctx.obj["config_file"]
    course = "aci-course"
    default_site = root / "site"
    if name:
        config = root / "build" / f"profile-{name}" / "mkdocs.yml"
        if not config.is_file():
            raise ExportError(f"{config}: not found - run make site PROFILE={name} first")
        course = f"aci-course-{name}"
        default_site = root / f"site-{name}"
    built = require_site(site or default_site)
    with tempfile.TemporaryDirectory(prefix="aci-zim-") as work:
        for target in build_zims(
            built,
            config,
            out or root / "dist" / "zim",
            langs or LANGUAGES,
            work=Path(work),
            course=course,
        ):
            click.echo(f"wrote {target}")


@cli.command()
@click.option(
    "--done",
    is_flag=True,
    help="The lessons named now follow their Russian source: record it in their front matter.",
)
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@_friendly
def translations(ctx: click.Context, done: bool, paths: tuple[Path, ...]) -> None:
    """Record which source a translation follows (--done), or list the stale ones."""
    from aci_course.course import freshness
    from aci_course.course.modules import load_modules

    root = _root(ctx)
    _version(ctx)  # only to stop outside a course folder with a clear line
    if bool(paths) != done:
        raise click.UsageError(
            "name the translated lessons with --done: "
            "aci-course translations --done modules/<id>/<lang>/<lesson>.md"
        )
    for path in paths:
        digest = freshness.mark_done(path, root)
        click.echo(f"{path}: {freshness.KEY}: {digest}")
    if done:
        return
    found = freshness.translations(load_modules(root, _languages(ctx)))
    for item in found:
        rel = item.translation.relative_to(root).as_posix()
        if item.stale:
            click.echo(f"stale: {rel} (its Russian source changed since)")
        elif item.recorded is None:
            click.echo(f"not recorded: {rel} - mark it: aci-course translations --done {rel}")
    stale = sum(item.stale for item in found)
    click.echo(f"{len(found)} translated lessons, {stale} stale")
