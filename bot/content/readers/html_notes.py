"""A web page's footnotes: the items its note markers link to, as pandoc, Python-Markdown and wikis write
them (a raised "1" pointing at a list item, "#fn1"), and as docutils and any page marking its notes with
ARIA's roles do ("[1]" pointing at an element whose role is "note" or "doc-footnote"). They are notes,
not body: taken out of the page before its article is read, and given to the citation linker with the
marker's label. Found by the links and the roles, not by what a site names its notes section, so a
section trafilatura would drop, or keep as body, is read either way.
"""

# lxml ships no type information for `lxml.html`, as in page_cleanup.py.
# pyright: basic

from __future__ import annotations

import re

from lxml.html import HtmlElement

from bot.content.readers.text import Note

_MARKER = re.compile(r"\[?(\d{1,3})\]?")
_NOTE_ROLES = frozenset({"note", "doc-footnote", "doc-endnote"})
# What is left of a note's label once its link back is gone: "[]" of docutils' "[1]".
_LABEL_LEFT = re.compile(r"^\s*\[\s*\]\s*")


def take_notes(tree: HtmlElement) -> list[Note]:
    """The notes the page's markers link to, in the markers' order, each out of the tree."""
    notes: list[Note] = []
    for link in list(tree.iter("a")):
        marker = _MARKER.fullmatch(link.text_content().strip())
        target = link.get("href", "")
        raised = next(link.iter("sup"), None) is not None or next(link.iterancestors("sup"), None) is not None
        if not marker or not target.startswith("#") or len(target) < 2:
            continue
        found = tree.xpath("//*[@id=$name]", name=target[1:])
        item = found[0] if found else None
        if item is None or item.getparent() is None:
            continue
        if not (item.get("role") in _NOTE_ROLES or (raised and item.tag == "li")):
            continue
        for back in list(item.iter("a")):  # the note's link back to its marker ("↩")
            if back.get("href", "").startswith("#"):
                back.drop_tree()
        words = _LABEL_LEFT.sub("", " ".join(item.text_content().split()))
        item.drop_tree()
        if words:
            notes.append(Note(f"{marker.group(1)} {words}"))
    return notes
