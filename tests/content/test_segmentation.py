import pytest

from bot.content.segmentation import Span, normalise_whitespace, paragraph_spans, split_sentences
from tests.conftest import ESSAY, seed_text


def sentences(text: str) -> list[str]:
    return [s for p in paragraph_spans(text) for s in split_sentences(text[p.start : p.end])]


@pytest.mark.parametrize(
    "text",
    [
        "Talks between former U.S. President Donald Trump and Kim Jong-un collapsed. Nothing followed.",
        "China vetoed the U.N. General Assembly's calls. Russia agreed.",
        "Hackers stole around $1 billion in 2022. Most of it was laundered.",
        "Fever cases totaled around 4.77 million in May. None were confirmed.",
        "“I had no words for freedom,” she said (Park, 2015). Her story spread.",
        "The report said such measures “made it more difficult.” Officials denied it.",
        # the splitter leaves a title alone as a sentence: it belongs to the name after it
        "The President could not join owing to the campaign. Mr. Magufuli is standing for a second term.",
    ],
)
def test_abbreviations_numbers_quotes_and_citations_do_not_split_sentences(text: str):
    found = sentences(text)
    assert len(found) == 2
    assert found[0] + " " + found[1] == text


def test_sentences_give_back_every_paragraph_word_for_word():
    text = seed_text(ESSAY)
    for paragraph in paragraph_spans(text):
        chunk = text[paragraph.start : paragraph.end]
        assert " ".join(split_sentences(chunk)) == normalise_whitespace(chunk)


def test_markdown_paragraphs_are_blank_line_blocks():
    text = "# Title\n\nFirst line\ncontinues here.\n\nSecond paragraph."
    assert [text[s.start : s.end] for s in paragraph_spans(text, markdown=True)] == [
        "# Title",
        "First line\ncontinues here.",
        "Second paragraph.",
    ]
    assert paragraph_spans("a\n\nb") == [Span(0, 1), Span(3, 4)]


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = (
        "I would like to thank the \nPresident of the General Assembly at its sixty-fourth \n"
        "session, for his tireless efforts. \n I would also like to align my \ncountry's positions "
        "with those of the European Union.\n"
    )
    paragraphs = [normalise_whitespace(text[p.start : p.end]) for p in paragraph_spans(text)]
    assert paragraphs == [
        "I would like to thank the President of the General Assembly at its sixty-fourth session, "
        "for his tireless efforts.",
        "I would also like to align my country's positions with those of the European Union.",
    ]


def test_a_line_left_open_on_a_verb_goes_on_in_a_text_of_one_line_paragraphs():
    # most line breaks fall after a full stop, so the text is not taken for hard-wrapped
    text = (
        "Sea levels rise.\nEach year we go to COP.\nEach year we are let down.\nPledges go unkept.\n\n"
        "Let me tell you about my country, Guyana; a country that is\n"
        "83,000 square miles, 86 percent of which is tropical forest.\nIts forest stores carbon.\n"
        "We lead by example.\nWe do not lecture.\n"
    )
    paragraphs = [normalise_whitespace(text[p.start : p.end]) for p in paragraph_spans(text)]
    assert (
        "Let me tell you about my country, Guyana; a country that is 83,000 square miles, 86 percent of "
        "which is tropical forest."
    ) in paragraphs


def test_a_sentence_a_page_broke_goes_on_across_the_blank_line_and_a_heading_or_salutation_does_not():
    text = (
        "Sea levels rise.\nEach year we go to COP.\nPledges go unkept.\n"
        "It is my privilege and honour once again to address the General\n \n"
        "Assembly on behalf of my country.\nToday, Latvia is\na modern European nation and an active\n"
        "member of the world community.\n\nMr. President,\n \nI bring you greetings.\n"
        "National Security Crisis and Crimes Against Humanity Today\n\nHaiti is facing a crisis.\n"
    )
    paragraphs = [normalise_whitespace(text[p.start : p.end]) for p in paragraph_spans(text)]
    assert paragraphs[3:] == [
        "It is my privilege and honour once again to address the General Assembly on behalf of my country.",
        "Today, Latvia is a modern European nation and an active member of the world community.",
        "Mr. President,",
        "I bring you greetings.",
        "National Security Crisis and Crimes Against Humanity Today",
        "Haiti is facing a crisis.",
    ]


def test_a_sentence_of_prose_left_open_goes_on_and_a_salutation_or_a_stray_line_does_not():
    text = (
        "Sea levels rise.\nEach year we go to COP.\nPledges go unkept.\nMr. President,\nI bring greetings.\n"
        "I also wish to pay special tribute to her predecessor,\nHis Excellency Miroslav Lajčák, for his work.\n"
        "We urge the parties to immediately agree on a ceasefire,\n21-00394\n"
        "In that connection, we are ready to implement the declaration adopted at the Central Asia-United Nations "
        "High-level\nDialogue on Counter-Terrorism.\n"
        "Currently, the\nCheck against delivery\nG20 accounts for some 80 percent of global emissions.\n"
    )
    paragraphs = [normalise_whitespace(text[p.start : p.end]) for p in paragraph_spans(text)]
    assert paragraphs[3:] == [
        "Mr. President,",
        "I bring greetings.",
        "I also wish to pay special tribute to her predecessor, His Excellency Miroslav Lajčák, for his work.",
        "We urge the parties to immediately agree on a ceasefire,",
        "21-00394",
        "In that connection, we are ready to implement the declaration adopted at the Central Asia-United Nations "
        "High-level Dialogue on Counter-Terrorism.",
        "Currently, the",
        "Check against delivery",
        "G20 accounts for some 80 percent of global emissions.",
    ]


def test_a_hard_wrapped_sentence_a_page_broke_before_a_figure_goes_on_but_a_numbered_item_does_not():
    text = (
        "Since the previous session, Ebola has hindered Africa. In less than six months, the disease has\n"
        "claimed over 2,000 lives, including approximately\n\n\n40 in my own country. Africa is leading.\n\n"
        "The reasons for our concern about the rising tide of violence are many and varied\n\n"
        "2. Security comes first.\n"
    )
    paragraphs = [normalise_whitespace(text[p.start : p.end]) for p in paragraph_spans(text)]
    assert paragraphs == [
        "Since the previous session, Ebola has hindered Africa. In less than six months, the disease has "
        "claimed over 2,000 lives, including approximately 40 in my own country. Africa is leading.",
        "The reasons for our concern about the rising tide of violence are many and varied",
        "2. Security comes first.",
    ]


def test_a_list_of_headlines_is_not_mistaken_for_wrapped_text():
    text = "Kosovo Heads to Early Election\nTrump and Netanyahu Talk\nLebanon Approves Budget\n"
    assert len(paragraph_spans(text)) == 3


def test_hard_wrapped_text_in_capitals_joins_into_paragraphs():
    text = (
        "THE 2024 REPORT INDICATES THAT ONLY 16% OF THE TARGETS ARE ON\n"
        "TRACK TO BE MET BY 2030.\n"
        "WE HAVE REDUCED NEW INFECTIONS BY 74%, DEMONSTRATING OUR\n"
        "COMMITMENT TO PUBLIC HEALTH.\n"
    )
    paragraphs = [text[s.start : s.end].replace("\n", " ") for s in paragraph_spans(text)]
    assert paragraphs == [
        "THE 2024 REPORT INDICATES THAT ONLY 16% OF THE TARGETS ARE ON TRACK TO BE MET BY 2030.",
        "WE HAVE REDUCED NEW INFECTIONS BY 74%, DEMONSTRATING OUR COMMITMENT TO PUBLIC HEALTH.",
    ]


def test_a_note_marker_after_a_full_stop_ends_the_sentence():
    assert split_sentences("Arrests rose in 2022.¹ Most were released. Trials began.[4] Few ended.") == [
        "Arrests rose in 2022.¹",
        "Most were released.",
        "Trials began.[4]",
        "Few ended.",
    ]
