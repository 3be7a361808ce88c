"""Settings and topic files: defaults, and clear messages naming the file and the field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import LARGE_LIBRARY_SENTENCES, load_settings
from bot.content.topics import load_topics
from bot.errors import ConfigError
from tests.conftest import PROJECT, TOPICS
from tests.test_cli import run


def test_shipped_config_and_topics_load():
    settings = load_settings(PROJECT / "config" / "bot.yaml")
    assert settings.sources == (PROJECT / "seeds").resolve()
    assert settings.topics == TOPICS.resolve()
    topics = load_topics(settings.topics)
    food = next(t for t in topics if t.id == "food")
    assert {"hunger", "famine", "malnutrition"} <= set(food.aliases)


def test_bad_setting_names_the_file_and_field(tmp_path: Path):
    config = tmp_path / "config" / "bot.yaml"
    config.parent.mkdir()
    config.write_text("sources: seeds\nlog_level: LOUD\n")
    with pytest.raises(ConfigError) as error:
        load_settings(config)
    assert str(config) in str(error.value) and "log_level" in str(error.value)


def test_unknown_setting_is_rejected(tmp_path: Path):
    config = tmp_path / "bot.yaml"
    config.write_text("sourcez: seeds\n")
    with pytest.raises(ConfigError, match="sourcez"):
        load_settings(config)


def test_bad_topic_file_names_the_field(tmp_path: Path):
    topics = tmp_path / "topics.yaml"
    topics.write_text("topics:\n  - id: Food Stuff\n    name: Food\n    keywords: [food]\n")
    with pytest.raises(ConfigError) as error:
        load_topics(topics)
    assert "topics.0.id" in str(error.value) and str(topics) in str(error.value)


def test_duplicate_topic_ids_are_rejected(tmp_path: Path):
    topics = tmp_path / "topics.yaml"
    topics.write_text("topics:\n" + "  - {id: food, name: Food, keywords: [food]}\n" * 2)
    with pytest.raises(ConfigError, match="appears twice"):
        load_topics(topics)


def test_cli_exits_nonzero_on_bad_config(tmp_path: Path):
    config = tmp_path / "bot.yaml"
    config.write_text("log_level: [1, 2]\n")
    result = run("topics", "--config", str(config))
    assert result.returncode == 2
    assert "log_level" in result.stderr and "Traceback" not in result.stderr


def test_engine_workers_auto_starts_them_for_a_large_library_only(tmp_path: Path):
    settings = load_settings(PROJECT / "config" / "bot.yaml")
    assert settings.engine_workers == "auto"
    assert settings.engine_processes(LARGE_LIBRARY_SENTENCES) == 0
    assert settings.engine_processes(LARGE_LIBRARY_SENTENCES + 1) == min(2, os.cpu_count() or 1)
    assert settings.model_copy(update={"engine_workers": 3}).engine_processes(10) == 3
    config = tmp_path / "bot.yaml"
    for wrong in ("9", "-1", "many"):
        config.write_text(f"engine_workers: {wrong}\n")
        with pytest.raises(ConfigError, match="engine_workers"):
            load_settings(config)
