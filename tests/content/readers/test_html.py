"""A saved web page is read as its article: the site around it never reaches an answer."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from bot.content.ingest import IngestedDocument, ingest_file
from bot.content.readers.html import read_html
from bot.content.readers.page_cleanup import prepare_page
from bot.content.sources import SourceFile

EVALUATION = Path(__file__).parents[2] / "evaluation" / "documents"

PAGE = """<!doctype html>
<html><head><title>Evictions rise | The Daily Record</title>
<style>body { width: 100%; } .promo { font-size: 14px; }</style>
<script>window.dataLayer = [{"page": 42}];</script></head>
<body>
<header><a href="/">The Daily Record</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main><article>
<h1>Forced evictions rose sharply last year, monitors say</h1>
<p class="byline">By Ana Lima, 3 March 2023</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>Monitors recorded 4,500 forced evictions in the river district in 2022, twice as many as the year
before.<sup>1</sup> Most families said they received no written notice before bulldozers arrived.</p>
<p>The housing ministry disputed the figures and said that 1,200 families had been offered new homes
in the eastern suburbs, a claim residents rejected.<sup>2</sup></p>
<figure><img src="a.jpg"><figcaption>Families outside a demolished home. Photo: Staff</figcaption></figure>
<p>Lawyers for the residents said they would take the cases to the constitutional court this spring,
arguing that the evictions broke the country's own housing law.</p>
<h2>Notes</h2>
<ol><li>Housing Rights Monitor, Annual Report 2023, p. 12.</li><li>Ibid., p. 14.</li></ol>
</article></main>
<aside><h3>Most read</h3><ol><li><a href="/a">Ten things to do this weekend</a></li>
<li><a href="/b">Five dead in motorway crash</a></li><li><a href="/c">Prices up 3% in May</a></li></ol></aside>
<section class="comments"><h3>Leave a comment</h3><form><textarea></textarea><button>Post</button></form></section>
<footer><p>Subscribe to our newsletter for 50% off.</p><p>© 2023 The Daily Record. All rights reserved.</p></footer>
</body></html>"""


def test_navigation_cookies_share_teasers_comments_and_footer_are_not_text():
    text = read_html(PAGE).text
    furniture_words = ("World", "cookies", "Share on", "Most read", "Ten things", "3%", "comment", "Subscribe")
    for furniture in (*furniture_words, "50%", "©", "width", "dataLayer", "Photo: Staff"):
        assert furniture not in text, furniture


def test_the_article_reads_in_paragraphs_with_its_note_markers_raised():
    paragraphs = read_html(PAGE).text.split("\n\n")
    assert paragraphs[0] == "Forced evictions rose sharply last year, monitors say"
    article = [p for p in paragraphs if p.startswith("Monitors recorded 4,500 forced evictions")]
    assert len(article) == 1 and "year before.¹ Most" in article[0]
    assert paragraphs[-2:] == ["1. Housing Rights Monitor, Annual Report 2023, p. 12.", "2. Ibid., p. 14."]


def test_the_notes_list_is_linked_from_its_markers(tmp_path: Path):
    path = tmp_path / "evictions.html"
    path.write_text(PAGE, encoding="utf-8")
    document = ingest_file(SourceFile(path, "evictions", "evictions.html"))
    assert isinstance(document, IngestedDocument), document
    assert [r.key for r in document.references] == ["note 1", "note 2"]
    marked = [s for s in document.sentences if s.citations]
    assert [s.text.rsplit(" ", 2)[-2:] for s in marked] == [["year", "before.¹"], ["residents", "rejected.²"]]
    assert [[c.reference for c in s.citations] for s in marked] == [[0], [1]]
    assert document.references[1].authors == "Housing Rights Monitor"  # Ibid. is the note before's work
    assert {stat.value for s in document.sentences for stat in s.statistics} == {"4,500", "twice", "1,200"}


def test_an_ordered_list_keeps_its_numbers_when_its_items_hold_paragraphs():
    body = "Detention rose across the region last year, monitors said in their annual report. " * 4
    page = (
        f"<html><body><article><h1>Detention</h1><p>{body}</p><h2>Notes</h2>"
        "<ol><li><p>Housing Rights Monitor, Annual Report 2023.</p></li><li><p>Ibid., p. 9.</p></li></ol>"
        "</article></body></html>"
    )
    assert read_html(page).text.split("\n\n")[-2:] == [
        "1. Housing Rights Monitor, Annual Report 2023.",
        "2. Ibid., p. 9.",
    ]


def test_short_paragraphs_citing_numbered_references_by_links_are_kept():
    # git's "Fighting regressions with git bisect" cites its references by links ("[1]"); read as links,
    # trafilatura's precision took these paragraphs for navigation
    text = read_html((EVALUATION / "git-bisect-lk2009.html").read_bytes()).text
    assert "like a NIST study in 2002 [1] that said:" in text
    assert "Though, according to Wikipedia [3]:" in text


def test_articles_side_by_side_are_one_texts_sections_with_their_headings_and_opening():
    # the Declaration's page: its preamble in a <header>, then thirty <article>s; trafilatura alone took the
    # first article for the page's, dropping the preamble and every later article's heading
    paragraphs = read_html((EVALUATION / "udhr-english.html").read_bytes()).text.split("\n\n")
    assert paragraphs[0] == "Preamble" and paragraphs[1].startswith("Whereas recognition of the inherent dignity")
    headings = [p for p in paragraphs if p.startswith("Article ")]
    assert headings == [f"Article {n}" for n in range(1, 31)]
    assert paragraphs[paragraphs.index("Article 19") + 1].startswith("Everyone has the right to freedom of opinion")


PAGE_WITH_HEADERS = """<html><body><header class="site"><a href="/">Daily</a> <a href="/news">News</a>
<a href="/sport">Sport</a> <a href="/about">About</a></header><main><article><header><h1>Rains flood the capital</h1>
<p>Heavy rains flooded three districts of the capital overnight, and the city's mayor ordered every school closed for
the rest of the week while crews pump water from the streets.</p></header><p>Crews rescued forty families.</p>
<div class="next"><article><header><h2>Bus fares to rise in June</h2><p>The transport authority announced on Monday
that bus fares will rise by ten per cent from the first of June, citing the cost of fuel and of new buses.</p>
</header></article></div></article></main></body></html>"""


def test_a_prose_header_is_the_articles_but_not_the_sites_nor_the_next_storys():
    # trafilatura drops every <header> as the site's; on its own evaluation set, keeping the ones that are
    # prose kept 10 more of its 2,951 snippets of content and let no more furniture in
    tree = lxml.html.fromstring(PAGE_WITH_HEADERS)
    prepare_page(tree)
    kept = {" ".join(h.text_content().split())[:20] for h in tree.iter("header")}
    assert kept == {"Daily News Sport Abo", "Bus fares to rise in"}  # a menu; a story loaded inside the article
    assert tree.find(".//article/div/h1") is not None  # the article's own lead is the article's


PANDOC_PAGE = """<html><head><script>document.addEventListener('DOMContentLoaded', f);</script></head><body>
<h1 class="title">Missing data</h1>
<div class="section level2"><h2>Assumptions</h2>
<p>The model assumes the data are normal with mean vector <span class="math inline">\\(\\mu\\)</span> and
covariance <span class="math inline">\\(\\Sigma\\)</span>, as shown by Schafer and Olsen
(<a href="#ref-SchOls98" role="doc-biblioref">1998</a>).
We only observe <span class="math inline">\\(D^{obs}\\)</span> of the data.
Multiple imputation reduces bias compared to listwise deletion, as users of the program found in their own
work<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a>.</p>
<p><span class="math display">\\[p(M|D) = p(M|D^{obs}).\\]</span></p>
<p>The first version of the program was slower <span class="citation">(<a href="#ref-Hon98"
role="doc-biblioref">Honaker et al. 1998-2002</a>)</span>, and it crashed on large data sets often.</p></div>
<div class="section level2"><h2>References</h2>
<div id="refs" class="references csl-bib-body">
<div id="ref-Hon98" class="csl-entry">Honaker, James, Anne Joseph, and Gary King. 1998-2002.
<span>“Amelia: A Program for Missing Data.”</span></div>
<div id="ref-Schafer97" class="csl-entry">Schafer, Joseph L. 1997. <em>Analysis of Incomplete Multivariate
Data</em>. London: Chapman &amp; Hall.</div>
<div id="ref-SchOls98" class="csl-entry">Schafer, Joseph L., and Maren K. Olsen. 1998. <span>“Multiple
Imputation for Multivariate Missing-Data Problems.”</span> <em>Multivariate Behavioral Research</em> 33: 545–71.</div>
</div></div>
<div class="footnotes"><hr /><ol><li id="fn1"><p>Combine the results with Zelig for R.<a href="#fnref1"
class="footnote-back">↩︎</a></p></li></ol></div>
</body></html>"""


def test_a_pages_tex_shows_as_text_and_a_formula_text_cannot_show_is_quoted_nowhere(tmp_path: Path):
    # pandoc leaves formulas as TeX for MathJax ("\\(\\mu\\)"), as trafilatura writes MathML
    read = read_html(PANDOC_PAGE)
    assert "mean vector μ and covariance Σ," in read.text
    assert "\\(" not in read.text and "\\[" not in read.text and read.set_aside["displayed formulas"] == 1
    path = tmp_path / "missing.html"
    path.write_text(PANDOC_PAGE, encoding="utf-8")
    document = ingest_file(SourceFile(path, "missing", "missing.html"))
    assert isinstance(document, IngestedDocument), document
    assert not any("obs" in s.text for s in document.sentences)  # "D" with "obs" raised: no text shows it
    assert any(s.text.startswith("Multiple imputation reduces bias") for s in document.sentences)


def test_a_page_without_a_frame_keeps_its_headings_its_reference_entries_and_its_footnotes(tmp_path: Path):
    # pandoc's page has no article or main: trafilatura's recovery dropped every heading, kept only the
    # italics of the entries set as divs, and dropped the footnotes; the note is no body either
    path = tmp_path / "missing.html"
    path.write_text(PANDOC_PAGE, encoding="utf-8")
    document = ingest_file(SourceFile(path, "missing", "missing.html"))
    assert isinstance(document, IngestedDocument), document
    assert [r.key for r in document.references] == [
        "Honaker et al., 1998-2002",
        "Schafer, 1997",
        "Schafer & Olsen, 1998",
        "note 1",
    ]
    linked = {
        s.text[:30]: [document.references[c.reference].key for c in s.citations if c.reference is not None]
        for s in document.sentences
        if s.citations
    }
    assert linked == {
        "The model assumes the data are": ["Schafer & Olsen, 1998"],
        "Multiple imputation reduces bi": ["note 1"],
        "The first version of the progr": ["Honaker et al., 1998-2002"],
    }
    assert not any("Zelig" in s.text for s in document.sentences)


def test_a_note_marked_with_aria_s_role_is_a_note_whatever_its_marker(tmp_path: Path):
    # docutils (Sphinx) writes "[1]" linking to an <aside role="note">, not a raised number to a list item
    prose = "Merging is often very cleverly organised in tape sorts of old, as their users recall. " * 3
    page = (
        f"<html><body><main><h1>Heaps</h1><p>{prose}It is the one tool that matters "
        '<a class="footnote-reference brackets" href="#id2" id="id1" role="doc-noteref">[1]</a>. '
        "The initial sort should produce the longest runs possible.</p>"
        '<aside class="footnote brackets" id="id2" role="note"><span class="label">[<a role="doc-backlink" '
        'href="#id1">1</a>]</span><p>Some tapes were even able to read backwards.</p></aside></main></body></html>'
    )
    assert [n.text for n in read_html(page).notes] == ["1 Some tapes were even able to read backwards."]
    path = tmp_path / "heaps.html"
    path.write_text(page, encoding="utf-8")
    document = ingest_file(SourceFile(path, "heaps", "heaps.html"))
    assert isinstance(document, IngestedDocument), document
    cited = [s for s in document.sentences if s.citations]
    assert [s.text[:24] for s in cited] == ["It is the one tool that "]
    assert [document.references[c.reference].key for c in cited[0].citations if c.reference is not None] == ["note 1"]
    assert not any("backwards" in s.text for s in document.sentences)
