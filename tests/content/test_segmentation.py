import pytest

from bot.content.segmentation import Span, paragraph_spans, sentence_spans
from tests.conftest import ESSAY, seed_text


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for p in paragraph_spans(text) for s in sentence_spans(text, p)]


@pytest.mark.parametrize(
    "text",
    [
        "Talks between former U.S. President Donald Trump and Kim Jong-un collapsed. Nothing followed.",
        "China vetoed the U.N. General Assembly's calls. Russia agreed.",
        "Hackers stole around $1 billion in 2022. Most of it was laundered.",
        "Fever cases totaled around 4.77 million in May. None were confirmed.",
        "“I had no words for freedom,” she said (Park, 2015). Her story spread.",
    ],
)
def test_abbreviations_numbers_quotes_and_citations_do_not_split_sentences(text: str):
    found = sentences(text)
    assert len(found) == 2
    assert found[0] + " " + found[1] == text


def test_every_sentence_span_is_the_source_text_itself():
    text = seed_text(ESSAY)
    for paragraph in paragraph_spans(text):
        spans = sentence_spans(text, paragraph)
        assert spans[0].start == paragraph.start and spans[-1].end == paragraph.end
        covered = " ".join(text[s.start : s.end] for s in spans)
        assert covered.split() == text[paragraph.start : paragraph.end].split()


def test_markdown_paragraphs_are_blank_line_blocks():
    text = "# Title\n\nFirst line\ncontinues here.\n\nSecond paragraph."
    assert [text[s.start : s.end] for s in paragraph_spans(text, markdown=True)] == [
        "# Title",
        "First line\ncontinues here.",
        "Second paragraph.",
    ]
    assert paragraph_spans("a\n\nb") == [Span(0, 1), Span(3, 4)]
