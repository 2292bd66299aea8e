"""What the header's display options need: texts in the page's language, storage key.

The text-size control (``overrides/partials/text-size.html``, ``a11y.js``) offers
three steps and remembers the reader's choice in browser storage under
``aci:<course version>:text-size``; the palette toggles get labels in the page's
language instead of one mixed label.
"""

from __future__ import annotations

import json

from aci_course.core.texts import for_language

TEXT_SIZE_STEPS = 3
"""Normal, large, largest (CSS in a11y.css scales Material's root font size)."""


def storage_key(course_version: str, name: str) -> str:
    """Browser storage key: ``aci:`` and the course version first (DESIGN.md)."""
    return f"aci:{course_version}:{name}"


TEXTS_SCRIPT = "assets/javascripts/texts/{lang}.js"
"""The interface texts scripts draw with, once per language (core.js ``aci.texts``)."""

ON_DEMAND = (
    "a11y.",
    "listen.",
    "present.",
    "forget.",
    "plain.",
    "progress.lesson-done",
    "progress.no-storage",
)
"""Texts of the controls a lesson's scripts draw (Present and Listen: aci.js; the
plain-language switch: plain.js; "lesson done" and its storage notice:
progress-lesson.js; a lesson loads this script at once, core.js), of the
reading-settings panel (a11y.js builds it when first opened), of the read-aloud
player (listen.js), of present mode (present.js) and of the "forget my answers"
confirmation (aci.js): written once per language instead of into every page. The
trainer notes' texts (``present.notes*``) are in the facilitator edition's only."""


def texts_path(lang: str) -> str:
    """Site path of the on-demand texts of ``lang``."""
    return TEXTS_SCRIPT.format(lang=lang)


def texts_script(lang: str, *, trainer_notes: bool = False) -> str:
    """The script that sets ``window.aci.ui`` to the interface texts of ``lang``.

    ``trainer_notes``: with the texts of present mode's trainer notes window (the
    facilitator edition).
    """
    texts: dict[str, str] = {}
    for prefix in ON_DEMAND:
        texts.update(for_language(lang, prefix))
    if not trainer_notes:
        texts = {key: text for key, text in texts.items() if not key.startswith("present.notes")}
    data = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.aci.ui={data};\n"


def template_context(lang: str, course_version: str) -> dict[str, object]:
    """Variables for the header templates of a page in ``lang``."""
    return {
        "aci_a11y": for_language(lang, "a11y."),
        "aci_texts": texts_path(lang),
        "aci_text_size_key": storage_key(course_version, "text-size"),
        "aci_storage_prefix": storage_key(course_version, ""),  # core.js's aci.key()
        "aci_text_size_steps": list(range(TEXT_SIZE_STEPS)),
    }
