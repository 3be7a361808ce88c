"""A server's own library, without Discord: quotas, one copy per file, the shared library left out or
kept, a restart that finds the shared library changed, and ids never given twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import LibrarySettings, Settings
from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.index.meaning import MeaningIndex
from bot.content.models import SourceMeta
from bot.content.topics import load_topics
from bot.errors import InputError
from bot.library.libraries import Libraries
from bot.library.reading import SourceRefused
from tests.conftest import SEEDS, TOPICS

DOCUMENTS = Path(__file__).resolve().parents[1] / "evaluation" / "documents"
SPEECH = DOCUMENTS / "AND_79_2024.txt"  # a UN General Debate speech (tests/evaluation/README.md)
OTHER = DOCUMENTS / "ARM_69_2014.txt"
SERVER = 1234


def _libraries(engine: StudyEngine, data: Path, **limits: object) -> Libraries:
    settings = Settings(data_dir=data, meaning=False, library=LibrarySettings(**limits))  # type: ignore[arg-type]
    return Libraries(engine, settings)


def _files(data: Path) -> list[Path]:
    folder = data / "library" / str(SERVER) / "files"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_the_same_file_twice_is_kept_once(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path)
    first = libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    again = libraries.add(SERVER, "copy of speech.txt", SPEECH.read_bytes(), SourceMeta())
    assert (first.action, again.action) == ("added", "already added")
    assert again.source.document.id == first.source.document.id
    assert len(_files(tmp_path)) == 1
    assert libraries.engine_for(SERVER).index.report.documents == engine.index.report.documents + 1


def test_quotas_refuse_and_leave_nothing(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path, max_documents=1, max_file_megabytes=1)
    libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    kept = _files(tmp_path)
    with pytest.raises(SourceRefused, match="limit"):
        libraries.add(SERVER, "other.txt", OTHER.read_bytes(), SourceMeta())
    with pytest.raises(SourceRefused, match="too large"):
        _libraries(engine, tmp_path / "b", max_file_megabytes=0.01).add(
            SERVER, "other.txt", OTHER.read_bytes(), SourceMeta()
        )
    assert _files(tmp_path) == kept


def test_a_file_it_cannot_read_leaves_nothing(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path)
    with pytest.raises(SourceRefused, match=r"^notes\.pdf: damaged"):
        libraries.add(SERVER, "notes.pdf", b"%PDF-1.4 not really", SourceMeta())
    with pytest.raises(InputError, match="not a format"):
        libraries.add(SERVER, "tool.exe", b"MZ", SourceMeta())
    assert _files(tmp_path) == []
    assert libraries.engine_for(SERVER) is engine


def test_a_server_can_leave_the_shared_library_out(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path)
    libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta(title="A speech"))
    alone = libraries.set_shared(SERVER, False)
    own = libraries.engine_for(SERVER)
    assert not alone.shared and own.index.report.documents == 1
    assert [s.document.title for s in own.sources().sources] == ["A speech"]
    assert libraries.set_shared(SERVER, True).shared
    assert libraries.engine_for(SERVER).index.report.documents == engine.index.report.documents + 1


def test_a_restart_remakes_a_library_whose_shared_sources_changed(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path)
    added = libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    shared = tmp_path / "shared"
    shutil.copytree(SEEDS, shared)
    next(shared.glob("*.txt")).unlink()  # the operator took a shared source out while the bot was down
    changed = StudyEngine(open_index(shared), load_topics(TOPICS))
    reopened = _libraries(changed, tmp_path)
    reopened.open_saved()
    documents = {s.document.id for s in reopened.engine_for(SERVER).sources().sources}
    assert added.source.document.id in documents
    assert len(documents) == changed.index.report.documents + 1


def test_a_removed_sources_ids_are_never_given_again(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path)
    first = libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    _, removed = libraries.remove(SERVER, first.source.document.id)
    assert removed.sentence_ids and removed.statistic_ids
    libraries.add(SERVER, "other.txt", OTHER.read_bytes(), SourceMeta())
    store = libraries.engine_for(SERVER).index.store
    assert store.sentences(removed.sentence_ids) == []
    assert min(store.document_sentence_ids(store.document_ids()[-1])) > max(removed.sentence_ids)
    assert store.statistics_by_id(removed.statistic_ids) == []


def test_an_added_source_is_read_for_meaning_when_the_library_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shutil.copytree(SEEDS, shared)
    engine = StudyEngine(open_index(shared), load_topics(TOPICS))
    engine.index.compute_meaning(engine.embedder)
    libraries = Libraries(engine, Settings(data_dir=tmp_path / "data"))
    added = libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    index = libraries.engine_for(SERVER).index
    assert isinstance(index.meaning, MeaningIndex)
    new_ids = index.store.document_sentence_ids(index.store.document_ids()[-1])
    assert len(new_ids) == added.source.sentences and set(new_ids) <= set(index.meaning.ids.tolist())
    assert len(index.meaning.ids) == index.report.sentences


def test_a_correction_reads_the_source_again_under_its_new_title(engine: StudyEngine, tmp_path: Path) -> None:
    libraries = _libraries(engine, tmp_path)
    added = libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta(author="A delegate"))
    key = added.source.document.id
    corrected = libraries.correct(SERVER, key, SourceMeta(title="Address to the General Assembly"))
    assert corrected.action == "corrected"
    document = libraries.show(SERVER, key).document
    assert (document.title, document.author) == ("Address to the General Assembly", "A delegate")
    assert corrected.source.sentences == added.source.sentences
    assert libraries.engine_for(SERVER).index.report.documents == engine.index.report.documents + 1
    with pytest.raises(InputError, match="no source called 'nothing'"):
        libraries.correct(SERVER, "nothing", SourceMeta(title="x"))


def test_a_source_not_yet_read_for_meaning_is_found_by_its_words(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shutil.copytree(SEEDS, shared)
    engine = StudyEngine(open_index(shared), load_topics(TOPICS))
    engine.index.compute_meaning(engine.embedder)
    libraries = Libraries(engine, Settings(data_dir=tmp_path / "data", meaning=False))
    added = libraries.add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    own = libraries.engine_for(SERVER)
    assert isinstance(own.index.meaning, MeaningIndex)
    assert len(own.index.meaning.ids) < own.index.report.sentences  # the speech has no vectors
    found = own.search("Andorra", limit=3).results
    assert found and {r.document.id for r in found} == {added.source.document.id}


def test_a_library_made_again_at_start_reads_its_sources_for_meaning_in_the_background(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shutil.copytree(SEEDS, shared)
    engine = StudyEngine(open_index(shared), load_topics(TOPICS))
    engine.index.compute_meaning(engine.embedder)
    _libraries(engine, tmp_path / "data").add(SERVER, "speech.txt", SPEECH.read_bytes(), SourceMeta())
    (shared / "notes.md").write_text("# Notes\n\nThe shared library changed while the bot was down.\n")
    changed = StudyEngine(open_index(shared), load_topics(TOPICS))
    changed.index.compute_meaning(changed.embedder)
    reopened = Libraries(changed, Settings(data_dir=tmp_path / "data"))
    reopened.open_saved()
    reopened.worker.submit(lambda: None).result()  # the worker takes its work in order
    index = reopened.engine_for(SERVER).index
    assert isinstance(index.meaning, MeaningIndex)
    assert len(index.meaning.ids) == index.report.sentences
