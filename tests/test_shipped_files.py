"""Every YAML file the project ships validates against its model, with the same reader the bot uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from bot.config import Settings
from bot.content.models import SourceMeta
from bot.content.topics import TopicFile
from bot.yaml_files import read_yaml
from tests.conftest import PROJECT

SHIPPED: list[tuple[Path, type[BaseModel]]] = [
    *((path, Settings) for path in sorted((PROJECT / "config").glob("*.yaml")) if path.name != "topics.yaml"),
    (PROJECT / "config" / "topics.yaml", TopicFile),
    *((path, SourceMeta) for path in sorted((PROJECT / "seeds").glob("*.meta.yaml"))),
]


@pytest.mark.parametrize(("path", "model"), SHIPPED, ids=[p.relative_to(PROJECT).as_posix() for p, _ in SHIPPED])
def test_shipped_yaml_is_valid(path: Path, model: type[BaseModel]):
    assert isinstance(read_yaml(path, model), model)


def test_every_shipped_yaml_file_is_checked():
    shipped = {p for p in PROJECT.glob("config/*.yaml")} | {p for p in PROJECT.glob("seeds/*.yaml")}
    assert shipped == {path for path, _ in SHIPPED}
