"""The records in SQLite, through aiosqlite, WAL mode: the embedded default, one file in the data folder.

One connection serves the whole bot. SQLite has one transaction per connection, so statements and
transactions take turns under a lock: a coroutine's statement can never land inside another's open
transaction, nor its commit end that transaction early. The schema version is SQLite's `user_version`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import Path

import aiosqlite

from bot.records.database import DatabaseError, Records, RecordsError, Row, newer_schema
from bot.records.migrations import MIGRATIONS

# Shorter than Discord's 3-second deadline, so a member hears about a busy database in time.
BUSY_TIMEOUT_MS = 1500


@contextmanager
def _refused() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise RecordsError(str(error)) from error


class _Statements:
    """Statements on the connection, for a caller that already has its turn."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, *args: object) -> int:
        with _refused():
            cursor = await self._connection.execute(sql, args)
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with _refused():
            await self._connection.executemany(sql, rows)

    async def fetch(self, sql: str, *args: object) -> list[Row]:
        with _refused():
            return list(await self._connection.execute_fetchall(sql, args))

    async def fetchrow(self, sql: str, *args: object) -> Row | None:
        rows = await self.fetch(sql, *args)
        return rows[0] if rows else None


class SqliteDatabase:
    kind = "sqlite"

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self.name = str(path)
        self._statements = _Statements(connection)
        self._connection = connection
        self._turn = asyncio.Lock()

    async def execute(self, sql: str, *args: object) -> int:
        async with self._turn:
            return await self._statements.execute(sql, *args)

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        async with self.transaction() as records:  # all the rows or none
            await records.executemany(sql, rows)

    async def fetch(self, sql: str, *args: object) -> list[Row]:
        async with self._turn:
            return await self._statements.fetch(sql, *args)

    async def fetchrow(self, sql: str, *args: object) -> Row | None:
        async with self._turn:
            return await self._statements.fetchrow(sql, *args)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Records]:
        async with self._turn:
            # IMMEDIATE takes the write lock now, so a transaction never fails halfway on a busy database.
            with _refused():
                await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._statements
            except BaseException:
                with suppress(sqlite3.Error):  # the cause goes on, not a failure to undo it
                    await self._connection.rollback()
                raise
            with _refused():
                await self._connection.commit()

    async def close(self) -> None:
        await self._connection.close()


async def open_sqlite(path: Path) -> SqliteDatabase:
    """The database at `path` (created if missing), migrated to the latest schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit: each statement commits itself, and transactions are begun explicitly.
        connection = await aiosqlite.connect(path, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(f"{path}: cannot be opened ({error}).") from error
    try:
        await connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        version = await _schema_version(connection)
        if version > len(MIGRATIONS):  # refused before anything below writes to the file
            raise newer_schema(str(path), version, len(MIGRATIONS))
        await connection.execute("PRAGMA journal_mode=WAL")
        await connection.execute("PRAGMA foreign_keys=ON")
        await migrate_sqlite(connection)
    except sqlite3.Error as error:
        await connection.close()
        raise DatabaseError(
            f"{path}: cannot be used ({error}). It was left untouched: move it aside to start afresh, "
            "or restore a backup."
        ) from error
    except DatabaseError:
        await connection.close()
        raise
    return SqliteDatabase(connection, path)


async def _schema_version(connection: aiosqlite.Connection) -> int:
    async with connection.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate_sqlite(connection: aiosqlite.Connection) -> int:
    """Apply the migrations the database has not seen, each in its own transaction; the schema version."""
    version = await _schema_version(connection)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        await connection.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")
    return len(MIGRATIONS)
