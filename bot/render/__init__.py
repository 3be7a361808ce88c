"""Renderers: the engine's answers as terminal text (text.py) and as Discord embeds (embeds.py, quiz.py)."""

from __future__ import annotations

from typing import Protocol

from bot.content.models import DocumentInfo, ReferenceInfo


class Placed(Protocol):
    """Where a quoted sentence stands, as every answer quoting one gives it (a passage, a statistic, a quiz
    question, a fact): each renderer's source line is made from these, so none can leave one out."""

    @property
    def document(self) -> DocumentInfo: ...
    @property
    def reference(self) -> ReferenceInfo | None: ...
    @property
    def page(self) -> int | None: ...
    @property
    def section(self) -> str | None: ...


def plural(count: int, noun: str) -> str:
    """A counted noun, "1 document" or "2 documents", the same in every renderer."""
    return f"{count} {noun}" + ("" if count == 1 else "s")
