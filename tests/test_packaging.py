"""The Docker image's recipe and the lock file (no Docker engine runs here, so they are read, not built)."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from bot.config import DATABASE_URL_VARIABLE, load_settings
from tests.conftest import PROJECT


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    text = (PROJECT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(word.upper(), " ".join(rest.split())) for word, _, rest in (line.partition(" ") for line in lines)]


def arguments(instruction: str) -> list[str]:
    return [args for name, args in dockerfile() if name == instruction]


def test_dockerfile_runs_as_non_root_with_locked_dependencies_a_volume_and_a_health_check():
    assert arguments("FROM") == ["python:3.11-slim"]
    assert "pip install --require-hashes -r requirements.lock" in arguments("RUN")
    assert arguments("USER") == ["studybot"]
    assert arguments("VOLUME") == ['["/data"]']
    assert any('"python", "-m", "bot", "health"' in check for check in arguments("HEALTHCHECK"))
    assert not any("DISCORD_TOKEN" in args for args in arguments("ENV") + arguments("ARG"))  # never baked in


def pinned(lock: str) -> dict[str, str]:
    """Package name (normalised) to pinned version, from a pip-compile lock file."""
    found = re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", (PROJECT / lock).read_text(), re.M)
    return {m.group(1).lower().replace("_", "-"): m.group(2) for m in found}


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ]", r, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-") for r in requirements}


def test_lock_pins_every_runtime_dependency_with_hashes():
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    runtime = pinned("requirements.lock")
    assert requirement_names(project["dependencies"]) <= runtime.keys()
    assert (PROJECT / "requirements.lock").read_text().count("--hash=sha256:") >= len(runtime)


def test_test_lock_pins_every_test_dependency_at_the_versions_docker_runs():
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    tests, runtime = pinned("requirements-test.lock"), pinned("requirements.lock")
    assert requirement_names(project["dependencies"] + project["optional-dependencies"]["test"]) <= tests.keys()
    assert {name: tests[name] for name in runtime} == runtime  # CI tests what the image runs


@pytest.mark.parametrize(("name", "database"), [("docker.yaml", "sqlite"), ("docker-postgres.yaml", "postgresql")])
def test_docker_settings_keep_everything_written_on_the_volume(name, database):
    settings = load_settings(PROJECT / "config" / name)
    assert str(settings.data_dir) == "/data" and str(settings.index_dir) == "/data/index"
    assert settings.sources == (PROJECT / "seeds").resolve()
    assert settings.database == database


def test_compose_offers_the_postgresql_setup_with_its_password_from_the_environment():
    services = yaml.safe_load((PROJECT / "compose.yaml").read_text())["services"]
    assert "profiles" not in services["studybot"]  # `docker compose up` alone runs the embedded setup
    bot, postgres = services["studybot-pg"], services["postgres"]
    assert bot["profiles"] == postgres["profiles"] == ["postgres"]
    assert "/app/config/docker-postgres.yaml" in bot["command"]
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    url = bot["environment"][DATABASE_URL_VARIABLE]
    assert url.startswith("postgresql://studybot:${POSTGRES_PASSWORD") and url.endswith("@postgres:5432/studybot")
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


def test_secrets_and_local_data_stay_out_of_git_and_the_image():
    ignored = (PROJECT / ".gitignore").read_text().split()
    docker_ignored = (PROJECT / ".dockerignore").read_text().split()
    for pattern in (".env", "data/"):
        assert pattern in ignored and pattern in docker_ignored, pattern
    assert ".git/" in docker_ignored and "**/.studybot-index/" in docker_ignored
    assert not any(".env" in copied for copied in arguments("COPY"))  # the token comes from the environment at run time


def test_the_vendored_discord_spec_ships_with_its_licence_and_origin():
    from bot.sandbox.openapi import SPEC_FILE

    spec = SPEC_FILE.parent
    assert (spec / "LICENSE").read_text().startswith("MIT License")
    assert "74fda0fad044407ea280043a03ffc9bc64c4e49e" in (spec / "README.md").read_text()
    package_data = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert {"spec/openapi.json", "spec/LICENSE"} <= set(package_data["bot.sandbox"])
