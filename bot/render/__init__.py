"""Renderers: the engine's answers as terminal text (text.py) and as Discord embeds (embeds.py, quiz.py)."""


def plural(count: int, noun: str) -> str:
    """A counted noun, "1 document" or "2 documents", the same in every renderer."""
    return f"{count} {noun}" + ("" if count == 1 else "s")
