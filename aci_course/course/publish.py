"""How the course's own files meet MkDocs: the attributes a published file carries.

A page the plugins add (a lesson, an overview, a facilitator page) is an MkDocs
``File`` tagged with what static-i18n and the other plugins read from it:

- ``locale``: the language the page is shown in (Russian for a fallback);
- ``locale_alternate_of`` / ``alternates``: what static-i18n's page context reads;
- ``aci_module``: the module the page belongs to (None for site-wide pages);
- ``aci_source``: the author's file, relative to the project root, for messages.

:func:`is_lesson` is the one definition of a lesson page: ``modules/<id>/<lang>/NN-slug.md``
published for a module. Progress (the "lesson done" toggle) and editions (present
mode) both ask it, so a session plan or an answer key is never taken for a lesson.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from aci_course.course.modules import LESSON_NAME


def tag(
    file: File, module_id: str | None, shown: str, lang: str, source: str | None = None
) -> File:
    """``file`` tagged as a page of the ``lang`` build shown in ``shown``."""
    file.locale = shown  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.alternates = {}  # type: ignore[attr-defined]
    file.aci_module = module_id  # type: ignore[attr-defined]
    if source is not None:
        file.aci_source = source  # type: ignore[attr-defined]
    return file


def module_of(file: File) -> str | None:
    """The module a published file belongs to, if any."""
    module = getattr(file, "aci_module", None)
    return module if isinstance(module, str) else None


def source_of(file: File) -> str | None:
    """The author's file of a published page (``modules/...``), if the plugins added it."""
    source = getattr(file, "aci_source", None)
    return source if isinstance(source, str) else None


def is_lesson(file: File) -> bool:
    """True for a lesson: ``modules/<id>/<lang>/NN-slug.md`` of a module."""
    source = source_of(file)
    if source is None or module_of(file) is None:
        return False
    parts = source.split("/")
    return len(parts) == 4 and parts[0] == "modules" and LESSON_NAME.match(parts[3]) is not None


def lesson_id(file: File) -> str:
    """``<module>/<NN-slug>`` of a lesson page (see :func:`is_lesson`)."""
    source = source_of(file) or ""
    return f"{module_of(file)}/{source.rsplit('/', 1)[-1].removesuffix('.md')}"
