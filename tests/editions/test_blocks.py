"""Trainer notes: removed from the learner edition's Markdown, marked in the facilitator's."""

from __future__ import annotations

from aci_course.editions.blocks import has_blocks, mark_blocks, strip_blocks

LESSON = """\
# Lesson

Intro.

!!! facilitator "Timing"
    Ask the group first.

    Then show the slide.

After the note.

- item

    ??? facilitator
        Nested note inside a list.

- next item

```markdown
!!! facilitator "Example in code"
    Shown as code, kept.
```

!!! note "Kept"
    Not for trainers only.
"""


def test_strip_removes_every_block_and_only_them() -> None:
    stripped = strip_blocks(LESSON)
    assert "Ask the group" not in stripped
    assert "Then show the slide" not in stripped
    assert "Nested note" not in stripped
    assert "After the note." in stripped
    assert "- next item" in stripped
    assert "Example in code" in stripped and "Shown as code, kept." in stripped
    assert '!!! note "Kept"\n    Not for trainers only.' in stripped
    assert has_blocks(LESSON)
    assert not has_blocks(stripped)


def test_mark_adds_the_attribute_to_rendered_blocks() -> None:
    html = (
        '<div class="admonition facilitator"><p class="admonition-title">T</p></div>'
        '<details class="facilitator"><summary>S</summary></details>'
        '<div class="admonition note"></div>'
    )
    assert mark_blocks(html) == (
        '<div class="admonition facilitator" data-facilitator><p class="admonition-title">T</p>'
        '</div><details class="facilitator" data-facilitator><summary>S</summary></details>'
        '<div class="admonition note"></div>'
    )
