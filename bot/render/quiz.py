"""Quiz questions, reveals, standings and leaderboards as embeds, within Discord's limits."""

from __future__ import annotations

import discord

from bot.content.models import OPTION_LETTERS, QuizQuestion
from bot.quiz_rules import LEARNED, REVIEW_WAITS, Outcome, Verdict
from bot.records.models import MemberStats, QuestionReport, Season, SessionStatus, Standing
from bot.render.embeds import COLOUR, DESCRIPTION_LIMIT, FIELD_LIMIT, clip, paged_fields, quoted_field, safe

_VERDICTS = {
    Verdict.RIGHT: "Right! +{points} points.",
    Verdict.WRONG: "Not this time. The answer is revealed when the time is up.",
    Verdict.ALREADY_ANSWERED: "Your first answer counts; it is already in.",
    Verdict.TOO_LATE: "Time is up for that question.",
    Verdict.NOT_THIS_QUESTION: "That question is closed; answer the current one.",
}
NOT_SAVED = (
    "Your answer could not be saved just now (the database is busy or the disk is full), so it did not count. "
    "Click again."
)
_ENDINGS = {
    SessionStatus.FINISHED: "Final standings",
    SessionStatus.STOPPED: "Quiz stopped: standings so far",
    SessionStatus.INTERRUPTED: "This quiz was interrupted by a restart; the scores so far are kept",
}


def button_label(choice: int) -> str:
    """An answer button's label; a forged choice past the letters still gets one, so its click is answered."""
    return OPTION_LETTERS[choice] if choice < len(OPTION_LETTERS) else str(choice + 1)


def _options(question: QuizQuestion) -> str:
    return "\n".join(f"**{OPTION_LETTERS[i]}**) {safe(option)}" for i, option in enumerate(question.options))


def _prompt(question: QuizQuestion) -> str:
    """The prompt, after the sentence before its quote when the quote's meaning hangs on it."""
    before = f"*The source, just before:* “{safe(question.context)}”\n\n" if question.context else ""
    return before + safe(question.prompt)


def _asking(title: str, question: QuizQuestion, after_options: str) -> discord.Embed:
    """A question as it is asked: its prompt, its options, then a line on how to answer."""
    embed = discord.Embed(title=title, colour=COLOUR)
    body = f"{_options(question)}\n\n{after_options}"
    embed.description = clip(_prompt(question), DESCRIPTION_LIMIT - len(body) - 2) + "\n\n" + body
    return embed


def _revealed(title: str, question: QuizQuestion) -> discord.Embed:
    """A question answered: the right option in the title, why, and the quote with its source."""
    answer = f"{OPTION_LETTERS[question.answer]}) {question.options[question.answer]}"
    embed = discord.Embed(title=clip(f"{title}: {answer}", 256), colour=COLOUR)
    embed.description = clip(_prompt(question), 1500) + "\n\n" + _options(question)
    embed.add_field(name="Why", value=clip(safe(question.explanation), FIELD_LIMIT), inline=False)
    quoted = quoted_field(question.quote, question)
    embed.add_field(name="Quote", value=quoted, inline=False)
    return embed


def question_embed(question: QuizQuestion, index: int, total: int, deadline: float) -> discord.Embed:
    return _asking(
        f"Question {index + 1} of {total}", question, f"Time is up <t:{int(deadline)}:R>. Your first click counts."
    )


def _right_by(members: list[int]) -> str:
    return ", ".join(f"<@{member}>" for member in members) or "nobody this time"


def reveal_embed(question: QuizQuestion, index: int, total: int, right: list[int]) -> discord.Embed:
    embed = _revealed(f"Question {index + 1} of {total}", question)
    embed.add_field(name="Right", value=clip(_right_by(right), FIELD_LIMIT), inline=False)
    return embed


def daily_question_embed(question: QuizQuestion, reveal_at: float) -> discord.Embed:
    return _asking(
        "Question of the day",
        question,
        f"The answer is revealed <t:{int(reveal_at)}:R>. Your first click counts; only you see it.",
    )


def daily_reveal_embed(question: QuizQuestion, right: list[int], answered: int) -> discord.Embed:
    embed = _revealed("Question of the day", question)
    who = _right_by(right)
    missed = "\nMissed it? It waits for you in `/quiz review`." if answered > len(right) else ""
    name = f"Right: {len(right)} of {answered} who answered"
    embed.add_field(name=name, value=clip(who, FIELD_LIMIT - len(missed)) + missed, inline=False)
    return embed


def daily_preview_embed(question: QuizQuestion) -> discord.Embed:
    """The next daily question with its answer, for the moderators who choose to post it."""
    return _revealed("Next daily question", question)


def verdict_text(outcome: Outcome) -> str:
    return _VERDICTS[outcome.verdict].format(points=outcome.points)


def _standing_lines(standings: list[Standing]) -> list[str]:
    return [
        f"{rank}. <@{s.member_id}>: {s.points} points ({s.correct}/{s.answered} right)"
        for rank, s in enumerate(standings, 1)
    ]


def standings_embed(standings: list[Standing], status: SessionStatus, questions: int) -> discord.Embed:
    embed = discord.Embed(title=_ENDINGS[status], colour=COLOUR)
    lines = _standing_lines(standings) or ["Nobody answered."]
    embed.description = clip("\n".join(lines), DESCRIPTION_LIMIT)
    embed.set_footer(text=f"{questions} questions · 100 points a right answer, more for speed and streaks")
    return embed


def leaderboard_pages(standings: list[Standing], period: str) -> list[discord.Embed]:
    fields = [(f"{rank}.", line.split(". ", 1)[1]) for rank, line in enumerate(_standing_lines(standings), 1)]
    footer = "Sessions with two or more players count; solo games do not."
    return paged_fields(f"Quiz leaderboard: {period}", fields, per_page=10, footer=footer)


def review_embed(question: QuizQuestion, box: int, waiting: int) -> discord.Embed:
    title = f"Review: a question you missed (box {box} of {len(REVIEW_WAITS)})"
    return _asking(title, question, f"{waiting} question{'s' if waiting != 1 else ''} in your review boxes.")


def review_result_embed(question: QuizQuestion, choice: int, box: int) -> discord.Embed:
    right = choice == question.answer
    if not right:
        where = "Back to box 1: it comes back in a few minutes."
    elif box == LEARNED:
        where = "Learned: it leaves your review boxes."
    else:
        days = REVIEW_WAITS[box - 1] // 86_400
        where = f"Up to box {box}: it comes back in {days} day{'s' if days != 1 else ''}."
    embed = _revealed("Right" if right else "Not this time", question)
    embed.set_footer(text=f"{where} /quiz review for the next.")
    return embed


def season_pages(seasons: list[tuple[Season, Standing | None]]) -> list[discord.Embed]:
    fields = []
    for season, leader in reversed(seasons):
        span = f"<t:{int(season.started_at)}:d> – " + (f"<t:{int(season.ended_at)}:d>" if season.ended_at else "now")
        best = f"<@{leader.member_id}>, {leader.points} points" if leader else "no game of two or more players"
        fields.append(
            (f"Season {season.number}{' (running)' if season.ended_at is None else ''}", f"{span}\nBest: {best}")
        )
    footer = "A season a month, or when a moderator starts one; /quiz leaderboard season:N shows one."
    return paged_fields("Quiz seasons", fields, per_page=10, footer=footer)


def report_pages(reports: list[QuestionReport]) -> list[discord.Embed]:
    fields = [
        (f"#{r.id} · {r.question_key}", f"{clip(safe(r.prompt), 300)}\n**Reason:** {safe(r.reason)} (<@{r.member_id}>)")
        for r in reports
    ]
    footer = "/quiz-admin drop takes a question out of this server's quizzes; dismiss keeps it."
    return paged_fields("Reported quiz questions", fields, per_page=5, footer=footer)


def member_stats_embed(member: str, stats: MemberStats) -> discord.Embed:
    embed = discord.Embed(title=clip(f"Quiz stats: {safe(member)}", 256), colour=COLOUR)
    accuracy = f"{100 * stats.correct / stats.answered:.0f}%" if stats.answered else "—"
    fastest = f"{stats.fastest_seconds:.1f} s" if stats.fastest_seconds is not None else "—"
    for name, value in (
        ("Answered", str(stats.answered)),
        ("Accuracy", accuracy),
        ("Current streak", str(stats.current_streak)),
        ("Longest streak", str(stats.longest_streak)),
        ("Fastest right answer", fastest),
    ):
        embed.add_field(name=name, value=value, inline=True)
    return embed
