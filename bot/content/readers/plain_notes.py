"""Footnotes typed into plain text: numbered lines ("2	See Pope Francis, General Audience, 27 September
2017") whose numbers the text before them carries as markers glued to a word's punctuation ("the heart
of mankind.2 It sees", "God’s love.”4"). The lines become notes and the markers superscripts, as a
reader of the printed page sees them."""

from __future__ import annotations

import re

from bot.content.readers.text import Note, cut_out, superscript

_NOTE_LINE = re.compile(r"^[ \t]*(?P<label>\d{1,3})[ \t]+(?P<body>\S[^\n]*)(?:\n|$)", re.MULTILINE)
# A marker sits right after a word's closing punctuation, and a space or the line's end follows it
# ("mankind.2 It", "love.”4"); a number after a digit's stop ("2.1 per cent") is no marker. The digit
# is looked for first, so that the look back runs only where one stands.
_MARKER = re.compile(
    r"(?=\d)(?:(?<=[^\W\d_][.,;:!?”’\"')\]])|(?<=[^\W\d_][.,;:!?][”’\"')\]]))(?P<label>\d{1,3})(?=\s|$)"
)
# One numbered line that a marker happens to match is chance; notes come several to a text.
_MIN_NOTES = 2


def split_notes(text: str) -> tuple[str, list[Note]]:
    """The text without its footnote lines and with its markers raised, and the notes."""
    first_marker: dict[str, int] = {}
    for marker in _MARKER.finditer(text):
        first_marker.setdefault(marker.group("label"), marker.start())
    lines: list[re.Match[str]] = []
    for line in _NOTE_LINE.finditer(text):
        label = line.group("label")
        marked = first_marker.get(label, len(text)) < line.start()
        # a note whose marker the text hides ("COP 2610": COP 26, note 10) still goes on the notes' count
        follows = bool(lines) and int(label) == int(lines[-1].group("label")) + 1
        if marked or follows:
            lines.append(line)
    if sum(1 for line in lines if line.group("label") in first_marker) < _MIN_NOTES:
        return text, []
    labels = {line.group("label") for line in lines}
    body = _MARKER.sub(
        lambda m: superscript(m.group("label")) if m.group("label") in labels else m.group(0),
        cut_out(text, (line.span() for line in lines)),
    )
    notes = [Note(f"{superscript(line.group('label'))} {line.group('body').strip()}") for line in lines]
    return body, notes
