"""The daily question end to end: answered privately with buttons, revealed with its quote at the set time,
missed ones into review, no repeats, and its buttons and reveal across a restart."""

from __future__ import annotations

import copy
import sqlite3

from bot.sandbox.members import SandboxMember
from tests.cogs.test_daily import at, daily, posts
from tests.cogs.test_quiz import right_letter
from tests.world import World, quick_settings, start_bot, stop_bot


async def set_daily(world: World, admin: SandboxMember, post: str, **more: object) -> str:
    channel = str(world.guild.channel_id("general"))
    values = {"channel": channel, "time": "09:00", "timezone": "UTC", "post": post, **more}
    reply = await (await admin.run("study", "daily set", **values)).wait()
    assert reply.ephemeral, reply.content
    return reply.content


def questions(world: World) -> list[dict]:
    return [p for p in posts(world) if p["embeds"][0]["footer"]["text"].startswith("Daily question")]


async def test_a_daily_question_is_answered_privately_and_revealed_with_its_quote_at_the_set_time(
    world: World, admin, documents
):
    cog = daily(world)
    said = await set_daily(world, admin, "question", reveal_after=2)
    assert "Daily question set" in said and "revealed 2 h after" in said
    await cog.run_due(at("2026-11-23T09:00:30"))
    await cog.run_due(at("2026-11-23T09:01:00"))
    [asked] = posts(world)
    embed = asked["embeds"][0]
    assert embed["title"] == "Question of the day" and embed["footer"]["text"] == "Daily question · 2026-11-23"
    right = right_letter(embed, documents)
    wrong = next(letter for letter in world.alice.button_labels(asked) if letter != right)

    mine = await (await world.alice.click(asked, right)).wait()
    theirs = await (await world.bob.click(asked, wrong)).wait()
    for reply, letter in ((mine, right), (theirs, wrong)):
        # Nobody learns before the reveal whether they were right, so nobody can tell the others.
        assert reply.ephemeral and reply.content.startswith(f"Your answer, {letter})")
        assert not any(verdict in reply.content for verdict in ("Right!", "Not this time"))
    again = await (await world.bob.click(asked, right)).wait()
    assert again.ephemeral and again.content.startswith(f"Your first answer, {wrong})")

    await cog.run_due(at("2026-11-23T10:59:00"))
    assert world.sandbox.messages[int(asked["id"])].payload["components"]  # not yet
    await cog.run_due(at("2026-11-23T11:00:10"))
    shown = world.sandbox.messages[int(asked["id"])].payload
    revealed = shown["embeds"][0]
    assert revealed["title"].startswith(f"Question of the day: {right})") and not shown.get("components")
    fields = {field["name"]: field["value"] for field in revealed["fields"]}
    assert fields["Right: 1 of 2 who answered"].startswith(f"<@{world.alice.id}>")
    quote = fields["Quote"].split("“", 1)[1].split("”", 1)[0].replace("\\", "")
    assert quote in " ".join(documents.values())
    assert revealed["footer"]["text"] == "Daily question · 2026-11-23"

    late = await (await world.alice.click(asked, wrong)).wait()  # a copy of the message from before the reveal
    assert late.ephemeral and late.content.startswith(f"The answer is out: {right})")
    review = await (await world.bob.run("study", "quiz review")).wait()
    assert review.ephemeral and review.embeds[0]["title"].startswith("Review: a question you missed (box 1")
    nothing = await (await world.alice.run("study", "quiz review")).wait()
    assert "no missed questions" in nothing.content


async def test_both_post_a_fact_and_a_question_each_day_and_no_question_repeats(world: World, admin):
    cog = daily(world)
    said = await set_daily(world, admin, "both")
    assert "Daily fact and question set" in said and "revealed 8 h after" in said
    for day in range(1, 6):
        await cog.run_due(at(f"2026-12-0{day}T09:00:00"))
    footers = [p["embeds"][0]["footer"]["text"] for p in posts(world)]
    assert footers.count("Daily fact · 2026-12-05") == 1 and footers.count("Daily question · 2026-12-05") == 1
    prompts = [q["embeds"][0]["description"] for q in questions(world)]
    assert len(prompts) == 5 and len(set(prompts)) == 5
    status = await (await admin.run("study", "daily status")).wait()
    assert "Posts the daily fact and question" in status.content
    assert "Last: 2026-12-05 (fact posted, question posted)" in status.content
    preview = await (await admin.run("study", "daily preview")).wait()
    titles = [embed["title"] for embed in preview.embeds]  # one message: the fact and the question
    assert titles[0].startswith("Next daily fact") and titles[1].startswith("Next daily question: ")


async def test_a_forged_day_or_choice_answers_nothing_and_quizzes_count_the_question_as_asked(world: World, admin):
    cog = daily(world)
    await set_daily(world, admin, "question")
    await cog.run_due(at("2026-11-23T09:00:00"))
    [asked] = questions(world)
    for custom_id in ("daily:2026-11-22:0", "daily:2026-11-23:7"):
        forged = await (await world.alice.forge_click(asked, custom_id)).wait()
        assert forged.ephemeral and forged.content == "This daily question is no longer kept."
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM daily_answers").fetchone() == (0,)
        # The server's quizzes count the daily question as asked, and do not ask it again soon.
        [(key,)] = db.execute("SELECT item_key FROM daily_posts WHERE kind = 'question'").fetchall()
        assert db.execute("SELECT topic FROM quiz_asked WHERE question_key = ?", (key,)).fetchall() == [("",)]


async def test_the_buttons_and_the_reveal_work_after_a_restart(world: World, admin, engine, tmp_path, documents):
    # Days ahead of the real clock: the restarted bot's own check, which runs on the real clock as soon as it
    # is ready, must not reveal the answer before the test's click.
    cog = daily(world)
    await set_daily(world, admin, "question", reveal_after=1)
    await cog.run_due(at("2099-11-23T09:00:00"))
    [asked] = questions(world)
    before = copy.deepcopy(asked)
    right = right_letter(asked["embeds"][0], documents)

    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    answered = await (await world.bob.click(before, right)).wait()
    assert answered.content.startswith(f"Your answer, {right})")
    await daily(world).run_due(at("2099-11-23T10:30:00"))  # the bot was down at 10:00: revealed when back
    revealed = world.sandbox.messages[int(asked["id"])].payload["embeds"][0]
    assert revealed["title"].startswith(f"Question of the day: {right})")
    assert any(f["name"] == "Right: 1 of 1 who answered" for f in revealed["fields"])
    await daily(world).run_due(at("2099-11-23T10:31:00"))
    assert len(posts(world)) == 1
