"""A web page's footnotes: the items its raised note markers link to ("results<sup>1</sup>" pointing at
"#fn1"), as pandoc, Python-Markdown and wikis write them. They are notes, not body: taken out of the page
before its article is read, and given to the citation linker with the marker's label. Found by the
links, not by what a site names its notes section, so a section trafilatura would drop, or keep as
body, is read either way.
"""

# lxml ships no type information for `lxml.html`, as in page_cleanup.py.
# pyright: basic

from __future__ import annotations

import re

from lxml.html import HtmlElement

from bot.content.readers.text import Note

_MARKER = re.compile(r"\[?(\d{1,3})\]?")


def take_notes(tree: HtmlElement) -> list[Note]:
    """The notes the page's raised markers link to, in the markers' order, each out of the tree."""
    notes: list[Note] = []
    for link in list(tree.iter("a")):
        marker = _MARKER.fullmatch(link.text_content().strip())
        target = link.get("href", "")
        raised = next(link.iter("sup"), None) is not None or next(link.iterancestors("sup"), None) is not None
        if not marker or not raised or not target.startswith("#") or len(target) < 2:
            continue
        found = tree.xpath("//*[@id=$name]", name=target[1:])
        item = found[0] if found else None
        if item is None or item.tag != "li" or item.getparent() is None:
            continue
        for back in list(item.iter("a")):  # the note's link back to its marker ("↩")
            if back.get("href", "").startswith("#"):
                back.drop_tree()
        words = " ".join(item.text_content().split())
        item.drop_tree()
        if words:
            notes.append(Note(f"{marker.group(1)} {words}"))
    return notes
