"""Set a web page's tree right before trafilatura reads it, where its rules would lose or misplace words
a reader sees: inline code holding markup, note and tip boxes laid out as small tables, prose boxes
named sidebars, articles side by side that are one text's sections, headers that are prose, links that
print their own address, note markers that are links, entries the page links to set as divs, and a body
with no frame around its article.
"""

# lxml ships no type information for `lxml.html` (and the lxml-stubs package declares no HtmlElement), so
# this module alone is checked in pyright's basic mode; the rest of the readers stay strict.
# pyright: basic

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura.xpaths import BODY_XPATH

# Inline code may hold markup of its own ("<code><em>name</em></code>"); trafilatura moves such words out
# of their place in the sentence, so code is flattened to its words first.
_CODE = ("code", "tt", "kbd", "samp", "var")
# A cell holding blocks of its own makes its table a layout table (a note or tip box of a few cells): its
# words are the article's, where a data table's cells are not sentences.
_BOX_CELLS = 4
# A box named a sidebar, an aside or a box-out; what it holds decides whether it is the article's.
_ASIDE_NAME = re.compile(r"sidebar|aside|boxout|callout", re.IGNORECASE)
_PROSE_CHARS = 200
_PRINTED_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$")
_NOTE_MARKER = re.compile(r"\[\d{1,3}\]|\d{1,3}")
_PROSE_LINK_SHARE = 0.25
_CELL_BLOCKS = ("p", "div", "ul", "ol", "dl", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")


def prepare_page(tree: HtmlElement) -> None:
    _flatten_code(tree)
    _unwrap_layout_tables(tree)
    _keep_prose_asides(tree)
    _join_sibling_articles(tree)
    _keep_prose_headers(tree)
    _unlink_printed_addresses(tree)
    _unlink_note_markers(tree)
    _linked_entries_as_paragraphs(tree)
    _frame_bare_body(tree)


def _flatten_code(tree: HtmlElement) -> None:
    for code in list(tree.iter(*_CODE)):  # listed first: the loop takes elements out of the tree
        if len(code):
            words = code.text_content()
            for child in list(code):
                code.remove(child)
            code.text = words


def _unwrap_layout_tables(tree: HtmlElement) -> None:
    """Each small layout table (a note or tip box) becomes its cells that hold blocks, in order; its other
    cells (an icon, a "Note" label) go. Innermost first, so a box inside a box is unwrapped first."""
    for table in reversed(list(tree.iter("table"))):
        every = list(table.iter("td", "th"))
        cells = [cell for cell in every if _holds_blocks(cell)]
        if not cells or len(every) > _BOX_CELLS or table.getparent() is None:
            continue  # a page laid out in a big table is left to trafilatura, which reads those well
        box = table.makeelement("div", {})
        for cell in cells:
            cell.tag = "div"
            box.append(cell)
        box.tail = table.tail
        table.getparent().replace(table, box)


def _keep_prose_asides(tree: HtmlElement) -> None:
    """A box set among the article's paragraphs that is itself prose (a book's "culture" or "tool"
    sidebar) is the article's; trafilatura drops anything named a sidebar, so such a box loses the name.
    A site's sidebar stands beside the article, not among its paragraphs, and is mostly links."""
    for box in list(tree.iter("aside", "div", "section")):
        named = box.tag == "aside" or _ASIDE_NAME.search(f"{box.get('class', '')} {box.get('id', '')}")
        if not named or not _prose(box) or not _among_paragraphs(box):
            continue
        box.tag = "div"
        for attribute in ("class", "id", "role"):
            box.attrib.pop(attribute, None)


def _keep_prose_headers(tree: HtmlElement) -> None:
    """A header that is prose (an article's standfirst, its lead) is the article's: trafilatura drops every
    header as the site's, whose header is a logo, a menu and links. Not the header of another story: of one
    in a stream of articles (articles that are one text's sections are joined first), or of one set inside
    the page's article (a news site's next story, loaded below the first)."""
    for header in list(tree.iter("header")):
        story = next(header.iterancestors("article"), None)
        if _unlinked_prose(header) and (story is None or not _in_stream(story)):
            header.tag = "div"


def _in_stream(article: HtmlElement) -> bool:
    parent = article.getparent()
    nested = next(article.iterancestors("article"), None) is not None
    return nested or (parent is not None and sum(1 for child in parent if child.tag == "article") >= 2)


def _join_sibling_articles(tree: HtmlElement) -> None:
    """Articles side by side that are each unlinked text (a declaration's articles, a report's chapters) are
    one text's sections, with the prose header before them: one article is made of them. Left apart,
    trafilatura took the first for the page's article, or, as sections of the page, dropped every heading.
    A list of teasers is mostly links, and a stream of news stories gives each its own header, headline
    or time: those stay as they are."""
    for parent in {article.getparent() for article in tree.iter("article")} - {None}:
        articles = [child for child in parent if child.tag == "article"]
        if len(articles) < 2 or not all(_unlinked(article) and not _standalone(article) for article in articles):
            continue
        at = parent.index(articles[0])
        before = parent[at - 1] if at else None
        # trafilatura drops every header as the site's; one that is prose before the articles is their opening
        opening = [before] if before is not None and before.tag in ("header", "div") and _unlinked_prose(before) else []
        whole = parent.makeelement("article", {})
        parent.insert(parent.index((opening or articles)[0]), whole)
        for part in [*opening, *articles]:
            part.tag = "section"
            whole.append(part)


def _unlink_printed_addresses(tree: HtmlElement) -> None:
    """A link that prints its own address ("→ https://www.spi-inc.org/") is text the page shows as a
    reference, not navigation; as a link it would make its paragraph look like a list of links."""
    for link in list(tree.iter("a")):
        if _PRINTED_ADDRESS.match(link.text_content().strip()) and link.getparent() is not None:
            link.drop_tag()


def _unlink_note_markers(tree: HtmlElement) -> None:
    """A link that is a note or reference marker ("a NIST study in 2002 [1] that said:") points into the
    article's own notes; as a link it makes a short paragraph look like navigation, which trafilatura's
    precision drops."""
    for link in list(tree.iter("a")):
        if _NOTE_MARKER.fullmatch(link.text_content().strip()) and link.getparent() is not None:
            link.drop_tag()


def _linked_entries_as_paragraphs(tree: HtmlElement) -> None:
    """Entries set as divs of words with no block inside, in a list the page's own links point into (a
    citeproc reference list, whose citations link to its entries), are paragraphs: trafilatura kept only
    such an entry's italics (its journal's name) and dropped its authors, year and title. Every entry of
    the list, the ones no citation links to too."""
    targets = {link.get("href", "")[1:] for link in tree.iter("a") if link.get("href", "").startswith("#")}
    lists = {div.getparent() for div in tree.iter("div") if div.get("id") in targets and _words_only(div)}
    for parent in lists - {None}:
        for div in parent:
            if div.tag == "div" and _words_only(div):
                div.tag = "p"


def _words_only(div: HtmlElement) -> bool:
    return not any(child.tag in _CELL_BLOCKS for child in div.iterdescendants())


def _frame_bare_body(tree: HtmlElement) -> None:
    """A page with none of the frames trafilatura looks for its article in (an article, a main, a content
    div: pandoc's pages, many a static site's) goes to its recovery pass, which takes paragraphs and drops
    every heading, a reference list's among them. Such a page's body is made its main frame."""
    body = tree if tree.tag == "body" else tree.find("body")
    if body is None or any(next(iter(frame(tree)), None) is not None for frame in BODY_XPATH):
        return
    main = body.makeelement("main", {})
    main.text, body.text = body.text, None
    main.extend(list(body))
    body.append(main)


def _prose(element: HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    sentences = len(re.findall(r"[a-z][.!?](?:\s|$)", text))
    return len(text) >= _PROSE_CHARS and sentences >= 2 and _unlinked(element)


def _unlinked(element: HtmlElement) -> bool:
    """At most a quarter of its text is links."""
    text = " ".join(element.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return bool(text) and linked <= _PROSE_LINK_SHARE * len(text)


def _standalone(article: HtmlElement) -> bool:
    return next(article.iter("header", "h1", "time"), None) is not None


def _unlinked_prose(element: HtmlElement) -> bool:
    """Text of some length, few of its words links: a preamble, a standfirst; not a menu."""
    return len(" ".join(element.text_content().split())) >= _PROSE_CHARS and _unlinked(element)


def _among_paragraphs(element: HtmlElement) -> bool:
    parent = element.getparent()
    if parent is None:
        return False
    siblings = [child for child in parent if child is not element and isinstance(child.tag, str)]
    return sum(1 for child in siblings if len(child.text_content().strip()) >= _PROSE_CHARS // 2) >= 2


def _holds_blocks(cell: HtmlElement) -> bool:
    return any(child.tag in _CELL_BLOCKS for child in cell)
