"""One running quiz session in a channel: asks each question, takes answers, reveals, posts standings."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord

from bot.cogs.shared.replies import in_time, reply
from bot.content.models import QuizQuestion
from bot.quiz_rules import Outcome, QuizGame, Verdict
from bot.records.database import RecordsError
from bot.records.models import SessionStatus
from bot.records.quiz import QuizRecords
from bot.render import quiz as render
from bot.typed_answers import typed_matches

if TYPE_CHECKING:
    from bot.app import StudyBot

log = logging.getLogger(__name__)
# Questions with one word or number for an answer may be answered by typing it; the choice a typed
# answer that is not the right one is stored as.
TYPED_KINDS = frozenset({"number", "name", "term", "year"})
TYPED_WRONG = -1


class AnswerButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"quiz:(?P<session>\w+):(?P<q>\d{1,3}):(?P<c>\d{1,2})"
):
    """An answer button that carries its session, question and choice, so it still answers after a restart.
    A click brings only its custom_id, which anyone can forge: the session checks the question and choice
    exist before taking the answer."""

    def __init__(self, session: str, question: int, choice: int, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label=render.button_label(choice),
                style=discord.ButtonStyle.primary,
                disabled=disabled,
                custom_id=f"quiz:{session}:{question}:{choice}",
            )
        )
        self.session, self.question, self.choice = session, question, choice

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[StudyBot], item: discord.ui.Button, match: re.Match[str]
    ) -> AnswerButton:
        return cls(match["session"], int(match["q"]), int(match["c"]))

    async def callback(self, interaction: discord.Interaction[StudyBot]) -> None:
        session = await _session_offering(interaction, self.session, self.question, self.choice)
        if session is not None:
            await session.take_answer(interaction, self.question, self.choice)


async def _session_offering(
    interaction: discord.Interaction[StudyBot], session_id: str, question: int, choice: int
) -> QuizSession | None:
    """The running session a click names, if it has that question and choice; else the member is told."""
    session = interaction.client.quiz_sessions.get(session_id)
    if session is None:
        await interaction.response.send_message(
            "This quiz session has ended. Start a new one with `/quiz start`.", ephemeral=True
        )
        return None
    if not session.offers(question, choice):
        await interaction.response.send_message("That is not one of this quiz's answers.", ephemeral=True)
        return None
    return session


class TypeButton(discord.ui.DynamicItem[discord.ui.Button], template=r"quiz-type:(?P<session>\w+):(?P<q>\d{1,3})"):
    """Answer by typing instead of clicking: opens a form for the answer (no privileged intent needed)."""

    def __init__(self, session: str, question: int, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label="Type it",
                style=discord.ButtonStyle.secondary,
                disabled=disabled,
                custom_id=f"quiz-type:{session}:{question}",
            )
        )
        self.session, self.question = session, question

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[StudyBot], item: discord.ui.Button, match: re.Match[str]
    ) -> TypeButton:
        return cls(match["session"], int(match["q"]))

    async def callback(self, interaction: discord.Interaction[StudyBot]) -> None:
        session = await _session_offering(interaction, self.session, self.question, 0)
        if session is not None:
            await interaction.response.send_modal(TypedAnswer(session, self.question))


class TypedAnswer(discord.ui.Modal, title="Type your answer"):
    answer: discord.ui.TextInput[TypedAnswer] = discord.ui.TextInput(label="Your answer", max_length=100)

    def __init__(self, session: QuizSession, question: int) -> None:
        super().__init__(custom_id=f"quiz-typed:{session.id}:{question}")
        self.session, self.question = session, question

    async def on_submit(self, interaction: discord.Interaction[StudyBot]) -> None:
        asked = self.session.questions[self.question]
        right = typed_matches(self.answer.value, asked.options[asked.answer])
        await self.session.take_answer(interaction, self.question, asked.answer if right else TYPED_WRONG)


def answer_view(session: str, question: int, asked: QuizQuestion, *, disabled: bool = False) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for choice in range(len(asked.options)):
        view.add_item(AnswerButton(session, question, choice, disabled=disabled))
    if asked.kind in TYPED_KINDS:
        view.add_item(TypeButton(session, question, disabled=disabled))
    return view


class QuizSession:
    def __init__(
        self,
        *,
        session_id: str,
        channel: discord.abc.Messageable,
        channel_id: int,
        guild_id: int,
        starter_id: int,
        questions: list[QuizQuestion],
        topic: str | None,
        seconds: float,
        reveal_seconds: float,
        records: QuizRecords,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.id = session_id
        self.channel = channel
        self.channel_id = channel_id
        self.guild_id = guild_id
        self.starter_id = starter_id
        self.questions = questions
        self.topic = topic
        self.seconds = seconds
        self.reveal_seconds = reveal_seconds
        self.records = records
        self.clock = clock
        self.game = QuizGame([q.answer for q in questions], seconds)
        self.first_message: discord.Message | discord.InteractionMessage | discord.WebhookMessage | None = None
        self._everyone_answered = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.right_by_question: dict[int, list[int]] = {}

    def start(self, answering: discord.Interaction[StudyBot] | None, on_done: Callable[[QuizSession], None]) -> None:
        """Run the session; `answering`: the `/quiz start` its first question answers, or None when that
        has been answered already (the questions then go to a thread of their own)."""
        self._task = asyncio.create_task(self._run(answering))
        self._task.add_done_callback(lambda _: on_done(self))

    async def _run(self, answering: discord.Interaction[StudyBot] | None) -> None:
        try:
            for index, question in enumerate(self.questions):
                deadline = time.time() + self.seconds
                embed = render.question_embed(question, index, len(self.questions), deadline)
                view = answer_view(self.id, index, question)
                # Open the question before it shows, so a member who clicks at once is never "too late".
                self._everyone_answered.clear()
                self.game.ask(index, self.clock())
                message: discord.Message | discord.InteractionMessage | discord.WebhookMessage
                if index == 0 and answering is not None:
                    # The first question answers `/quiz start`; its message is edited for the reveal.
                    message = await reply(answering, embed=embed, view=view)
                else:
                    message = await self.channel.send(embed=embed, view=view)
                if index == 0:
                    self.first_message = message
                    try:
                        await self.records.set_message(self.id, message.id)
                    except RecordsError as error:  # only a note for later; the questions go on
                        log.warning("Quiz %s could not record its first message: %s", self.id, error)
                try:
                    await self.records.shown(
                        self.id,
                        index,
                        guild_id=self.guild_id,
                        topic=self.topic,
                        key=question.key,
                        prompt=question.prompt,
                    )
                except RecordsError as error:  # it may be asked again sooner; the question goes on
                    log.warning("Quiz %s could not record question %s as asked: %s", self.id, question.key, error)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._everyone_answered.wait(), self.seconds)
                self.game.close()
                right = self.right_by_question.get(index, [])
                await message.edit(
                    embed=render.reveal_embed(question, index, len(self.questions), right),
                    view=answer_view(self.id, index, question, disabled=True),
                )
                if index + 1 < len(self.questions):
                    await asyncio.sleep(self.reveal_seconds)
            await self.finish(SessionStatus.FINISHED)
        except asyncio.CancelledError:
            raise
        except (discord.HTTPException, discord.RateLimited, RecordsError) as error:
            # discord.py has already retried what is worth retrying; scores so far are kept.
            cause = "the database refused it" if isinstance(error, RecordsError) else "Discord refused it"
            log.error("Quiz %s stopped: %s (%s)", self.id, cause, error)
            try:
                await self.finish(SessionStatus.STOPPED)
            except (discord.DiscordException, RecordsError) as again:
                log.error("Quiz %s: could not end cleanly either (%s)", self.id, again)

    def offers(self, question: int, choice: int) -> bool:
        """The session has this question and this choice in it."""
        return 0 <= question < len(self.questions) and 0 <= choice < len(self.questions[question].options)

    async def take_answer(self, interaction: discord.Interaction[StudyBot], question: int, choice: int) -> None:
        outcome: Outcome = self.game.answer(interaction.user.id, question, choice, self.clock())
        if outcome.counted:
            saving = self.records.record_answer(
                self.id,
                question=question,
                member_id=interaction.user.id,
                guild_id=self.guild_id,
                choice=choice,
                correct=outcome.verdict is Verdict.RIGHT,
                seconds=outcome.seconds,
                points=outcome.points,
                missed=self.questions[question] if outcome.verdict is Verdict.WRONG else None,
            )
            try:
                # A busy database can hold the write past Discord's deadline: then the click is acknowledged
                # first, and the verdict follows once the answer is stored.
                stored = await in_time(interaction, saving, ephemeral=True)
            except RecordsError as error:
                log.error("Quiz %s could not save an answer: %s", self.id, error)
                self.game.withdraw(interaction.user.id, question)
                await reply(interaction, render.NOT_SAVED, ephemeral=True)
                return
            if not stored:
                outcome = Outcome(Verdict.ALREADY_ANSWERED)
            elif outcome.verdict is Verdict.RIGHT:
                self.right_by_question.setdefault(question, []).append(interaction.user.id)
        await reply(interaction, render.verdict_text(outcome), ephemeral=True)
        if self.game.everyone_answered():
            self._everyone_answered.set()

    async def finish(self, status: SessionStatus) -> None:
        await self.records.end(self.id, status)
        standings = await self.records.standings(self.id)
        await self.channel.send(embed=render.standings_embed(standings, status, len(self.questions)))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self.game.close()
        await self.finish(SessionStatus.STOPPED)

    def abandon(self) -> None:
        """The bot is going away: stop asking; the next start ends the session and posts its scores."""
        if self._task is not None:
            self._task.cancel()

    @property
    def link(self) -> str:
        """Where the session is: its first question, or its channel until that is posted."""
        if self.first_message is not None:
            return self.first_message.jump_url
        return f"https://discord.com/channels/{self.guild_id}/{self.channel_id}"
