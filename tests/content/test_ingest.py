"""Reading a source stays linear in its length: bounded work per sentence, and a time budget per file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.content import ingest
from bot.content.index.build import open_index
from bot.content.ingest import MAX_ANALYSED_CHARS, ingest_file
from bot.content.sources import SourceFile

MEGABYTE = 1_000_000


def dense_statistics_line(size: int) -> str:
    """Short sentences, each with a year, a count and a percentage, on one line: a flattened table."""
    rng = random.Random(7)
    parts: list[str] = []
    length = 0
    while length < size:
        year, count, share = rng.randint(1990, 2024), rng.randint(2, 99_999), rng.randint(2, 99)
        parts.append(f"In {year} about {count:,} people, {share}% of them, were held. ")
        length += len(parts[-1])
    return "".join(parts)[:size]


def repeated(token: str) -> str:
    return token * (MEGABYTE // len(token))


# Texts that took minutes (or never finished) when a sentence's numbers, citations or names were each
# looked for across the whole sentence: one sentence of a megabyte is the worst case for that.
ADVERSARIAL = {
    "a dense line of statistics": dense_statistics_line(MEGABYTE),
    "numbers without a full stop": " ".join(f"{i} people" for i in range(100_000))[:MEGABYTE],
    "percentages in one list": repeated("7% of them, "),
    "dates": repeated("January 1 "),
    "labels": repeated("Resolution 12 "),
    "page citations": repeated("(p. 1) "),
    "unclosed citations": repeated("(Smith, 2020; "),
    "initialisms": repeated("A.B."),
    "reference entries": "Text.\nReferences\n" + repeated("Smith, A. (2020, May). Title. Pub.\n"),
    # every line left open: deciding whether the next goes on must not reread the paragraph so far
    "hard-wrapped lines without a full stop": repeated("the people of the region need far more help and\n"),
    "prose broken by blank lines": repeated("We continue to urge all parties to do more for those who live in\n\n"),
}


def source(tmp_path: Path, text: str) -> SourceFile:
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    return SourceFile(path, "x", "x.txt")


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_a_megabyte_of_adversarial_text_is_read_within_ten_seconds(tmp_path, text):
    document = ingest_file(source(tmp_path, text), budget=10.0)
    assert not isinstance(document, str), document  # over budget, it would have been skipped


def test_a_dense_line_still_yields_its_statistics(tmp_path):
    document = ingest_file(source(tmp_path, dense_statistics_line(234 * 1024)))
    assert not isinstance(document, str)
    assert len(document.sentences) > 3000
    first = document.sentences[0].statistics
    assert [s.kind for s in first] == ["count", "percent"] and first[0].year is not None


def test_a_sentence_too_long_for_prose_stays_searchable_but_yields_no_statistics(tmp_path):
    table = ", ".join(f"district {i} at {i}%" for i in range(MAX_ANALYSED_CHARS // 12))
    document = ingest_file(source(tmp_path, f"Rates were 40% in 2020. Rates by district: {table}"))
    assert not isinstance(document, str)
    short, long = document.sentences
    assert [s.value for s in short.statistics] == ["40%"]
    assert len(long.text) > MAX_ANALYSED_CHARS and long.statistics == [] and long.citations == []


def test_a_file_over_its_time_budget_is_skipped_with_a_warning_naming_it(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "slow.txt").write_text("A sentence about 40 prisoners. " * 50, encoding="utf-8")
    skipped = ingest_file(SourceFile(sources / "slow.txt", "slow", "slow.txt"), budget=0.0)
    assert isinstance(skipped, str) and skipped.startswith("slow.txt: skipped")
    monkeypatch.setattr(ingest, "MIN_FILE_SECONDS", 0.0)
    monkeypatch.setattr(ingest, "SECONDS_PER_MILLION_CHARACTERS", 0.0)
    report = open_index(sources, index_dir=tmp_path / "index").report
    assert report.documents == 0
    assert [s for s in report.skipped if s.startswith("slow.txt: skipped, reading it took over 0 s")]


@pytest.mark.parametrize(
    ("sentence", "formula"),
    [
        ("ℓ(´, Ã²) = X log ϕ{(yi − xi¦´)/Ã} − log Ã + X log Φ(−xi¦´/Ã).", True),
        ("s² = Σ(xi − x̄)²/(n − 1) (3)", True),
        ("The rate fell from 12% to 8% (±2) between 2019 and 2021.", False),
        ("Some 4,000 people were held, according to the UN.", False),
    ],
)
def test_displayed_formulas_are_told_from_sentences(sentence, formula):
    assert ingest.is_formula(sentence) is formula


def test_table_rows_and_program_output_read_as_lines_are_set_aside(tmp_path):
    text = (
        "Signif. codes: 0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1 (Adjusted p values reported.)\n\n"
        "Female , 60 Female , 60 Male , 60 Male , 60 Female: 80.\n\n"
        "In 2019 and 2020, 120 and 150 people were executed, respectively.\n"
    )
    document = ingest_file(source(tmp_path, text))
    assert not isinstance(document, str)
    assert [s.text for s in document.sentences] == ["In 2019 and 2020, 120 and 150 people were executed, respectively."]
    assert document.set_aside["table rows and program output"] == 2


@pytest.mark.parametrize(
    ("sentence", "listing"),
    [
        ("Mandy: 0.092 Anja: 0.050 female male Barbara: 0.266 Anni: 0.213 Hana: 0.161 Fiona: 0.195", True),
        ("The shares were: 12.3 in the north, 14.5 in the south and 16.7 in the east of the country.", False),
    ],
)
def test_a_figure_s_labels_before_their_values_are_a_listing(sentence, listing):
    assert ingest.is_listing(sentence) is listing
