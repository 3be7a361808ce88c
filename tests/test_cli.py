"""The command line as a user runs it: a real process, its output, its exit code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.records.database import lock_data_folder
from tests.conftest import PROJECT, SEEDS, copy_seeds


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    # A copy of its own: the commands read these sources for meaning and keep the vectors in their
    # index, which the session's engine over `seeds_dir` must not find (it answers by words alone).
    return ["--sources", str(copy_seeds(tmp_path_factory.mktemp("cli-seeds")))]


def run_json(sources: list[str], *args: str) -> dict:
    result = run(*args, *sources, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("topics", "search", "stats", "summary", "cite", "quiz", "fact", "sources"):
        assert command in result.stdout


def test_search_json_shape(sources):
    data = run_json(sources, "search", "jailed", "dissidents", "--limit", "3")
    assert 1 <= len(data["results"]) <= 3
    first = data["results"][0]
    assert {"text", "document", "reference", "score"} <= first.keys()
    assert {"id", "title"} <= first["document"].keys()
    assert first["reference"]["key"] == "United Nations, 2014"
    assert first["reference"]["text"].startswith("United Nations. (2014). Report of the Commission of Inquiry")


def test_stats_json_shape(sources):
    data = run_json(sources, "stats", "--topic", "food")
    assert data["stats"]
    for stat in data["stats"]:
        assert {"value", "quote", "document", "reference"} <= stat.keys()
        assert stat["value"] in stat["quote"]


def test_summary_json_shape(sources):
    data = run_json(sources, "summary", "food")
    assert data["topic"] == "Food and hunger"
    assert 3 <= len(data["sentences"]) <= 6
    assert all({"text", "document", "reference"} <= s.keys() for s in data["sentences"])


def test_cite_json_shape(sources):
    data = run_json(sources, "cite", "10.7 million North Koreans need food assistance")
    assert data["claim"] == "10.7 million North Koreans need food assistance"
    assert data["verdict"] == "supported"
    assert data["matches"][0]["reference"]["key"] == "World Food Programme, 2022"
    assert {"text", "document", "reference", "score", "relation", "differs"} <= data["matches"][0].keys()


def test_quiz_json_shape_and_seed(sources):
    data = run_json(sources, "quiz", "--count", "3", "--seed", "5")
    assert len(data["questions"]) == 3
    for q in data["questions"]:
        assert {"prompt", "options", "answer", "quote", "explanation", "document", "reference"} <= q.keys()
        if q["kind"] != "statement":
            assert q["options"][q["answer"]] in q["quote"]
    assert run_json(sources, "quiz", "--count", "3", "--seed", "5") == data


def test_fact_topics_and_sources_json_shapes(sources):
    fact = run_json(sources, "fact", "--seed", "3")["fact"]
    assert {"quote", "document", "reference"} <= fact.keys()
    topics = run_json(sources, "topics")["topics"]
    assert all({"id", "name", "documents", "passages"} <= t.keys() for t in topics)
    listed = run_json(sources, "sources")["sources"]
    assert len(listed) == 2


def test_text_output_is_readable(sources):
    result = run("summary", "food", *sources)
    assert result.returncode == 0
    assert result.stdout.startswith("Summary: Food and hunger")
    assert "[1] Amnesty International. (2020)." in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", ""], "empty"),
        (["summary", "underwater basket weaving"], "The sources say nothing about underwater basket weaving"),
        (["stats", "--topic", "nope"], "No topic called"),
        (["cite", "x" * 10_000], "characters long"),
        (["quiz", "--count", "500"], "between 1 and"),
        (["search", "zzzzqqq"], "Nothing in the sources"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nonzero_exit(sources, args, message):
    result = run(*args, *sources)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_input_in_json_mode_is_json(sources):
    result = run("stats", "--topic", "nope", *sources, "--json")
    assert result.returncode == 2
    assert "No topic called 'nope'" in json.loads(result.stdout)["error"]


def test_index_reads_the_sources_for_meaning_once(tmp_path: Path, seeds_dir: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in seeds_dir.iterdir():
        if path.is_file():
            (sources / path.name).write_bytes(path.read_bytes())
    first = run("index", "--sources", str(sources))
    assert first.returncode == 0, first.stderr
    assert "Search by meaning:" in first.stdout and "sentences read in" in first.stdout
    assert (sources / ".studybot-index" / "meaning.npz").exists()
    again = run("index", "--sources", str(sources))
    assert again.returncode == 0 and "(unchanged, reused)" in again.stdout and "Search by meaning" not in again.stdout


def test_sources_add_gives_one_server_a_source_the_others_do_not_see(sources: list[str], tmp_path: Path) -> None:
    config = tmp_path / "config" / "bot.yaml"
    config.parent.mkdir()
    config.write_text(f"data_dir: {tmp_path / 'data'}\ntopics: {PROJECT / 'config' / 'topics.yaml'}\nmeaning: false\n")
    pdf = PROJECT / "tests" / "evaluation" / "documents" / "AER.pdf"
    setting = ["--config", str(config), *sources]
    added = run("sources", "add", str(pdf), "--server", "7", "--title", "Econometrics vignette", "--json", *setting)
    assert added.returncode == 0, added.stderr
    change = json.loads(added.stdout)
    assert change["action"] == "added" and change["source"]["document"]["title"] == "Econometrics vignette"
    assert "Reading page 6 of 6…" in added.stderr
    key = change["source"]["document"]["id"]
    here = json.loads(run("search", "econometrics", "--server", "7", "--json", *setting).stdout)
    assert {r["document"]["id"] for r in here["results"]} == {key}
    elsewhere = run("search", "econometrics", "--server", "8", *setting)
    assert elsewhere.returncode == 1  # nothing found in another server's library
    bad = run("sources", "add", str(pdf), "--server", "7", "--published", "last week", *setting)
    assert bad.returncode == 2 and "published" in bad.stderr
    removed = run("sources", "remove", key, "--server", "7", "--json", *setting)
    assert removed.returncode == 0 and json.loads(removed.stdout)["action"] == "removed"
    assert run("search", "econometrics", "--server", "7", *setting).returncode == 1
    held = lock_data_folder(tmp_path / "data")  # a bot running on the same data folder
    try:
        refused = run("sources", "add", str(pdf), "--server", "7", *setting)
    finally:
        held.release()
    assert refused.returncode == 2 and "another studybot" in refused.stderr


def test_sources_add_without_a_server_puts_the_file_in_the_shared_library(tmp_path: Path) -> None:
    library = tmp_path / "seeds"
    shutil.copytree(SEEDS, library, ignore=shutil.ignore_patterns(".*"))
    config = tmp_path / "config" / "bot.yaml"
    config.parent.mkdir()
    config.write_text(f"data_dir: {tmp_path / 'data'}\ntopics: {PROJECT / 'config' / 'topics.yaml'}\nmeaning: false\n")
    setting = ["--config", str(config), "--sources", str(library)]
    page = PROJECT / "tests" / "evaluation" / "documents" / "udhr-english.html"
    added = run("sources", "add", str(page), "--title", "The Declaration", "--json", *setting)
    assert added.returncode == 0, added.stderr
    change = json.loads(added.stdout)
    assert change["action"] == "added" and change["documents"] == 3
    assert change["source"]["document"]["title"] == "The Declaration" and (library / page.name).is_file()
    again = run("sources", "add", str(page), *setting)
    assert again.returncode == 2 and "has a file of that name" in again.stderr
    removed = run("sources", "remove", page.stem, "--json", *setting)
    assert removed.returncode == 0 and json.loads(removed.stdout)["documents"] == 2
    assert not (library / page.name).exists() and not (library / f"{page.stem}.meta.yaml").exists()
