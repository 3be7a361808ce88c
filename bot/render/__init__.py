"""Renderers: the engine's answers as terminal text (text.py) and as Discord embeds (embeds.py, quiz.py)."""


def plural(count: int, noun: str) -> str:
    """ "1 document", "2 documents": shared by every renderer."""
    return f"{count} {noun}" + ("" if count == 1 else "s")
