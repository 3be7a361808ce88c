"""Hostile and odd input, property-based: whatever a member types, the engine answers or refuses kindly,
and every answer renders within Discord's limits without a live mention."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import NothingFoundError, StudybotError
from bot.render import embeds
from tests.conftest import example_count

NASTY = st.sampled_from(
    [
        "@everyone",
        "@here",
        "<@123456789012345678>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "discord.gg/abcdef",
        "https://discord.com/invite/xyz",
        "```code block```",
        "**bold** __under__ ~~strike~~",
        "\u202eright-to-left\u202c",
        "\u200b\u200c\u200d",
        "👩‍👩‍👧‍👦🔥",
        "שלום עולם",
        "مرحبا",
        "||spoiler||",
        "> quote",
        "\\",
        "\n\n",
        "   ",
        "sanctions",
        "prison camps",
        "food",
        "4.77 million",
        "(United Nations, 2014)",
    ]
)
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(NASTY, st.text(max_size=20)), max_size=12).map(" ".join),
    st.integers(min_value=0, max_value=6500).map(lambda n: "word " * (n // 5)),
)
LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


def embed_ok(embed) -> None:
    assert len(embed) <= 6000 and len(embed.fields) <= 25
    assert len(embed.title or "") <= 256 and len(embed.description or "") <= 4096
    for field in embed.fields:
        assert 0 < len(field.name or "") <= 256 and 0 < len(field.value or "") <= 1024
    text = " ".join([embed.title or "", embed.description or "", *(f.name + f.value for f in embed.fields)])
    assert not LIVE_MENTION.search(text), text


quick = settings(
    max_examples=example_count(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@quick
@given(query=TEXT)
def test_search_never_crashes_and_always_renders_within_limits(engine, query):
    try:
        answer = engine.search(query, limit=12)
    except StudybotError as error:
        assert str(error)
        return
    for page in embeds.search_pages(answer):
        embed_ok(page)


@quick
@given(claim=TEXT)
def test_cite_never_crashes_and_always_renders_within_limits(engine, claim):
    try:
        answer = engine.cite(claim, limit=9)
    except StudybotError as error:
        assert str(error)
        return
    for page in embeds.cite_pages(answer):
        embed_ok(page)


@quick
@given(topic=TEXT)
def test_topic_options_resolve_or_refuse_kindly(engine, topic):
    for call, render in (
        (lambda: engine.summary(topic), lambda a: [embeds.summary_embed(a)]),
        (lambda: engine.stats(topic=topic, limit=30), embeds.stats_pages),
        (lambda: engine.quiz(topic=topic, count=3, seed=1), lambda a: []),
    ):
        try:
            answer = call()
        except StudybotError as error:
            assert str(error) and len(str(error)) < 500
            continue
        for page in render(answer):
            embed_ok(page)


@pytest.mark.parametrize("seed", range(5))
def test_every_fact_and_summary_renders_within_limits(engine, seed):
    embed_ok(embeds.fact_embed(engine.fact(seed=seed)))
    for topic in engine.topics:
        with contextlib.suppress(NothingFoundError):  # a topic the sources barely mention
            embed_ok(embeds.summary_embed(engine.summary(topic.id)))
