"""The daily question's answer buttons: a member's first click is kept, and only they hear what they chose."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import discord

from bot.content.models import OPTION_LETTERS, QuizQuestion
from bot.records.daily import DailyRecords
from bot.records.database import RecordsError
from bot.render import quiz as render
from bot.render.embeds import safe

if TYPE_CHECKING:
    from bot.app import StudyBot


class DailyAnswerButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"daily:(?P<day>\d{4}-\d{2}-\d{2}):(?P<c>\d)"
):
    """An answer to the day's question, naming the day, so it still answers after a restart; the question is
    looked up in the database, so a forged day or choice answers nothing."""

    def __init__(self, day: str, choice: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=render.button_label(choice),
                style=discord.ButtonStyle.primary,
                custom_id=f"daily:{day}:{choice}",
            )
        )
        self.day, self.choice = day, choice

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[StudyBot], item: discord.ui.Button, match: re.Match[str]
    ) -> DailyAnswerButton:
        return cls(match["day"], int(match["c"]))

    async def callback(self, interaction: discord.Interaction[StudyBot]) -> None:
        await interaction.response.send_message(await self._take(interaction), ephemeral=True)

    async def _take(self, interaction: discord.Interaction[StudyBot]) -> str:
        if interaction.guild_id is None:
            return "This question belongs to a server."
        records = DailyRecords(interaction.client.db)
        try:
            asked = await records.question(interaction.guild_id, self.day)
            if asked is None or not 0 <= self.choice < len(asked.question.options):
                return "This daily question is no longer kept."
            if asked.revealed:
                return f"The answer is out: {_option(asked.question, asked.question.answer)}."
            counted = await records.answer(interaction.guild_id, self.day, interaction.user.id, self.choice)
        except RecordsError:
            return render.NOT_SAVED
        if counted != self.choice:
            return f"Your first answer, {_option(asked.question, counted)}, counts; it is already in."
        reveal = f"<t:{int(asked.reveal_at)}:R>"
        return f"Your answer, {_option(asked.question, counted)}, is in. The answer is revealed {reveal}."


def _option(question: QuizQuestion, choice: int) -> str:
    return f"{OPTION_LETTERS[choice]}) {safe(question.options[choice])}"


def daily_answer_view(day: str, question: QuizQuestion) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for choice in range(len(question.options)):
        view.add_item(DailyAnswerButton(day, choice))
    return view
