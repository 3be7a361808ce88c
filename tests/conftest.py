"""Shared fixtures: the shipped seeds, copied so each test run builds its own index beside them."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.segmentation import normalise_whitespace
from bot.content.topics import load_topics
from bot.sandbox.members import SandboxMember
from bot.sandbox.server import MEMBER_PERMISSIONS
from tests.postgres_server import REQUIRED, PostgresServer, find_binaries, start_postgres
from tests.world import MANAGE_GUILD, World, world_in

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
TOPICS = PROJECT / "config" / "topics.yaml"
NEWS = "000_fae6be9c9b19f124"
ESSAY = "004_d3383659730909d5"


# The claim set's module is the suite's longest, its fixture judging every claim on one worker. Handed out
# first, the other worker runs the rest of the suite beside it; by xdist's own order (modules with the most
# tests first, which pyproject turns off) it came late, and the other worker waited for it at the end: when
# the fixture also embedded the library (eight minutes), the suite took 14.0 minutes on this machine, alone,
# and 12.6 with it first. With the library's vectors stored it takes 10.9; handing out the next six longest
# modules first too gave 10.7, no better (the rest waits on subprocesses and timers more than on the cores).
_FIRST = "tests/evaluation/test_claims.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The claim set's tests first, then each module's by how many tests it has (xdist's own order)."""
    sizes = Counter(map(_module, items))
    items.sort(key=lambda item: (_module(item) != _FIRST, -sizes[_module(item)]))


def _module(item: pytest.Item) -> str:
    return item.nodeid.split("::")[0]


def example_count(default: int) -> int:
    """Property tests try `default` inputs in CI; STUDYBOT_EXAMPLES sets more for a release run."""
    return int(os.environ.get("STUDYBOT_EXAMPLES", default))


def copy_seeds(target: Path) -> Path:
    """The seed documents (and their sidecars, not their index) copied into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.iterdir():
        if path.is_file():
            shutil.copy2(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture
def private_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeds for one test whose bot process reads them for meaning (`run`, `play`): the vectors
    it keeps in their index must not reach the session's `engine` over `seeds_dir`, which answers by words
    alone, nor the engine workers that open that index's folder afresh."""
    return copy_seeds(tmp_path_factory.mktemp("private-seeds"))


@pytest.fixture(scope="session")
def engine(seeds_dir: Path) -> StudyEngine:
    return StudyEngine(open_index(seeds_dir), load_topics(TOPICS))


@pytest.fixture(scope="session")
def documents() -> dict[str, str]:
    """Each seed's text with whitespace normalised: every quote must be a substring of its document."""
    return {p.stem: normalise_whitespace(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
async def world(engine: StudyEngine, tmp_path: Path) -> AsyncIterator[World]:
    """The sandbox with two members, alice and bob, and the real bot connected to it."""
    async with world_in(engine, tmp_path) as made:
        yield made


@pytest.fixture
async def admin(world: World) -> SandboxMember:
    """A member who can manage the server, as the /daily commands require."""
    user = world.sandbox.add_user(world.guild, "admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    return SandboxMember(world.sandbox, world.guild, user)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the whole run, started on first use."""
    if find_binaries() is None and not os.environ.get(REQUIRED):
        pytest.skip("PostgreSQL is not installed (CI installs it and sets STUDYBOT_REQUIRE_POSTGRES)")
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A new, empty database on the test server: each test its own."""
    return postgres_server.new_database()
