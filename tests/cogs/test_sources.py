"""/source: a moderator adds a PDF to one server's library; members there find it, other servers do not; it
survives a restart; removing it takes everything with it; members without Manage Server are refused; a
hostile file is refused and leaves nothing behind."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.app import StudyBot
from bot.config import LibrarySettings, Settings
from bot.content.engine import StudyEngine
from bot.sandbox.members import Reply, SandboxError, SandboxMember
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox, point_discord_at
from tests.world import MANAGE_GUILD, start_bot, stop_bot, world_in

# A real PDF of the evaluation set (its origin and licence: tests/evaluation/README.md).
PDF = Path(__file__).resolve().parents[1] / "evaluation" / "documents" / "AER.pdf"
# Words the PDF has and the seeds do not.
ONLY_IN_PDF = "econometrics regression"


class TwoServers:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.ours = sandbox.add_guild("Study Group", ["study"])
        self.theirs = sandbox.add_guild("Other Group", ["study"])
        self.moderator = self._member(self.ours, "mod", MEMBER_PERMISSIONS | MANAGE_GUILD)
        self.member = self._member(self.ours, "sam", MEMBER_PERMISSIONS)
        self.stranger = self._member(self.theirs, "kim", MEMBER_PERMISSIONS)
        # a role of its own (MANAGE_NICKNAMES is beside the point): the one the server makes its librarians'
        self.librarian = self._member(self.ours, "lib", MEMBER_PERMISSIONS | 1 << 27)
        self.bot: StudyBot | None = None

    def _member(self, guild: SandboxGuild, name: str, permissions: int) -> SandboxMember:
        return SandboxMember(self.sandbox, guild, self.sandbox.add_user(guild, name, permissions=permissions))

    async def start(self, engine: StudyEngine, data: Path) -> None:
        self.bot = await start_bot(engine, Settings(data_dir=data), self.sandbox, self.ours, self.theirs)

    async def stop(self) -> None:
        assert self.bot is not None
        await stop_bot(self.bot)


@pytest.fixture
async def servers(engine: StudyEngine, tmp_path: Path) -> AsyncIterator[TwoServers]:
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    made = TwoServers(sandbox)
    await made.start(engine, tmp_path)
    try:
        yield made
    finally:
        await made.stop()
        await sandbox.stop()
    assert sandbox.refusals == [], sandbox.refusals


def _text(reply_payload: dict) -> str:
    parts = [reply_payload.get("content") or ""]
    for embed in reply_payload.get("embeds", []):
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
        parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


async def _settled(reply: Reply) -> Reply:
    """Once the message shows a result rather than progress (or the command was refused)."""
    await reply.wait(timeout=10)
    # generous: library work runs at a lower priority, and a suite run on busy cores gives it little
    return await reply.wait_for(lambda r: bool(r.followups) or bool(r.message.get("embeds")), timeout=300)


async def _found(member: SandboxMember, query: str) -> str:
    reply = await (await member.run("study", "/search", query=query)).wait(timeout=20)
    return _text(reply.message)


async def test_a_moderators_pdf_answers_in_their_server_only_and_leaves_with_everything(
    servers: TwoServers, tmp_path: Path
) -> None:
    added = await _settled(await servers.moderator.run("study", "/source add", file=PDF))
    shown = _text(added.message)
    assert "Source added" in shown and "PDF, 6 pages" in shown, shown
    key = next(p.stem for p in (tmp_path / "library" / str(servers.ours.id) / "files").glob("*.pdf"))
    assert servers.bot is not None
    title = servers.bot.libraries.show(servers.ours.id, key).document.title
    assert title in shown

    here = await _found(servers.member, ONLY_IN_PDF)
    assert title in here and "p. " in here, here
    elsewhere = await _found(servers.stranger, ONLY_IN_PDF)
    assert title not in elsewhere

    listed = await (await servers.member.run("study", "/source list")).wait()
    assert key in _text(listed.message)
    stats = await (await servers.member.run("study", "/stats")).wait()
    assert title in _text(stats.message)  # the default view ranks across documents: the new one is on it

    await servers.stop()  # a restart keeps it
    await servers.start(servers.bot.engine, tmp_path)
    assert title in await _found(servers.member, ONLY_IN_PDF)

    removed = await (await servers.moderator.run("study", "/source remove", source=key)).wait(timeout=30)
    assert "Source removed" in _text(removed.followups[-1] if removed.followups else removed.message)
    assert title not in await _found(servers.member, ONLY_IN_PDF)
    assert not list((tmp_path / "library" / str(servers.ours.id) / "files").iterdir())
    stats = await (await servers.member.run("study", "/stats")).wait()
    assert title not in _text(stats.message)


async def test_a_member_without_manage_server_cannot_add(servers: TwoServers, tmp_path: Path) -> None:
    reply = await (await servers.member.run("study", "/source add", file=PDF)).wait()
    assert reply.ephemeral and "Manage Server" in reply.content
    assert not (tmp_path / "library").exists()
    chosen = await (await servers.member.run("study", "/source librarian", role="lib-role")).wait()
    assert chosen.ephemeral and "Only members with Manage Server" in chosen.content


async def test_the_librarian_role_may_add_once_chosen(servers: TwoServers) -> None:
    before = await (await servers.librarian.run("study", "/source add", file=PDF)).wait()
    assert before.ephemeral and "Manage Server" in before.content
    chosen = await (await servers.moderator.run("study", "/source librarian", role="lib-role")).wait()
    assert "or the" in _text(chosen.message)
    added = await _settled(await servers.librarian.run("study", "/source add", file=PDF))
    assert "Source added" in _text(added.message)


async def test_a_hostile_file_is_refused_and_leaves_nothing(servers: TwoServers, tmp_path: Path) -> None:
    fake = ("report.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 1000)
    reply = await _settled(await servers.moderator.run("study", "/source add", file=fake))
    answer = _text(reply.followups[-1]) if reply.followups else reply.content
    assert reply.ephemeral and "report" in answer and "Source added" not in answer, answer
    files = tmp_path / "library" / str(servers.ours.id) / "files"
    assert not files.exists() or not list(files.iterdir())
    assert servers.bot is not None and servers.bot.engine_for(servers.ours.id).index.report.documents == 2


async def test_the_client_will_not_attach_a_file_over_the_upload_limit(servers: TwoServers) -> None:
    with pytest.raises(SandboxError, match="too powerful"):
        await servers.moderator.run("study", "/source add", file=("big.pdf", b"0" * (10 * 2**20 + 1)))


async def test_a_moderator_adds_a_page_by_its_link(engine: StudyEngine, tmp_path: Path) -> None:
    page = Path(__file__).resolve().parents[1] / "evaluation" / "documents" / "udhr-english.html"

    async def serve(_: web.Request) -> web.Response:
        return web.Response(body=page.read_bytes(), content_type="text/html")

    site = web.Application()
    site.router.add_get("/udhr", serve)
    runner = web.AppRunner(site)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/udhr"
    trusting = LibrarySettings(url_networks=[ipaddress.ip_network("127.0.0.0/8")])
    try:
        async with world_in(engine, tmp_path, library=trusting) as world:
            moderator = world.sandbox.add_user(world.guild, "mod", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
            member = SandboxMember(world.sandbox, world.guild, moderator)
            neither = await (await member.run("study", "/source add")).wait()
            assert neither.ephemeral and "file or as a url" in neither.content
            added = await _settled(await member.run("study", "/source add", url=url))
            shown = _text(added.message)
            assert "Source added" in shown and "Web page" in shown and url in shown, shown
            found = await _found(world.alice, "everyone has the right to education")
            assert url in found
    finally:
        await runner.cleanup()


async def test_a_link_to_an_inward_address_is_refused_whatever_its_length(servers: TwoServers) -> None:
    link = "http://169.254.169.254/latest/meta-data/" + "a" * 1950
    reply = await _settled(await servers.moderator.run("study", "/source add", url=link))
    refusal = _text(reply.followups[-1]) if reply.followups else reply.content
    assert reply.ephemeral and "private, loopback or link-local" in refusal, refusal
