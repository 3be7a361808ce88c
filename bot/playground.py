"""The offline playground: the sandbox and the real bot in one process, and a prompt to act as a member.

Type slash commands as in Discord (`/search query:prison camps`), press buttons by number
(`press 2`), or act as the second member (`as sam /search query:famine`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import shlex
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from bot.app import StudyBot
from bot.config import Settings
from bot.content.engine import StudyEngine
from bot.sandbox.members import Reply, SandboxError, SandboxMember
from bot.sandbox.payloads import Payload
from bot.sandbox.records import LOADING, SandboxGuild
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox, point_discord_at

log = logging.getLogger(__name__)
CHANNEL = "study"
UPDATE_PAUSE_S = 0.3
WAIT_FOR_LIMIT_S = 120.0
MANAGE_GUILD = 1 << 5
HELP = """\
Type what a member would type in #study:
  /about                           what the bot is
  /search query:prison camps       search the sources (options as name:value)
  press 2                          press button 2 on the last answer
  as sam /search query:famine      do it as the other member, sam
  /quiz start questions:3          a quiz; press 1-4 to answer, `as sam press 2` for sam
  /source add file:report.pdf      add a file of yours to this server's library (then search it)
  type 120,000                     fill in the form the bot last opened (after pressing "Type it")
  wait 10                          let 10 seconds pass and show what the bot posted meanwhile
  wait for Source added            wait (at most 2 minutes) until the bot posts or shows these words
  help                             this text
  quit                             leave (or Ctrl-D)
"""
_OPTION = re.compile(r"(?:^|(?<=\s))(\w+):")
_EMPHASIS = re.compile(r"(?<!\\)\*{1,2}([^*\n]+?)(?<!\\)\*{1,2}")
_MARKDOWN_ESCAPE = re.compile(r"\\([*_`~|>\\])")
_MENTION = re.compile(r"<([@#])!?(\d+)>")
_TIMESTAMP = re.compile(r"<t:(\d+)(?::([tTdDfFR]))?>")


def parse_command(line: str) -> tuple[str, dict[str, Any]]:
    """`/search query:prison camps limit:3` -> ("search", {"query": "prison camps", "limit": 3})."""
    line = line.strip().lstrip("/")
    first = _OPTION.search(line)
    head = line[: first.start()] if first else line
    values: dict[str, Any] = {}
    if first:
        pieces = _OPTION.split(line[first.start() :])[1:]
        for name, value in zip(pieces[::2], pieces[1::2], strict=True):
            text = value.strip()
            values[name] = int(text) if text.isdigit() else text
    return " ".join(shlex.split(head)), values


def plain(markdown: str, names: dict[str, str] | None = None) -> str:
    """Discord Markdown as a terminal shows it: emphasis and escapes dropped, mentions by name."""
    text = _MARKDOWN_ESCAPE.sub(r"\1", _EMPHASIS.sub(r"\1", markdown))

    def by_name(mention: re.Match[str]) -> str:
        name = (names or {}).get(mention[2])
        return f"{mention[1]}{name}" if name else mention[0]

    return _TIMESTAMP.sub(_when, _MENTION.sub(by_name, text))


def _when(stamp: re.Match[str]) -> str:
    """Discord's <t:…> timestamps, as a member's client would show them."""
    moment = datetime.fromtimestamp(int(stamp[1]), UTC)
    if stamp[2] == "R":
        seconds = round(moment.timestamp() - time.time())
        return f"in {seconds} s" if seconds >= 0 else f"{-seconds} s ago"
    return moment.strftime("%A %d %B %Y %H:%M UTC")


def render_message(message: Payload, *, ephemeral: bool, names: dict[str, str] | None = None) -> list[str]:
    lines = ["studybot ›" + ("  (only you can see this)" if ephemeral else "")]
    if message["content"]:
        lines += [f"  {line}" for line in plain(message["content"], names).splitlines()]
    for embed in message["embeds"]:
        bar = "  ┃ "
        if embed.get("title"):
            lines.append(bar + plain(embed["title"], names))
        for paragraph in plain(embed.get("description") or "", names).splitlines():
            lines += [bar + line for line in textwrap.wrap(paragraph, 96)]
        for field in embed.get("fields", []):
            lines.append(bar + plain(field["name"], names))
            for paragraph in plain(field["value"], names).splitlines():
                lines += [bar + "  " + line for line in textwrap.wrap(paragraph, 94)]
        if embed.get("footer"):
            lines.append(bar + embed["footer"]["text"])
    buttons = [c for row in message["components"] for c in row.get("components", []) if c.get("type") == 2]
    if buttons:
        labels = [
            f"[{i}] {b.get('label') or b.get('custom_id')}" + (" (disabled)" if b.get("disabled") else "")
            for i, b in enumerate(buttons, 1)
        ]
        lines.append("  " + "   ".join(labels))
    return lines


class Playground:
    def __init__(self, sandbox: Sandbox, members: dict[str, SandboxMember], out: TextIO) -> None:
        self.sandbox = sandbox
        self.members = members
        self.out = out
        self.last: Payload | None = None
        # The latest form (modal) the bot opened, by member, until it is filled in.
        self.forms: dict[int, Reply] = {}
        self.channel_id = next(iter(members.values())).guild.channel_id(CHANNEL)
        self.seen: dict[int, int] = {}
        self.guild = next(iter(members.values())).guild
        self.names = {str(m.id): m.name for m in members.values()} | {
            str(channel_id): channel["name"] for channel_id, channel in self.guild.channels.items()
        }

    def say(self, *lines: str) -> None:
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    async def handle(self, line: str) -> bool:
        """Act on one line; False when the person wants to leave."""
        line = line.strip()
        if not line:
            return True
        if line in ("quit", "exit"):
            return False
        if line == "help":
            self.say(HELP)
            return True
        if line.startswith("wait for "):
            await self._wait_for(line.removeprefix("wait for ").strip())
            return True
        if line.startswith("wait"):
            seconds = line.removeprefix("wait").strip()
            await self._show_updates(min(float(seconds), 120.0) if seconds.replace(".", "", 1).isdigit() else 5.0)
            return True
        member = self.members["you"]
        if line.startswith("as "):
            _, name, line = [*line.split(maxsplit=2), ""][:3]
            if name not in self.members:
                self.say(f"No member called {name}; there are {', '.join(self.members)}.")
                return True
            member = self.members[name]
        try:
            reply = await self._act(member, line)
        except SandboxError as error:
            self.say(f"Discord would not let you: {error}")
            return True
        except Exception:
            # A bug in the playground or the bot should not end the session and lose what was tried.
            log.exception("The playground could not act on %r", line)
            self.say("That went wrong inside the playground (the error is logged); the session goes on.")
            return True
        if reply is not None:
            await self._show(reply)
        await self._show_updates(UPDATE_PAUSE_S)
        return True

    async def _wait_for(self, words: str) -> None:
        """Show what the bot posts until a message of the channel (or its threads) holds `words`: the end of
        long work, such as a source being read, without guessing how long it takes."""
        deadline = asyncio.get_running_loop().time() + WAIT_FOR_LIMIT_S
        while asyncio.get_running_loop().time() < deadline:
            await self._show_updates(UPDATE_PAUSE_S)
            if any(words in text for text in self._texts()):
                return
        self.say(f"(no message said “{words}” within {WAIT_FOR_LIMIT_S:.0f} seconds)")

    def _texts(self) -> list[str]:
        """The text of every message shown so far: content, embeds' titles, descriptions and fields."""
        texts: list[str] = []
        for message_id in self.seen:
            record = self.sandbox.messages.get(message_id)
            if record is not None:
                texts.append("\n".join(render_message(record.payload, ephemeral=record.ephemeral, names=self.names)))
        return texts

    async def _show_updates(self, pause: float) -> None:
        """What the bot posted or changed in the channel and its threads meanwhile: reveals, next questions,
        standings, a quiz run in a thread of its own."""
        await asyncio.sleep(pause)
        channels = self.guild.channels.items()
        threads = {int(i): c["name"] for i, c in channels if c.get("parent_id") == str(self.channel_id)}
        for channel_id in (self.channel_id, *threads):
            for record in self.sandbox.channel_messages(channel_id):
                # another member's private answers are not shown; an edit of one shown to you is (progress)
                unseen_private = record.ephemeral and record.id not in self.seen
                if unseen_private or self.seen.get(record.id) == len(record.history):
                    continue
                edited = record.id in self.seen
                self.seen[record.id] = len(record.history)
                lines = render_message(record.payload, ephemeral=record.ephemeral, names=self.names)
                if channel_id in threads:
                    lines[0] += f"  (in the thread “{threads[channel_id]}”)"
                if edited:
                    lines[0] += "  (updated)"
                self.say(*lines)
                if _enabled_buttons(record.payload):
                    self.last = record.payload

    async def _act(self, member: SandboxMember, line: str) -> Reply | None:
        if line.startswith("type"):
            form = self.forms.pop(member.id, None)
            if form is None:
                self.say("No form is open: press a question's “Type it” button first.")
                return None
            fields = [
                c.get("label")
                for row in (form.record.modal or {}).get("components", [])
                for c in row.get("components", [])
            ]
            return await member.submit(form, {str(fields[0]): line.removeprefix("type").strip()})
        if line.startswith("press"):
            number = line.removeprefix("press").strip()
            if self.last is None or not number.isdigit():
                self.say("Press a button by its number, e.g. `press 2`, after an answer that has buttons.")
                return None
            current = self.sandbox.messages[int(self.last["id"])].payload
            buttons = [c for row in current["components"] for c in row.get("components", []) if c.get("type") == 2]
            if not 1 <= int(number) <= len(buttons):
                self.say(f"That answer has {len(buttons)} buttons.")
                return None
            button = buttons[int(number) - 1]
            return await member.click(current, button.get("custom_id") or button["label"])
        if not line.startswith("/"):
            self.say("Commands start with /, e.g. /search query:prison camps (type help for more).")
            return None
        command, values = parse_command(line)
        return await member.run(CHANNEL, command, **values)

    async def _show(self, reply: Reply) -> None:
        try:
            await reply.wait(5)
            await reply.wait_for(_settled, 15)
        except TimeoutError:
            self.say("studybot › (no answer: Discord would say “The application did not respond”)")
            return
        if reply.record.modal is not None:
            self.forms[reply.record.user_id] = reply
            self.say(f"studybot › (a form: {reply.record.modal.get('title', '')}) — answer with `type <your answer>`")
            return
        record = reply.message_record
        if record is None:
            return
        self.say(*render_message(record.payload, ephemeral=record.ephemeral, names=self.names))
        self.seen[record.id] = len(record.history)
        if not record.ephemeral:
            self.last = record.payload


def _enabled_buttons(message: Payload) -> bool:
    return any(
        c.get("type") == 2 and not c.get("disabled") for row in message["components"] for c in row.get("components", [])
    )


def _settled(reply: Reply) -> bool:
    record = reply.message_record
    return record is not None and not record.payload["flags"] & LOADING


async def run_playground(
    engine: StudyEngine,
    settings: Settings,
    *,
    read_line: Callable[[], str] = sys.stdin.readline,
    out: TextIO = sys.stdout,
) -> None:
    # The terminal is the conversation; the bot's own start-up chatter would only get in the way.
    for name in ("discord", "bot"):
        logging.getLogger(name).setLevel(logging.ERROR)
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    guild = sandbox.add_guild("Study Group", [CHANNEL])
    # The playground keeps its own scores, apart from a real server's, and forgets them when it ends.
    with tempfile.TemporaryDirectory(prefix="studybot-play-") as data:
        await _play(engine, settings.model_copy(update={"data_dir": Path(data)}), sandbox, guild, read_line, out)


async def _play(
    engine: StudyEngine,
    settings: Settings,
    sandbox: Sandbox,
    guild: SandboxGuild,
    read_line: Callable[[], str],
    out: TextIO,
) -> None:
    # "you" may manage the server (to try /daily); "sam" is an ordinary member.
    you = sandbox.add_user(guild, "you", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    members = {
        "you": SandboxMember(sandbox, guild, you),
        "sam": SandboxMember(sandbox, guild, sandbox.add_user(guild, "sam")),
    }
    bot = StudyBot(engine, settings, sync_guilds=[guild.id], read_meaning=settings.meaning)
    task = asyncio.create_task(bot.start(sandbox.token))
    playground = Playground(sandbox, members, out)
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 30)
        report = engine.index.report
        playground.say(
            f"studybot playground: a local Discord sandbox with the real bot, offline. "
            f"{report.documents} sources loaded.",
            "You are 'you' in #study of 'Study Group'; 'sam' is another member. Type help for commands.",
        )
        loop = asyncio.get_running_loop()
        while True:
            out.write(f"you@#{CHANNEL}> ")
            out.flush()
            line = await loop.run_in_executor(None, read_line)
            if not line or not await playground.handle(line):
                break
    finally:
        await bot.close()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await sandbox.stop()
    playground.say("Bye.")
