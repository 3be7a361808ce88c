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
    day = due_date(utc("2026-11-23T15:15:00"), time(23, 45), ZoneInfo("Asia/Tokyo"), GRACE)
    assert day is not None and day.isoformat() == "2026-11-23"


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


def test_a_time_skipped_by_the_spring_dst_jump_posts_just_after_it():
    # Berlin jumps from 02:00 to 03:00 on 2026-03-29: 02:30 that day does not exist on the clock.
    berlin = ZoneInfo("Europe/Berlin")
    moment = _schedule.post_instant(datetime(2026, 3, 29).date(), time(2, 30), berlin)
    assert moment.astimezone(UTC) == utc("2026-03-29T01:30:00")  # 03:30 summer time, the clock just past the gap
    assert moment.astimezone(UTC).astimezone(berlin).hour == 3


def test_the_next_post_crosses_the_autumn_dst_change_at_the_same_local_time():
    berlin = ZoneInfo("Europe/Berlin")
    # 2026-10-25 09:00 Berlin is 08:00 UTC (winter time), the day before it was 07:00 UTC (summer time)
    assert _schedule.next_post(utc("2026-10-24T08:00:00"), time(9, 0), berlin) == utc("2026-10-25T08:00:00")
    assert _schedule.next_post(utc("2026-10-24T06:00:00"), time(9, 0), berlin) == utc("2026-10-24T07:00:00")


def test_each_fact_is_posted_once_per_round_in_the_servers_own_order():
    keys = [f"fact-{n}" for n in range(5)]
    posted: list[str] = []
    for _ in range(5):
        key = _schedule.next_fact(keys, posted, guild_id=42)
        assert key is not None and key not in posted
        posted.append(key)
    assert sorted(posted) == keys
    assert _schedule.next_fact(keys, posted, guild_id=42) == posted[0]  # the next round starts over
    other = [_schedule.next_fact(keys, [], guild_id=g) for g in range(1, 30)]
    assert len(set(other)) > 1  # servers do not all post the same fact first


def test_no_facts_means_no_post():
    assert _schedule.next_fact([], [], guild_id=1) is None
