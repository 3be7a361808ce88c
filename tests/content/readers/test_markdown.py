"""Markdown is read as a reader sees it rendered: no front matter, markup, styles or emphasis markers."""

from __future__ import annotations

from bot.content.readers.markdown import read_markdown

DOSSIER = """---
title: Dossier on forced evictions
tags: [housing, evictions]
---

<style>
.note { width: 100%; font-size: 12px; }
</style>

# Forced evictions in 2022

Some **4,500** families were *evicted* from the river district in 2022,<sup>1</sup> according to the
[housing ministry](https://example.org/ministry).[^2]

<div class="banner">Subscribe for updates</div>

| District | Families |
|----------|----------|
| River    | 4,500    |

- Most of them received no notice.
- Compensation was __rarely__ paid.

[^2]: Ministry of Housing, Annual Statistics 2023, table 4.
"""


def test_front_matter_styles_html_and_tables_never_reach_the_text():
    read = read_markdown(DOSSIER)
    for markup in ("title:", "tags", "font-size", "100%", "banner", "Subscribe", "|", "**", "__", "*evicted*", "https"):
        assert markup not in read.text, markup
    assert read.set_aside == {"front matter": 1, "HTML and style blocks": 2, "tables": 1, "footnotes": 1}


def test_blocks_are_paragraphs_with_the_words_a_reader_sees():
    paragraphs = read_markdown(DOSSIER).text.split("\n\n")
    assert paragraphs == [
        "Forced evictions in 2022",
        "Some 4,500 families were evicted from the river district in 2022,¹ according to the housing ministry.²",
        "Most of them received no notice.",
        "Compensation was rarely paid.",
    ]


def test_footnote_definitions_are_notes_and_markers_superscripts():
    notes = read_markdown(DOSSIER).notes
    assert [n.text for n in notes] == ["² Ministry of Housing, Annual Statistics 2023, table 4."]
