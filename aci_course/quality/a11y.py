"""What the header's display options need: texts in the page's language, storage key.

The text-size control (``overrides/partials/text-size.html``, ``a11y.js``) offers
three steps and remembers the reader's choice in browser storage under
``aci:<course version>:text-size``; the palette toggles get labels in the page's
language instead of one mixed label.
"""

from __future__ import annotations

from aci_course.core.templating import render
from aci_course.core.texts import for_language

TEXT_SIZE_STEPS = 3
"""Normal, large, largest (CSS in a11y.css scales Material's root font size)."""


def storage_key(course_version: str, name: str) -> str:
    """Browser storage key: ``aci:`` and the course version first (DESIGN.md)."""
    return f"aci:{course_version}:{name}"


def template_context(lang: str, course_version: str) -> dict[str, object]:
    """Variables for the header templates of a page in ``lang``."""
    return {
        "aci_a11y": for_language(lang, "a11y."),
        "aci_text_size_key": storage_key(course_version, "text-size"),
        "aci_storage_prefix": storage_key(course_version, ""),  # core.js's aci.key()
        "aci_text_size_steps": list(range(TEXT_SIZE_STEPS)),
    }


VOICE_FALLBACK = {"be": "ru"}
"""A language whose voice the reader may choose when the device has none of the page's:
Belarusian readers read Russian, and devices often lack a Belarusian voice."""


def listen_html(lang: str) -> str:
    """The read-aloud control of a lesson in ``lang`` (``templates/quality/listen.html``)."""
    return render("quality/listen.html", lang=lang, fallback=VOICE_FALLBACK.get(lang, ""))
