"""/quiz review: a member's missed questions, one at a time and only to them, by Leitner boxes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import discord

from bot.content.models import QuizQuestion
from bot.records.database import RecordsError
from bot.records.review import ReviewRecords
from bot.render import quiz as render

if TYPE_CHECKING:
    from bot.app import StudyBot


class ReviewButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"review:(?P<member>\d{1,20}):(?P<box>\d):(?P<key>[a-z]{1,12}:\d{1,12}):(?P<c>\d)",
):
    """An answer to a review question, carrying whose review it is and which question, so it still answers
    after a restart; the member and question are checked against the database, not trusted."""

    def __init__(self, member: int, box: int, key: str, choice: int, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label=render.button_label(choice),
                style=discord.ButtonStyle.primary,
                disabled=disabled,
                custom_id=f"review:{member}:{box}:{key}:{choice}",
            )
        )
        self.member, self.box, self.key, self.choice = member, box, key, choice

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[StudyBot], item: discord.ui.Button, match: re.Match[str]
    ) -> ReviewButton:
        return cls(int(match["member"]), int(match["box"]), match["key"], int(match["c"]))

    async def callback(self, interaction: discord.Interaction[StudyBot]) -> None:
        assert interaction.guild_id is not None
        if interaction.user.id != self.member:
            await interaction.response.send_message("This review is someone else's.", ephemeral=True)
            return
        records = ReviewRecords(interaction.client.db)
        try:
            # Judged against the stored question: the custom_id only names it.
            stored = await records.question(interaction.guild_id, self.member, self.key)
            if stored is None or not 0 <= self.choice < len(stored.options):
                await interaction.response.send_message("This question has left your review.", ephemeral=True)
                return
            box = await records.answered(
                interaction.guild_id, self.member, self.key, self.box, right=self.choice == stored.answer
            )
        except RecordsError:
            # The box did not move: the same click may be tried again.
            await interaction.response.send_message(render.NOT_SAVED, ephemeral=True)
            return
        if box is None:
            await interaction.response.send_message("You have answered this one already.", ephemeral=True)
            return
        await interaction.response.edit_message(
            embed=render.review_result_embed(stored, self.choice, box),
            view=review_view(self.member, self.box, stored, disabled=True),
        )


def review_view(member: int, box: int, question: QuizQuestion, *, disabled: bool = False) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for choice in range(len(question.options)):
        view.add_item(ReviewButton(member, box, question.key, choice, disabled=disabled))
    return view
