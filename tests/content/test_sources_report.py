"""`sources` shows what the bot understood of each file: its format and pages, what it set aside as
furniture or notes, its references and the citations that match none of them."""

from __future__ import annotations

import pytest

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.topics import load_topics
from bot.render.embeds import sources_pages
from bot.render.text import render_sources
from tests.conftest import TOPICS
from tests.content.readers.pdf_writer import Page, write_report

MARKDOWN = """---
title: Notes on evictions
author: [Ana Lima, Jo Park]
date: 2023-03-03
---

<style>p { color: red; }</style>

Some 4,500 families were evicted in 2022 (Housing Monitor, 2023). A survey disagreed (Lima, 2021).

## References

Housing Monitor. (2023). Annual report. Housing Monitor.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> StudyEngine:
    folder = tmp_path_factory.mktemp("library")
    pages = [
        Page(lines=[("Detention rose sharply in the northern provinces last year.", "1")], notes=["1 Ibid., 4."]),
        Page(lines=[("The commission counted 214 detainees held without any charge.", None)]),
        Page(lines=[("Families were not told where their relatives were held.", None)]),
    ]
    write_report(folder / "report.pdf", pages, header="Report on Detention")
    (folder / "evictions.md").write_text(MARKDOWN, encoding="utf-8")
    return StudyEngine(open_index(folder, progress=False), load_topics(TOPICS))


def test_each_source_says_how_it_was_read_and_what_was_set_aside(engine):
    by_id = {s.document.id: s for s in engine.sources().sources}
    report, notes = by_id["report"], by_id["evictions"]
    assert (report.document.format, report.document.pages) == ("pdf", 3)
    assert report.set_aside == {"running headers, footers and page numbers": 6, "footnote lines": 1}
    assert [r.key for r in report.references] == ["note 1"]
    assert notes.document.format == "markdown" and notes.document.pages is None
    assert notes.set_aside["front matter"] == 1 and notes.set_aside["HTML and style blocks"] == 1
    assert [r.key for r in notes.references] == ["Housing Monitor, 2023"]
    assert notes.unlinked_citations == ["Lima, 2021"]


def test_a_file_that_names_its_title_and_author_is_listed_by_them(engine, tmp_path_factory):
    notes = next(s for s in engine.sources().sources if s.document.id == "evictions")
    assert (notes.document.title, notes.document.author) == ("Notes on evictions", "Ana Lima, Jo Park")
    assert notes.document.published is not None and notes.document.published.isoformat() == "2023-03-03"
    assert not notes.document.title_is_opening


def test_a_sidecar_has_the_last_word_on_what_a_file_says_of_itself(tmp_path):
    (tmp_path / "evictions.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "evictions.meta.yaml").write_text("title: Evictions, a dossier\n", encoding="utf-8")
    document = StudyEngine(open_index(tmp_path, progress=False), load_topics(TOPICS)).sources().sources[0].document
    assert (document.title, document.author) == ("Evictions, a dossier", "Ana Lima, Jo Park")


def test_the_sources_listing_shows_it_in_text_and_on_discord(engine):
    answer = engine.sources()
    text = render_sources(answer)
    assert "PDF, 3 pages" in text and "Set aside: 6 running headers, footers and page numbers, 1 footnote lines" in text
    assert "Cited but not in its references (1): Lima, 2021" in text
    shown = "\n".join(field.value or "" for page in sources_pages(answer) for field in page.fields)
    assert "PDF, 3 pages" in shown and "Lima, 2021" in shown and "0 references, 1 note" in shown
