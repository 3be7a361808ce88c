import pytest

from bot.content.citations import CitationLinker
from bot.content.references import parse_reference
from tests.content.test_references import essay_entries


@pytest.fixture(scope="module")
def linker() -> CitationLinker:
    return CitationLinker([ref for line in essay_entries() if (ref := parse_reference(line)) is not None])


def keys(linker: CitationLinker, sentence: str) -> list[str | None]:
    refs = linker._references
    return [None if c.reference is None else refs[c.reference].key for c in linker.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Over 120,000 people languish in political prison camps (United Nations, 2014).",
            ["United Nations, 2014"],
        ),
        ("“I had no words for freedom,” she said (Park, 2015).", ["Park, 2015"]),
        (
            "Travel bans have restricted officials (U.N. Panel of Experts, 2021).",
            ["U.N. Panel of Experts, 2021"],
        ),
        ("Both agree (BBC, 2019; Park, 2015).", ["BBC, 2019", "Park, 2015"]),
    ],
)
def test_parenthetical_citations_link_to_their_entries(linker, sentence, expected):
    assert keys(linker, sentence) == expected


def test_narrative_citation_links_by_name(linker):
    sentence = "Hackers stole around $1 billion in 2022, according to Chainalysis."
    assert keys(linker, sentence) == ["Chainalysis, 2023"]
    assert linker.find(sentence)[0].kind == "narrative"


def test_narrative_citation_with_two_entries_by_one_author_needs_the_year(linker):
    assert keys(linker, "Amnesty International reported abuses.") == []
    assert keys(linker, "Amnesty International reported in 2021 that reforms were reversed.") == [
        "Amnesty International, 2021"
    ]


def test_a_mere_mention_of_a_cited_body_is_not_a_citation(linker):
    sentence = "The United Nations, the United States and other actors have implemented sanctions."
    assert linker.find(sentence) == []


def test_an_unknown_work_is_kept_unlinked(linker):
    found = linker.find("A new study disagrees (Kim, 2024).")
    assert [(c.cited, c.reference) for c in found] == [("Kim, 2024", None)]


def test_sentence_without_citation_inherits_none(engine):
    hits = engine.search("Over 20 resolutions since 2006 have condemned", limit=1).results
    assert hits[0].text.startswith("Over 20 resolutions since 2006")
    assert hits[0].reference is None and hits[0].references == []
