"""Every reading command through the real client: what a member sees, within Discord's limits, verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.world import World

QUOTE = re.compile(r"“(.+?)”(?:\n|$)", re.S)
UNESCAPE = re.compile(r"\\([*_`~|>\\])")


def within_limits(embed: dict) -> None:
    assert len(embed.get("title", "")) <= 256
    assert len(embed.get("description", "")) <= 4096
    assert len(embed.get("fields", [])) <= 25
    for field in embed.get("fields", []):
        assert 0 < len(field["name"]) <= 256 and 0 < len(field["value"]) <= 1024
    assert len(embed.get("footer", {}).get("text", "")) <= 2048
    total = (
        len(embed.get("title", "")) + len(embed.get("description", "")) + len(embed.get("footer", {}).get("text", ""))
    )
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    assert total <= 6000


def quotes_in(embed: dict) -> list[str]:
    text = "\n".join([embed.get("description", ""), *(f["value"] for f in embed.get("fields", []))])
    return [UNESCAPE.sub(r"\1", q).replace("\u200b", "") for q in QUOTE.findall(text)]


def assert_verbatim(embed: dict, documents: dict[str, str]) -> None:
    corpus = " ".join(documents.values())
    for quote in quotes_in(embed):
        assert quote.split("… (see /search)")[0] in corpus, quote  # a long quote is cut, never changed


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("topics", {}),
        ("summary", {"topic": "food"}),
        ("stats", {}),
        ("stats", {"topic": "sanctions"}),
        ("cite", {"claim": "sanctions hurt ordinary people"}),
        ("fact", {}),
        ("sources", {}),
        ("search", {"query": "sanctions"}),
        ("about", {}),
        ("help", {}),
    ],
)
async def test_every_answer_fits_discords_limits_and_quotes_verbatim(world: World, documents, command, options):
    reply = await (await world.alice.run("study", command, **options)).wait()
    assert reply.embeds, reply.content
    for embed in reply.embeds:
        within_limits(embed)
        assert_verbatim(embed, documents)
    assert reply.allowed_mentions == {"parse": []}


async def test_topics_are_paged_and_list_curated_topics_first(world: World):
    reply = await (await world.alice.run("study", "topics")).wait()
    fields = reply.embeds[0]["fields"]
    assert fields[0]["name"] == "Detention and prison camps (detention)"
    assert reply.embeds[0]["footer"]["text"].startswith("Page 1 of 2")


async def test_summary_numbers_its_citations_and_lists_the_references(world: World):
    reply = await (await world.alice.run("study", "summary", topic="food")).wait()
    embed = reply.embeds[0]
    assert embed["title"] == "Summary: Food and hunger"
    assert "(Amnesty International, 2020). [1]" in embed["description"]
    references = next(f for f in embed["fields"] if f["name"] == "References")["value"]
    assert references.startswith("[1] Amnesty International. (2020).")
    # each document's paragraph opens on its name: the reader sees where each sentence comes from
    paragraphs = embed["description"].split("\n\n")
    assert len(paragraphs) == 2
    names = ("**004\\_d3383659730909d5**: ", "**000\\_fae6be9c9b19f124**: ")  # Markdown escaped
    assert all(p.startswith(names) for p in paragraphs), paragraphs


async def test_topic_autocomplete_matches_aliases_within_25_choices(world: World):
    offered = await (await world.alice.autocomplete("study", "summary", "topic", "hun")).wait()
    assert [c["value"] for c in offered.choices] == ["food"]
    everything = await (await world.alice.autocomplete("study", "summary", "topic", "")).wait()
    assert 1 <= len(everything.choices) <= 25
    picked = await (await world.alice.run("study", "summary", topic=offered.choices[0]["value"])).wait()
    assert picked.embeds[0]["title"] == "Summary: Food and hunger"


@pytest.mark.parametrize(
    ("command", "options", "hint"),
    [
        ("summary", {"topic": "underwater basket weaving"}, "/topics"),
        ("stats", {"topic": "nope"}, "/topics"),
        ("search", {"query": "zzzqqq"}, "/topics"),
    ],
)
async def test_errors_answer_ephemerally_with_what_to_try(world: World, command, options, hint):
    reply = await (await world.alice.run("study", command, **options)).wait()
    assert reply.ephemeral and not reply.embeds
    assert hint in reply.content


async def test_cite_gives_a_verdict_in_plain_words(world: World):
    contradicted = await (
        await world.alice.run("study", "cite", claim="Over 50 resolutions since 2006 have condemned North Korea.")
    ).wait()
    embed = contradicted.embeds[0]
    assert embed["title"].startswith("Contradicted: ")
    assert embed["description"] == "The sources give a different figure: Over 20."
    assert embed["fields"][0]["name"].startswith("1. Says otherwise")
    unrelated = "penguins migrate across Antarctic ice shelves"
    nothing = await (await world.alice.run("study", "cite", claim=unrelated)).wait()
    assert nothing.embeds[0]["title"].startswith("Nothing in the sources")
    assert "search" in nothing.embeds[0]["description"]


async def test_stats_show_value_counts_and_reference(world: World):
    reply = await (await world.alice.run("study", "stats", topic="food")).wait()
    fields = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}
    assert "40% — the population" in fields
    assert "Reference: Amnesty International. (2020)." in fields["40% — the population"]


async def test_help_lists_every_command_only_to_the_member(world: World):
    reply = await (await world.alice.run("study", "help")).wait()
    assert reply.ephemeral
    for name in ("about", "cite", "fact", "help", "search", "sources", "stats", "summary", "topics"):
        assert f"/{name}" in reply.embeds[0]["description"]


async def test_page_buttons_after_a_restart_say_the_pages_expired(world: World, engine, tmp_path):
    from tests.world import quick_settings, start_bot, stop_bot

    reply = await (await world.alice.run("study", "search", query="sanctions")).wait()
    page_one = reply.message
    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    stale = await (await world.alice.click(page_one, "Next ▶")).wait()
    assert stale.ephemeral and "These pages have expired" in stale.content


HOSTILE = [
    "@everyone look",
    "<@&123456789012345678> ping",
    "discord.gg/abcdef **bold** ```code```",
    "\u202eright-to-left\u202c \u200b",
    "👩‍👩‍👧‍👦 emoji",
    "x" * 300,
    "||spoiler|| > quote \\",
    "¹",
    "٣",  # digits to str.isdigit(), not to int() or to Discord
]


async def test_hostile_text_never_pings_or_breaks_an_answer(world: World):
    for text in HOSTILE:
        for command, option in (("search", "query"), ("cite", "claim"), ("summary", "topic"), ("stats", "topic")):
            reply = await (await world.alice.run("study", command, **{option: text[:100]})).wait()
            assert reply.allowed_mentions == {"parse": []}
            visible = reply.content + " ".join(str(e) for e in reply.embeds)
            assert "@everyone" not in visible.replace("@\u200beveryone", "")
            assert "<@&123456789012345678>" not in visible
            for embed in reply.embeds:
                within_limits(embed)


def long_winded_sources(folder: Path) -> Path:
    """Sources built to reach every length limit at once (not real documents: a stress fixture): six long
    titled reports whose sentences run to hundreds of words, each citing a reference of 700 characters."""
    folder.mkdir()
    clause = "the sanctions regime and its enforcement across the region over many years of negotiation"
    for number in range(6):
        author = f"Commission{number}"
        sentences = [
            f"Sanctions imposed in 201{i} by the council affected {i + 3}0% of trade, and {clause}, "
            f"{', '.join([clause] * 8)} ({author}, 2020)."
            for i in range(6)
        ]
        reference = f"{author}. (2020). " + "A very long report title on sanctions and trade " * 14 + "Publisher."
        text = "\n".join(sentences) + "\nReferences\n" + reference + "\n"
        (folder / f"report{number}.txt").write_text(text, encoding="utf-8")
        title = f"Report {number} " + "on the long history of sanctions and their effects " * 6
        (folder / f"report{number}.meta.yaml").write_text(f"title: {title.strip()}\nauthor: {author}\n")
    return folder


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("summary", {"topic": "sanctions"}),
        ("sources", {}),
        ("search", {"query": "sanctions trade"}),
        ("cite", {"claim": "sanctions affected trade"}),
        ("stats", {}),
        ("fact", {}),
    ],
)
async def test_answers_from_long_sentences_and_references_still_fit_discords_limits(tmp_path, command, options):
    from bot.content.engine import StudyEngine
    from bot.content.index.build import open_index
    from bot.content.topics import load_topics
    from tests.conftest import TOPICS
    from tests.world import world_in

    engine = StudyEngine(open_index(long_winded_sources(tmp_path / "sources")), load_topics(TOPICS))
    async with world_in(engine, tmp_path / "data") as world:
        reply = await (await world.alice.run("study", command, **options)).wait()
        assert reply.embeds, reply.content
        for embed in reply.embeds:
            within_limits(embed)
    # the strict sandbox refused nothing on the way (checked as the world closes)


@pytest.mark.parametrize(
    ("command", "options", "refusal"),
    [
        ("quiz leaderboard", {"period": "all"}, "period: pick one of"),
        ("quiz start", {"seconds": 1}, "seconds: enter a number between 5 and 120"),
        ("quiz start", {"questions": 21}, "questions: enter a number between 1 and 20"),
        ("quiz start", {"questions": "three"}, "questions: enter a whole number"),
        ("quiz start", {"topic": "x" * 101}, "topic: must be 1 to 100 characters long"),
        ("quiz start", {"difficulty": "brutal"}, "difficulty: pick one of"),
        ("search", {"query": ""}, "query: must be 1 to 300 characters long"),
        ("search", {}, "query is required"),
        ("daily set", {"channel": "nowhere", "time": "09:00", "timezone": "UTC"}, "no channel #nowhere"),
        ("daily set", {"channel": "study", "time": "9", "timezone": "UTC"}, "time: must be 3 to 5 characters long"),
        ("summary", {"subject": "food"}, "no option 'subject'"),
    ],
)
async def test_members_send_only_what_discords_client_lets_them(world: World, command, options, refusal):
    from bot.sandbox.members import SandboxError

    with pytest.raises(SandboxError, match=re.escape(refusal)):
        await world.alice.run("study", command, **options)
    assert world.sandbox.interactions == {}  # nothing reached the bot


async def test_a_paged_answer_discord_refuses_leaves_no_pages_behind(world: World):
    world.sandbox.faults.error(r"/callback$", 403, times=1)  # the answer with its page buttons is refused
    failed = await (await world.alice.run("study", "search", query="sanctions")).wait()
    assert failed.ephemeral and "Something went wrong" in failed.content  # told plainly instead
    assert world.sandbox.faults.injected and len(world.bot.page_sets) == 0
    again = await (await world.alice.run("study", "search", query="sanctions")).wait()
    assert again.buttons and len(world.bot.page_sets) == 1
