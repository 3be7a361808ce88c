"""Persistence for what members do: quiz sessions and answers, daily-fact schedules and posts (SQLite)."""
