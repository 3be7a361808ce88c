"""Every reading command through the real client: what a member sees, within Discord's limits, verbatim."""

from __future__ import annotations

import re

import pytest

from tests.sandbox.conftest import World

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
    assert reply.message_record.allowed_mentions == {"parse": []}


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
        ("cite", {"claim": "penguins migrate across Antarctic ice shelves"}, "/search"),
        ("search", {"query": "zzzqqq"}, "/topics"),
    ],
)
async def test_errors_answer_ephemerally_with_what_to_try(world: World, command, options, hint):
    reply = await (await world.alice.run("study", command, **options)).wait()
    assert reply.ephemeral and not reply.embeds
    assert hint in reply.content


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
    from tests.sandbox.conftest import quick_settings, start_bot, stop_bot

    reply = await (await world.alice.run("study", "search", query="sanctions")).wait()
    page_one = reply.message
    await stop_bot(world.bot)
    world.bot = await start_bot(engine, quick_settings(tmp_path), world.sandbox, world.guild)
    stale = await (await world.alice.click(page_one, "Next ▶")).wait()
    assert stale.ephemeral and "These pages have expired" in stale.content


HOSTILE = [
    "@everyone look", "<@&123456789012345678> ping", "discord.gg/abcdef **bold** ```code```",
    "\u202eright-to-left\u202c \u200b", "👩‍👩‍👧‍👦 emoji", "x" * 300, "||spoiler|| > quote \\",
]  # fmt: skip


async def test_hostile_text_never_pings_or_breaks_an_answer(world: World):
    for text in HOSTILE:
        for command, option in (("search", "query"), ("cite", "claim"), ("summary", "topic"), ("stats", "topic")):
            reply = await (await world.alice.run("study", command, **{option: text[:100]})).wait()
            assert reply.message_record.allowed_mentions == {"parse": []}
            visible = reply.content + " ".join(str(e) for e in reply.embeds)
            assert "@everyone" not in visible.replace("@\u200beveryone", "")
            assert "<@&123456789012345678>" not in visible
            for embed in reply.embeds:
                within_limits(embed)
