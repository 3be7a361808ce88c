"""Read a web page as its article: trafilatura finds the main content (dropping navigation, teasers,
share and cookie prompts, comments and the site's footer), and its paragraphs, headings, list items and
quotes become the text. A number in `<sup>` is a note marker, written as a superscript; an ordered
list's items keep the numbers the browser shows, so a numbered notes or references list reads as one.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from xml.etree import ElementTree

import trafilatura
from trafilatura.utils import HtmlInput, load_html

from bot.content.readers.html_notes import take_notes
from bot.content.readers.page_cleanup import prepare_page
from bot.content.readers.tex_math import render_inline, without_displayed
from bot.content.readers.text import SourceText, TextBuilder, superscript

_BLOCKS = {"p", "head", "item", "quote"}
# Below this share of the default's text, precision has dropped part of the article, not furniture (a
# long documentation page came out at an eighth of itself; pages where precision only drops teasers keep
# well over this).
_KEPT_SHARE = 0.6
# The link sign a documentation site puts after each heading ("Summary¶").
_ANCHOR_SIGNS = "¶§#"


class HtmlError(ValueError):
    """A page with no article text to find."""


def read_html(html: bytes | str) -> SourceText:
    """`html` as bytes lets trafilatura find the page's encoding (a page saved in windows-1252, say)."""
    # Precision first: it leaves out the teasers and adverts that the default keeps under an article. Where
    # it keeps much less than the default (a long page it cut to its first sections), the default's recall.
    tree = load_html(html)
    if tree is None:
        raise HtmlError("no article text found in the page")
    notes = take_notes(tree)  # before prepare_page unlinks the markers that lead to them
    prepare_page(tree)
    # trafilatura prunes the tree it is given, so each extraction gets its own copy.
    precise = _extract(copy.deepcopy(tree), precision=True)
    full = _extract(copy.deepcopy(tree), precision=False)
    extracted = precise if precise and len(precise) >= _KEPT_SHARE * len(full or "") else full
    if not extracted:
        raise HtmlError("no article text found in the page")
    try:
        read = _read(ElementTree.fromstring(extracted))
    except ElementTree.ParseError as error:  # trafilatura writes well-formed XML; a page it choked on
        raise HtmlError(f"its article could not be read ({error})") from error
    # The page's title and author; not its date, which trafilatura guesses from anything on the page.
    described = trafilatura.extract_metadata(tree)
    title = described.title.rstrip(_ANCHOR_SIGNS).strip() if described and described.title else None
    return replace(read, notes=notes, title=title or None, author=described.author if described else None)


def _extract(tree: HtmlInput, *, precision: bool) -> str | None:
    return trafilatura.extract(
        tree,
        favor_precision=precision,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=True,
        with_metadata=False,
    )


def _read(root: ElementTree.Element) -> SourceText:
    main = root.find("main")
    parents = {child: parent for parent in root.iter() for child in parent}
    builder = TextBuilder()
    numbered: set[ElementTree.Element] = set()  # ordered-list items whose number has been written
    formulas = 0
    for element in (main if main is not None else root).iter():
        if element.tag not in _BLOCKS:
            continue  # a block's words are its own: an item's paragraphs are blocks of their own
        words, displayed = without_displayed(_text(element))
        formulas += displayed
        words = render_inline(" ".join(words.split())).rstrip(_ANCHOR_SIGNS).rstrip()
        if not words:
            continue
        # The number goes before the item's first words, whether the item holds them or a paragraph in it.
        item = element if element.tag == "item" else parents.get(element)
        number = _list_number(item, parents.get(item)) if item is not None and item not in numbered else None
        if number is not None and item is not None:
            numbered.add(item)
        builder.new_paragraph(f"{number}. {words}" if number else words)
    return builder.build("html", set_aside={"displayed formulas": formulas} if formulas else None)


def _text(element: ElementTree.Element) -> str:
    """The element's own words and those of its inline children (not of nested blocks)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in _BLOCKS or child.tag == "list":
            parts.append(child.tail or "")
            continue
        inner = _text(child)
        if child.tag == "hi" and child.get("rend") == "#sup":
            inner = superscript(inner.strip())
        parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _list_number(element: ElementTree.Element, parent: ElementTree.Element | None) -> int | None:
    """The number a browser shows before an item of an ordered list."""
    if element.tag != "item" or parent is None or parent.get("rend") != "ol":
        return None
    items = [child for child in parent if child.tag == "item"]
    return items.index(element) + 1
