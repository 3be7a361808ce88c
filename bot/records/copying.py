"""Moving a bot's records from its SQLite file to PostgreSQL (`python -m bot migrate --from-sqlite FILE`).

Every row of every table is copied in one transaction on the target, so a failure leaves it empty as it was.
The target must hold no records yet: merging two bots' records would mix their sessions and schedules.
"""

from __future__ import annotations

from pathlib import Path

from bot.errors import InputError
from bot.records.database import Database
from bot.records.migrations import TABLES
from bot.records.sqlite import open_sqlite


async def copy_records(source: Path, target: Database) -> dict[str, int]:
    """Copy the records in the SQLite file `source` (brought to the latest schema first) into `target`;
    the rows copied, per table."""
    if not source.is_file():
        raise InputError(f"{source}: no such file.")
    for table in TABLES:
        row = await target.fetchrow(f"SELECT count(*) FROM {table}")
        if row and row[0]:
            raise InputError(
                f"The target database already has records ({table}: {row[0]} rows).",
                "Copy into a new, empty database.",
            )
    lite = await open_sqlite(source)
    try:
        copied: dict[str, int] = {}
        async with target.transaction() as records:
            for table in TABLES:
                rows = await lite.fetch(f"SELECT * FROM {table}")
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    await records.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
                copied[table] = len(rows)
            if target.kind == "postgresql":
                # The reports' ids were copied as they were: the next report takes the number after the last.
                await records.execute(
                    "SELECT setval(pg_get_serial_sequence('quiz_reports', 'id'), coalesce(max(id), 0) + 1, false) "
                    "FROM quiz_reports"
                )
        return copied
    finally:
        await lite.close()
