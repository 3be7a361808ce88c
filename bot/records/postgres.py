"""The records in PostgreSQL, through asyncpg: for several bot processes (shards) sharing one database.

A pool of connections serves the bot; a transaction holds one connection until it ends. The queries are
written with SQLite's `?` placeholders and numbered here (`$1`, `$2`, ...). The schema version is kept in
`studybot_schema`, and migrations run under an advisory lock, so processes starting together migrate once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager, suppress
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from bot.config import DATABASE_URL_VARIABLE
from bot.records.database import DatabaseError, Records, RecordsError, Row, newer_schema
from bot.records.migrations import MIGRATIONS, for_postgres

# A statement waits no longer than this, so a member hears about a busy or lost database within
# Discord's 3-second deadline.
STATEMENT_SECONDS = 2.0
MIGRATION_SECONDS = 300.0
POOL_SIZE = 8
# Any number of ours, the same in every process: the key of the advisory lock that migrations hold.
MIGRATION_LOCK = 0x57B0_7001

_FAILURES = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


@lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$1`, `$2`, ... (none of our statements has a `?` in a literal)."""
    parts = sql.split("?")
    return "".join(part + (f"${n}" if n < len(parts) else "") for n, part in enumerate(parts, start=1))


def _changed(status: str) -> int:
    """Rows a statement changed, from its status ("UPDATE 3", "INSERT 0 1"); 0 for one that changes none."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


@contextmanager
def _refused() -> Iterator[None]:
    try:
        yield
    except _FAILURES as error:
        raise RecordsError(f"{type(error).__name__}: {error}") from error


class _Statements:
    """Statements on one connection (inside a transaction), or on any of the pool's (each on its own)."""

    def __init__(self, connection: PoolConnectionProxy | asyncpg.Pool) -> None:
        self._connection = connection

    async def execute(self, sql: str, *args: object) -> int:
        with _refused():
            return _changed(await self._connection.execute(numbered(sql), *args))

    async def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with _refused():
            await self._connection.executemany(numbered(sql), rows)

    async def fetch(self, sql: str, *args: object) -> list[Row]:
        with _refused():
            return list(await self._connection.fetch(numbered(sql), *args))

    async def fetchrow(self, sql: str, *args: object) -> Row | None:
        with _refused():
            row: Row | None = await self._connection.fetchrow(numbered(sql), *args)
            return row


class PostgresDatabase(_Statements):
    kind = "postgresql"

    def __init__(self, pool: asyncpg.Pool, name: str) -> None:
        super().__init__(pool)  # asyncpg runs executemany's rows in one transaction
        self.name = name
        self._pool = pool

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Records]:
        with _refused():
            connection = await self._pool.acquire(timeout=STATEMENT_SECONDS)
        try:
            transaction = connection.transaction()
            with _refused():
                await transaction.start()
            try:
                yield _Statements(connection)
            except BaseException:
                with suppress(*_FAILURES):  # a connection that broke is dropped by the pool; the cause goes on
                    await transaction.rollback()
                raise
            with _refused():
                await transaction.commit()
        finally:
            await self._pool.release(connection)

    async def close(self) -> None:
        await self._pool.close()


def where(url: str) -> str:
    """The database's address without its password, for messages and logs."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number, a broken IPv6 literal
        return DATABASE_URL_VARIABLE
    socket = parse_qs(parts.query).get("host")  # a Unix socket's folder, given as ?host=/run/postgresql
    host = parts.hostname or (socket[0] if socket else "localhost")
    return f"postgresql://{host}{f':{port}' if port else ''}{parts.path}"


async def open_postgres(url: str) -> PostgresDatabase:
    """A pool on the database at `url`, migrated to the latest schema."""
    try:
        pool = await asyncpg.create_pool(url, min_size=1, max_size=POOL_SIZE, command_timeout=STATEMENT_SECONDS)
    except ValueError:  # its message may quote the address, password and all
        raise DatabaseError(
            f"{where(url)}: not an address asyncpg can read (postgresql://user:password@host:port/name)."
        ) from None
    except _FAILURES as error:
        raise DatabaseError(f"{where(url)}: cannot be opened ({type(error).__name__}: {error}).") from error
    try:
        async with pool.acquire() as connection:
            await migrate_postgres(connection, where(url))
    except _FAILURES as error:
        await pool.close()
        raise DatabaseError(f"{where(url)}: cannot be migrated ({type(error).__name__}: {error}).") from error
    except DatabaseError:
        await pool.close()
        raise
    return PostgresDatabase(pool, where(url))


async def migrate_postgres(connection: PoolConnectionProxy, name: str) -> int:
    """Apply the migrations the database has not seen, each in its own transaction; the schema version."""
    while True:
        async with connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK, timeout=MIGRATION_SECONDS)
            await connection.execute("CREATE TABLE IF NOT EXISTS studybot_schema (version INTEGER NOT NULL)")
            version = int(await connection.fetchval("SELECT max(version) FROM studybot_schema") or 0)
            if version > len(MIGRATIONS):
                raise newer_schema(name, version, len(MIGRATIONS))
            if version == len(MIGRATIONS):
                return version
            await connection.execute(for_postgres(MIGRATIONS[version]), timeout=MIGRATION_SECONDS)
            await connection.execute("DELETE FROM studybot_schema")
            await connection.execute("INSERT INTO studybot_schema VALUES ($1)", version + 1)
