"""/quiz export: the server's quiz scores as a CSV file, a row per member per leaderboard season."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime

import discord

from bot.errors import RefusedError
from bot.records.quiz import QuizRecords
from bot.render.scores_csv import scores_csv


async def scores_file(records: QuizRecords, guild_id: int, season: int | None) -> tuple[str, discord.File]:
    """What the moderator is told, and the file: every season, or the one asked for."""
    seasons = await records.seasons(guild_id, now=time.time())
    if season is not None:
        if not any(s.number == season for s in seasons):
            raise RefusedError(f"There is no season {season} yet.", f"This is season {seasons[-1].number}.")
        seasons = [s for s in seasons if s.number == season]
    boards = [(s, await records.leaderboard(guild_id, since=s.started_at, until=s.ended_at)) for s in seasons]
    rows = sum(len(board) for _, board in boards)
    if rows == 0:
        raise RefusedError("No scores to export yet.", "Scores count from quizzes two or more members play.")
    which = f"season {season}" if season is not None else f"{len(boards)} season{'s' if len(boards) != 1 else ''}"
    told = (
        f"Quiz scores, {which}: {rows} row{'s' if rows != 1 else ''} (member ids; points from quizzes two or "
        "more members played, as on the leaderboard)."
    )
    name = f"quiz-scores-{guild_id}-{datetime.now(UTC):%Y-%m-%d}.csv"
    return told, discord.File(io.BytesIO(scores_csv(boards).encode()), filename=name)
