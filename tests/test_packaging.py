"""The Docker image's recipe and the lock file (no Docker engine runs here, so they are read, not built)."""

from __future__ import annotations

import re
import tomllib

from bot.config import load_settings
from tests.conftest import PROJECT


def test_dockerfile_runs_as_non_root_with_locked_dependencies_a_volume_and_a_health_check():
    dockerfile = (PROJECT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    assert "pip install --require-hashes -r requirements.lock" in dockerfile
    assert re.search(r"^USER studybot$", dockerfile, re.M)
    assert 'VOLUME ["/data"]' in dockerfile
    assert '"python", "-m", "bot", "health"' in dockerfile
    assert not re.search(r"^(ENV|ARG)\b.*DISCORD_TOKEN", dockerfile, re.M)  # the token is never baked in


def test_lock_pins_every_runtime_dependency_with_hashes():
    lock = (PROJECT / "requirements.lock").read_text()
    pinned = {m.group(1).lower().replace("_", "-") for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", lock, re.M)}
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")
        assert name in pinned, name
    assert lock.count("--hash=sha256:") >= len(pinned)


def test_docker_settings_keep_everything_written_on_the_volume():
    settings = load_settings(PROJECT / "config" / "docker.yaml")
    assert str(settings.data_dir) == "/data" and str(settings.index_dir) == "/data/index"
    assert settings.sources == (PROJECT / "seeds").resolve()


def test_secrets_and_local_data_stay_out_of_git_and_the_image():
    ignored = (PROJECT / ".gitignore").read_text().split()
    docker_ignored = (PROJECT / ".dockerignore").read_text().split()
    for pattern in (".env", "data/"):
        assert pattern in ignored and pattern in docker_ignored, pattern
    assert ".git/" in docker_ignored and "**/.studybot-index/" in docker_ignored
    copied = re.findall(r"^COPY (.+) \S+$", (PROJECT / "Dockerfile").read_text(), re.M)
    assert not any(".env" in line for line in copied)  # the token comes from the environment at run time


def test_the_vendored_discord_spec_ships_with_its_licence_and_origin():
    from bot.sandbox.openapi import SPEC_FILE

    spec = SPEC_FILE.parent
    assert (spec / "LICENSE").read_text().startswith("MIT License")
    assert "74fda0fad044407ea280043a03ffc9bc64c4e49e" in (spec / "README.md").read_text()
    package_data = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert {"spec/openapi.json", "spec/LICENSE"} <= set(package_data["bot.sandbox"])
