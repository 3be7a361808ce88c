"""Building, persisting and reopening the index; what happens to files that cannot be loaded."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from bot.content.countries import main_country
from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.index.edit import remove_document
from bot.content.index.store import Store
from bot.content.sources import MAX_SOURCE_BYTES
from tests.conftest import ESSAY, NEWS, copy_seeds

EVALUATION = Path(__file__).parents[1] / "evaluation" / "documents"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path)


def test_index_is_reused_while_sources_are_unchanged_and_rebuilt_when_they_change(folder: Path):
    first = open_index(folder)
    assert first.report.rebuilt and first.report.documents == 2
    again = open_index(folder)
    assert not again.report.rebuilt and again.report.sentences == first.report.sentences
    news = folder / f"{NEWS}.txt"
    news.write_text(news.read_text(encoding="utf-8") + "\nA new paragraph counts 12 new cases.\n", encoding="utf-8")
    changed = open_index(folder)
    assert changed.report.rebuilt and changed.report.sentences == first.report.sentences + 1


def test_index_lives_beside_the_sources(folder: Path):
    open_index(folder)
    assert (folder / ".studybot-index" / "manifest.json").exists()
    assert (folder / ".studybot-index" / "content.sqlite3").exists()


def test_unloadable_files_are_skipped_with_a_warning_naming_them(folder: Path, caplog):
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"abc\0def")
    (folder / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    index = open_index(folder)
    assert index.report.documents == 2
    skipped = "\n".join(index.report.skipped)
    for name in ("scan.pdf", "empty.txt", "binary.txt", "latin1.txt"):
        assert name in skipped
        assert name in caplog.text


def test_bad_sidecar_is_reported_by_file_and_field_and_the_text_still_loads(folder: Path):
    (folder / f"{ESSAY}.meta.yaml").write_text("author: Khushi Maheshwari\npublished: last tuesday\n")
    index = open_index(folder)
    assert index.report.documents == 2
    assert any(f"{ESSAY}.meta.yaml" in w and "published" in w for w in index.report.warnings)


def test_sidecar_metadata_reaches_the_document(folder: Path):
    (folder / f"{NEWS}.meta.yaml").write_text(
        "title: UN report on North Korea's COVID-19 measures\npublished: 2022-08-18\nlanguage: en\n"
    )
    index = open_index(folder)
    doc = index.store.document(0)
    assert doc.title == "UN report on North Korea's COVID-19 measures" and not doc.title_is_opening
    assert str(doc.published) == "2022-08-18"


def test_markdown_sources_load(folder: Path):
    (folder / "notes.md").write_text("# Notes\n\nDetention centres held\n200 people in 2019.\n")
    index = open_index(folder)
    assert index.report.documents == 3
    assert index.report.statistics >= 8


def test_an_interrupted_build_leaves_the_previous_index_usable(folder: Path):
    open_index(folder)
    staging = folder / f".studybot-index.building-{os.getpid() + 1}"
    staging.mkdir()
    reopened = open_index(folder)
    assert not reopened.report.rebuilt and reopened.report.documents == 2


def test_an_enormous_file_is_skipped_unread_and_a_large_one_loads(folder: Path, caplog):
    enormous = folder / "dump.txt"
    with enormous.open("wb") as handle:  # sparse: the size is real, the disk blocks are not
        handle.truncate(MAX_SOURCE_BYTES + 1)
    body = (folder / f"{NEWS}.txt").read_text(encoding="utf-8").split("\n\n")
    paragraphs = [p for p in body if len(p) > 200]
    large = "\n\n".join(f"{p} Copy {n}." for n in range(3000) for p in paragraphs[:2])
    (folder / "large.txt").write_text(large, encoding="utf-8")
    index = open_index(folder)
    assert index.report.documents == 3
    assert any(s.startswith("dump.txt: too large to load (64 MiB") for s in index.report.skipped)
    assert "dump.txt" in caplog.text
    assert len(large) > 2_000_000 and index.report.sentences > 6000


def replace_with(path: Path, data: bytes) -> None:
    """Damage a file the way a failing disk or a careless copy would, as a new file put in its place: writing
    into a file that an index still maps would kill this process with SIGBUS instead."""
    fresh = path.with_name(path.name + ".damaged")
    fresh.write_bytes(data)
    fresh.replace(path)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda f: replace_with(f / "content.sqlite3", b"junk" * 100), id="store-overwritten"),
        pytest.param(lambda f: (f / "search" / "meta.json").unlink(), id="search-meta-missing"),
        pytest.param(lambda f: shutil.rmtree(f / "search"), id="search-folder-missing"),
        pytest.param(
            lambda f: [replace_with(p, p.read_bytes()[:64]) for p in (f / "search").glob("*.term")], id="segment-cut"
        ),
    ],
)
def test_a_damaged_index_is_rebuilt_from_the_sources_with_a_warning(folder: Path, caplog, damage):
    first = open_index(folder)
    first.close()
    damage(folder / ".studybot-index")
    again = open_index(folder)
    assert again.report.rebuilt and again.report.sentences == first.report.sentences
    assert again.search.size == first.report.sentences
    assert "cannot be read" in caplog.text and "building it again" in caplog.text


def test_two_processes_opening_one_index_build_it_once(folder: Path):
    import multiprocessing

    from bot.filelock import FileLock

    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        # Both processes start while a third holds the build: they meet at the lock, as at a busy start.
        with FileLock(folder / ".studybot-index.lock"):
            pending = pool.map_async(_open_and_report, [folder, folder])
            time.sleep(3)
        reports = pending.get(60)
    assert sorted(rebuilt for rebuilt, _ in reports) == [False, True]  # the second waited, then reused it
    assert {sentences for _, sentences in reports} == {open_index(folder).report.sentences}


def _open_and_report(folder: Path) -> tuple[bool, int]:
    report = open_index(folder).report
    return report.rebuilt, report.sentences


def test_links_and_pipes_among_the_sources_are_skipped_not_followed_or_waited_on(folder: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("A private note outside the sources mentions 99 passwords.\n")
    (folder / "link.txt").symlink_to(outside)
    os.mkfifo(folder / "pipe.txt")  # reading a pipe nobody writes to would block the build forever
    index = open_index(folder)
    assert index.report.documents == 2
    skipped = "\n".join(index.report.skipped)
    assert "link.txt: a symbolic link, not followed" in skipped
    assert "pipe.txt: not a regular file" in skipped
    assert index.search.document_frequency("password") == 0


def test_a_documents_sentences_are_read_by_their_id_range_exactly(engine: StudyEngine, tmp_path: Path):
    # the range a document's sentences were numbered in when added, also once another was taken out
    folder = tmp_path / "index"
    shutil.copytree(engine.index.folder, folder)
    assert remove_document(folder, NEWS, engine.index.analyzer) is not None
    for index_folder in (engine.index.folder, folder):
        store = Store(index_folder / "content.sqlite3")
        by_column = sqlite3.connect(index_folder / "content.sqlite3")
        for doc_id in store.document_ids():
            rows = by_column.execute("SELECT id, text FROM sentences WHERE document = ? ORDER BY id", (doc_id,))
            ids, texts = zip(*rows, strict=True)
            assert store.document_sentence_ids(doc_id) == list(ids)
            assert store.document_texts(doc_id) == list(texts)
        store.close()


def test_each_documents_country_is_read_when_it_is_indexed(engine: StudyEngine):
    store = engine.index.store
    stored = {doc_id: store.document_country(doc_id) for doc_id in store.document_ids()}
    # the country each names most, as worked out from its sentences; both seeds are about North Korea
    assert stored == {doc_id: main_country(store.document_texts(doc_id)) for doc_id in stored}
    assert set(stored.values()) == {frozenset({"KP"})}


def test_each_sentence_keeps_the_numbered_section_it_stands_in(tmp_path: Path):
    # the Declaration's articles are headed "Article 1" to "Article 30"; its preamble has no number
    shutil.copy(EVALUATION / "udhr-english.html", tmp_path / "udhr-english.html")
    engine = StudyEngine(open_index(tmp_path), [])
    store = engine.index.store
    sections = {s.text: s.section for s in store.sentences(store.document_sentence_ids(store.document_ids()[0]))}
    assert sections["Everyone has the right to a nationality."] == "Article 15"
    assert sections["Everyone has the right to life, liberty and the security of person."] == "Article 3"
    assert next(section for text, section in sections.items() if text.startswith("Whereas recognition")) is None
    # searched with its section: the sentences under a heading never name it
    found = engine.search("What does Article 19 say?", limit=1).results[0]
    assert found.text.startswith("Everyone has the right to freedom of opinion") and found.section == "Article 19"
    # and /cite reads the claim's article number from it: the right article states the claim, another not
    answer = engine.cite("Under Article 15, everyone has the right to a nationality.")
    assert answer.verdict == "supported" and answer.matches[0].section == "Article 15"
    claim = "Article {} of the Declaration protects the right to freedom of opinion and expression."
    assert engine.cite(claim.format(19)).verdict == "supported"
    assert engine.cite(claim.format(20)).verdict == "related"
    # a quiz question says it beside its source too
    questions = engine.quiz(count=3, seed=3).questions
    assert questions and all(q.section == sections[q.quote] for q in questions)
    assert any(q.section for q in questions)
