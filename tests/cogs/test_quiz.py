"""Quiz sessions end to end: three members answering at once, standings, leaderboard, stop, restart."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import sqlite3

import pytest

from bot.sandbox.members import SandboxMember
from tests.world import World, eventually, quick_settings, start_bot, stop_bot

OPTION = re.compile(r"\*\*([A-D])\*\*\) (.+)")
UNESCAPE = re.compile(r"\\([*_`~|>\\])")


def right_letter(embed: dict, documents: dict[str, str]) -> str:
    """Work out the right answer from the sources themselves, not from the bot."""
    text = UNESCAPE.sub(r"\1", embed["description"])
    if text.startswith("*The source, just before:*"):
        text = text.split("”\n\n", 1)[1]
    options = {letter: UNESCAPE.sub(r"\1", option) for letter, option in OPTION.findall(embed["description"])}
    corpus = " ".join(documents.values())
    if text.startswith("True or false? "):
        statement = text.removeprefix("True or false? ").split("\n", 1)[0]
        fits = [letter for letter, option in options.items() if (option == "True") == (statement in corpus)]
        assert len(fits) == 1, (statement, options)
        return fits[0]
    if text.startswith("Which fact does the figure"):
        figure = text.split("“", 1)[1].split("”", 1)[0]
        fits = [letter for letter, option in options.items() if option.replace("____", figure) in corpus]
        assert len(fits) == 1, (figure, options)
        return fits[0]
    prompt = text.split("“", 1)[1].split("”\n", 1)[0]
    if "____" in prompt:
        fits = [letter for letter, option in options.items() if prompt.replace("____", option) in corpus]
    else:
        claim = prompt.removesuffix(" …")
        fits = [letter for letter, o in options.items() if f"{claim} ({o})" in corpus or f"{claim} ({o}, " in corpus]
    assert len(fits) == 1, (prompt, options)
    return fits[0]


def answers_in_db(world: World) -> list[tuple]:
    path = world.bot.settings.data_dir / "studybot.sqlite3"
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT question, member_id, choice, correct, points FROM quiz_answers ORDER BY question"
        ).fetchall()


async def question_message(world: World, number: int) -> dict:
    """The channel message asking question `number` (1-based), once it is posted."""
    channel = world.guild.channel_id("study")

    def find() -> dict | None:
        for record in world.sandbox.channel_messages(channel):
            embeds = record.payload["embeds"]
            if embeds and embeds[0]["title"].startswith(f"Question {number} of"):
                return record.payload
        return None

    return await world.sandbox.wait_until(find, 10)


async def standings_message(world: World, title: str) -> dict:
    channel = world.guild.channel_id("study")

    def find() -> dict | None:
        for record in world.sandbox.channel_messages(channel):
            embeds = record.payload["embeds"]
            if embeds and embeds[0]["title"].startswith(title):
                return embeds[0]
        return None

    return await world.sandbox.wait_until(find, 15)


async def click(member: SandboxMember, message: dict, letter: str) -> str:
    reply = await (await member.click(message, letter)).wait()
    return reply.content


async def test_three_members_play_a_whole_quiz_at_once(world: World, documents):
    carol = SandboxMember(world.sandbox, world.guild, world.sandbox.add_user(world.guild, "carol"))
    start = await (await world.alice.run("study", "quiz start", questions=2, seconds=5)).wait()
    assert not start.ephemeral
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    wrong = next(letter for letter in "ABCD" if letter != right)
    assert "Time is up <t:" in first["embeds"][0]["description"]

    answers = await asyncio.gather(
        click(world.alice, first, right), click(world.bob, first, wrong), click(world.alice, first, wrong)
    )
    assert answers[1].startswith("Not this time")
    assert sorted([answers[0], answers[2]]) == sorted(["Right! +" + answers[0].split("+")[1], answers[2]])
    assert any(a.startswith("Right!") for a in (answers[0], answers[2]))
    assert any("first answer counts" in a for a in (answers[0], answers[2]))

    second = await question_message(world, 2)  # everyone who joined answered: no wait for the clock
    revealed = world.sandbox.messages[int(first["id"])].payload
    assert revealed["embeds"][0]["title"].endswith(
        next(o for o in revealed["embeds"][0]["description"].splitlines() if o.startswith(f"**{right}**)")).split(
            ") ", 1
        )[1]
    )
    assert all(b["disabled"] for row in revealed["components"] for b in row["components"])
    late = await click(carol, first, right)
    assert late.startswith("Time is up") or "closed" in late

    right2 = right_letter(second["embeds"][0], documents)
    assert (await click(world.bob, second, right2)).startswith("Right!")
    assert (await click(world.alice, second, right2)).startswith("Right!")

    final = await standings_message(world, "Final standings")
    lines = final["description"].splitlines()
    assert lines[0].startswith(f"1. <@{world.alice.id}>") and "(2/2 right)" in lines[0]
    assert lines[1].startswith(f"2. <@{world.bob.id}>") and "(1/2 right)" in lines[1]
    rows = answers_in_db(world)
    assert [(q, m, c) for q, m, _, c, _ in rows if m == world.alice.id] == [
        (0, world.alice.id, 1),
        (1, world.alice.id, 1),
    ]
    assert len(rows) == 4 and carol.id not in {m for _, m, *_ in rows}
    alice_points = sum(p for _, m, _, _, p in rows if m == world.alice.id)
    assert f"{alice_points} points" in lines[0]

    board = await (await world.bob.run("study", "quiz leaderboard", period="all time")).wait()
    assert board.embeds[0]["fields"][0]["value"].startswith(f"<@{world.alice.id}>: {alice_points} points")
    stats = await (await world.bob.run("study", "quiz stats")).wait()
    values = {f["name"]: f["value"] for f in stats.embeds[0]["fields"]}
    assert values["Answered"] == "2" and values["Accuracy"] == "50%" and values["Current streak"] == "1"


async def test_a_solo_game_does_not_count_on_the_leaderboard(world: World, documents):
    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    first = await question_message(world, 1)
    assert (await click(world.alice, first, right_letter(first["embeds"][0], documents))).startswith("Right!")
    await standings_message(world, "Final standings")
    board = await (await world.alice.run("study", "quiz leaderboard", period="all time")).wait()
    assert board.ephemeral and "two or more players" in board.content


async def test_one_session_per_channel_a_cooldown_and_who_may_stop(world: World):
    await (await world.alice.run("study", "quiz start", questions=3, seconds=60)).wait()
    busy = await (await world.bob.run("study", "quiz start")).wait()
    assert busy.ephemeral and "already running" in busy.content and "discord.com/channels/" in busy.content
    refused = await (await world.bob.run("study", "quiz stop")).wait()
    assert refused.ephemeral and "Only the member who started" in refused.content
    other_channel = await (await world.bob.run("general", "quiz start", questions=1, seconds=60)).wait()
    assert not other_channel.ephemeral  # sessions in different channels run side by side
    stopped = await (await world.alice.run("study", "quiz stop")).wait()
    assert stopped.ephemeral and "Stopping" in stopped.content
    await standings_message(world, "Quiz stopped")
    again = await (await world.alice.run("study", "quiz start")).wait()
    assert again.ephemeral and "You can start another in" in again.content


async def test_a_restart_mid_quiz_ends_it_cleanly_and_keeps_the_scores(world: World, engine, documents, tmp_path):
    await (await world.alice.run("study", "quiz start", questions=3, seconds=60)).wait()
    first = await question_message(world, 1)
    assert (await click(world.alice, first, right_letter(first["embeds"][0], documents))).startswith("Right!")
    before = answers_in_db(world)

    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)

    ended = await standings_message(world, "This quiz was interrupted by a restart")
    assert ended["description"].startswith(f"1. <@{world.alice.id}>")
    assert answers_in_db(world) == before
    stale = await (await world.bob.click(first, "B")).wait()
    assert stale.ephemeral and "has ended" in stale.content
    fresh = await (await world.bob.run("study", "quiz start", questions=1, seconds=5)).wait()
    assert not fresh.ephemeral


@pytest.mark.parametrize("member", ["alice", "bob"])
async def test_quiz_stats_for_a_member_who_never_played(world: World, member):
    reply = await (await getattr(world, member).run("study", "quiz stats")).wait()
    values = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}
    assert values["Answered"] == "0" and values["Accuracy"] == "—"


async def test_five_members_starting_at_once_get_one_session_that_its_starter_can_stop(world: World):
    players = [world.alice, world.bob] + [
        SandboxMember(world.sandbox, world.guild, world.sandbox.add_user(world.guild, f"player{i}")) for i in range(3)
    ]
    replies = await asyncio.gather(*(p.run("study", "quiz start", questions=3, seconds=30) for p in players))
    await asyncio.gather(*(r.wait() for r in replies))
    started = [(p, r) for p, r in zip(players, replies, strict=True) if not r.ephemeral]
    assert len(started) == 1, [r.content for r in replies]
    refused = [r.content for r in replies if r.ephemeral]
    assert all("already running" in text or "starting in this channel" in text for text in refused), refused
    with sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM quiz_sessions").fetchone()[0] == 1
    starter, _ = started[0]
    stopped = await (await starter.run("study", "quiz stop")).wait()
    assert "Stopping" in stopped.content
    await standings_message(world, "Quiz stopped")
    assert world.bot.quiz_sessions.running() == []


async def test_a_quiz_is_refused_where_the_bot_cannot_post_the_next_questions(world: World):
    from bot.sandbox.permissions import EMBED_LINKS, SEND_MESSAGES

    await world.sandbox.deny_bot(world.guild, world.guild.channel_id("study"), SEND_MESSAGES | EMBED_LINKS)
    reply = await (await world.alice.run("study", "quiz start")).wait()
    assert reply.ephemeral and "I need Send Messages and Embed Links in this channel" in reply.content
    assert world.bot.quiz_sessions.running() == []
    elsewhere = await (await world.alice.run("general", "quiz start", questions=1, seconds=5)).wait()
    assert not elsewhere.ephemeral and elsewhere.embeds[0]["title"] == "Question 1 of 1"


@pytest.mark.parametrize("custom_id", ["quiz:{session}:0:7", "quiz:{session}:0:4", "quiz:{session}:99:0"])
async def test_a_forged_answer_button_is_answered_plainly(world: World, caplog, custom_id):
    reply = await (await world.alice.run("study", "quiz start", questions=1, seconds=30)).wait()
    session = world.bot.quiz_sessions.running()[0]
    forged = await (await world.bob.forge_click(reply.message, custom_id.format(session=session.id))).wait()
    assert forged.ephemeral and "not one of this quiz's answers" in forged.content
    assert "Traceback" not in caplog.text and "IndexError" not in caplog.text
    assert answers_in_db(world) == []


def asked_in_db(world: World) -> list[str]:
    path = world.bot.settings.data_dir / "studybot.sqlite3"
    db = sqlite3.connect(path)
    try:
        return [row[0] for row in db.execute("SELECT question_key FROM quiz_asked ORDER BY asked_at")]
    finally:
        db.close()


async def test_a_server_is_not_asked_a_question_again_while_others_remain(world: World):
    await (await world.alice.run("study", "quiz start", questions=3, seconds=30)).wait()
    first = await question_message(world, 1)
    await eventually(lambda: asked_in_db(world) or None)
    await (await world.alice.run("study", "quiz stop")).wait()
    await standings_message(world, "Quiz stopped")
    asked = asked_in_db(world)
    assert len(asked) == 1  # a question counts as asked once it is shown, not when the quiz is made

    await (await world.bob.run("study", "quiz start", questions=3, seconds=30)).wait()
    second = await world.sandbox.wait_until(
        lambda: next(
            (
                r.payload
                for r in world.sandbox.channel_messages(world.guild.channel_id("study"))
                if r.payload["embeds"]
                and r.payload["embeds"][0]["title"].startswith("Question 1 of")
                and r.payload["id"] != first["id"]
            ),
            None,
        ),
        10,
    )
    await eventually(lambda: len(asked_in_db(world)) == 2 or None)
    assert asked_in_db(world)[0] == asked[0] and asked_in_db(world)[1] != asked[0]
    assert second["embeds"][0]["description"] != first["embeds"][0]["description"]
    await (await world.bob.run("study", "quiz stop")).wait()


async def test_a_reported_question_is_reviewed_by_a_moderator_and_dropped_for_good(world: World, admin):
    await (await world.alice.run("study", "quiz start", questions=3, seconds=30)).wait()
    await question_message(world, 1)
    await eventually(lambda: asked_in_db(world) or None)
    await (await world.alice.run("study", "quiz stop")).wait()
    key = asked_in_db(world)[0]

    missing = await (await world.bob.run("study", "quiz report", question=2, reason="the answer is wrong")).wait()
    assert missing.ephemeral and "showed no question 2" in missing.content
    filed = await (await world.bob.run("study", "quiz report", question=1, reason="two options fit")).wait()
    assert filed.ephemeral and "report #1" in filed.content
    again = await (await world.bob.run("study", "quiz report", question=1, reason="still wrong")).wait()
    assert again.ephemeral and "already reported" in again.content

    refused = await (await world.bob.run("study", "quiz-admin reports")).wait()
    assert refused.ephemeral and "manage this server" in refused.content
    listed = await (await admin.run("study", "quiz-admin reports")).wait()
    field = listed.embeds[0]["fields"][0]
    assert field["name"] == f"#1 · {key}" and "two options fit" in field["value"]

    dropped = await (await admin.run("study", "quiz-admin drop", report=1)).wait()
    assert dropped.ephemeral and "will not ask it again" in dropped.content
    gone = await (await admin.run("study", "quiz-admin drop", report=1)).wait()
    assert gone.ephemeral and "No open report #1" in gone.content
    path = world.bot.settings.data_dir / "studybot.sqlite3"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT question_key FROM quiz_dropped").fetchall() == [(key,)]


async def test_a_missed_question_comes_back_in_review_only_to_its_member_and_moves_up_a_box(world: World, documents):
    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    wrong = next(letter for letter in "ABCD" if letter != right)
    assert (await click(world.alice, first, wrong)).startswith("Not this time")
    await standings_message(world, "Final standings")

    nothing = await (await world.bob.run("study", "quiz review")).wait()
    assert nothing.ephemeral and "no missed questions" in nothing.content
    review = await (await world.alice.run("study", "quiz review")).wait()
    assert review.ephemeral and review.embeds[0]["title"].startswith("Review: a question you missed (box 1")
    message = review.message
    assert right_letter(review.embeds[0], documents) == right

    stranger = await (await world.bob.click(message, right)).wait()
    assert stranger.ephemeral and "someone else's" in stranger.content
    own = review.buttons[0]["custom_id"].rsplit(":", 1)[0]
    forged = await (await world.alice.forge_click(message, f"{own}:7")).wait()  # a choice past the letters
    assert forged.ephemeral and "left your review" in forged.content
    answered = await (await world.alice.click(message, right)).wait()
    result = world.sandbox.messages[int(message["id"])].payload["embeds"][0]
    assert answered is not None and result["title"].startswith("Right")
    assert result["footer"]["text"].startswith("Up to box 2: it comes back in 1 day.")
    again = await (await world.alice.click(message, right)).wait()
    assert again.ephemeral and "answered this one already" in again.content
    later = await (await world.alice.run("study", "quiz review")).wait()
    assert later.ephemeral and "Nothing is due yet: 1 question wait" in later.content


async def test_a_member_may_type_an_answer_and_it_is_matched_forgivingly(world: World, documents):
    carol = SandboxMember(world.sandbox, world.guild, world.sandbox.add_user(world.guild, "carol"))
    # Five questions: the quiz's seed is random, and three in a row were all true/false or source questions
    # (which offer no typing) for 9 of 400 seeds; five never were, over 2,000 seeds.
    await (await world.alice.run("study", "quiz start", questions=5, seconds=5)).wait()
    for number in range(1, 6):
        message = await question_message(world, number)
        if "Type it" in world.alice.button_labels(message):
            break
        await click(world.alice, message, right_letter(message["embeds"][0], documents))
    else:
        raise AssertionError("none of five questions in a row could be typed")
    options = dict(OPTION.findall(message["embeds"][0]["description"]))
    right = UNESCAPE.sub(r"\1", options[right_letter(message["embeds"][0], documents)])

    form = await (await world.bob.click(message, "Type it")).acknowledgement()
    assert form.record.modal is not None and form.record.modal["title"] == "Type your answer"
    typed = await (await world.bob.submit(form, {"Your answer": f"  {right.upper()} "})).wait()
    assert typed.ephemeral and typed.content.startswith("Right!")
    other = await (await carol.click(message, "Type it")).acknowledgement()
    wrong = await (await carol.submit(other, {"Your answer": "no idea"})).wait()
    assert wrong.ephemeral and wrong.content.startswith("Not this time")
    again = await (await world.bob.click(message, "Type it")).acknowledgement()
    twice = await (await world.bob.submit(again, {"Your answer": right})).wait()
    assert "first answer counts" in twice.content


async def test_a_new_season_starts_the_board_afresh_and_keeps_the_last_one(world: World, admin, documents):
    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    await click(world.alice, first, right)
    await click(world.bob, first, right)
    await standings_message(world, "Final standings")
    board = await (await world.bob.run("study", "quiz leaderboard")).wait()
    assert board.embeds[0]["title"] == "Quiz leaderboard: season 1"

    refused = await (await world.bob.run("study", "quiz-admin new-season")).wait()
    assert refused.ephemeral and "manage this server" in refused.content
    began = await (await admin.run("study", "quiz-admin new-season")).wait()
    assert began.ephemeral and "Season 2 has begun" in began.content
    empty = await (await world.bob.run("study", "quiz leaderboard")).wait()
    assert empty.ephemeral and "No quiz with two or more players in season 2" in empty.content
    kept = await (await world.bob.run("study", "quiz leaderboard", season=1)).wait()
    assert kept.embeds[0]["title"] == "Quiz leaderboard: season 1" and kept.embeds[0]["fields"]
    missing = await (await world.bob.run("study", "quiz leaderboard", season=9)).wait()
    assert missing.ephemeral and "There is no season 9 yet" in missing.content
    listed = await (await world.bob.run("study", "quiz seasons")).wait()
    names = [f["name"] for f in listed.embeds[0]["fields"]]
    assert names == ["Season 2 (running)", "Season 1"]
    assert "Best: <@" in listed.embeds[0]["fields"][1]["value"]


async def test_moderators_export_the_scores_as_a_csv_that_matches_the_answers(world: World, admin, documents):
    nothing = await (await admin.run("study", "quiz export")).wait()
    assert nothing.ephemeral and "No scores to export yet" in nothing.content
    await (await world.alice.run("study", "quiz start", questions=1, seconds=5)).wait()
    first = await question_message(world, 1)
    right = right_letter(first["embeds"][0], documents)
    await click(world.alice, first, right)
    await click(world.bob, first, next(letter for letter in world.bob.button_labels(first) if letter != right))
    await standings_message(world, "Final standings")

    refused = await (await world.bob.run("study", "quiz export")).wait()
    assert refused.ephemeral and "manage this server" in refused.content and not refused.files
    missing = await (await admin.run("study", "quiz export", season=9)).wait()
    assert "There is no season 9 yet" in missing.content
    exported = await (await admin.run("study", "quiz export")).wait()
    assert exported.ephemeral and exported.content.startswith("Quiz scores, 1 season: 2 rows")
    [(name, data)] = exported.files.items()
    assert name.startswith(f"quiz-scores-{world.guild.id}-") and name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    scored = {}
    for _, member, _, correct, points in answers_in_db(world):
        scored[str(member)] = (str(points), str(correct), "1")
    assert {r["member_id"]: (r["points"], r["right"], r["answered"]) for r in rows} == scored
    assert [r["rank"] for r in rows] == ["1", "2"] and rows[0]["member_id"] == str(world.alice.id)
    assert {r["season"] for r in rows} == {"1"} and rows[0]["season_end_utc"] == ""


def _in_channel(world: World, channel_id: int, title: str) -> dict | None:
    for record in world.sandbox.channel_messages(channel_id):
        if record.payload["embeds"] and record.payload["embeds"][0]["title"].startswith(title):
            return record.payload
    return None


async def test_a_quiz_in_a_thread_of_its_own_leaves_the_channel_one_line(world: World, documents):
    study = world.guild.channel_id("study")
    opening = await (await world.alice.run("study", "quiz start", questions=2, seconds=5, thread=True)).wait()
    assert not opening.ephemeral and "answer in its thread" in opening.content
    thread_id = int(opening.message["id"])  # a thread started from a message takes its id
    thread = await world.sandbox.wait_until(lambda: world.guild.channels.get(thread_id), 10)
    assert thread["type"] == 11 and thread["parent_id"] == str(study) and thread["name"] == "Quiz"
    for number in (1, 2):
        asked = await world.sandbox.wait_until(lambda n=number: _in_channel(world, thread_id, f"Question {n} of"), 10)
        right = right_letter(asked["embeds"][0], documents)
        assert (await click(world.alice, asked, right)).startswith("Right!")
    final = await world.sandbox.wait_until(lambda: _in_channel(world, thread_id, "Final standings"), 15)
    assert final["embeds"][0]["description"].startswith(f"1. <@{world.alice.id}>")
    public = [m.payload for m in world.sandbox.channel_messages(study) if not m.ephemeral]
    assert [m["id"] for m in public] == [opening.message["id"]]  # the channel holds the opening line alone

    # In the thread, the quiz's questions are the ones a member reports.
    report = await (await world.bob.run("Quiz", "quiz report", question=1, reason="Too easy")).wait()
    assert report.ephemeral and report.content.startswith("Thank you: report #1")


async def test_a_quiz_thread_needs_the_thread_permissions_and_a_text_channel(world: World):
    from bot.sandbox.permissions import CREATE_PUBLIC_THREADS

    await world.sandbox.deny_bot(world.guild, world.guild.channel_id("study"), CREATE_PUBLIC_THREADS)
    refused = await (await world.alice.run("study", "quiz start", thread=True)).wait()
    assert refused.ephemeral and "I need Create Public Threads in this channel" in refused.content
    assert world.bot.quiz_sessions.running() == []


async def test_a_restart_ends_a_quiz_in_its_thread(world: World, engine, documents, tmp_path):
    opening = await (await world.alice.run("study", "quiz start", questions=3, seconds=60, thread=True)).wait()
    thread_id = int(opening.message["id"])
    first = await world.sandbox.wait_until(lambda: _in_channel(world, thread_id, "Question 1 of"), 10)
    assert (await click(world.alice, first, right_letter(first["embeds"][0], documents))).startswith("Right!")

    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    ended = await world.sandbox.wait_until(lambda: _in_channel(world, thread_id, "This quiz was interrupted"), 10)
    assert ended["embeds"][0]["description"].startswith(f"1. <@{world.alice.id}>")
