"""A server's quiz scores as CSV, one row per member per leaderboard season, for moderators' spreadsheets."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from bot.records.models import Season, Standing

COLUMNS = ("season", "season_start_utc", "season_end_utc", "rank", "member_id", "points", "right", "answered")


def _utc(moment: float | None) -> str:
    return "" if moment is None else datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d %H:%M")


def scores_csv(seasons: list[tuple[Season, list[Standing]]]) -> str:
    """Member ids, not names: the bot keeps no names, and ids stay right when members rename themselves."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for season, standings in seasons:
        start, end = _utc(season.started_at), _utc(season.ended_at)
        for rank, s in enumerate(standings, 1):
            writer.writerow((season.number, start, end, rank, s.member_id, s.points, s.correct, s.answered))
    return out.getvalue()
