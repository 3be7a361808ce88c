"""The bot's records database, whichever holds it: SQLite in the data folder (the default) or PostgreSQL.

The record modules (quiz, daily, review) write their queries once, with `?` placeholders and SQL both
databases speak (`ON CONFLICT`, `RETURNING`), against the `Records` protocol below. A statement outside
`transaction()` is committed when it returns; the statements inside one commit together or not at all.
A failure of either database reaches callers as `RecordsError`, so the cogs need not know which one runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Protocol

from bot.config import DATABASE_URL_VARIABLE, Settings, database_url
from bot.errors import ConfigError, StudybotError
from bot.filelock import FileLock, Locked

DATABASE_FILE = "studybot.sqlite3"  # in the data folder, when the records are kept in SQLite

Row = Sequence[Any]


class DatabaseError(StudybotError):
    """The database cannot be used; it is left as it is, so nothing stored in it is lost."""


class RecordsError(Exception):
    """A read or write the database refused (busy, locked, gone): the member is told it was not saved."""


class Records(Protocol):
    """What a query runs on: the database, or one transaction in it."""

    async def execute(self, sql: str, *args: object) -> int:
        """Run one statement; how many rows it changed."""
        ...

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    async def fetch(self, sql: str, *args: object) -> list[Row]: ...

    async def fetchrow(self, sql: str, *args: object) -> Row | None: ...


class Database(Records, Protocol):
    kind: str  # "sqlite" or "postgresql"
    name: str  # where it is, for messages: its file, or its address without the password

    def transaction(self) -> AbstractAsyncContextManager[Records]:
        """Statements that commit together, or not at all when the block raises."""
        ...

    async def close(self) -> None: ...


async def open_database(settings: Settings) -> Database:
    """The records database the settings name, migrated to the latest schema."""
    if settings.database == "postgresql":
        from bot.records.postgres import open_postgres

        url = database_url()
        if url is None:
            raise ConfigError(
                f"database: postgresql needs the database's address in the environment variable "
                f"{DATABASE_URL_VARIABLE} (postgresql://user:password@host:port/name)."
            )
        return await open_postgres(url.get_secret_value())
    from bot.records.sqlite import open_sqlite

    return await open_sqlite(settings.data_dir / DATABASE_FILE)


def lock_data_folder(data_dir: Path) -> FileLock:
    """Hold the data folder for this process: a second bot on the same folder would end the first one's
    quizzes and post its daily facts twice. The kernel releases the lock when the holder dies."""
    lock = FileLock(data_dir / ".lock")
    try:
        lock.acquire(wait=False)
    except Locked as held:
        raise DatabaseError(
            f"{data_dir}: another studybot (process {held.holder or 'unknown'}) is using this data folder. "
            "Stop it first, or give this bot its own data_dir."
        ) from None
    except OSError as error:
        raise DatabaseError(f"{data_dir}: cannot be locked ({error.strerror}).") from error
    return lock


def newer_schema(where: str, version: int, known: int) -> DatabaseError:
    """A database from a newer studybot is not used: this code would misread what the newer one wrote."""
    return DatabaseError(
        f"{where}: made by a newer studybot (schema {version}; this one knows up to {known}). "
        "It was left untouched: run the newer version, or restore a backup made with this one."
    )
