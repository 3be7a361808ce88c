"""Embeds stay within Discord's limits by construction, whatever the source text; quotes say where they stand."""

from __future__ import annotations

from bot.content import models
from bot.content.models import DocumentInfo, Passage, ReferenceInfo, SearchAnswer
from bot.render.embeds import FIELD_LIMIT, clip, quoted_field, search_pages, stats_pages
from bot.render.text import render_fact, render_search

DOCUMENT = DocumentInfo(id="doc", title="A *very* long_title " * 20, path="doc.txt", author="@everyone")
REFERENCE = ReferenceInfo(key="X, 2020", text="X. (2020). " + "Title words " * 200, authors="X", year="2020")


def test_a_long_quote_is_cut_at_a_word_with_an_ellipsis_and_a_pointer_to_search():
    text = "word " * 2000
    passage = Passage(text=text.strip(), document=DOCUMENT, reference=REFERENCE, score=1.0)
    field = quoted_field(passage.text, passage)
    assert len(field) <= FIELD_LIMIT
    quote = field.split("”")[0]
    assert quote.endswith("… (see /search)")
    assert quote.removeprefix("“").removesuffix("… (see /search)").endswith("word")


def test_pages_of_huge_results_respect_every_limit():
    hits = [Passage(text="x" * 6000, document=DOCUMENT, reference=REFERENCE, score=1.0) for _ in range(12)]
    for page in search_pages(SearchAnswer(query="q" * 400, results=hits)):
        assert len(page) <= 6000 and len(page.fields) <= 25
        assert len(page.title or "") <= 256
        assert all(len(f.value or "") <= 1024 and len(f.name or "") <= 256 for f in page.fields)


def test_source_text_cannot_ping_or_break_markdown():
    passage = Passage(text="Hello @everyone and <@123> **bold**", document=DOCUMENT, score=1.0)
    field = quoted_field(passage.text, passage)
    assert "@everyone" not in field.replace("@\u200beveryone", "")
    assert "**bold**" not in field and "\\*\\*bold\\*\\*" in field


def test_clip_leaves_short_text_alone():
    assert clip("short", 10) == "short"


def test_a_quote_says_the_numbered_section_it_stands_in_before_its_page():
    declaration = DocumentInfo(id="udhr", title="Universal Declaration of Human Rights", path="udhr.html")
    passage = Passage(
        text="Everyone has the right to a nationality.", document=declaration, section="Article 15", score=1
    )
    (page,) = search_pages(SearchAnswer(query="nationality", results=[passage]))
    assert "*Universal Declaration of Human Rights*, Article 15" in (page.fields[0].value or "")
    assert "“Universal Declaration of Human Rights”, Article 15, p. 3" in render_search(
        SearchAnswer(query="nationality", results=[passage.model_copy(update={"page": 3})])
    )


def test_a_statistic_and_a_fact_say_their_section_too():
    declaration = DocumentInfo(id="udhr", title="Universal Declaration of Human Rights", path="udhr.html")
    quoted = {"quote": "Everyone has the right to a nationality.", "document": declaration, "section": "Article 15"}
    stat = models.Statistic(value="one", number=1, kind="count", counts="nationality", **quoted)
    (page,) = stats_pages(models.StatsAnswer(stats=[stat]))
    assert "Article 15" in (page.fields[0].value or "")
    assert "Article 15" in render_fact(models.FactAnswer(seed=1, fact=models.Fact(key="cite:1", **quoted)))
