"""The plain words a /cite verdict is told in, the same in the terminal and on Discord."""

from __future__ import annotations

from bot.content.models import CiteAnswer, ClaimMatch

_TITLES = {
    "supported": "Supported",
    "contradicted": "Contradicted",
    "related": "Not confirmed",
    "none": "Nothing in the sources",
}


def verdict_title(answer: CiteAnswer) -> str:
    return _TITLES[answer.verdict]


def verdict_line(answer: CiteAnswer) -> str:
    """One sentence that says what the sources do with the claim."""
    if answer.verdict == "supported":
        return "A sentence in the sources states this."
    if answer.verdict == "contradicted":
        differs = next((m.differs for m in answer.matches if m.relation == "contradicts" and m.differs), None)
        if differs is None:
            return "The sources say otherwise."
        if any(c.isdigit() for c in differs):
            return f"The sources give a different figure: {differs}."
        return f"The sources say otherwise: “{differs}”."
    if answer.verdict == "related":
        return "No sentence confirms this; closest:"
    return "No sentence in the sources speaks to this. Try a search with a few of its words."


def relation_label(match: ClaimMatch) -> str:
    if match.relation == "supports":
        return "States it"
    if match.relation == "contradicts":
        return "Says otherwise" + (f" ({match.differs})" if match.differs else "")
    return "On the subject"
