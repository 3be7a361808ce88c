import pytest

from bot.content.layout import Role, classify, section_label
from bot.content.segmentation import Span, paragraph_spans
from tests.conftest import ESSAY, NEWS, seed_text


def roles_of(text: str) -> dict[str, Role]:
    paragraphs = paragraph_spans(text)
    layout = classify(text, paragraphs)
    return {text[b.span.start : b.span.end]: b.role for b in layout.blocks}


def test_headline_list_after_news_article_is_not_content():
    roles = roles_of(seed_text(NEWS))
    headlines = [line for line, role in roles.items() if role is Role.TRAILER]
    assert len(headlines) == 17
    assert any(line.startswith("Najib Razak Jailed 15 More Years") for line in headlines)
    assert all(role is not Role.BODY for line, role in roles.items() if "Zelenskiy" in line)
    body = [line for line, role in roles.items() if role is Role.BODY]
    assert body[-1].startswith("In a separate report by North Korean state media outlet KCNA")


def test_essay_byline_bio_references_and_comments_label_are_furniture():
    text = seed_text(ESSAY)
    layout = classify(text, paragraph_spans(text))
    roles = {text[b.span.start : b.span.end]: b.role for b in layout.blocks}
    assert layout.author == "Khushi Maheshwari"
    assert roles["By Khushi Maheshwari"] is Role.BYLINE
    bio = [line for line, role in roles.items() if role is Role.BIO]
    assert len(bio) == 1 and "3rd-year Political Science student" in bio[0]
    assert roles["References"] is Role.REFERENCES_HEADING
    assert sum(role is Role.REFERENCE for role in roles.values()) == 12
    assert roles["תגובות"] is Role.TRAILER
    assert roles["The Case of North Korea"] is Role.HEADING
    assert roles["Conclusion"] is Role.HEADING


def test_rules_hold_for_an_article_they_were_not_written_for():
    text = "\n".join(
        [
            "By Ana Lopez",
            "Flooding displaced 3,000 families in the valley last spring (Red Cross, 2021).",
            "Relief Efforts",
            "Aid groups say shelters remain crowded and underfunded.",
            "",
            "Markets Rally on Rate Cut Hopes",
            "Local Team Wins Championship Final",
            "Five Recipes for Autumn",
            "Comments (12)",
        ]
    )
    roles = roles_of(text)
    assert roles["By Ana Lopez"] is Role.BYLINE
    assert roles["Relief Efforts"] is Role.HEADING
    assert roles["Aid groups say shelters remain crowded and underfunded."] is Role.BODY
    for trailer in ("Markets Rally on Rate Cut Hopes", "Five Recipes for Autumn", "Comments (12)"):
        assert roles[trailer] is Role.TRAILER


def test_a_byline_with_its_dateline_glued_on_is_furniture_and_names_the_author():
    text = (
        "Evictions rose sharply last year\n\n"
        "By Ana Lima, 3 March 2023\n\n"
        "Monitors recorded 4,500 forced evictions in the river district in 2022, twice as many as before.\n\n"
        "Most families said they received no written notice before the bulldozers arrived.\n\n"
        "The housing ministry disputed the figures and said new homes had been offered.\n\n"
        "Lawyers for the residents said they would take the cases to the constitutional court.\n"
    )
    layout = classify(text, paragraph_spans(text, markdown=True))
    assert [b.role for b in layout.blocks] == [Role.HEADING, Role.BYLINE, *[Role.BODY] * 4]
    assert layout.author == "Ana Lima"


def test_a_short_paragraph_ending_on_a_note_marker_is_body_and_a_year_last_list_is_references():
    text = "\n".join(
        [
            "Structural change tests are reviewed in the literature and implemented here in full.",
            "The p values are computed based on Hansen (1997).¹",
            "References",
            "D. W. K. Andrews. Tests for parameter instability. Econometrica, 61:821–856, 1993.",
            "B. E. Hansen. Approximate asymptotic p values. Journal of Business & Economic Statistics, 15:60–67, 1997.",
            "Therneau TM and Li H., Computing the Cox model. Lifetime Data Analysis 5:99-112, 1999",  # no stop
        ]
    )
    roles = roles_of(text)
    assert roles["The p values are computed based on Hansen (1997).¹"] is Role.BODY
    assert roles["References"] is Role.REFERENCES_HEADING
    assert [line for line, role in roles.items() if role is Role.REFERENCE] == text.splitlines()[3:]


def test_a_reference_list_goes_on_after_a_figure_set_between_its_pages_and_ends_at_prose():
    entries = ["Gilbert GN (1981). Modelling Society. Allen and Unwin, London."]
    figure = [
        "Pearson residuals:",
        "4.4 4.0",
        "−4.0 −4.3 p−value = < 2.22e−16 radical limited",
        "Figure 33: Mosaic plot.",
    ]
    after = ["Hartigan JA, Kleiner B (1984). “A Mosaic of Television Ratings.” The American Statistician, 38."]
    appendix = [
        "A. Data sets",
        "The data set names in the paper are those from the R system, as Agresti (1990) names them.",
    ]
    prose = [f"Paragraph {n} of the paper's prose goes on and ends here." for n in range(8)]
    text = "\n".join([*prose, "References", *entries, *figure, *after, *appendix])
    roles = roles_of(text)
    assert roles[entries[0]] is Role.REFERENCE and roles[after[0]] is Role.REFERENCE
    assert roles[appendix[1]] is not Role.REFERENCE


def test_a_label_of_a_few_words_before_a_colon_is_no_sentence():
    roles = roles_of("Pearson residuals:\nThe plot shows the residuals of the model: each cell is shaded.\nTags:\n")
    assert roles["Pearson residuals:"] is Role.HEADING
    assert roles["The plot shows the residuals of the model: each cell is shaded."] is Role.BODY


def test_prose_leading_into_a_display_is_body_and_a_title_broken_over_lines_is_not():
    lines = [
        "and the Monte Carlo p-value can be computed via",
        "The conditional expectation and covariance are available from",
        "Order-restricted Scores Test for the Evaluation of",
        "Who we are",
        "The test statistic is large, and the hypothesis is rejected.",
    ]
    # paragraphs as a PDF's reader gives them, each ended by the display it leads into
    text = "\n".join(lines)
    starts = [text.index(line) for line in lines]
    layout = classify(text, [Span(start, start + len(line)) for start, line in zip(starts, lines, strict=True)])
    roles = [block.role for block in layout.blocks]
    assert roles == [Role.BODY, Role.BODY, Role.HEADING, Role.HEADING, Role.BODY]


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("Article 19", "Article 19"),
        ("Chapter IV. The right to work", "Chapter IV"),
        ("Part 2: Results", "Part 2"),
        ("Section 3.1 – Methods", "Section 3.1"),
        ("Figure 3", None),  # a caption's number, not a section's
        ("Table 2: Deaths by year", None),
        ("Over 20 resolutions", None),  # a number inside a headline
        ("Since 2019", None),  # a year
        ("Preamble", None),
    ],
)
def test_a_heading_numbering_a_section_gives_its_label(heading, label):
    assert section_label(heading) == label


@pytest.mark.parametrize(
    ("paragraph", "role"),
    [
        ("Keywords: structural change, CUSUM, MOSUM, recursive estimates, R.", Role.TERMS),
        ("Key words: multiple tests; simultaneous confidence intervals; adjusted p-values.", Role.TERMS),
        ("Tags: refugees, detention, Sudan", Role.TERMS),
        ("Casualties: 12 dead, 40 injured, 3 missing.", Role.BODY),
        ("The mission found three causes: poverty, war and the collapse of the courts.", Role.BODY),
    ],
)
def test_a_label_over_a_list_of_short_terms_says_what_a_text_is_about_not_what_it_says(paragraph, role):
    text = f"A Report\n\n{paragraph}\n\nThe commission visited eleven detention centres in the north."
    assert roles_of(text)[paragraph] is role


def test_an_entry_without_a_year_but_with_a_quoted_title_keeps_the_reference_list_going():
    # ei.pdf's list: a software entry gives no year, and the list used to end there, before "Rosen et al"
    entries = [
        "Gary King and Langche Zeng, “The Dangers of Extreme Counterfactuals.” Political Analysis, 14:2, 2006.",
        "Lau et al, “eiPack: Ecological Inference and Higher-Dimension Data Management.” http://www.example.org.",
        "Rosen et al, “Bayesian and Frequentist Inference for Ecological Inference.” Statistica, 55:2, 2001.",
    ]
    text = "\n".join(["Ecological inference infers individual behaviour from aggregate data.", "References", *entries])
    roles = roles_of(text)
    assert [line for line, role in roles.items() if role is Role.REFERENCE] == entries
