"""``make pdf``: A4 documents per module and language, read back with poppler.

One module of the course copy with trainer notes (``tests.sitecheck``): the
participant handbook in every language, the facilitator guide and the training kit
in one, to keep the test quick (each document is one Chromium print). Like the browser
tests, a missing Chromium or poppler fails with CI=true and skips loudly elsewhere.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.texts import t
from aci_course.course.modules import Module, load_modules
from aci_course.export.pdf import all_documents, print_pdfs
from aci_course.export.project import course_version
from aci_course.quiz.load import load_quizzes
from tests.browser.conftest import CHROMIUM, _missing_browser
from tests.sitecheck import NOTES, edition_sites


def noted_module(root: Path) -> Module:
    """The module whose first lesson has the trainer notes: the first in course order
    (``tests.sitecheck.course_with_notes``)."""
    return load_modules(root, LANGUAGES)[0]


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        _missing_browser(f"{tool} not found - apt-get install poppler-utils")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not Path(CHROMIUM).is_file():
        _missing_browser(f"{CHROMIUM} not found - apt-get install chromium")
    _need("pdftotext")
    root, _, _ = edition_sites(tmp_path_factory.mktemp("editions") / "course")
    module = noted_module(root)
    docs = [
        doc
        for doc in all_documents(root, [module.id], LANGUAGES)
        if doc.kind == "participant-handbook" or doc.lang == "en"
    ]
    out = tmp_path_factory.mktemp("pdf")
    print_pdfs(docs, out)
    return root, out


def text_of(pdf: Path) -> str:
    _need("pdftotext")
    result = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


def page_sizes(pdf: Path) -> set[str]:
    _need("pdfinfo")
    result = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True
    )
    return set(re.findall(r"Page\s+\d+ size:\s+(.*)", result.stdout))


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_document_is_a4_with_its_titles(printed: tuple[Path, Path]) -> None:
    root, out = printed
    module = noted_module(root)
    pdfs = sorted(out.rglob("*.pdf"))
    assert [p.relative_to(out).as_posix() for p in pdfs] == sorted(
        [f"{lang}/{module.id}-participant-handbook.pdf" for lang in LANGUAGES]
        + [f"en/{module.id}-facilitator-guide.pdf", f"en/{module.id}-training-kit.pdf"]
    )
    for pdf in pdfs:
        sizes = page_sizes(pdf)
        assert sizes and all("(A4)" in size for size in sizes), (pdf, sizes)
        lang = pdf.parent.name
        kind = pdf.stem.removeprefix(f"{module.id}-")
        text = text_of(pdf)
        assert squash(module.title[lang]) in text
        assert squash(t(f"export.kind.{kind}", lang)) in text
        assert course_version(root) in text and "CC BY-SA 4.0" in text
        assert squash(t("export.contents", lang)) in text
        assert re.search(r"\b2 ?/ ?\d+\b", text), "no page numbers"


def test_the_handbook_has_lessons_and_empty_quizzes_but_no_answers(
    printed: tuple[Path, Path],
) -> None:
    root, out = printed
    module = noted_module(root)
    quizzes = [q for q in load_quizzes(root, LANGUAGES).values() if q.module == module.id]
    for lang in LANGUAGES:
        text = text_of(out / lang / f"{module.id}-participant-handbook.pdf")
        for lesson in module.lessons:
            assert squash(lesson.title(lang)) in text
        assert squash(quizzes[0].questions[0].text.in_(lang)) in text
        answers = [
            squash(item.in_(lang))
            for quiz in quizzes
            for question in quiz.questions
            for item in [
                *([question.explanation] if question.explanation else []),
                *(o.feedback for o in getattr(question, "options", ()) if o.feedback),
            ]
        ]
        assert answers and [a for a in answers if a in text] == []
        assert squash(t("editions.right-answer", lang)) not in text
        assert squash(NOTES[lang][0]) not in text


def test_the_guide_and_the_kit_hold_the_trainer_material(printed: tuple[Path, Path]) -> None:
    root, out = printed
    module = noted_module(root)
    quiz = next(q for q in load_quizzes(root, LANGUAGES).values() if q.module == module.id)
    guide = text_of(out / "en" / f"{module.id}-facilitator-guide.pdf")
    plan = (root / "modules" / module.id / "facilitator" / "en" / "session-plan.md").read_text()
    assert squash(plan.split('title: "')[1].split('"')[0]) in guide
    assert squash(NOTES["en"][0]) in guide
    explanation = next(q.explanation for q in quiz.questions if q.explanation)
    assert explanation is not None and squash(explanation.in_("en")) in guide
    kit = text_of(out / "en" / f"{module.id}-training-kit.pdf")
    for key in ("export.attendance", "export.test", "export.answer-sheet", "export.evaluation"):
        assert t(key, "en") in kit
    test_part, answer_part = kit.split(t("export.answer-sheet", "en"))[-2:]
    assert squash(explanation.in_("en")) in answer_part
    assert squash(explanation.in_("en")) not in test_part


def test_documents_print_country_facts_with_their_sources() -> None:
    from tests.repo_config import ROOT

    docs = all_documents(ROOT, ["inclusive-care-basics"], ("en",))
    handbook = next(doc for doc in docs if doc.kind == "participant-handbook")
    assert "{{ fact" not in handbook.html
    assert "Law No. 73-Z of 21 December 2005" in handbook.html
    assert "checked on 6 December 2026" in handbook.html
