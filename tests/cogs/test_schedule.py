"""The daily schedule's pure rules: when a post is due, and how often the zone list is read."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.cogs.daily import _schedule
from bot.cogs.daily._schedule import due_date, zone

GRACE = timedelta(minutes=60)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-23T23:29:00", None),  # before the time
        ("2026-11-23T23:30:00", "2026-11-23"),
        ("2026-11-24T00:10:00", "2026-11-23"),  # past local midnight, still within the hour's grace
        ("2026-11-24T00:30:00", "2026-11-23"),
        ("2026-11-24T00:31:00", None),  # the grace is over; the next day's post is not yet due
    ],
)
def test_a_grace_period_runs_past_local_midnight(now, expected):
    day = due_date(utc(now), time(23, 30), ZoneInfo("UTC"), GRACE)
    assert (day.isoformat() if day else None) == expected


def test_a_late_post_in_a_zone_ahead_of_utc_belongs_to_its_local_day():
    # 23:45 in Tokyo is 14:45 UTC; half an hour later it is already the next day there.
    assert due_date(utc("2026-11-23T15:15:00"), time(23, 45), ZoneInfo("Asia/Tokyo"), GRACE).isoformat() == "2026-11-23"


def test_the_zone_list_is_read_from_disk_once(monkeypatch):
    calls = []
    real = _schedule.available_timezones

    def counted() -> set[str]:
        calls.append(1)
        return real()

    _schedule.zone_names.cache_clear()
    _schedule._known_zones.cache_clear()
    monkeypatch.setattr(_schedule, "available_timezones", counted)
    for name in ("Europe/Berlin", "UTC", "Nowhere/Else", "Asia/Tokyo") * 50:
        zone(name)
    assert len(_schedule.zone_names()) > 300
    assert len(calls) == 1
