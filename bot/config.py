"""The one settings model: `config/bot.yaml`, validated by pydantic.

Secrets (the Discord token) come only from the environment, never from this file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, IPvAnyNetwork, SecretStr

from bot.yaml_files import read_yaml

DEFAULT_CONFIG = Path("config/bot.yaml")
TOKEN_VARIABLE = "DISCORD_TOKEN"
DATABASE_URL_VARIABLE = "STUDYBOT_DATABASE_URL"  # holds the PostgreSQL password, so never in a file
# Above this many sentences a library's queries hold the gateway's loop long enough to need worker processes
# (and it is read for meaning word by word: `bot.content.index.meaning.MAX_SENTENCES`).
LARGE_LIBRARY_SENTENCES = 20_000


class QuizSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: int = Field(default=5, ge=1, le=20)
    seconds: int = Field(default=20, ge=5, le=120, description="Time to answer each question.")
    reveal_seconds: float = Field(default=4.0, ge=0, le=30, description="Pause after revealing an answer.")
    cooldown_seconds: int = Field(default=60, ge=0, description="Between sessions a member starts.")


class DailySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    grace_minutes: int = Field(default=60, ge=0, le=24 * 60, description="How late a missed post still goes out.")
    check_seconds: float = Field(default=30.0, gt=0, description="How often the schedule is checked.")
    send_attempts: int = Field(
        default=3, ge=1, le=20, description="Checks that may try a post Discord refuses before the day is given up."
    )
    reveal_hours: int = Field(
        default=8, ge=1, le=23, description="Hours after its post that a daily question's answer is revealed."
    )


class LibrarySettings(BaseModel):
    """Each server's own sources, added by its moderators (`/source add`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_documents: int = Field(default=50, ge=0, description="Sources a server may add.")
    max_megabytes: float = Field(default=200, ge=0, description="Their total size, in MiB.")
    max_file_megabytes: float = Field(default=25, gt=0, description="One file's size, in MiB.")
    read_seconds: float = Field(default=120, gt=0, description="How long reading one file may take.")
    read_memory_megabytes: int = Field(default=2048, ge=256, description="Memory the reader of one file may use.")
    fetch_seconds: float = Field(default=30, gt=0, description="How long fetching a source by URL may take.")
    url_networks: list[IPvAnyNetwork] = Field(
        default_factory=list,
        description="Private networks whose addresses a source's URL may name (none: public addresses only).",
    )


class Settings(BaseModel):
    """Relative paths are resolved against the folder holding the config file's `config/` folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: Path = Path("seeds")
    index_dir: Path | None = None
    data_dir: Path = Path("data")
    database: Literal["sqlite", "postgresql"] = Field(
        default="sqlite",
        description="Where quiz scores, schedules and posts are kept: SQLite in data_dir, or the PostgreSQL "
        "database named by STUDYBOT_DATABASE_URL (for several bot processes sharing one database).",
    )
    topics: Path = Path("config/topics.yaml")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    dev_guilds: list[int] = Field(default_factory=list, description="Guilds whose commands sync at start.")
    disconnected_exit_seconds: float = Field(
        default=600, ge=5, description="Disconnected from Discord this long, the bot exits so it is restarted."
    )
    meaning: bool = Field(
        default=True,
        description="Search by meaning as well as by words (the sentences' vectors are computed after the index).",
    )
    engine_workers: Annotated[int, Field(ge=0, le=8)] | Literal["auto"] = Field(
        default="auto",
        description="Processes that answer members' questions, so the gateway's loop only receives and answers: "
        "0 answers in the bot's own threads; auto: 2 (at most one per core) for a shared library over "
        f"{LARGE_LIBRARY_SENTENCES:,} sentences, else 0.",
    )
    quiz: QuizSettings = QuizSettings()
    daily: DailySettings = DailySettings()
    library: LibrarySettings = LibrarySettings()

    def engine_processes(self, shared_sentences: int) -> int:
        """How many engine worker processes to start for a shared library of this many sentences."""
        if self.engine_workers != "auto":
            return self.engine_workers
        return min(2, os.cpu_count() or 1) if shared_sentences > LARGE_LIBRARY_SENTENCES else 0

    def resolved(self, root: Path) -> Settings:
        def anchor(path: Path) -> Path:
            return path if path.is_absolute() else (root / path).resolve()

        return self.model_copy(
            update={
                "sources": anchor(self.sources),
                "index_dir": anchor(self.index_dir) if self.index_dir else None,
                "data_dir": anchor(self.data_dir),
                "topics": anchor(self.topics),
            }
        )


def load_settings(path: Path | None) -> Settings:
    """Settings from `path`, or defaults when no path is given and `config/bot.yaml` is absent."""
    chosen = path or DEFAULT_CONFIG
    if path is None and not chosen.exists():
        return Settings().resolved(Path.cwd())
    settings = read_yaml(chosen, Settings)
    root = chosen.resolve().parent
    root = root.parent if root.name == "config" else root
    return settings.resolved(root)


def discord_token() -> SecretStr | None:
    """The bot token, from the environment only; a SecretStr so it never prints by accident."""
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    return SecretStr(token) if token else None


def database_url() -> SecretStr | None:
    """The PostgreSQL database's address with its password, from the environment only."""
    url = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    return SecretStr(url) if url else None
