"""The PDF reader gives the text a reader sees: body in reading order, furniture dropped, notes apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.ingest import IngestedDocument, ingest_file
from bot.content.readers.pdf import PdfError, read_pdf
from bot.content.sources import SourceFile
from tests.content.readers.pdf_writer import Page, write_report, write_two_columns, write_without_text

HEADER = "Report on Detention in the Northern Provinces"

# Four pages. A sentence runs from page 2 onto page 3 with page 2's footnotes between its halves; line
# ends are hyphenated; each note marker is raised and small, as typeset.
PAGES = [
    Page(
        lines=[
            ("The commission visited eleven detention centres in the north-", None),
            ("ern provinces between March and June.", "1"),
            ("Its staff interviewed 214 former detainees, most of them held", None),
            ("without charge for more than a year.", "2"),
        ],
        notes=["1 Commission of Inquiry, Interim Report (Geneva: United Nations, 2022), 4.", "2 Ibid., 9."],
    ),
    Page(
        lines=[
            ("Families said that visits were refused and that letters were", None),
            ("returned unopened.", "3"),
            ("Guards at two centres told the commission that the number of", None),
        ],
        notes=["3 Human Rights Watch, Locked Away (New York: HRW, 2021), 17."],
    ),
    Page(
        lines=[
            ("detainees had doubled since 2019, a figure officials disputed.", None),
            ("The government did not answer the commission's letters.", None),
        ],
    ),
    Page(lines=[("The commission recommends that every detainee be charged or released.", None)]),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(tmp_path_factory.mktemp("pdf") / "report.pdf", PAGES, header=HEADER)


@pytest.fixture(scope="module")
def ingested(report: Path) -> IngestedDocument:
    document = ingest_file(SourceFile(report, "report", "report.pdf"))
    assert isinstance(document, IngestedDocument), document
    return document


def test_running_header_and_page_numbers_are_not_text(report):
    read = read_pdf(report.read_bytes())
    assert HEADER not in read.text
    assert read.set_aside["running headers, footers and page numbers"] == 2 * len(PAGES)
    assert not any(line.strip().isdigit() for line in read.text.splitlines())


def test_a_word_hyphenated_at_a_line_end_is_joined(report):
    assert "in the northern provinces between March" in read_pdf(report.read_bytes()).text


def test_footnotes_are_notes_not_body(report):
    read = read_pdf(report.read_bytes())
    assert [note.text.split(" ", 1)[0] for note in read.notes] == ["1", "2", "3"]
    assert "Locked Away" not in read.text and "Ibid" not in read.text
    assert [note.page for note in read.notes] == [1, 1, 2]


def test_a_sentence_broken_by_a_page_and_its_footnotes_is_whole_again(ingested):
    texts = [s.text for s in ingested.sentences]
    assert (
        "Guards at two centres told the commission that the number of detainees had doubled since 2019, "
        "a figure officials disputed."
    ) in texts


def test_every_sentence_keeps_the_page_it_starts_on(ingested):
    pages: dict[str, int | None] = {}
    for sentence in ingested.sentences:
        pages.setdefault(" ".join(sentence.text.split()[:2]), sentence.page)
    assert pages["The commission"] == 1
    assert pages["Families said"] == 2
    assert pages["Guards at"] == 2
    assert pages["The government"] == 3


def test_note_markers_are_superscripts_linked_to_their_notes(ingested):
    first = next(s for s in ingested.sentences if s.text.startswith("The commission visited"))
    assert first.text.endswith("June.¹")
    [citation] = first.citations
    assert citation.reference is not None and ingested.references[citation.reference].key == "note 1"


def test_ibid_is_the_work_of_the_note_before(ingested):
    ibid = next(r for r in ingested.references if r.label == "2")
    assert ibid.text == "2 Ibid., 9."
    assert (ibid.authors, ibid.year) == ("Commission of Inquiry", "2022")


def test_note_markers_are_not_statistics(ingested):
    values = [stat.value for s in ingested.sentences for stat in s.statistics]
    assert "214" in values and not {"1", "2", "3", "¹", "²", "³"} & set(values)
    assert ingested.format == "pdf" and ingested.pages == len(PAGES)


def test_two_columns_are_read_left_column_first(tmp_path):
    left = ["Refugees crossing the border in", "January reported shelling of their", "villages and checkpoints."]
    right = ["Aid agencies counted 3,000", "arrivals in the first week and", "asked for more tents."]
    path = write_two_columns(tmp_path / "columns.pdf", "Crossings at the Border", left, right)
    paragraphs = read_pdf(path.read_bytes()).text.split("\n\n")
    assert paragraphs == [
        "Crossings at the Border",
        "Refugees crossing the border in January reported shelling of their villages and checkpoints.",
        "Aid agencies counted 3,000 arrivals in the first week and asked for more tents.",
    ]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: write_report(p, PAGES[:1], header=HEADER, encrypted=True), "encrypted"),
        (write_without_text, "no text layer"),
        (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage") and p, "damaged"),
    ],
    ids=["encrypted", "scanned", "damaged"],
)
def test_an_unreadable_pdf_is_reported_plainly_and_skipped(tmp_path, make, problem):
    path = tmp_path / "bad.pdf"
    make(path)
    with pytest.raises(PdfError, match=problem):
        read_pdf(path.read_bytes())
    skipped = ingest_file(SourceFile(path, "bad", "bad.pdf"))
    assert isinstance(skipped, str) and skipped.startswith("bad.pdf: ") and problem in skipped


FILES = Path(__file__).parent / "files"
EVALUATION = Path(__file__).parents[2] / "evaluation" / "documents"


def test_a_text_layer_of_symbols_is_refused_not_quoted():
    with pytest.raises(PdfError, match="does not spell words"):
        read_pdf((FILES / "PLSvGLS.pdf").read_bytes())


def test_tex_ligature_codes_read_as_the_letters_a_reader_sees():
    text = read_pdf((EVALUATION / "population.pdf").read_bytes()).text
    assert "different" in text and "coefficients" in text and "fixed" in text
    assert not any(ord(c) < 32 and c != "\n" for c in text)


def test_entries_of_a_numbered_reference_list_stay_whole_across_their_lines():
    document = ingest_file(SourceFile(EVALUATION / "population.pdf", "population", "population.pdf"))
    assert isinstance(document, IngestedDocument), document
    assert [r.key for r in document.references] == ["[1]", "[2]", "[3]", "[4]", "[5]"]
    assert document.references[1].text.endswith("later date.")


def test_every_sentence_maps_back_to_its_place_in_the_text_read(report, ingested):
    text = read_pdf(report.read_bytes()).text
    assert all(text[s.offset : s.offset + len(s.text)] == s.text for s in ingested.sentences)


@pytest.mark.parametrize(
    ("title", "read_as"),
    [("Detention in the North", "Detention in the North"), ("Microsoft Word - draft3.docx", None)],
)
def test_the_title_a_pdf_gives_itself_is_its_title_unless_it_is_a_file_name(tmp_path, title, read_as):
    path = write_report(tmp_path / "titled.pdf", PAGES[:1], header=HEADER, title=title)
    assert read_pdf(path.read_bytes()).title == read_as


def test_a_sentence_holding_a_misread_mathematics_glyph_is_set_aside_and_its_neighbours_kept():
    document = ingest_file(SourceFile(EVALUATION / "sandwich.pdf", "sandwich", "sandwich.pdf"))
    assert isinstance(document, IngestedDocument), document
    texts = [s.text for s in document.sentences]
    # LM Math Italic's β comes out of the text layer as "´", its σ as "Ã": neither is what a reader sees.
    assert not any("´" in t or "Ã" in t for t in texts)
    assert any(t.startswith("This paper combines two topics") for t in texts)
    assert document.set_aside["formulas"] > 0


def test_an_accent_tex_sets_over_a_letter_is_put_on_the_letter_and_the_sentence_kept():
    document = ingest_file(SourceFile(EVALUATION / "generalsiminf.pdf", "generalsiminf", "generalsiminf.pdf"))
    assert isinstance(document, IngestedDocument), document
    texts = [s.text for s in document.sentences]
    assert any(t.startswith("Bönsch et al. (2005) found longer alleles") for t in texts)
    assert not any("¨" in t for t in texts)
    assert any("Konstanze Döhner" in r.text and r.key == "Bullinger et al., 2004" for r in document.references)


def test_a_title_page_note_marked_with_an_asterisk_is_a_note():
    document = ingest_file(SourceFile(EVALUATION / "generalsiminf.pdf", "generalsiminf", "generalsiminf.pdf"))
    assert isinstance(document, IngestedDocument), document
    assert not any("This is a preprint" in s.text for s in document.sentences)
    assert any(r.note and "This is a preprint" in r.text for r in document.references)


def test_a_running_head_set_low_is_furniture_and_hanging_entries_after_a_page_break_stay_apart():
    document = ingest_file(SourceFile(EVALUATION / "MVT_Rnews.pdf", "MVT_Rnews", "MVT_Rnews.pdf"))
    assert isinstance(document, IngestedDocument), document
    assert not any("TORSTEN HOTHORN" in s.text for s in document.sentences)
    assert [r.key for r in document.references] == [
        "Edwards & Berry, 1987",
        "Genz & Bretz, 1999",
        "Genz, 1992",
        "Genz, 1993",
        "Watson et al., 1987",
    ]


def test_a_sentence_left_open_at_a_page_foot_goes_on_into_a_bracket_on_the_next_page():
    document = ingest_file(SourceFile(EVALUATION / "countreg.pdf", "countreg", "countreg.pdf"))
    assert isinstance(document, IngestedDocument), document
    joined = [s for s in document.sentences if s.text.startswith("In R (R Development Core Team 2008)")]
    assert joined and "in the MASS package (Venables and Ripley 2002) along with" in joined[0].text
    assert "Venables and Ripley" in " ".join(c.cited for c in joined[0].citations)


def test_affiliations_a_title_block_marks_with_daggers_are_notes():
    read = read_pdf((EVALUATION / "lmtest-intro.pdf").read_bytes())
    assert "Institut" not in read.text
    assert [note.text.split(",")[0] for note in read.notes if "Institut" in note.text] == [
        "❸Institut fur Statistik & Wahrscheinlichkeitstheorie",
        "❹Institut fur Medizininformatik",
    ]


def test_an_r_session_is_set_aside_and_the_prose_around_it_kept_whole():
    read = read_pdf((EVALUATION / "partykit.pdf").read_bytes())
    assert "R> pn <- partynode" not in read.text
    assert read.set_aside["program code and output lines"] > 0
    # the prose after the session is a paragraph of its own, not the session's last "line"
    assert "\nwhere the previously created ‘partysplit’ objects are used as splits" in read.text
    # a sentence a page broke after "from" goes on into the next page's "Figure 1."
    assert "to create the three splits in the “play tree” from Figure 1. The function takes" in read.text


def test_a_reference_entry_s_hanging_lines_stay_with_it_after_its_title_s_full_stop():
    document = ingest_file(SourceFile(EVALUATION / "MAXtest.pdf", "MAXtest", "MAXtest.pdf"))
    assert isinstance(document, IngestedDocument), document
    # "Neuhäuser M (2002). “Exact tests ...”" / "Human Heredity, 54(3), 151–156." used to end the list there
    keys = [r.key for r in document.references]
    assert "Neuhäuser, 2002" in keys and "Sasieni, 1997" in keys and "Westfall & Young, 1993" in keys
    assert any("Human Heredity, 54(3)" in r.text for r in document.references if r.key == "Neuhäuser, 2002")


def test_entries_set_in_by_a_first_line_indent_stay_apart_after_one_left_open():
    document = ingest_file(SourceFile(EVALUATION / "epi.pdf", "epi", "epi.pdf"))
    assert isinstance(document, IngestedDocument), document
    # "Barlow WE (1994). ... Biometrics 50:" / "1064-1072" / "    Borgan Ø, ..." used to read as one entry;
    # "Therneau TM and Li H., Computing ... Lifetime Data" / "Analysis 5:99-112, 1999" ends on its year
    keys = [r.key for r in document.references]
    assert keys == [
        "Barlow, 1994",
        "Borgan et al., 2000",
        "Breslow & Chatterjee, 1999",
        "Lin & Ying, 1993",
        "Therneau & Li, 1999",
        "Wacholder et al., 1989",
    ]
    # its R sessions outweigh its prose, but are still set apart from it: "Survey bootstrap with 500 replicates."
    assert not any("500 replicates" in s.text for s in document.sentences)
    assert any(s.text == "The standard errors will be somewhat conservative." for s in document.sentences)
    # a line of code or a formula set in stays with what it is in, not a sentence of its own ("{", "+ .")
    for name in ("timedep.pdf", "validate.pdf"):
        document = ingest_file(SourceFile(EVALUATION / name, name, name))
        assert isinstance(document, IngestedDocument), document
        assert not [s.text for s in document.sentences if not re.search(r"[^\W\d_]", s.text)], name


def test_a_sentence_a_figure_at_the_next_page_s_head_interrupts_is_read_whole():
    document = ingest_file(SourceFile(EVALUATION / "residual-shadings.pdf", "rs", "residual-shadings.pdf"))
    assert isinstance(document, IngestedDocument), document
    texts = [s.text for s in document.sentences]
    # "... less adults that disapprove" / the plot's labels and "Figure 5: ..." / "punishment in the group ..."
    rest = "that disapprove punishment in the group with memories of punishments than expected under independence."
    assert any(t.endswith(rest) for t in texts)
    assert any(t.startswith("Figure 5: Conditional mosaic plot") and t.endswith("age and education.") for t in texts)


def test_a_caption_without_a_full_stop_takes_no_prose_after_the_figure_it_was_moved_behind():
    read = read_pdf((EVALUATION / "lmer.pdf").read_bytes())
    assert "allows for predictions to be made conditional on different sets of random effects." in read.text
    assert "xyplot(prof.obj) lme4" not in read.text and "\nlme4 also provides a simulate method" in read.text


def test_a_line_prose_ends_with_a_colon_goes_on_into_the_next_in_lower_case():
    read = read_pdf((EVALUATION / "rq.pdf").read_bytes())
    assert "software for quantile regression: initially for the S language" in read.text


def test_notes_set_under_a_table_mid_page_are_notes_and_the_caption_after_them_is_kept():
    read = read_pdf((EVALUATION / "chfls1.pdf").read_bytes())
    assert "Coefficient of this variable" not in read.text and "No reduction of AIC and BIC" not in read.text
    assert [note.text for note in read.notes if note.page == 3] == [
        "¹ Coefficient of this variable not significant based on Wald test.",
        "² No reduction of AIC and BIC by adding a further variable",
    ]
    assert "Table 1: Summary of variable selection in Pollet and Nettle (2009)." in read.text


def test_page_numbers_a_wide_margin_sets_high_are_dropped_and_the_reference_list_runs_on_past_them():
    document = ingest_file(SourceFile(EVALUATION / "coin.pdf", "coin", "coin.pdf"))
    assert isinstance(document, IngestedDocument), document
    # the page number sits a seventh of the way up an A4 page: it used to end the list on page 10
    keys = [r.key for r in document.references]
    assert keys[-4:] == [
        "Streitberg & Röhmel, 1986",
        "Streitberg & Röhmel, 1987",
        "van de Wiel, 2001",
        "Westfall & Young, 1993",
    ]
    assert not any(re.match(r"\d+ spearman_test", s.text) for s in document.sentences)
    assert any(s.text.startswith("with p-value (and 99 % confidence interval) of") for s in document.sentences)


def test_a_subscript_set_below_its_line_s_box_stays_in_the_line():
    document = ingest_file(SourceFile(EVALUATION / "maxstat.pdf", "maxstat", "maxstat.pdf"))
    assert isinstance(document, IngestedDocument), document
    # "statistics Sµ have been suggested. Lausen and Schumacher (1992)" / "show that ...": the "µ" used to
    # make a line of its own, and so a paragraph break between a citation and its sentence
    shown = [s for s in document.sentences if s.text.startswith("Lausen and Schumacher (1992) show that")]
    assert shown and [document.references[c.reference].key for c in shown[0].citations if c.reference is not None] == [
        "Lausen & Schumacher, 1992",
        "Miller & Siegmund, 1982",
    ]


def test_cm_super_typewriter_code_is_set_aside_and_a_times_sign_from_a_math_font_is_kept():
    document = ingest_file(SourceFile(EVALUATION / "ipred-examples.pdf", "ipred-examples", "ipred-examples.pdf"))
    assert isinstance(document, IngestedDocument), document
    # the R session is set in CM-Super's slanted typewriter ("SFST1095"): it used to run into the prose
    assert not any(">library(" in s.text for s in document.sentences)
    assert document.set_aside["program code and output lines"] > 0
    # "×" from a symbol font is no misread glyph, so its sentence is quoted
    assert any(
        s.text.startswith("It produces a series of 32 images, each of 256 × 256 pixels") for s in document.sentences
    )


def test_a_line_of_a_raised_digit_alone_at_a_page_s_end_is_read_not_taken_for_its_number(tmp_path):
    # "²" is a digit to Python, but no page number: a page whose last body line is one used to stop the reader
    pages = [Page(lines=[(f"The commission met on page {n} of its report.", None), ("²", None)]) for n in range(1, 5)]
    read = read_pdf(write_report(tmp_path / "raised.pdf", pages, header=HEADER).read_bytes())
    assert "The commission met on page 3 of its report." in read.text
    assert read.set_aside["running headers, footers and page numbers"] >= 4


def test_a_raised_mark_of_the_next_line_does_not_join_the_line_a_subscript_lowered():
    document = ingest_file(SourceFile(EVALUATION / "party.pdf", "party", "party.pdf"))
    assert isinstance(document, IngestedDocument), document
    # "H" with "j" raised and "0" lowered ends a line; the next line's raised "j" once joined it through the
    # "0", and the next line's words with it ("So far, we have only addressed testing test for H0 ...")
    assert any(s.text.startswith("A global test for H0 required in step 1") for s in document.sentences)
    assert not any("addressed testing test for" in s.text for s in document.sentences)


def test_a_table_s_rows_are_set_aside_and_the_prose_a_table_interrupts_is_read_whole():
    # zoo's FAQ lists packages with what they do in two columns; a sentence of lme4's paper runs from one
    # page's foot into the next, whose head is a table of formulas with its caption.
    read = read_pdf((EVALUATION / "zoo-faq.pdf").read_bytes())
    assert "Applied Econometrics with R" not in read.text and read.set_aside["table rows"] >= 80
    assert "\nThat is over half of CRAN." in read.text or " That is over half of CRAN." in read.text
    lmer = ingest_file(SourceFile(EVALUATION / "lmer.pdf", "lmer", "lmer.pdf"))
    assert isinstance(lmer, IngestedDocument), lmer
    texts = [s.text for s in lmer.sentences]
    assert "A common objective in mixed modeling is to account for such nested (or hierarchical) structure." in texts
    assert not any("Random intercept with fixed mean" in t or "Relative covariance factor" in t for t in texts)


def test_a_letter_with_a_subscript_under_its_superscript_is_set_aside_as_mathematics():
    document = ingest_file(SourceFile(EVALUATION / "ei.pdf", "ei", "ei.pdf"))
    assert isinstance(document, IngestedDocument), document
    # ei.pdf's "β" with "i" set under its "b", each a letter wide: in no order does text give what a reader
    # sees, so no quote holds one; the sentences around them are read
    assert not any("βi" in s.text or "βb" in s.text for s in document.sentences)
    assert any(s.text.startswith("Density plots are useful to visualize the location") for s in document.sentences)


def test_a_single_line_of_code_opening_on_a_prompt_is_set_aside():
    # ei.pdf's "> bb.out <- eiread(dbuf, ...)" between two lines of prose ran into the sentence after it
    read = read_pdf((EVALUATION / "ei.pdf").read_bytes())
    assert "bb.out <- eiread" not in read.text
    assert "eiread extracts quantities of interest in a list format from the object dbuf." in read.text
