"""How a sentence bears on a claim (verdict.py): the document's country stands in for a sentence that
names none, and a sentence near the claim in meaning may state it in fewer of its words, while every
test that keeps a false claim from being shown as supported still holds."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.content.countries import main_country
from bot.content.engine import StudyEngine
from bot.content.verdict import ClaimReader, Judgement, weighed

CLAIM = "Over eleven million Bangladeshis live and work abroad."
# A report's words for the country it is about, naming no country.
SOURCE = "As a country of origin of migrants, over eleven million of its people live and earn worldwide."


def _plain(engine: StudyEngine, claim: str) -> ClaimReader:
    """The claim read with every word weighing the same, and no model of meaning."""
    return ClaimReader(claim, engine._planner.terms, lambda _: 1.0)


def _relation(
    engine: StudyEngine, claim: str, sentence: str, *, speaker: frozenset[str] = frozenset()
) -> tuple[str, str | None] | None:
    """How the sentence (in a document whose words are `speaker`'s) bears on the claim read plainly, and the
    word or figure it differs by."""
    judged = _plain(engine, claim).judge(sentence, speaker=speaker)
    return (judged.relation, judged.differs) if judged else None


@pytest.fixture(scope="module")
def reader(engine: StudyEngine) -> ClaimReader:
    return _plain(engine, CLAIM)  # every word weighs the same


def test_a_sentence_close_in_meaning_about_the_documents_country_supports_the_claim(reader):
    judged = reader.judge(SOURCE, subject=frozenset({"BD"}), close=True)
    assert judged is not None and judged.relation == "supports"


def test_without_the_documents_country_or_closeness_it_is_only_related(reader):
    for subject, close in ((frozenset({"BD"}), False), (frozenset({"KE"}), True), (frozenset(), True)):
        judged = reader.judge(SOURCE, subject=subject, close=close)
        assert judged is not None and judged.relation == "related", (subject, close)


def test_a_sentence_naming_another_country_is_not_read_as_about_the_documents_own(reader):
    judged = reader.judge(SOURCE.replace("its people", "Nepalis"), subject=frozenset({"BD"}), close=True)
    assert judged is not None and judged.relation == "related"


def test_a_sentence_naming_only_the_claims_other_countries_leaves_the_documents_own_unnamed(engine):
    claim = "China and Russia vetoed calls to refer North Korea to the ICC."
    source = "China and Russia have vetoed the General Assembly's repeated calls for ICC referrals."
    judged = _plain(engine, claim).judge(source, subject=frozenset({"KP"}))
    assert judged is not None and judged.relation == "supports"
    # the claim that swaps the actor: the sentence names a country the claim does not, so it is about that one
    swapped = _plain(engine, "North Korea vetoed calls for ICC referrals.")
    judged = swapped.judge(source, subject=frozenset({"KP"}))
    assert judged is not None and judged.relation == "related"


def test_a_country_named_in_another_clause_does_not_take_the_documents_place(engine):
    reader = _plain(engine, "North Korea stole about $1 billion in cryptocurrency in 2022.")
    source = "Its hackers stole cryptocurrency worth about $1 billion in 2022, through front companies in China."
    judged = reader.judge(source, subject=frozenset({"KP"}))
    assert judged is not None and judged.relation == "supports"
    # named in the clause that states it, the other country is the actor
    judged = reader.judge(
        "Hackers in China stole cryptocurrency worth about $1 billion in 2022.", subject=frozenset({"KP"})
    )
    assert judged is not None and judged.relation == "related"


def test_a_country_named_before_the_clause_that_states_the_claim_is_its_actor(engine):
    reader = _plain(engine, "Ghana has been suspended from the regional community.")
    source = "Both Guinea and Mali, founding members, have been suspended from the regional community."
    judged = reader.judge(source, subject=frozenset({"GH"}))
    assert judged is not None and judged.relation == "related"
    # with no other country named, the sentence is about the document's own
    judged = reader.judge("It has been suspended from the regional community.", subject=frozenset({"GH"}))
    assert judged is not None and judged.relation == "supports"


def test_a_sentence_in_the_first_person_speaks_of_its_speaker_not_the_documents_country(reader):
    # a speech's "our people" are its speaker's, who may name another country most
    judged = reader.judge(SOURCE.replace("its people", "our people"), subject=frozenset({"BD"}), close=True)
    assert judged is not None and judged.relation == "related"


def test_a_first_person_speaks_for_the_author_unless_another_country_opens_the_sentence(engine):
    claim = "Palestine has signed agreements to fight terrorism with 85 States."
    sentence = "We have signed agreements to fight terrorism with 85 States."
    reader = _plain(engine, claim)
    for speaker, relation in (
        (frozenset({"PS"}), "supports"),
        (frozenset(), "related"),
        (frozenset({"IL"}), "related"),
    ):
        judged = reader.judge(sentence, subject=frozenset({"IL"}), speaker=speaker)
        assert judged is not None and judged.relation == relation, speaker
    # the speaker's "our people" are not the actor where another country opens the sentence
    swapped = "Palestine has committed crimes against the people of Israel."
    sentence = "Israel has committed crimes against our people."
    assert _relation(engine, swapped, sentence, speaker=frozenset({"PS"})) == ("related", None)


def test_a_first_person_before_the_country_it_names_is_the_actor(engine):
    # the country named comes after the first person, as what the author does something to: not the actor
    claim = "Fiji welcomed Tuvalu as a new member of the Commission."
    sentence = "Like other delegations, I welcome Tuvalu as a new member of the Commission."
    assert _relation(engine, claim, sentence, speaker=frozenset({"FJ"})) == ("supports", None)
    assert _relation(engine, claim, sentence, speaker=frozenset({"TO"})) == ("related", None)
    # the same country opening the sentence is its actor, and the author's "us" no doer
    opened = "Tuvalu, like other delegations, welcomes us as a new member of the Commission."
    assert _relation(engine, claim, opened, speaker=frozenset({"FJ"})) == ("related", None)


def test_the_countries_listed_after_a_preposition_are_all_governed_by_it(engine):
    # "in Tonga, Tuvalu and Kiribati" names no doer: the claim's "Fijian engineers" may be the author's
    claim = "Fijian engineers are building roads in Tonga, Tuvalu and Kiribati."
    sentence = "I reaffirm that commitment, shown by our engineers building roads in Tonga, Tuvalu and Kiribati."
    assert _relation(engine, claim, sentence, speaker=frozenset({"FJ"})) == ("supports", None)
    # nor is a country after a comma that ends no list: "With Tonga, Tuvalu is ..." is Tuvalu's doing
    opened = "With Tonga, Tuvalu is building roads with engineers from Fiji."
    assert _relation(engine, "Fiji is building roads with Tonga.", opened, speaker=frozenset({"FJ"})) == (
        "related",
        None,
    )


def test_a_claim_on_all_of_something_needs_a_sentence_on_all_of_it(engine):
    claim = "Every conflict begins as an unresolved local tension."
    assert _relation(engine, claim, "All conflicts begin as unresolved local tensions.") == ("supports", None)
    # an "all" that quantifies something else, with "most" of it after, does not say it of all
    sentence = "We are all aware that most conflicts begin as unresolved local tensions."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("most", "all")) == ("supports", None)


def test_a_close_sentence_must_say_each_word_it_leaves_out_in_other_words(engine):
    # "worldwide" says "abroad" and "earn" says "work"; nothing in the second sentence says "eliminated"
    said = ClaimReader(CLAIM, engine._planner.terms, lambda _: 1.0, engine._near_in(CLAIM))
    judged = said.judge(SOURCE, subject=frozenset({"BD"}), close=True)
    assert judged is not None and judged.relation == "supports"
    claim = "Cambodia has eliminated poverty in its rural areas."
    source = "While these are good signs for Cambodia, poverty is still a major problem, particularly in rural areas."

    def rarest(term: str) -> float:  # the claim's point is its rarest word
        return 2.0 if term.startswith("elimin") else 1.0

    unsaid = ClaimReader(claim, engine._planner.terms, rarest, engine._near_in(claim))
    judged = unsaid.judge(source, subject=frozenset({"KH"}), close=True)
    assert judged is not None and judged.relation == "related"
    # without a model to tell, only the share of the claim's words decides
    judged = ClaimReader(claim, engine._planner.terms, rarest).judge(source, close=True)
    assert judged is not None and judged.relation == "supports"


def test_a_near_word_says_the_claims_otherwise_only_if_the_claim_means_the_same_with_it_in_place(engine):
    opponent = "Ethiopia is a strong opponent of multilateralism centred on the United Nations."
    # by the words alone, "effective" is as near "opponent" as "worldwide" is "abroad"
    assert engine._near_words("opponent", ["effective"]) == ["effective"]
    assert not engine._near_in(opponent)("opponent", ["effective"])
    assert engine._near_in("Over eleven million Bangladeshis live and work abroad.")("abroad", ["worldwide"])
    growing = "Global commitment to the Sustainable Development Goals is growing."
    assert not engine._near_in(growing)("growing", ["achieving"])
    assert engine._near_in("Revenues across Africa have dropped sharply.")("dropped", ["fallen"])


def test_a_word_unlike_the_claims_only_in_how_it_begins_does_not_say_it_otherwise(engine):
    def near(word: str, others: Sequence[str]) -> bool:  # a model that finds every word near
        return bool(others)

    reader = ClaimReader(
        "Ethiopia is a strong opponent of multilateralism.", engine._planner.terms, lambda _: 1.0, near
    )
    judged = reader.judge("Ethiopia is strong: a proponent of multilateralism.", close=True)
    assert judged is not None and judged.relation == "related"
    judged = reader.judge("Ethiopia is a strong adversary of multilateralism.", close=True)
    assert judged is not None and judged.relation == "supports"


def test_another_figure_contradicts_only_a_sentence_on_the_claims_year(engine):
    reader = _plain(engine, "Countries spent over $1,464 billion on the military in 2008.")
    other_time = reader.judge("Over five years, countries spent a total of $156 billion on the military.")
    assert other_time is not None and other_time.relation == "related"
    same_year = reader.judge("Countries spent over $1,500 billion on the military in 2008.")
    assert same_year is not None and same_year.relation == "contradicts" and same_year.differs == "over $1,500 billion"
    other_year = reader.judge("Countries spent over $1,464 billion on the military in 2009.")
    assert other_year is not None and other_year.relation == "contradicts" and other_year.differs == "2009"


def test_a_range_gives_both_its_ends(engine):
    claim = "The Sendai Framework for Disaster Risk Reduction runs from 2015 to 2025."
    ranged = "The Sendai Framework for Disaster Risk Reduction 2015-2030 calls for cooperation."
    assert _relation(engine, claim, ranged) == ("contradicts", "2030")
    # the end a claim gives is given, not contradicted by the range's start
    claim = "Up to 15% of the harvest was lost to the floods."
    assert _relation(engine, claim, claim.replace("15%", "10–15%")) == ("supports", None)


def test_a_lack_denies_a_claim_without_a_negation_but_never_states_a_claims_not(engine):
    lacking = "The international community's lack of real will to eradicate terrorism in the Sahel is plain."
    shown = "The international community has shown real will to eradicate terrorism in the Sahel."
    assert _relation(engine, shown, lacking) == ("contradicts", "lack of")
    # a claim saying the same lack is stated by it
    lacks = "The international community lacks real will to eradicate terrorism."
    assert _relation(engine, lacks, lacking) == ("supports", None)
    # and a claim's "no" is not stated by a sentence's "lack": they need not mean the same
    no_will = "The international community has no will to eradicate terrorism in the Sahel."
    assert _relation(engine, no_will, lacking) != ("supports", None)
    # a lack of something the claim does not speak of denies nothing of it
    claim = "Irregular migration reflects the failure of global governance."
    sentence = "Irregular migration reflects the failure of global governance and the lack of political will."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_bound_on_a_figure_and_sparing_no_effort_deny_nothing(engine):
    sentence = "We have recorded no less than five attacks since the beginning of this year."
    claim = "At least five attacks have been recorded since the beginning of this year."
    assert _relation(engine, claim, sentence) == ("supports", None)
    sentence = "Not less than 2 per cent of the national budget goes to education."
    assert _relation(engine, "At least 2 per cent of the national budget goes to education.", sentence) == (
        "supports",
        None,
    )
    promised = "The Government will spare no effort to reach the goal of a 100 per cent enrolment rate."
    assert _relation(engine, "The Government has reached a 100 per cent enrolment rate.", promised) == ("related", None)


def test_a_claims_not_is_contradicted_only_by_a_sentence_saying_much_of_what_it_denies(engine):
    claim = "Chad does not support a two-state solution for the conflict."
    assert _relation(engine, claim, "Chad supports a two-state solution for the conflict.") == ("contradicts", None)
    # a sentence on the subject that only lacks a negation says nothing against it
    assert _relation(engine, claim, "Chad hopes for a solution to the conflict.") == ("related", None)


def test_a_wish_made_the_sentences_condition_does_not_keep_it_from_stating_what_follows(engine):
    claim = "The Security Council's practices must be updated."
    conditioned = "If we want the Council to fulfil its purpose, the Security Council's practices must be updated."
    assert _relation(engine, claim, conditioned) == ("supports", None)
    # what is only wished for is not stated
    wished = "We want the Security Council's practices to be updated."
    assert _relation(engine, claim, wished) == ("related", None)


def test_a_sentence_saying_only_what_could_happen_does_not_state_it(engine):
    claim = "All of Africa has fallen under the grip of terrorist groups."
    could = "Inaction could result in the entire African continent falling under the grip of terrorist groups."
    assert _relation(engine, claim, could) == ("related", None)
    assert _relation(engine, claim, could.replace("could result", "has resulted")) == ("supports", None)
    # a claim that says it could is stated by it
    assert _relation(engine, "Africa could fall under the grip of terrorist groups.", could) == ("supports", None)


def test_closeness_does_not_excuse_a_changed_figure_or_a_negation(reader):
    changed = reader.judge(SOURCE.replace("eleven", "nine"), subject=frozenset({"BD"}), close=True)
    assert changed is not None and changed.relation == "contradicts" and changed.differs == "over nine million"
    denied = reader.judge(SOURCE.replace("live and earn", "do not live or earn"), subject=frozenset({"BD"}), close=True)
    assert denied is not None and denied.relation == "contradicts"


def test_a_documents_country_is_the_one_it_names_most():
    speech = [
        "Bangladesh welcomes you.",
        "Bangladesh hosts refugees from Myanmar.",
        "Our people work.",
        "Bangladesh grows.",
    ]
    assert main_country(speech) == {"BD"}
    assert main_country(speech[:2]) == set()  # named too seldom to be the subject
    assert main_country([*speech, "Myanmar.", "Myanmar."]) == set()  # two countries as often


def test_rejecting_is_opposed_to_supporting(engine):
    reader = _plain(engine, "Cambodia rejects the work of the Centre for Human Rights.")
    judged = reader.judge("Cambodia continues to support the work of the Centre for Human Rights.")
    assert judged is not None and judged.relation == "contradicts" and judged.differs == "support"
    # welcoming is supporting
    welcomes = "Uganda welcomes the increasing competition between major powers."
    assert _relation(engine, welcomes, welcomes.replace("welcomes", "rejects")) == ("contradicts", "rejects")


def test_doubling_is_opposed_to_falling_and_halving_to_rising(engine):
    source = "From 1990 to 1997 the number of people infected with HIV more than {}."
    for claim, verb in (("fell by more than half", "doubled"), ("rose sharply", "halved")):
        reader = _plain(engine, f"From 1990 to 1997 the number of people infected with HIV {claim}.")
        judged = reader.judge(source.format(verb))
        assert judged is not None and (judged.relation, judged.differs) == ("contradicts", verb)


def test_a_figure_the_sentence_gives_to_something_else_is_not_the_claims(engine):
    source = (
        "According to UNESCO, 262 million children and young people do not attend school, "
        "and 750 million adults are illiterate."
    )

    def judged(claim: str):
        return _plain(engine, claim).judge(source)

    swapped = judged("According to UNESCO, 262 million adults are illiterate.")
    assert swapped is not None and (swapped.relation, swapped.differs) == ("contradicts", "750 million")
    for claim in (
        "According to UNESCO, 750 million adults are illiterate.",
        "262 million children do not attend school.",
    ):
        stated = judged(claim)
        assert stated is not None and stated.relation == "supports", claim
    # a figure counting nothing named after it gives the claim's, though another counts what the claim's does
    claim = "More than 120 million people are refugees."
    source = "310 million people need assistance, and more than 120 million, or 1 in 70, are refugees."
    assert _relation(engine, claim, source) == ("supports", None)


def test_a_names_roman_numeral_reads_as_its_ordinal(engine):
    claim = "2024 is the most conflict-ridden year since the Second World War."
    sentence = "The year 2024 was the most conflict-ridden year since World War {}."
    assert _relation(engine, claim, sentence.format("II")) == ("supports", None)
    assert _relation(engine, claim, sentence.format("I")) == ("related", None)


def test_an_abbreviation_states_the_words_it_spells_either_way(engine):
    def reader(claim: str) -> ClaimReader:
        return _plain(engine, claim)

    cameras = reader("Authorities reinforced fences and CCTV cameras.")
    judged = cameras.judge("Authorities were reinforcing fences and closed-circuit television cameras.")
    assert judged is not None and judged.relation == "supports"
    judged = cameras.judge("Authorities were reinforcing fences and television cameras.")
    assert judged is not None and judged.relation == "related"  # "television" alone does not spell it
    growth = reader("Eswatini's gross domestic product grew by 7.8 per cent.")
    judged = growth.judge("Eswatini's GDP grew by 7.8 per cent.")
    assert judged is not None and judged.relation == "supports"
    # ... and no further: the figure is still the claim's
    judged = growth.judge("Eswatini's GDP grew by 2.5 per cent.")
    assert judged is not None and judged.relation == "contradicts" and judged.differs == "2.5 per cent"


def test_a_word_set_against_the_claims_in_its_place_contradicts_it(engine):
    # WordNet's antonyms, in the claim word's place: between the same neighbours
    judged = _plain(engine, "Elections shall be held by open vote.").judge(
        "Elections shall be held by secret vote or by equivalent free voting procedures."
    )
    assert judged is not None and judged.relation == "contradicts" and judged.differs == "secret"
    slavery = _plain(engine, "Slavery shall be permitted in all its forms.")
    judged = slavery.judge("Slavery shall be prohibited in all its forms.")
    assert judged is not None and judged.relation == "contradicts" and judged.differs == "prohibited"
    # an antonym elsewhere in the sentence, in no place of the claim's word, leaves it be
    judged = slavery.judge("Slavery shall be permitted in all its forms, though drugs are prohibited.")
    assert judged is not None and judged.relation == "supports"
    # a word unlike the claim's only in a short beginning, between both its neighbours, which WordNet leaves out
    claim = "Estonia has always been a strong opponent of curbing the veto."
    sentence = "Estonia has always been a strong proponent of curbing the veto."
    assert _relation(engine, claim, sentence) == ("contradicts", "proponent")
    # nor where the claim's own word is there too
    both = "Estonia has always been a strong opponent of curbing the veto, and a strong proponent of reform."
    assert _relation(engine, claim, both) == ("supports", None)


def test_the_other_side_of_an_axis_in_the_claims_place_contradicts_it_though_the_claims_word_stands_elsewhere(
    engine,
):
    sentence = (
        "The plan commits to reducing carbon dioxide emissions by 28 per cent by 2030 and increasing the share of "
        "renewable energies to 42 per cent."
    )
    claim = "The plan commits to increasing carbon dioxide emissions by 28 per cent by 2030."
    assert _relation(engine, claim, sentence) == ("contradicts", "reducing")
    assert _relation(engine, claim.replace("increasing", "reducing"), sentence) == ("supports", None)


def test_a_sentence_giving_what_the_claims_country_does_to_another_does_not_state_it(engine):
    sentence = "To date, Estonia has sent more than €20 million in humanitarian aid to Ukraine."
    assert _relation(engine, "Estonia has sent over €20 million in aid to Ukraine.", sentence) == ("supports", None)
    assert _relation(engine, "Ukraine has sent over €20 million in aid to Estonia.", sentence) == ("related", None)
    # a country after a preposition does nothing there
    sentence = "In solidarity with the people of Pakistan, Estonia is providing help to the people of Pakistan."
    assert _relation(engine, "Pakistan is providing help to the people of Estonia.", sentence) == ("related", None)
    # a speech's "we" is its speaker's doing, or someone's unnamed where the speaker is not known
    claim = "Russia condemns the war crimes committed in Ukraine."
    sentence = "We condemn the war crimes committed by Russia in Ukraine."
    for speaker in (frozenset({"EE"}), frozenset()):
        assert _relation(engine, claim, sentence, speaker=speaker) == ("related", None), speaker
    assert _relation(engine, claim, sentence, speaker=frozenset({"RU"})) == ("supports", None)
    # the "we" before any country: "Russia's" after it is not the doer
    sentence = "We condemn Russia's war crimes committed in Ukraine."
    assert _relation(engine, claim, sentence, speaker=frozenset({"EE"})) == ("related", None)


def test_a_first_person_doing_what_the_sentence_says_is_its_author_whoever_else_it_names(engine):
    claim = "Kenya supports Gordon Brown's proposal for a $100 billion facility."
    sentence = "We therefore support British Prime Minister Gordon Brown's proposal for a $100 billion facility."
    assert _relation(engine, claim, sentence, speaker=frozenset({"KE"})) == ("supports", None)
    assert _relation(engine, claim, sentence) == ("related", None)  # whose "we", the sentence does not say
    # the other country it names does not do what the speaker does
    swapped = "Britain supports Kenya's proposal for a $100 billion facility."
    assert _relation(engine, swapped, sentence, speaker=frozenset({"KE"})) == ("related", None)


def test_the_government_of_a_country_opening_a_sentence_is_its_actor(engine):
    sentence = (
        "The Government of Rwanda warmly welcomes the Democratic Republic of Timor-Leste and the Swiss "
        "Confederation to the United Nations."
    )
    claim = "Rwanda welcomed Switzerland and Timor-Leste to the United Nations."
    assert _relation(engine, claim, sentence, speaker=frozenset({"RW"})) == ("supports", None)
    swapped = "Switzerland welcomed Rwanda and Timor-Leste to the United Nations."
    assert _relation(engine, swapped, sentence, speaker=frozenset({"RW"})) == ("related", None)
    # and what the next sentence's "It" stands for
    before = "The Government of Rwanda has worked for years on justice for the victims of the genocide."
    judged = _plain(engine, "Rwanda has reformed its courts.").judge("It has reformed its courts.", before=before)
    assert judged is not None and judged.relation == "supports"
    # a government after a preposition is none: Rwanda does what "with the support of" Japan's is given to
    sentence = "With the support of the Government of Japan, Rwanda has rebuilt 300 schools."
    assert _relation(engine, "Japan has rebuilt 300 schools.", sentence) == ("related", None)


def test_a_call_for_something_is_the_callers_doing(engine):
    sentence = "Guyana renews its call for the removal of Cuba from the list of State sponsors of terrorism."
    claim = "Guyana calls for Cuba to be removed from the list of State sponsors of terrorism."
    assert _relation(engine, claim, sentence, speaker=frozenset({"GY"})) == ("supports", None)
    swapped = "Cuba calls for Guyana to be removed from the list of State sponsors of terrorism."
    assert _relation(engine, swapped, sentence, speaker=frozenset({"GY"})) == ("related", None)


def test_the_claims_negation_may_stand_outside_the_clause_that_holds_most_of_it(engine):
    claim = "Men and women of full age have the right to marry without limitation due to race."
    reader = _plain(engine, claim)
    source = "Men and women of full age, without any limitation due to race, have the right to marry."
    judged = reader.judge(source)
    assert judged is not None and judged.relation == "supports"
    # ... but not another negation than the claim's, which (negating as it does) does not contradict it either
    judged = reader.judge(source.replace("without any limitation", "not with limitation"))
    assert judged is not None and judged.relation == "related"


def test_a_name_the_claim_gives_its_source_by_is_held_by_the_sentences_source(engine):
    reader = _plain(engine, "Under the Declaration, elementary education is not compulsory.")
    sentence = "Elementary education shall be compulsory."
    judged = reader.judge(sentence, source="Universal Declaration of Human Rights")
    assert judged is not None and judged.relation == "contradicts"
    for source in ("", "Human Rights Watch"):  # another source: the claim names a work the sentence is not from
        judged = reader.judge(sentence, source=source)
        assert judged is None or judged.relation == "related", source
    cited = _plain(engine, "According to the UDHR, elementary education is compulsory.")
    judged = cited.judge(sentence, source="Universal Declaration of Human Rights")
    assert judged is not None and judged.relation == "supports"


def test_a_word_set_against_the_claims_never_says_it_otherwise(engine):
    # near in meaning as a model of single words may find "secret" to "open", it never says it
    claim = ClaimReader(
        "Voting in the elections is open.",
        engine._planner.terms,
        lambda _: 1.0,
        near=lambda _, others: "secret" in others,
    )
    judged = claim.judge("Voting in the elections is held in secret.", close=True)
    assert judged is not None and judged.relation == "related"
    judged = ClaimReader(
        "Voting in the elections is open.",
        engine._planner.terms,
        lambda _: 1.0,
        near=lambda _, others: "public" in others,
    ).judge("Voting in the elections is held in public.", close=True)
    assert judged is not None and judged.relation == "supports"  # a word near it that is not set against it


def test_a_word_capitalised_only_for_opening_the_claim_is_no_name(engine):
    half = _plain(engine, "Half of the gang members in the capital are children.")
    judged = half.judge("Shockingly, 50% of gang members in the capital are children and adolescents.")
    assert judged is not None and judged.relation == "supports"
    # a country opening the claim is still its actor
    kenya = _plain(engine, "Haiti has agreed to lead the security mission.")
    judged = kenya.judge("Kenya has agreed to lead the security mission.")
    assert judged is not None and judged.relation == "related"


def test_another_month_in_the_claims_place_contradicts_it(engine):
    reader = _plain(engine, "The ceasefire was extended to 30 October 2020.")
    judged = reader.judge("This ceasefire has been extended to 30 September 2020.")
    assert judged is not None and judged.relation == "contradicts" and judged.differs == "September"
    judged = reader.judge("This ceasefire has been extended to 30 October 2020.")
    assert judged is not None and judged.relation == "supports"
    # a month is no name the sentence must give: a claim's "May" is stated by a sentence's "May"
    may = _plain(engine, "The ceasefire began on 10 May 2020 in Kachin.")
    judged = may.judge("In Kachin, the ceasefire began on 10 May 2020.")
    assert judged is not None and judged.relation == "supports"


def test_a_sentence_putting_another_place_where_the_claim_puts_its_own_does_not_state_it(engine):
    claim = "Anti-hate speech activities were carried out in every township in Myanmar."
    reader = _plain(engine, claim)
    myanmar = frozenset({"MM"})
    sentence = "Anti-hate speech activities were carried out in all townships in Rakhine State."
    judged = reader.judge(sentence, subject=myanmar)
    assert judged is not None and judged.relation == "related"
    for place in ("", " in November"):  # no other place: the document's country holds the claim's
        judged = reader.judge(f"Anti-hate speech activities were carried out in all townships{place}.", subject=myanmar)
        assert judged is not None and judged.relation == "supports", place


def test_a_sentence_putting_a_named_place_where_the_claim_puts_the_world_does_not_state_it(engine):
    reader = _plain(engine, "Chile was the first country in the world to ban plastic bags.")
    judged = reader.judge("Chile was the first country in South America to ban plastic bags.")
    assert judged is not None and judged.relation == "related"
    judged = reader.judge("In 2018 Chile was the first country in the world to ban plastic bags.")
    assert judged is not None and judged.relation == "supports"


def test_one_of_several_does_not_state_the_only_one(engine):
    reader = _plain(engine, "Chile has the longest coastline in South America.")
    judged = reader.judge("Chile has one of the longest coastlines in South America.")
    assert judged is not None and judged.relation == "related"
    judged = reader.judge("Chile has the longest coastline in South America, at 6,435 km.")
    assert judged is not None and judged.relation == "supports"
    # a name after "one of the" is no superlative
    reader = _plain(engine, "France is a permanent member of the Security Council.")
    judged = reader.judge("France, one of the Security Council's permanent members, is a permanent member of it.")
    assert judged is not None and judged.relation == "supports"


def test_a_comparison_the_other_way_round_does_not_state_it(engine):
    reader = _plain(engine, "Germany pays interest rates up to eight times higher than the United States.")
    judged = reader.judge("Kenya pays interest rates up to eight times higher than Germany and the United States.")
    assert judged is None or judged.relation != "supports"
    judged = reader.judge("Germany pays interest rates up to eight times higher than the United States did.")
    assert judged is not None and judged.relation == "supports"
    # a figure's "more than" compares no countries
    reader = _plain(engine, "Young people are more than 65% of the people of Chad.")
    judged = reader.judge("More than 65% of the people of Chad are young people.")
    assert judged is not None and judged.relation == "supports"


def test_a_name_inside_a_longer_one_gives_its_initials(engine):
    reader = _plain(engine, "Kenya will host the Fifth UN Water Conference in 2027.")
    judged = reader.judge("Kenya will host the Fifth United Nations Water Conference in 2027.")
    assert judged is not None and judged.relation == "supports"
    # only of names standing together: "United Arab Nations" says no "UN"
    judged = reader.judge("Kenya will host the Fifth United Arab Nations Water Conference in 2027.")
    assert judged is not None and judged.relation == "related"


def test_words_a_close_sentence_leaves_out_together_may_be_said_in_one(engine):
    claim = "More than 350 displaced people have come back to Rakhine State from Cox's Bazar camps on their own."
    source = "More than 350 displaced persons from Cox's Bazar camps have returned to Rakhine State of their own will."
    reader = ClaimReader(claim, engine._planner.terms, lambda _: 1.0, near=_meant)
    judged = reader.judge(source, close=True)
    assert judged is not None and judged.relation == "supports"
    # each of "come" and "back" alone says nothing the sentence says
    apart = ClaimReader(
        claim.replace("come back", "come, then back"), engine._planner.terms, lambda _: 1.0, near=_meant
    ).judge(source, close=True)
    assert apart is not None and apart.relation == "related"


def _meant(word: str, others: Sequence[str]) -> bool:
    """A model of meaning that knows three things: "people" are "persons", and one comes back by returning."""
    return {"people": "persons", "come back": "returned"}.get(word) in others


def test_a_name_the_sentence_refers_back_to_is_held_by_the_sentence_before(engine):
    reader = ClaimReader(
        "The NLD Government has convened four sessions of the Union Peace Conference.",
        engine._planner.terms,
        lambda _: 1.0,
    )
    sentence = "To that end, the Government has successfully convened four sessions of the Union Peace Conference."
    judged = reader.judge(sentence, before="It is the aim of the NLD Government to hold political negotiations.")
    assert judged is not None and judged.relation == "supports"
    for before in ("", "The USDP Government had held no such negotiations."):
        judged = reader.judge(sentence, before=before)
        assert judged is not None and judged.relation == "related", before
    # a sentence that does not refer back ("a Government") holds no name of the sentence before
    judged = reader.judge(
        sentence.replace("the Government", "a Government"),
        before="It is the aim of the NLD Government to hold political negotiations.",
    )
    assert judged is not None and judged.relation == "related"


def test_a_word_of_an_abbreviations_name_spelled_out_the_sentence_before_refers_back_to_it(engine):
    reader = _plain(engine, "ECOWAS has suspended both Guinea and Mali.")
    sentence = "Both Guinea and Mali, founding members of the Community, have been suspended from it."
    spelled = "The Economic Community of West African States (ECOWAS) defends democratic rule."
    assert reader.leans_back(sentence)
    judged = reader.judge(sentence, before=spelled)
    assert judged is not None and judged.relation == "supports"
    # not without the sentence before, nor when it spells out another name, nor by a word not in the name
    for before in ("", "The East African Community (EAC) defends democratic rule."):
        judged = reader.judge(sentence, before=before)
        assert judged is not None and judged.relation == "related", before
    judged = reader.judge(sentence.replace("the Community", "the Union"), before=spelled)
    assert judged is not None and judged.relation == "related"


def test_a_figure_given_otherwise_says_the_words_that_write_it(engine):
    reader = _plain(engine, "Eighteen per cent of the land in Georgia is forest.")
    judged = reader.judge("Today 18% of the land in Georgia is forest, and more is planted every year.")
    assert judged is not None and judged.relation == "supports"
    # the words are said only with the figure: another figure contradicts, none leaves the claim unstated
    judged = reader.judge("Today 28% of the land in Georgia is forest, and more is planted every year.")
    assert judged is not None and judged.relation == "contradicts"
    judged = reader.judge("Much of the land in Georgia is forest, and more is planted every year.")
    assert judged is not None and judged.relation == "related"


def test_a_sentence_speaks_on_of_what_the_sentence_before_names_with_the_claims_name(engine):
    reader = _plain(engine, "Over 30 UN resolutions have condemned the blockade.")
    sentence = "Over 30 resolutions have condemned the blockade since 1992."
    before = "The General Assembly has passed U.N. resolutions on the matter every year."
    assert reader.leans_back(sentence)
    judged = reader.judge(sentence, before=before)
    assert judged is not None and judged.relation == "supports"
    # not without the sentence before, nor when it names the resolutions of another body
    for other in ("", "The African Union has passed resolutions on the matter every year."):
        judged = reader.judge(sentence, before=other)
        assert judged is not None and judged.relation == "related", other


def test_they_speaks_on_of_what_the_sentence_before_names_written_with_a_hyphen(engine):
    reader = _plain(engine, "UN peacekeepers now number over 90,000.")
    sentence = "Today they number over 90,000, across sixteen missions."
    before = "We pay tribute to the United Nations peace-keepers."
    assert reader.leans_back(sentence)
    judged = reader.judge(sentence, before=before)
    assert judged is not None and judged.relation == "supports"
    # not when the sentence before names other people, or the claim's name without what it qualifies
    for other in ("We pay tribute to the police officers of Chad.", "We pay tribute to the United Nations staff."):
        judged = reader.judge(sentence, before=other)
        assert judged is None or judged.relation == "related", other


def test_a_thing_the_sentence_points_back_to_brings_the_names_the_sentence_before_gives_it(engine):
    reader = _plain(engine, "Chad calls for the embargo on Cuba to be lifted.")
    sentence = "Chad calls for the lifting of this embargo and the promotion of constructive dialogue."
    gives = "Likewise, we cannot ignore the embargo on Cuba, which harms its people."
    assert reader.leans_back(sentence)
    assert not reader.leans_back("Chad believes that embargo talks must resume.")  # "that" is mostly a conjunction
    # but not after a preposition
    that = "We believe that it is now time for that embargo to be lifted unconditionally."
    assert reader.leans_back(that)
    judged = _plain(engine, "Chad believes the embargo on Cuba should be lifted unconditionally.").judge(
        that, subject=frozenset({"TD"}), speaker=frozenset({"TD"}), before=gives
    )
    assert judged is not None and judged.relation == "supports"
    judged = reader.judge(sentence, subject=frozenset({"TD"}), before=gives)
    assert judged is not None and judged.relation == "supports"
    # not without the sentence before, nor when it names the country with nothing the sentence points to
    for before in ("", "Likewise, we cannot ignore the suffering of the people of Cuba."):
        judged = reader.judge(sentence, subject=frozenset({"TD"}), before=before)
        assert judged is not None and judged.relation == "related", before
    # nor when the sentence does not point back ("an embargo")
    judged = reader.judge(sentence.replace("this embargo", "an embargo"), subject=frozenset({"TD"}), before=gives)
    assert judged is not None and judged.relation == "related"


def test_not_only_is_no_negation(engine):
    reader = _plain(engine, "Congo managed to contain the new epidemic.")
    judged = reader.judge("Congo has not only managed to contain the new epidemic but also helped others.")
    assert judged is not None and judged.relation == "supports"
    judged = reader.judge("Congo has not managed to contain the new epidemic.")
    assert judged is not None and judged.relation == "contradicts"


def test_a_word_a_negating_prefix_makes_of_the_claims_contradicts_it_wherever_it_stands(engine):
    reader = _plain(engine, "The support against the epidemic was insignificant.")
    judged = reader.judge("We thank them for their significant support against the epidemic.")
    assert judged is not None and judged.relation == "contradicts" and judged.differs == "significant"
    # in a name it is a name's word: "the Independent Commission" sets nothing against "dependent"
    reader = _plain(engine, "The inquiry was dependent on the Government.")
    judged = reader.judge("The Independent Commission led the inquiry for the Government.")
    assert judged is None or judged.relation != "contradicts"


def test_a_countrys_name_is_one_name_small_words_and_all(engine):
    # "Democratic Republic" and "Congo" would be another actor and another country (Congo-Brazzaville)
    reader = ClaimReader(
        "The Democratic Republic of the Congo has over 30 years of experience with Ebola outbreaks.",
        engine._planner.terms,
        lambda _: 1.0,
    )
    sentence = "On the basis of its over 30 years of experience with Ebola outbreaks, the DRC will train nurses."
    judged = reader.judge(sentence)
    assert judged is not None and judged.relation == "supports"


def test_a_negation_contradicts_only_when_it_goes_with_a_word_of_the_claim(engine):
    reader = _plain(engine, "The Congo is being hit by Ebola for the seventh time.")
    congo = frozenset({"CD"})
    for sentence in (
        "Peace cannot last as long as epidemics such as Ebola are not defeated.",
        "Ebola is not defeated in the Congo for the seventh time.",
    ):
        judged = reader.judge(sentence, subject=congo)
        assert judged is None or judged.relation == "related", sentence
    judged = reader.judge("The Congo is not being hit by Ebola for the seventh time.", subject=congo)
    assert judged is not None and judged.relation == "contradicts"


def test_a_word_the_claims_country_qualifies_given_to_another_people_does_not_state_it(engine):
    claim = "Israel destroyed 529 Israeli villages during the war."
    assert _relation(engine, claim, "Israel destroyed 529 Palestinian villages during the war.") == ("related", None)
    assert _relation(engine, claim, "Israel destroyed 529 Israeli villages during the war.") == ("supports", None)
    # the claim's country written in full before the word, however much of its name another country's is
    claim = "South Sudan ratified the Paris Agreement in April 2016."
    sentence = "In April 2016, the Republic of South Sudan ratified the Paris Agreement."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_sentence_seeking_what_the_claim_says_is_does_not_state_it(engine):
    claim = "Palestine has full membership of the United Nations."
    sought = "Palestine qualifies for full membership of the United Nations."
    assert _relation(engine, claim, sought) == ("related", None)
    assert _relation(engine, claim, sought.replace("qualifies for", "has")) == ("supports", None)
    # a claim that seeks it itself is stated by it
    assert _relation(
        engine, "Palestine wants full membership of the United Nations.", sought.replace("qualifies for", "wants")
    ) == (
        "supports",
        None,
    )
    # a word that only begins like a seeking one ("planet", "plan") seeks nothing
    claim = "The planet's forests have full protection under the treaty."
    sought = "The planet's forests qualify for full protection under the treaty."
    assert _relation(engine, claim, sought) == ("related", None)
    # seeking something else, after the claim's words, takes nothing from them
    claim = "South Sudan contributes a battalion to the Standby Force."
    sentence = "South Sudan contributes a battalion to the Standby Force seeking to bring peace to the Congo."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # nor does a promise state what it promises
    claim = "Brazil has eradicated deforestation in the Amazon."
    sentence = "Brazil is committed to eradicating deforestation in the Amazon."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim.replace("has eradicated", "has pledged to eradicate"), sentence) == (
        "supports",
        None,
    )
    # nor does it contradict a claim's "not": it does not say it is
    claim = "No resolution on Palestine has been implemented."
    assert _relation(engine, claim, "We want a single resolution on Palestine implemented.") == ("related", None)


def test_a_claims_not_is_not_contradicted_by_a_sentence_negating_in_another_clause(engine):
    claim = "None of the resolutions on Palestine has been implemented."
    sentence = "There are resolutions on Palestine — and not a single one has been implemented."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, "The resolutions on Palestine have been implemented.") == ("contradicts", None)


def test_a_negation_under_a_condition_denies_nothing(engine):
    claim = "Palestine will take steps to end the occupation."
    conditional = "If steps are not taken to end the occupation, Palestine will go to the Assembly."
    assert _relation(engine, claim, conditional) == ("related", None)
    assert _relation(engine, claim, "Palestine will not take steps to end the occupation.") == ("contradicts", "not")


def test_a_number_labelling_a_thing_is_no_other_figure_for_a_count(engine):
    claim = "The Assembly adopted 754 resolutions on Palestine."
    sentence = "The Assembly adopted resolution 181 on Palestine."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, "The Assembly adopted 700 resolutions on Palestine.") == ("contradicts", "700")


def test_a_sentence_opening_on_it_speaks_of_the_country_the_sentence_before_opened_on(engine):
    reader = _plain(engine, "Palestine has chaired the Group of 77 and China.")
    sentence = "It has successfully chaired the Group of 77 and China."
    judged = reader.judge(sentence, before="Palestine has worked with other States in committees.")
    assert reader.leans_back(sentence)
    assert judged is not None and judged.relation == "supports"
    # not a country named after a preposition there
    judged = reader.judge(sentence, before="The committees of Palestine have met.")
    assert judged is not None and judged.relation == "related"


def test_another_superlative_in_the_claims_place_does_not_state_it(engine):
    claim = "2024 was the most peaceful year since the Second World War."
    sentence = "Sadly, 2024 was the most conflict-ridden year since the Second World War."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("conflict-ridden", "peaceful")) == ("supports", None)
    # another word in a place that is no superlative's is left to the other tests (and to meaning)
    claim = "Achieving gender equality would raise human capital by almost 20 per cent."
    sentence = "Achieving gender equality would increase human capital by almost 20 per cent."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_vision_of_what_the_claim_says_is_does_not_state_it(engine):
    claim = "President Yoon has unified the Korean Peninsula."
    sentence = "The doctrine unveiled by President Yoon presents a vision of a unified Korean Peninsula."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, "President Yoon has unified the Korean Peninsula at last.") == ("supports", None)


def test_a_country_that_says_the_claim_is_the_speaker_of_its_own_speech(engine):
    singapore = frozenset({"SG"})
    claim = "Singapore says four of the five permanent members have not paid their dues."
    sentence = "Tragically, four of the five permanent members have not paid their dues."
    assert _relation(engine, claim, sentence, speaker=singapore) == ("supports", None)
    # another country's speech, or a speech whose speaker is not known, does not say it for Singapore
    for speaker in (frozenset({"TG"}), frozenset()):
        assert _relation(engine, claim, sentence, speaker=speaker) == ("related", None), speaker
    # "According to Singapore, ..." is the same frame; "Singapore has ..." is Singapore's doing, not its saying
    framed = "According to Singapore, four of the five permanent members have not paid their dues."
    assert _relation(engine, framed, sentence, speaker=singapore) == ("supports", None)
    doing = "Singapore has not paid its dues to four of the five permanent members."
    assert _relation(engine, doing, sentence, speaker=singapore) == ("related", None)
    # a comma ends the sayer only after "According to": "Singapore, like ..." is Singapore's own doing
    claim = "Singapore, like the other small States, has never lost faith in the United Nations."
    sentence = "The small States have never lost faith in the United Nations."
    assert _relation(engine, claim, sentence, speaker=singapore) == ("related", None)


def test_a_currency_sign_says_its_currency(engine):
    claim = "The annual budget is 800 million dollars."
    assert _relation(engine, claim, "The annual budget is $800 million.") == ("supports", None)
    assert _relation(engine, claim, "The annual budget is €800 million.") == ("related", None)
    claim = "The annual budget is 800 million US dollars."
    for written in ("US$800 million", "USD 800 million"):
        assert _relation(engine, claim, f"The annual budget is {written}.") == ("supports", None), written


def test_a_figure_counts_past_a_possessive_and_another_figures_scale(engine):
    sentence = "Today, 33 of the world's 48 least developed countries are African countries."
    claim = "33 of the 48 least developed countries in the world are in Africa."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # the figure that counts the claim's thing, past the possessive, is not the claim's
    sentence = "The richest fifth share 86 per cent of the world's income and 68 per cent of the world's investment."
    claim = "The richest fifth share 68 per cent of the world's income."
    assert _relation(engine, claim, sentence) == ("contradicts", "86 per cent")


def test_what_the_claim_says_its_subject_is_must_be_said(engine):
    claim = "The money needed to save the United Nations is enormous."
    sentence = "The money needed to save the United Nations is a pittance."
    # most of the claim's words, but not its point: by the words alone, and with a model that finds no word
    # of the sentence near "enormous"
    assert _relation(engine, claim, sentence) == ("related", None)
    reader = ClaimReader(claim, engine._planner.terms, lambda _: 1.0, near=lambda _, others: False)
    judged = reader.judge(sentence)
    assert judged is not None and judged.relation == "related"
    # said in other words, it is stated
    reader = ClaimReader(claim, engine._planner.terms, lambda _: 1.0, near=lambda _, others: "huge" in others)
    judged = reader.judge(sentence.replace("a pittance", "huge"))
    assert judged is not None and judged.relation == "supports"
    # a participle a preposition follows is the claim's verb, not its point
    claim = "More than 120,000 people are held in political prison camps in the country."
    sentence = "More than 120,000 people languish in political prison camps in the country."
    reader = ClaimReader(claim, engine._planner.terms, lambda _: 1.0, near=lambda _, others: False)
    judged = reader.judge(sentence)
    assert judged is not None and judged.relation == "supports"


def test_a_sentence_leaving_out_the_claims_figures_does_not_deny_it(engine):
    claim = "Mali supports Africa's demand for two permanent seats on the Security Council."
    sentence = "Africa is the only region not to have a permanent seat on the Security Council, Mali says."
    assert _relation(engine, claim, sentence) == ("related", None)
    # the same negation with the claim's figure denies it
    sentence = "Mali does not support Africa's demand for two permanent seats on the Security Council."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")


def test_a_name_opening_the_claim_with_its_possessive_is_a_name(engine):
    claim = "The UN's budget is only 0.006 per cent of the world's combined income."
    sentence = "The assets of the richest are more than the combined income of 41 per cent of the world's people."
    assert _relation(engine, claim, sentence) in (("related", None), None)


def test_a_negated_exceeding_states_the_bound_a_claims_figure_gives(engine):
    sentence = "The aid of the rich countries does not exceed US$ 50 billion a year."
    assert _relation(engine, "The rich countries give less than US$ 50 billion a year in aid.", sentence) == (
        "supports",
        None,
    )
    # a claim of more than the bound is denied
    claim = "The rich countries give more than US$ 50 billion a year in aid."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")


def test_a_negation_in_a_relative_clause_of_what_the_sentence_has_said_denies_nothing(engine):
    claim = "Rwanda has ratified the instruments to combat terrorism."
    sentence = "Rwanda has now ratified the instruments to combat terrorism that it had not ratified before."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # outside a relative clause, the same words deny it
    sentence = "Rwanda has ratified the conventions and has not ratified the instruments to combat terrorism."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")


def test_a_refusal_negates_the_verb_after_it_only(engine):
    claim = "Rwanda refused to submit a report to the Committee."
    assert _relation(engine, claim, "Rwanda has just submitted its first report to the Committee.") == (
        "contradicts",
        None,
    )
    sentence = "The States refused to compel Israel to end the military occupation of the Palestinian people."
    claim = "The Palestinian people live under Israel's military occupation."
    assert _relation(engine, claim, sentence) == ("related", None)
    # and denies the verb after it
    claim = "The States ended the military occupation of the Palestinian people."
    assert _relation(engine, claim, sentence.replace("compel Israel to end", "end")) == ("contradicts", "refused to")


def test_a_failure_of_someone_to_do_something_says_they_did_not(engine):
    sentence = "The failure of the regional council to agree on a budget in March surprised nobody."
    claim = "The regional council agreed on a budget in March."
    assert _relation(engine, claim, sentence) == ("contradicts", "failure of the regional council to")
    assert _relation(engine, "The regional council failed to agree on a budget in March.", sentence) == (
        "supports",
        None,
    )
    # and a failure to do it, with no one named
    sentence = "The failure to agree on a budget in March surprised nobody."
    assert _relation(engine, "A budget was agreed in March.", sentence) == ("contradicts", "failure to")


def test_a_sentence_giving_the_claims_figure_outweighs_one_giving_another(engine):
    reader = _plain(engine, "Donors pledged $520 million for Liberia.")
    given = reader.judge("The donors for Liberia responded with pledges of $520 million.")
    other = reader.judge("Donors for Liberia have made firm $455 million of those pledges.")
    assert given is not None and given.given and other is not None and other.relation == "contradicts"
    assert [j.relation for j in weighed([other, given])] == ["related", given.relation]
    # without it, the other figure contradicts the claim
    assert weighed([other]) == [other]
    # a contradiction that is no other figure stands
    denied = Judgement("contradicts", 0.9, "not")
    assert weighed([denied, given])[0] == denied


def test_a_verb_with_its_particle_may_say_a_claims_word(engine):
    claim = "Liberia endured 15 years of violent conflict."
    sentence = "Liberia has gone through 15 years of violent conflicts."
    # ("endured" weighing more than the others: the sentence must say it)
    reader = ClaimReader(
        claim,
        engine._planner.terms,
        lambda t: 2.0 if t == "endur" else 1.0,
        near=lambda _, others: "gone through" in others,
    )
    judged = reader.judge(sentence, close=True)
    assert judged is not None and judged.relation == "supports"
    # the verb alone says nothing of it
    judged = reader.judge(sentence.replace("through", "on"), close=True)
    assert judged is not None and judged.relation == "related"


def test_a_sentence_saying_only_that_something_began_does_not_state_it_done(engine):
    sentence = "On 17 September, Rwanda began to withdraw its troops from the Congo."
    claim = "Rwanda completed the withdrawal of its troops from the Congo on 17 September."
    assert _relation(engine, claim, sentence) == ("related", None)
    # a claim that it began is stated
    assert _relation(engine, claim.replace("completed", "began"), sentence) == ("supports", None)


def test_a_sentence_asking_another_to_do_something_does_not_state_it_done(engine):
    sentence = "In June, Liberia pleaded with the Security Council to lift the sanctions on diamonds and timber."
    assert _relation(engine, "Liberia lifted the sanctions on diamonds and timber.", sentence) == ("related", None)
    claim = "Liberia pleaded with the Security Council to lift the sanctions on diamonds and timber."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_few_is_set_against_many(engine):
    sentence = "Timor-Leste has very few trained judges, prosecutors or lawyers."
    claim = "Timor-Leste has many trained judges, prosecutors and lawyers."
    assert _relation(engine, claim, sentence) == ("contradicts", "few")
    assert _relation(engine, claim.replace("many", "few"), sentence.replace("very few", "many")) == (
        "contradicts",
        "many",
    )
    # "a few" is some, which "many" holds
    claim = "A few trained judges have left Timor-Leste."
    assert _relation(engine, claim, "Many trained judges have left Timor-Leste.") == ("supports", None)


def test_the_same_number_of_another_unit_is_another_figure(engine):
    sentence = "Three weeks ago, the Danish Government submitted a draft bill to its Parliament."
    claim = "The Danish Government submitted a draft bill to its Parliament three months ago."
    assert _relation(engine, claim, sentence) == ("contradicts", "Three")
    assert _relation(engine, claim.replace("months", "weeks"), sentence) == ("supports", None)
    # the same amount in another unit of the measure is the claim's
    claim = "Sierra Leone's rebellion lasted two decades."
    assert _relation(engine, claim, "Sierra Leone's rebellion lasted 20 years.") == ("supports", None)
    assert _relation(engine, claim, "Sierra Leone's rebellion lasted 20 months.") == ("contradicts", "20")


def test_a_particle_the_claim_says_its_subject_is_must_be_said(engine):
    sentence = "The serious humanitarian crisis in Sierra Leone still prevails."
    assert _relation(engine, "The humanitarian crisis in Sierra Leone is over.", sentence) == ("related", None)
    assert _relation(engine, "The humanitarian crisis in Sierra Leone is finally over.", sentence) == ("related", None)
    assert _relation(engine, "The humanitarian crisis in Sierra Leone is over.", sentence + " It is over.") == (
        "supports",
        None,
    )
    # "over" before a figure qualifies it, and says nothing of the subject
    claim = "The rate of poverty in Sierra Leone is over 60 per cent."
    assert _relation(engine, claim, "The rate of poverty in Sierra Leone is more than 60 per cent.") == (
        "supports",
        None,
    )


def test_a_claims_not_is_contradicted_only_by_a_sentence_holding_what_it_denies(engine):
    sentence = "At the conference, Sierra Leone pleaded in vain for action against arms transfers to rebels."
    claim = "At the conference, Sierra Leone pleaded without success for action against arms transfers to rebels."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("in vain", "with success")) == ("contradicts", None)
    # what "no longer" denies is the word after it
    claim = "Liberia says the sanctions no longer hurt the country."
    assert _relation(engine, claim, "Sanctions continue to hurt Liberia.") == ("contradicts", None)


def test_the_verb_a_speech_says_its_sentences_with_is_no_word_they_must_hold(engine):
    sentence = "The world must achieve nuclear disarmament."
    claim = "Chad calls for nuclear disarmament."
    assert _relation(engine, claim, sentence, speaker=frozenset({"TD"})) == ("supports", None)
    assert _relation(engine, claim, sentence, speaker=frozenset({"DK"})) == ("related", None)
    # the one it calls on is no doer of the claim
    sentence = "We appeal to the United States Congress to lift all forms of sanctions on Cuba."
    claim = "Timor-Leste calls on the United States Congress to lift all forms of sanctions on Cuba."
    assert _relation(engine, claim, sentence, speaker=frozenset({"TL"})) == ("supports", None)


def test_a_word_of_degree_set_against_the_claims_before_the_same_word_contradicts_it(engine):
    claim = "The summit had a more ambitious outcome."
    assert _relation(engine, claim, "The summit had a less ambitious outcome.") == ("contradicts", "less")
    assert _relation(engine, claim, "The summit had a more ambitious outcome.") == ("supports", None)
    # before "than" a degree word is a figure's qualifier, compared with the figure, not graded
    claim = "More than 40,000 fighters were demobilized."
    assert _relation(engine, claim, "More than 40,000 fighters were demobilized, fewer than expected.") == (
        "supports",
        None,
    )


def test_a_country_that_says_the_claim_after_it_is_the_speaker_of_its_own_speech(engine):
    claim = "The Council must react firmly against violations of human rights, Sweden says."
    sentence = "The Council must react firmly against violations of human rights."
    assert _relation(engine, claim, sentence, speaker=frozenset({"SE"})) == ("supports", None)
    assert _relation(engine, claim, sentence, speaker=frozenset({"NO"})) == ("related", None)
    claim = "The Council must react firmly against violations of human rights, according to Sweden."
    assert _relation(engine, claim, sentence, speaker=frozenset({"SE"})) == ("supports", None)


def test_what_a_country_wants_is_what_its_speech_says_should_be(engine):
    sentence = "The use of the veto should be limited."
    claim = "Sweden wants the use of the veto to be limited."
    assert _relation(engine, claim, sentence, speaker=frozenset({"SE"})) == ("supports", None)
    assert _relation(engine, claim, sentence, speaker=frozenset({"NO"})) == ("related", None)


def test_not_yet_is_a_negation_of_its_own_clause(engine):
    claim = "A definitive peace is now within sight in Colombia."
    sentence = "In Colombia a definitive peace is not yet within sight."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")
    # "yet" still joins two clauses, and the negation of the other denies nothing of the claim
    sentence = "In Colombia a definitive peace is now within sight, yet the talks have not ended."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_bound_set_on_another_figure_does_not_deny_the_claims(engine):
    sentence = "Poverty in Colombia will not exceed 35 per cent by 2010 and will reach 15 per cent by 2019."
    assert _relation(engine, "Poverty in Colombia will reach 15 per cent by 2019.", sentence) == ("supports", None)
    assert _relation(engine, "Poverty in Colombia will reach 35 per cent by 2010.", sentence) == ("contradicts", "not")


def test_a_change_is_said_by_any_word_on_its_side(engine):
    claim = "Poverty fell in Colombia."
    assert _relation(engine, claim, "In Colombia poverty was down.") == ("supports", None)
    assert _relation(engine, claim, "In Colombia poverty declined.") == ("supports", None)
    assert _relation(engine, claim, "In Colombia poverty was high.") == ("related", None)


def test_a_countrys_office_that_says_the_claim_is_its_speaker(engine):
    claim = "Colombia's President says a definitive peace is now within sight."
    sentence = "A definitive peace is now within sight."
    assert _relation(engine, claim, sentence, speaker=frozenset({"CO"})) == ("supports", None)
    assert _relation(engine, claim, sentence, speaker=frozenset({"PE"})) == ("related", None)


def test_a_country_after_to_or_regarding_is_spoken_of_not_the_actor(engine):
    claim = "Mozambique urges the parties in Western Sahara to find a political solution."
    for opening in ("With regard to Western Sahara", "Regarding Western Sahara", "As regards Western Sahara"):
        sentence = f"{opening}, we urge the parties to find a political solution."
        assert _relation(engine, claim, sentence, speaker=frozenset({"MZ"})) == ("supports", None), opening
    # a country that opens the sentence is its actor
    sentence = "Western Sahara's parties urge us to find a political solution."
    assert _relation(engine, claim, sentence, speaker=frozenset({"MZ"})) == ("related", None)


def test_a_without_of_none_of_the_claims_words_leaves_its_not_contradicted(engine):
    claim = "States should not have the right to use nuclear energy for peaceful purposes."
    sentence = "All States, without discrimination, should have the right to use nuclear energy for peaceful purposes."
    assert _relation(engine, claim, sentence) == ("contradicts", None)
    # "without" of the claim's own words still keeps it from being contradicted
    sentence = "All States should have, without the right to use nuclear energy, peaceful purposes."
    assert _relation(engine, claim, sentence) != ("contradicts", None)


def test_a_comparison_made_the_other_way_contradicts_the_claim(engine):
    sentence = "The number of demobilized guerrillas is higher than the number killed by official forces."
    swapped = "More guerrillas have been killed by official forces than have been demobilized."
    assert _relation(engine, swapped, sentence) == ("contradicts", "higher")
    assert _relation(engine, "Fewer guerrillas have been demobilized than killed by official forces.", sentence) == (
        "contradicts",
        "higher",
    )
    assert _relation(engine, "More guerrillas have been demobilized than killed by official forces.", sentence) == (
        "supports",
        None,
    )


def test_a_deficit_is_set_against_a_surplus(engine):
    sentence = "Presently, Malawi has a food surplus amounting to 1.4 million metric tons."
    assert _relation(engine, "Malawi has a food deficit of 1.4 million metric tons.", sentence) == (
        "contradicts",
        "surplus",
    )
    assert _relation(engine, "Malawi has a food surplus of 1.4 million metric tons.", sentence) == ("supports", None)


def test_a_wish_to_say_something_states_it(engine):
    claim = "The pandemic in Malawi is not showing signs of a decline."
    sentence = "The Assembly may wish to note that the pandemic in Malawi is showing signs of a decline."
    assert _relation(engine, claim, sentence) == ("contradicts", None)
    # a wish for what the claim denies is no statement of it
    sentence = "The Assembly may wish to see the pandemic in Malawi showing signs of a decline."
    assert _relation(engine, claim, sentence) == ("related", None)


def test_a_wish_to_do_what_saying_does_does_it(engine):
    claim = "Ghana congratulated the Secretary-General on his appointment to a second term."
    sentence = "We also want to congratulate the Secretary-General on his appointment to a second term."
    assert _relation(engine, claim, sentence, speaker=frozenset({"GH"})) == ("supports", None)
    # a wish to do what saying does not do is no deed
    claim = "Ghana met the Secretary-General during his second term."
    sentence = "We also want to meet the Secretary-General during his second term."
    assert _relation(engine, claim, sentence, speaker=frozenset({"GH"})) == ("related", None)


def test_what_remains_to_be_done_is_not_done(engine):
    sentence = "What remains to be done is to determine the sources of funding for the Green Climate Fund."
    claim = "The sources of funding for the Green Climate Fund have been determined."
    assert _relation(engine, claim, sentence) == ("related", None)
    # a claim that says it is still to do is stated
    still = "The sources of funding for the Green Climate Fund remain to be determined."
    assert _relation(engine, still, sentence) == ("supports", None)
    sentence = "The sources of funding for the Green Climate Fund have been determined."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_an_ordinal_set_against_the_claims_in_its_place_contradicts_it(engine):
    sentence = "Gross National Happiness is a concept conceived by our fourth King in Bhutan."
    assert _relation(engine, "Gross National Happiness was conceived by the fifth King in Bhutan.", sentence) == (
        "contradicts",
        "fourth",
    )
    assert _relation(engine, "Gross National Happiness was conceived by the fourth King in Bhutan.", sentence) == (
        "supports",
        None,
    )


def test_raised_is_a_rise(engine):
    sentence = "In Guatemala net school attendance was raised from 72.6 per cent in 1997 to 95.5 per cent in 2006."
    claim = "Net school attendance in Guatemala fell between 1997 and 2006."
    assert _relation(engine, claim, sentence) == ("contradicts", "raised")
    assert _relation(engine, claim.replace("fell", "rose"), sentence) == ("supports", None)


def test_a_negation_of_what_a_preposition_brings_denies_it(engine):
    claim = "Bhutan has served in the Security Council of the United Nations."
    sentence = "Bhutan has served in many bodies, but not in the Security Council of the United Nations."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")
    sentence = "Bhutan has served in the Security Council of the United Nations, but not in vain."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_figure_counts_no_word_of_a_share(engine):
    claim = "Guatemala's overall poverty index dropped from 56 per cent in 2000 to 51 per cent in 2006."
    sentence = (
        "In Guatemala the overall poverty index fell five percentage points between the years 2000 and 2006, from"
        " 56 per cent of the population to 51 per cent, respectively."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_sentence_says_the_opposite_only_of_what_the_claim_speaks_of(engine):
    claim = "Guatemala's economy grew 5.6 per cent in 2007."
    sentence = "In Guatemala the poverty index fell by 5.6 per cent in 2007."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, "In Guatemala the economy fell 5.6 per cent in 2007.") == ("contradicts", "fell")


def test_a_sentence_opening_on_a_condition_does_not_state_its_main_clause(engine):
    claim = "Some Pacific nations will be submerged."
    sentence = "Unless global warming is reversed, some Pacific nations will be submerged."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, "Some Pacific nations will be submerged, scientists warn.") == ("supports", None)
    # a claim under the same condition is stated
    claim = "Unless global warming is reversed, some Pacific nations will be submerged."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # what it does under the condition, it states
    claim = "Nauru calls on Russia to ratify the protocol."
    assert _relation(engine, claim, "If that is the case, then Nauru calls on Russia to ratify the protocol.") == (
        "supports",
        None,
    )


def test_a_respectively_list_gives_each_year_its_own_figure(engine):
    sentence = (
        "Vanuatu's growth was recorded in 2004 and 2005, with growth rates of 5.5 per cent and 6.8 per cent"
        " respectively."
    )
    assert _relation(engine, "Vanuatu's growth rate in 2004 was 6.8 per cent.", sentence) == (
        "contradicts",
        "5.5 per cent",
    )
    assert _relation(engine, "Vanuatu's growth rate in 2005 was 6.8 per cent.", sentence) == ("supports", None)


def test_an_ordinal_is_read_in_words_and_set_only_against_ordinals(engine):
    sentence = (
        "Sweden co-chaired the negotiations on the declaration on the seventy-fifth anniversary of the United"
        " Nations, which was adopted on 21 September."
    )
    claim = "Sweden co-chaired the negotiations on the declaration on the 75th anniversary of the United Nations."
    assert _relation(engine, claim, sentence) == ("supports", None)
    assert _relation(engine, claim.replace("75th", "76th"), sentence) == ("contradicts", "seventy-fifth")
    # a day of the month is no other figure for an ordinal
    unnumbered = sentence.replace("seventy-fifth ", "")
    assert _relation(engine, claim, unnumbered) == ("related", None)


def test_a_negation_in_a_relative_clause_denies_the_claims_words_it_holds(engine):
    claim = "The elections in Belarus on 9 August were free and fair."
    sentence = "Sweden is alarmed at the situation in Belarus following the elections on 9 August, which were {}."
    assert _relation(engine, claim, sentence.format("neither free nor fair")) == ("contradicts", "neither")
    assert _relation(engine, claim, sentence.format("free and fair")) == ("supports", None)


def test_no_sign_of_a_change_on_the_claims_side_denies_it(engine):
    claim = "The number of internally displaced people is falling."
    sentence = "The record numbers of internally displaced people around the world show no sign of decreasing."
    assert _relation(engine, claim, sentence) == ("contradicts", "no")
    assert _relation(engine, claim, sentence.replace("show no sign of decreasing", "are decreasing")) == (
        "supports",
        None,
    )


def test_an_abbreviation_is_spelled_past_the_part_after_a_hyphen(engine):
    claim = "Sweden will chair the OSCE next year."
    sentence = (
        "Next year, Sweden will assume the role of Chair of the Organization for Security and Co-operation in Europe."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_body_named_by_a_number_gives_no_figure(engine):
    sentence = (
        "We urge that the $20 billion pledged by the Group of Eight (G-8) for enhanced food production be disbursed."
    )
    assert _relation(engine, "The G-8 pledged $20 billion for enhanced food production.", sentence) == (
        "supports",
        None,
    )


def test_a_part_and_its_whole_the_claim_gives_are_both_given(engine):
    sentence = (
        "Of the approximately 60,000 terrorists that ravaged Colombia, 48,000 have abandoned their criminal"
        " organizations and joined the reintegration programme."
    )
    claim = (
        "In Colombia, 48,000 of about 60,000 terrorists have abandoned their organizations and joined the"
        " reintegration programme."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # two figures the claim gives to two things, which the sentence gives the other way round
    sentence = (
        "Malawi has a high level of female adult illiteracy, namely, 48 per cent as compared to 24 per cent for men."
    )
    claim = "Female adult illiteracy in Malawi is 24 per cent, compared with 48 per cent for men."
    assert _relation(engine, claim, sentence) != ("supports", None)


def test_a_verbs_negation_denies_it_past_a_passives_be(engine):
    claim = "The pledges made at the Brussels donors conference have been honoured."
    sentence = "It is regrettable that many pledges made at the Brussels donors conference have yet to be honoured."
    assert _relation(engine, claim, sentence) == ("contradicts", "have yet to")


def test_not_having_is_what_a_claim_lacks(engine):
    claim = "More than 1 billion people lack access to clean water."
    sentence = "Today, more than 1 billion people do not have access to clean water."
    assert _relation(engine, claim, sentence) == ("supports", None)
    assert _relation(engine, claim, sentence.replace("do not have", "have")) == ("contradicts", "have")


def test_a_year_that_is_part_of_a_name_gives_no_date(engine):
    claim = "Hungary adopted a new consolidated Constitution in April 2012."
    sentence = "Hungary did not have a new, consolidated Constitution unlike the 1949 Constitution."
    assert _relation(engine, claim, sentence) != ("contradicts", "1949")
    assert _relation(engine, claim, "Hungary adopted a new consolidated Constitution in April 2011.") == (
        "contradicts",
        "2011",
    )


def test_a_countrys_people_in_a_name_names_the_country_and_the_thing_apart(engine):
    claim = "The Libyan Political Agreement was signed on 17 December 2015."
    sentence = "The heads of State of the OAU decided in Syrte, Libya, on 9 September 1999, to create the Union."
    assert _relation(engine, claim, sentence) != ("contradicts", "September")
    sentence = "The Libyan Political Agreement was signed on 17 December 2015, under the auspices of the UN."
    assert _relation(engine, claim, sentence) == ("supports", None)


def test_a_word_of_a_name_written_small_after_a_prospect_is_not_sought(engine):
    claim = "The Libyan Political Agreement was signed on 17 December 2015."
    sentence = (
        "We are firmly committed to promoting reconciliation and agreement in Libya so that the parties can"
        " implement the Libyan Political Agreement, signed on 17 December 2015."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    sentence = "We are firmly committed to signing the Libyan Political Agreement on 17 December 2015."
    assert _relation(engine, claim, sentence) == ("related", None)


def test_a_negation_of_other_words_leaves_the_rest_of_its_clause_stated(engine):
    claim = "A ferry accident in Tanzania killed over 200 people."
    sentence = "The President could not join us owing to the ferry accident in Tanzania that killed over 200 people."
    assert _relation(engine, claim, sentence) == ("supports", None)
    assert _relation(engine, claim, "The ferry accident in Tanzania did not kill over 200 people.") == (
        "contradicts",
        "not",
    )
    # a verb's negation before one of the claim's words may deny it, past the adverb in between
    assert _relation(engine, "Kenya eliminated malaria.", "Kenya failed to fully eliminate malaria.") == (
        "related",
        None,
    )
    # nor where only the claim's names follow it
    claim = "Costa Rica considers Venezuela a democracy."
    sentence = "Let us not allow repression and dictatorship in Venezuela to become normalized once again."
    judged = _plain(engine, claim).judge(sentence, speaker=frozenset({"CR"}), close=True)
    assert judged is not None and judged.relation == "related"


def test_a_word_set_against_the_claims_predicate_before_its_subject_contradicts_it(engine):
    claim = "The repatriation of Burundian refugees was forced."
    sentence = "Tanzania assisted in the voluntary repatriation of 46,000 Burundian refugees."
    assert _relation(engine, claim, sentence) == ("contradicts", "voluntary")
    assert _relation(engine, claim, sentence.replace("voluntary", "forced")) == ("supports", None)


def test_a_verb_that_ends_what_was_done_negates_it(engine):
    claim = "Malawi has stopped prosecuting suspects for the theft of public funds."
    sentence = "Malawi is prosecuting suspects for the theft of public funds."
    assert _relation(engine, claim, sentence) == ("contradicts", None)
    assert _relation(engine, claim, sentence.replace("is prosecuting", "has stopped prosecuting")) == (
        "supports",
        None,
    )
    assert _relation(engine, "Slovenia supports the Court.", "Slovenia withdrew its support for the Court.") == (
        "contradicts",
        "withdrew",
    )
    # seeking an end denies nothing yet
    claim = "Ebola is spreading in the Congo."
    assert _relation(engine, claim, "The Congo works to stop the spread of Ebola.") != ("contradicts", "stop")


def test_a_negation_of_other_words_is_not_the_claims_own(engine):
    claim = "Slovenia is no longer committed to a world without nuclear weapons."
    sentence = "Slovenia remains committed to a world without nuclear weapons."
    assert _relation(engine, claim, sentence) == ("contradicts", None)
    assert _relation(engine, claim, sentence.replace("remains", "is no longer")) == ("supports", None)


def test_the_claims_word_without_its_negating_prefix_in_another_form_contradicts_it(engine):
    claim = "Bees are unimportant for food production."
    assert _relation(engine, claim, "Bees are of critical importance for food production.") == (
        "contradicts",
        "importance",
    )
    assert _relation(engine, claim, "Bees are of little importance for food production.") != (
        "contradicts",
        "importance",
    )
    # an inflection of a word that only begins like it is another word: "imported" is no "important"
    assert _relation(engine, claim, "Bees are imported for food production.") != ("contradicts", "imported")


def test_what_the_claim_says_of_its_figure_said_of_another_figure_contradicts_it(engine):
    sentence = (
        "Roughly 1 in 4 people live in conflict zones; 310 million people require humanitarian assistance, and"
        " more than 120 million, or 1 in 70, are refugees."
    )
    assert _relation(engine, "310 million people are refugees.", sentence) == ("contradicts", "more than 120 million")
    assert _relation(engine, "More than 120 million people, about 1 in 70, are refugees.", sentence) == (
        "supports",
        None,
    )
    # a figure of another thing in between is listed with the claim's, and what follows is said of both
    claim = "754 General Assembly resolutions on Palestine have been ignored."
    sentence = "There are 754 General Assembly resolutions on Palestine and 97 Council resolutions, all ignored."
    assert _relation(engine, claim, sentence) != ("contradicts", "97")


def test_a_title_and_the_last_word_of_a_persons_name_name_the_person(engine):
    claim = "Nelson Mandela said that education is the most powerful weapon."
    sentence = "The late President Mandela once said that education is the most powerful weapon."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # without a title, a name's last word may be another person's
    assert _relation(engine, claim, sentence.replace("President Mandela", "Winnie Mandela")) == ("related", None)


def test_a_negation_in_a_later_clause_whose_subject_is_a_pronoun_denies_the_claim(engine):
    claim = "Military intervention can propagate peace."
    sentence = "Military intervention can end war, but {} cannot propagate peace."
    assert _relation(engine, claim, sentence.format("it")) == ("contradicts", "cannot")
    # a clause with its own subject may speak of another thing
    assert _relation(engine, claim, sentence.format("diplomacy")) != ("contradicts", "cannot")


def test_not_merely_denies_the_claims_own_merely(engine):
    claim = "Peace is merely the absence of war."
    assert _relation(engine, claim, "Peace is not merely the absence of war.") == ("contradicts", "not merely")
    assert _relation(engine, claim, "Peace is merely the absence of war.") == ("supports", None)
    # "not only" of a claim that says no "only" states what follows it
    assert _relation(engine, "Peace is the absence of war.", "Peace is not only the absence of war.") == (
        "supports",
        None,
    )


def test_a_word_set_against_an_able_word_denies_what_the_claim_says_can_be_done(engine):
    claim = "Reform of the United Nations can be avoided."
    assert _relation(engine, claim, "Reform of the United Nations is unavoidable.") == ("contradicts", "unavoidable")
    assert _relation(engine, claim, "Reform of the United Nations is inevitable.") == ("contradicts", "inevitable")
    # a claim that says what was done, not what can be, is not denied by it
    done = "Reform of the United Nations was avoided."
    assert _relation(engine, done, "Reform of the United Nations is unavoidable.") != ("contradicts", "unavoidable")


def test_a_word_of_blame_contradicts_a_claim_of_welcome(engine):
    claim = "Bulgaria welcomes the decision of Iran to suspend its commitments."
    sentence = "Bulgaria expresses deep {} about the decision of Iran to suspend its commitments."
    assert _relation(engine, claim, sentence.format("concern")) == ("contradicts", "concern")
    assert _relation(engine, "Bulgaria condemns the decision of Iran.", "Bulgaria applauds the decision of Iran.") == (
        "contradicts",
        "applauds",
    )


def test_a_negation_in_a_clause_opening_on_where_denies_the_claims_words_it_holds(engine):
    claim = "The small arms flowing into the Caribbean are manufactured there."
    sentence = "Those small arms flow into the Caribbean, where they are {}manufactured, and are linked to drugs."
    assert _relation(engine, claim, sentence.format("not ")) == ("contradicts", "not")
    assert _relation(engine, claim, sentence.format("")) != ("contradicts", "not")


def test_less_before_the_claims_word_contradicts_its_too(engine):
    claim = "The United Nations has become too focused on summits."
    assert _relation(engine, claim, "The United Nations has become less focused on summits.") == (
        "contradicts",
        "less",
    )
    # ... wherever else the sentence says "too"
    sentence = "The United Nations has become too preoccupied with delivery and less focused on summits."
    assert _relation(engine, claim, sentence) == ("contradicts", "less")
    both = "The United Nations has become too focused on summits and less focused on delivery."
    assert _relation(engine, claim, both) != ("contradicts", "less")


def test_what_is_beyond_ones_power_or_one_is_unable_to_do_is_denied(engine):
    claim = "Saint Kitts and Nevis can control the flow of guns into the region."
    sentence = "It is {} Saint Kitts and Nevis to control the flow of guns into the region."
    assert _relation(engine, claim, sentence.format("beyond the power of")) == ("contradicts", "beyond the power")
    assert _relation(engine, claim, "Saint Kitts and Nevis is unable to control the flow of guns into the region.") == (
        "contradicts",
        "unable to",
    )
    assert _relation(engine, claim, sentence.format("within the power of")) != ("contradicts", "beyond the power")


def test_under_is_set_against_over_and_fully_before_the_same_word(engine):
    claim = "Women are overrepresented in Government."
    assert _relation(engine, claim, "Women continue to be underrepresented in Government.") == (
        "contradicts",
        "underrepresented",
    )
    funded = "The humanitarian appeal for Somalia is fully funded."
    assert _relation(engine, funded, "The humanitarian appeal for Somalia remains underfunded.") == (
        "contradicts",
        "underfunded",
    )
    # a sentence that says the claim's own word too sets the two apart, not against each other
    both = "Some women are overrepresented and others underrepresented in Government."
    assert _relation(engine, claim, both) != ("contradicts", "underrepresented")


def test_most_and_least_after_a_verb_are_set_against_each_other(engine):
    claim = "Small island States have contributed the most to global climate change."
    least = "Small island States have contributed the least to global climate change."
    assert _relation(engine, claim, least) == ("contradicts", "least")
    # a sentence that says the claim's "the most" in that place too sets two things apart
    both = "Large economies have contributed the most to global climate change and small island States the least."
    assert _relation(engine, claim, both) != ("contradicts", "least")
    # nor does a "least" in another place, grading another word
    elsewhere = "Small island States, among the least developed countries, have contributed to global climate change."
    assert _relation(engine, claim, elsewhere) != ("contradicts", "least")


def test_under_is_set_against_over_in_another_part_of_speech(engine):
    claim = "Women are underrepresented in low-paid work."
    over = "There is an overrepresentation of women in low-paid work."
    assert _relation(engine, claim, over) == ("contradicts", "overrepresentation")
    assert _relation(engine, claim, over.replace("over", "under")) != ("contradicts", "underrepresentation")
    # a sentence that says the claim's own word too sets two things apart
    both = "Some women see an underrepresentation and others an overrepresentation in low-paid work."
    assert _relation(engine, claim, both) != ("contradicts", "overrepresentation")


def test_a_cut_is_set_against_an_increase(engine):
    claim = "Norway is cutting its development aid budget."
    assert _relation(engine, claim, "Norway announced an increase in its development aid budget.") == (
        "contradicts",
        "increase",
    )
    assert _relation(engine, claim, "Norway announced a reduction in its development aid budget.") != (
        "contradicts",
        "reduction",
    )


def test_what_is_said_to_go_on_is_not_over(engine):
    claim = "Chile has closed its gender pay gap."
    assert _relation(engine, claim, "Chile still has a gender pay gap.") == ("contradicts", "still")
    assert _relation(engine, claim, "In Chile the gender pay gap persists.") == ("contradicts", "persists")
    # a sentence with the claim's own verb of ending says it, whatever else goes on
    closed = "Chile, still proud, has closed its gender pay gap."
    assert _relation(engine, claim, closed) == ("supports", None)


def test_a_name_in_one_item_of_a_list_is_not_given_the_words_of_another(engine):
    sentence = (
        "Renowned diplomats include Rui Costa, President of the Assembly; Ana Lima, President of the Court; "
        "and Joao Silva, the fifth UN Secretary-General."
    )
    assert _relation(engine, "Ana Lima was UN Secretary-General.", sentence) == ("related", None)
    assert _relation(engine, "Joao Silva was UN Secretary-General.", sentence) == ("supports", None)
    # the words that lead the list are said of every item
    led = "Joao Silva is a renowned diplomat and was UN Secretary-General."
    assert _relation(engine, led, sentence) == ("supports", None)
    # the first item's own words are its own, past the words that lead the list
    sources = (
        "From China, we take the idea of dialogue; from Europe, its vision of a social pact; "
        "from Jesus, the idea of love."
    )
    assert _relation(engine, "We take the idea of dialogue from Europe.", sources) == ("related", None)
    # the first item holds what every item is said of
    career = "Ana Lima chaired the Assembly; presided over the Court; and later became UN Secretary-General."
    assert _relation(engine, "Ana Lima became UN Secretary-General.", career) == ("supports", None)


def test_un_and_non_make_a_words_opposite_wherever_the_sentence_says_it(engine):
    claim = "Peru's commitment to human rights is wavering."
    assert _relation(engine, claim, "Peru's commitment to human rights is unwavering.") == ("contradicts", "unwavering")
    assert _relation(engine, "The Pact is binding on its parties.", "The Pact is non-binding on its parties.") == (
        "contradicts",
        "non-binding",
    )
    # (not a word the claim says itself)
    seats = "Africa demands two permanent and five non-permanent seats."
    assert _relation(engine, seats, "Africa demands five non-permanent seats.") != ("contradicts", "non-permanent")


def test_words_of_strengthening_and_weakening_stand_against_each_other(engine):
    claim = "Sweden says settlements strengthen confidence in the peace process."
    undermine = "Sweden says settlements undermine confidence in the peace process."
    assert _relation(engine, claim, undermine) == ("contradicts", "undermine")


def test_a_verb_of_removal_with_out_is_set_against_a_verb_of_making(engine):
    claim = "Kenya is introducing plastic bags."
    assert _relation(engine, claim, "Kenya is phasing out plastic bags.") == ("contradicts", "phasing")
    assert _relation(engine, claim, "Kenya is carrying out plastic bags checks.") != ("contradicts", "carrying")


def test_off_is_set_against_on_before_the_same_word(engine):
    claim = "The global system is on course."
    assert _relation(engine, claim, "The global system is off course.") == ("contradicts", "off")
    assert _relation(engine, claim, "The global system is on course, though off balance.") == ("supports", None)


def test_a_speechs_our_gives_what_follows_to_its_speaker(engine):
    claim = "Guyana claims two-thirds of Venezuela's territory."
    sentence = "Venezuela reopened the issue, claiming two-thirds of our territory."
    guyana, venezuela = frozenset({"GY"}), frozenset({"VE"})
    assert _relation(engine, claim, sentence, speaker=guyana) == ("related", None)
    # in Venezuela's own speech, "our territory" is the claim's
    own = "In Venezuela, Guyana claims two-thirds of our territory."
    assert _relation(engine, claim, own, speaker=venezuela) == ("supports", None)


def test_an_opposite_in_the_claim_words_place_counts_though_the_claim_word_grades_another(engine):
    claim = "Guyana has one of the highest deforestation rates."
    sentence = "Guyana has the second highest forest cover on earth and one of the lowest deforestation rates."
    assert _relation(engine, claim, sentence) == ("contradicts", "lowest")
    # the claim's word in its place too sets two things apart
    both = "Guyana has one of the highest deforestation rates and one of the lowest deforestation rates in mining."
    assert _relation(engine, claim, both) != ("contradicts", "lowest")


def test_a_degree_sign_reads_as_degrees(engine):
    claim = "The limit is 2 degrees."
    sentence = "The limit is 2°."
    assert _relation(engine, claim, sentence) == ("supports", None)
    assert _relation(engine, claim, sentence.replace("2°", "2")) != ("supports", None)
    # and its figure stands against another number of degrees
    assert _relation(engine, "The limit is 1.5 degrees.", sentence) == ("contradicts", "2")


def test_an_all_stopped_short_of_all_does_not_state_all(engine):
    claim = "Mexico has achieved all of the Millennium Development Goals."
    sentence = "This confirms that Mexico has already achieved almost all the Millennium Development Goals."
    assert _relation(engine, claim, sentence) != ("supports", None)
    assert _relation(engine, claim, sentence.replace("almost all", "all")) == ("supports", None)
    # a claim's own "almost all" claims no more than the sentence's
    assert _relation(engine, claim.replace("all of", "almost all of"), sentence) == ("supports", None)


def test_a_place_the_sentence_before_gives_the_claims_thing_carries_over(engine):
    reader = _plain(engine, "Erratic rainfall is the main cause of the drought in the Horn of Africa.")
    sentence = "While erratic rainfall in past years is the main cause of the drought, violence has hampered aid."
    before = "The drought situation in the Horn of Africa threatens the lives of 12 million people."
    assert reader.leans_back(sentence)
    judged = reader.judge(sentence, before=before)
    assert judged is not None and judged.relation == "supports"
    # not when the sentence before places another thing there, nor the drought in another place
    for other in ("Famine in the Horn of Africa threatens many.", "The drought in the Sahel threatens many."):
        judged = reader.judge(sentence, before=other)
        assert judged is not None and judged.relation == "related", other


def test_the_best_is_set_against_the_least_before_the_same_word(engine):
    claim = "The Convention to Combat Desertification is the best supported of the three Rio Conventions."
    sentence = "The Convention to Combat Desertification is the least supported of the three Rio Conventions."
    assert _relation(engine, claim, sentence) == ("contradicts", "least")
    assert _relation(engine, claim.replace("best", "least"), sentence) == ("supports", None)
    assert _relation(engine, claim.replace("best", "worst"), sentence.replace("least", "best")) == (
        "contradicts",
        "best",
    )


def test_one_of_the_only_two_does_not_state_the_only_one(engine):
    claim = "Argentina is the only country in the Americas that has been a target of terrorism."
    sentence = "Argentina is one of the only two countries in the Americas that have been the target of terrorism."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("one of the only two countries", "the only country")) == (
        "supports",
        None,
    )


def test_a_first_person_in_a_relative_clause_or_an_aside_is_not_the_doer(engine):
    claim = "Argentina says Iran's message does not satisfy its demands for justice."
    sentence = "The message that we received from Iran, as I said, does not satisfy our demands for justice."
    assert _relation(engine, claim, sentence, speaker=frozenset({"AR"})) == ("supports", None)
    # a first person that is the sentence's subject still makes it the speaker's doing
    sentence = "We received the message from Iran, and we do not satisfy our demands for justice."
    assert _relation(engine, claim, sentence, speaker=frozenset({"AR"})) == ("related", None)


def test_a_denial_of_a_word_the_claim_says_only_in_a_name_denies_something_else(engine):
    claim = "The permanent member category of the Security Council should be eliminated."
    sentence = "The permanent member category of the Security Council is not about defending security."
    assert _relation(engine, claim, sentence) == ("related", None)
    sentence = "The permanent member category of the Security Council should not be eliminated."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")


def test_a_year_dating_another_thing_is_no_other_date_for_the_claims(engine):
    claim = "Ghana invited the President to observe its 2012 elections."
    sentence = (
        "Back in 2017, when I made my first appearance at the General Assembly as the newly elected President of"
        " Ghana, I said that neither Ghana nor Africa wanted to be scars on anybody's conscience."
    )
    assert _relation(engine, claim, sentence) == ("related", None)
    # a year of the same thing, or of nothing named, is another date for it
    sentence = "I should like to invite you, Mr. President, to observe the 2016 elections in Ghana."
    assert _relation(engine, claim, sentence) == ("contradicts", "2016")
    sentence = "I should like to invite you, Mr. President, to observe how Ghana votes in 2016."
    assert _relation(engine, claim, sentence) == ("contradicts", "2016")


def test_another_thing_after_the_claims_of_is_no_statement_of_it(engine):
    claim = "Poverty and inequality are root causes of terrorism."
    sentence = (
        "Sustainable development is an essential tool for eradicating poverty and inequality, which are root causes"
        " of insecurity."
    )
    # (a model that finds only "violence" near "terrorism")
    reader = ClaimReader(claim, engine._planner.terms, lambda _: 1.0, near=lambda _, others: "violence" in others)
    judged = reader.judge(sentence, close=True)
    assert judged is not None and judged.relation == "related"
    judged = reader.judge(sentence.replace("insecurity", "violence"), close=True)
    assert judged is not None and judged.relation == "supports"  # a word near it in its place says it


def test_a_change_the_other_way_contradicts_the_claim(engine):
    sentence = (
        "Over the years, relations between the United Nations and Thailand have evolved from a traditional donor-"
        "recipient relationship to one of partners in development."
    )
    reversed_ = "Thailand's relations with the UN evolved from partners in development to donor and recipient."
    assert _relation(engine, reversed_, sentence) == (
        "contradicts",
        "from a traditional donor-recipient relationship to one of partners in development",
    )
    kept = "Thailand's relations with the United Nations evolved from donor and recipient to partners in development."
    assert _relation(engine, kept, sentence) == ("supports", None)


def test_a_wish_in_a_clause_of_its_own_seeks_nothing_of_the_rest(engine):
    claim = "Thailand has supported United Nations peace operations in more than 20 locations."
    sentence = (
        "Wishing to do our part, Thailand has actively supported the peace operations of the United Nations in"
        " more than 20 locations."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # what its own clause says is all it seeks
    sentence = "Wishing to support United Nations peace operations in more than 20 locations, Thailand trains officers."
    assert _relation(engine, claim, sentence) == ("related", None)


def test_a_word_for_an_ending_states_a_claims_stopped(engine):
    claim = "Road construction in Niger financed by Libya has stopped."
    sentence = (
        "Libya's crisis has an economic impact on Niger, given the work stoppage on the road construction that was"
        " being financed by Libya."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # a call for the ending says it has not come yet, and one without it does not state it
    sought = sentence.replace("given the work stoppage on", "which calls for a halt to")
    assert _relation(engine, claim, sought) == ("related", None)
    assert _relation(engine, claim, sentence.replace("work stoppage", "progress")) == ("contradicts", None)


def test_whom_a_figure_counts_may_stand_before_it(engine):
    claim = "The poorest 20 per cent of the world's people receive only 1.5 per cent of its income."
    sentence = (
        "Today, 2.5 billion of the world's people live on less than $2 a day, while the income of 20 per cent of"
        " the poorest represents only 1.5 per cent."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # and the other way round, where another figure counts them after it
    turned = "Only 1.5 per cent of the income goes to 20 per cent of the poorest."
    other = (
        "The poorest 20 per cent of people get only 1.5 per cent of the income, and 40 per cent of the poorest"
        " live in cities."
    )
    assert _relation(engine, turned, other) == ("supports", None)
    # the same share of the others is no statement of it
    richest = sentence.replace("of the poorest", "of the richest")
    assert _relation(engine, claim, richest) == ("contradicts", "richest")


def test_a_negation_in_a_clause_after_all_the_claims_words_denies_something_else(engine):
    claim = "A suicide attack struck the United Nations headquarters in Abuja."
    sentence = (
        "The suicide attack that struck the United Nations headquarters in Abuja proves that no region of the"
        " world is safe from terrorism."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # a clause with one of the claim's words is no clause of something else
    sentence = "Officials report that no suicide attack struck the United Nations headquarters in Abuja."
    assert _relation(engine, claim, sentence) == ("contradicts", "no")


def test_a_word_the_claim_says_only_in_a_name_in_another_form_is_not_sought(engine):
    claim = "Niger is one of the 122 Member States that have recognized the State of Palestine."
    sentence = (
        "My country, Niger, one of the 122 Member States that have already recognized the State of Palestine, is"
        " supporting its request for full membership in the United Nations."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # a request for one of its own words is still only sought
    sentence = "Niger requests that more Member States recognize the State of Palestine, as 122 have done."
    assert _relation(engine, claim, sentence) == ("related", None)


def test_a_day_of_something_else_the_claims_names_did_is_no_other_day_for_it(engine):
    claim = "Ban Ki-moon was re-elected as Secretary-General on 21 June."
    sentence = (
        "During his official visit to Luxembourg on 17 April 2012, Secretary-General Ban Ki-moon made the following"
        " eloquent pronouncement:"
    )
    assert _relation(engine, claim, sentence) == ("related", None)
    # the day of what the claim says happened is another day for it
    assert _relation(engine, claim, "Secretary-General Ban Ki-moon was re-elected on 17 April.") == (
        "contradicts",
        "17",
    )
    assert _relation(engine, claim, "Secretary-General Ban Ki-moon was re-elected on 21 April.") == (
        "contradicts",
        "April",
    )


def test_what_a_claim_says_was_promised_stands_though_the_promise_was_not_kept(engine):
    claim = "In the 1970s wealthy nations promised to raise their development aid to 0.7 per cent of GDP."
    sentence = (
        "We recall that the promise made by the world's wealthy nations, beginning in the 1970s, to increase their"
        " public development aid to 0.7 per cent of GDP has still not been kept."
    )
    assert _relation(engine, claim, sentence) == ("supports", None)
    # nor is a claim that it was done stated
    done = "In the 1970s wealthy nations raised their development aid to 0.7 per cent of GDP."
    assert _relation(engine, done, sentence) == ("related", None)


def test_a_country_after_a_preposition_and_its_the_is_no_doer(engine):
    claim = "The African Union High-level Implementation Panel on the Sudan is led by former President Thabo Mbeki."
    sentence = (
        "We will also maintain active support for the African Union High-level Implementation Panel on the Sudan,"
        " led by former President Thabo Mbeki."
    )
    assert _relation(engine, claim, sentence, speaker=frozenset({"KE"})) == ("supports", None)
    # the country that opens the claim does what it says, "the" or not
    claim = "The Sudan supports the African Union High-level Implementation Panel led by former President Thabo Mbeki."
    assert _relation(engine, claim, sentence, speaker=frozenset({"KE"})) == ("related", None)


def test_a_word_graded_is_not_the_word_itself(engine):
    claim = "Developing countries should have a smaller say in international governance."
    sentence = (
        "Mali deems it essential to carry out the commitments made at key international conferences, such as the"
        " Brussels Conference on the Least Developed Countries and the Global Conference on Small Island Developing"
        " States."
    )
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, "The smallest States bear the greatest burden.", "Small States bear a great burden.") == (
        "related",
        None,
    )
    # but the superlative is the word, and more: "as short as possible" is "the shortest duration possible"
    assert _relation(engine, "Small States bear a great burden.", "The smallest States bear the greatest burden.") == (
        "supports",
        None,
    )
    # a word in another form is still the word: "Bangladeshi" of "Bangladesh"
    assert _relation(engine, "Bangladeshi workers send money home.", "Workers from Bangladesh send money home.") == (
        "supports",
        None,
    )


def test_a_span_given_by_its_unit_alone_gives_the_claims_figure(engine):
    sentence = "We have also adopted a socio-economic development strategy for the next decade."
    claim = "Viet Nam has adopted a socio-economic development strategy for the next ten years."
    assert _relation(engine, claim, sentence, speaker=frozenset({"VN"})) == ("supports", None)
    # another span is not given by it, nor said otherwise: what the unit stands for is no figure of its own
    other = claim.replace("ten years", "five years")
    assert _relation(engine, other, sentence, speaker=frozenset({"VN"})) == ("related", None)


def test_the_organization_names_the_united_nations(engine):
    sentence = "South Sudan was admitted as the 193rd Member of the Organization."
    claim = "South Sudan was admitted as the 193rd Member of the United Nations."
    assert _relation(engine, claim, sentence) == ("supports", None)
    assert _relation(engine, claim.replace("193rd", "192nd"), sentence) == ("contradicts", "193rd")
    # an organization written small is any, not the one the Charter names
    assert _relation(engine, claim, sentence.replace("the Organization", "the organization")) == ("related", None)


def test_a_trend_the_other_way_contradicts_the_claim(engine):
    sentence = "As Nepal’s economy is increasingly dependent on remittances, that issue is very crucial for us."
    claim = "Nepal's economy depends less and less on remittances."
    assert _relation(engine, claim, sentence, speaker=frozenset({"NP"})) == ("contradicts", "increasingly")
    # the same trend said otherwise states it
    same = "Nepal's economy depends more and more on remittances."
    assert _relation(engine, same, sentence, speaker=frozenset({"NP"})) == ("supports", None)
    # a trend of something else says nothing against it
    other = "Nepal’s economy depends on remittances, and its exports of tea grow less and less."
    assert (_relation(engine, same, other, speaker=frozenset({"NP"})) or ("none",))[0] != "contradicts"


def test_a_figure_of_another_measure_is_no_other_figure(engine):
    sentence = "Nepal has rendered services to United Nations peace operations for more than six decades."
    claim = "Nepal has provided more than 80,000 peacekeepers to United Nations peace operations."
    assert (_relation(engine, claim, sentence) or ("none",))[0] != "contradicts"
    # a figure of the same measure is
    years = "Nepal has rendered services to United Nations peace operations for more than eight decades."
    assert _relation(engine, years, sentence) == ("contradicts", "more than six")


def test_what_a_sayer_says_in_the_infinitive_is_its_own_doing(engine):
    sentence = "We would like to be a vibrant bridge between our two neighbours, India and China, and beyond."
    claim = "Nepal wants to be a bridge between India and China."
    assert _relation(engine, claim, sentence, speaker=frozenset({"NP"})) == ("supports", None)
    # another country's doing is still another's
    other = "Nepal says India wants to be a bridge between China and Nepal."
    assert _relation(engine, other, sentence, speaker=frozenset({"NP"})) == ("related", None)


def test_a_span_of_the_same_thing_says_how_long_it_lasted(engine):
    sentence = "Thousands of martyrs died in the historic people’s war of 1996 to 2006 in Nepal."
    claim = "The people's war in Nepal lasted from 1996 to 2006."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # another span is not given
    assert (_relation(engine, claim.replace("1996", "1994"), sentence) or ("none",))[0] == "contradicts"


def test_an_irregular_form_is_its_verb(engine):
    sentence = "Since becoming a Member in 1971, Bhutan has served on many bodies."
    assert _relation(engine, "Bhutan became a Member in 1971.", sentence) == ("supports", None)
    # and the other way: a sentence's "held" says a claim's "holds"
    held = "Thailand held the presidency of the Council."
    assert _relation(engine, "Thailand holds the presidency.", held) == ("supports", None)
    # a verb's irregular form is not another verb's
    assert _relation(engine, "Thailand seized the presidency.", held) == ("related", None)
    # nor is an adjective's irregular comparative the adjective, which says less ("worse" is not "bad")
    assert _relation(engine, "The drought in Somalia is bad.", "The drought in Somalia is worse.") == ("related", None)


def test_half_a_unit_gives_half_its_span(engine):
    sentence = "The famine in the Horn of Africa was brought on by the worst drought in half a century."
    claim = "The famine in the Horn of Africa was brought on by the worst drought in fifty years."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # a whole century is a hundred years
    assert _relation(engine, claim, sentence.replace("half a century", "a century")) == ("related", None)


def test_a_goal_the_sentence_measures_against_is_not_only_sought(engine):
    sentence = "Development aid continues to fall short of the agreed goal of 0.7 per cent of national income."
    claim = "Development aid falls short of the agreed 0.7 per cent of national income."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # a goal set, not measured against, is still only sought
    assert _relation(engine, claim, sentence.replace("continues to fall short of", "has set")) == ("related", None)


def test_work_towards_something_is_not_its_having_happened(engine):
    sentence = "As co-Chairs of the Conference we will work hard on advancing the Test-Ban Treaty's entry into force."
    claim = "The Test-Ban Treaty has entered into force."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, "The Test-Ban Treaty has entered into force, as we hoped.") == ("supports", None)


def test_a_doer_named_after_by_is_the_one_who_did_it(engine):
    sentence = "Jamaica welcomes the initiative launched by President Sarkozy of France for the G-20."
    assert _relation(engine, "Jamaica launched the initiative for the G-20.", sentence) == ("related", None)
    assert _relation(engine, "President Sarkozy launched the initiative for the G-20.", sentence) == ("supports", None)
    # the claim may name the doer by the abbreviation the sentence gives, or by its initials
    pledge = "We urge that the $20 billion pledged by the Group of Eight (G-8) for food production be disbursed."
    assert _relation(engine, "The G-8 pledged $20 billion for food production.", pledge) == ("supports", None)
    programme = "We welcome the plan launched by the United Nations Development Programme for the G-20."
    assert _relation(engine, "UNDP launched the plan for the G-20.", programme) == ("supports", None)
    # a claim naming the deed, not its doer, is stated by the sentence naming who did it
    attack = "Jamaica condemns the attack by Al-Shabaab on the United Nations compound."
    assert _relation(engine, "Jamaica condemns the attack on the United Nations compound.", attack) == (
        "supports",
        None,
    )


def test_a_fraction_is_no_ordinal(engine):
    claim = "More than a third of the region's people live in poverty."
    sentence = "The region's people have been living in poverty through a second lost decade."
    assert _relation(engine, claim, sentence) == ("related", None)
    # an ordinal still stands against another
    assert _relation(engine, "The region lived through a third lost decade.", sentence) == ("contradicts", "second")


def test_a_name_ranked_within_is_not_the_figures_subject(engine):
    claim = "More than 200 million of Latin America's people live below the poverty line."
    sentence = "The number of people living below the poverty line fell to 300,000, the lowest in Latin America."
    assert _relation(engine, claim, sentence) == ("related", None)
    # the name as the sentence's subject
    named = "In Latin America, the number of people living below the poverty line fell to 300 million."
    assert _relation(engine, claim, named) == ("contradicts", "300 million")
    # a claim ranking within the name itself speaks of the same member
    ranked = "Uruguay has the lowest poverty rate in Latin America, 8 per cent."
    claimed = "Uruguay has the lowest poverty rate in Latin America, 10 per cent."
    assert _relation(engine, claimed, ranked) == ("contradicts", "8 per cent")


def test_a_share_of_a_whole_the_claim_does_not_speak_of_is_no_other_share(engine):
    claim = "More than a third of Latin America's people live in poverty."
    sentence = "In addition, 96 per cent of the world's poor live in Asia, in Africa and in Latin America."
    assert _relation(engine, claim, sentence) == ("related", None)
    # a share of the claim's own whole is
    own = "In Latin America, 20 per cent of people live in poverty."
    assert _relation(engine, claim, own) == ("contradicts", "20 per cent")


def test_a_country_named_as_the_object_of_anothers_doing_does_what_follows_it(engine):
    speaker = frozenset({"JM"})
    funded = "Norway funded the first solar plant in the region."
    thanks = "We thank the Government of Norway for funding the first solar plant in the region."
    assert _relation(engine, funded, thanks, speaker=speaker) == ("supports", None)
    welcome = "Last year we welcomed Timor-Leste as the newest member of the regional forum."
    claim = "Timor-Leste became the newest member of the regional forum."
    assert _relation(engine, claim, welcome, speaker=speaker) == ("supports", None)
    # the speaker's own doing, said of no country it names, is still no other country's
    own = "We funded the first solar plant in the region, with the support of Norway."
    assert _relation(engine, funded, own, speaker=speaker) == ("related", None)


def test_being_pleased_and_being_disappointed_are_set_against_each_other(engine):
    sentence = "We are deeply disappointed that the talks on the fisheries treaty have stalled."
    claim = "The country is pleased that the talks on the fisheries treaty have stalled."
    assert _relation(engine, claim, sentence) == ("contradicts", "disappointed")
    assert _relation(engine, claim.replace("pleased", "disappointed"), sentence) == ("supports", None)


def test_a_claim_standing_against_something_is_stated_only_by_a_sentence_that_stands_against_it(engine):
    sentence = "Fiji will spare no effort in working towards concluding a fisheries treaty that is legally binding."
    claim = "Fiji opposes a legally binding fisheries treaty."
    assert _relation(engine, claim, sentence) == ("related", None)
    # support is said in many ways ("spare no effort in working towards"), and stated without the word
    assert _relation(engine, "Fiji supports a legally binding fisheries treaty.", sentence) == ("supports", None)


def test_still_doing_what_the_claim_says_is_done_contradicts_it(engine):
    sentence = "The island is still rebuilding its schools after the cyclone of 2016."
    claim = "The island has fully rebuilt its schools after the cyclone of 2016."
    assert _relation(engine, claim, sentence) == ("contradicts", "still")
    # a claim that it goes on is stated
    assert _relation(engine, "The island is rebuilding its schools after the cyclone of 2016.", sentence) == (
        "supports",
        None,
    )


def test_a_verb_left_out_with_its_particle_is_said_otherwise_only_as_a_whole(engine):
    def near(word: str, others: Sequence[str]) -> bool:  # "turning" is near "pulling", "withdrawing" "pulling out"
        return {"pulling": "turning", "pulling out": "withdrawing"}.get(word) in others

    reader = ClaimReader(
        "The two companies are pulling out of solar energy.", engine._planner.terms, lambda _: 1.0, near
    )
    judged = reader.judge("The two companies are now turning to investments in solar energy.", close=True)
    assert judged is not None and judged.relation == "related"
    judged = reader.judge("The two companies are now withdrawing from solar energy.", close=True)
    assert judged is not None and judged.relation == "supports"
    # a figure's qualifier is no particle: "hitting" says "affecting" in "affecting over 12 million people"
    hit = ClaimReader(
        "The drought is affecting over 12 million people.",
        engine._planner.terms,
        lambda _: 1.0,
        lambda word, others: word == "affecting" and "hitting" in others,
    ).judge("The drought is hitting over 12 million people.", close=True)
    assert hit is not None and hit.relation == "supports"


def test_a_country_named_right_before_the_claims_verb_does_it_whatever_else_the_sentence_asks(engine):
    speaker = frozenset({"FJ"})
    claim = "Fiji supports the regional convention on ocean protection."
    urged = "I urge all States to sign the regional convention on ocean protection, which Fiji supports fully."
    assert _relation(engine, claim, urged, speaker=speaker) == ("supports", None)
    # asking others for it states no one's support, nor does the country's hope
    asked = "I urge all States to support the regional convention on ocean protection."
    assert _relation(engine, claim, asked, speaker=speaker) == ("related", None)
    hoped = "I urge all States to sign the regional convention on ocean protection, which Fiji hopes to support."
    assert _relation(engine, claim, hoped, speaker=speaker) == ("related", None)


def test_what_a_goal_is_is_not_yet_done(engine):
    speaker = frozenset({"FJ"})
    goal = "Our goal is to become one of the first carbon-neutral countries in the Pacific."
    claim = "Fiji has become one of the first carbon-neutral countries in the Pacific."
    assert _relation(engine, claim, goal, speaker=speaker) == ("related", None)
    aim = "Fiji aims to become one of the first carbon-neutral countries in the Pacific."
    assert _relation(engine, aim, goal, speaker=speaker) == ("supports", None)


def test_keeping_to_an_order_and_ignoring_it_are_set_against_each_other(engine):
    sentence = "The army, ignoring the orders of the court, has continued its attacks on the villages."
    claim = "The army has respected the orders of the court."
    assert _relation(engine, claim, sentence) == ("contradicts", "ignoring")


def test_a_typographic_apostrophe_is_the_typed_one_and_is_quoted_as_the_source_writes_it(engine):
    sentence = "We are currently participating in Haiti, Chad, Côte d’Ivoire and Liberia."
    claim = "Fiji is currently participating in Haiti, Chad, Côte d'Ivoire and Liberia."
    assert _relation(engine, claim, sentence, speaker=frozenset({"FJ"})) == ("supports", None)
    denied = "The Government didn’t sign the fisheries treaty in 2019."
    # (what it differs by is the source's own writing)
    assert _relation(engine, "The Government signed the fisheries treaty in 2019.", denied) == ("contradicts", "n’t")


def test_a_country_after_a_verb_in_ed_is_what_was_done_to_not_its_doer(engine):
    speaker = frozenset({"FJ"})
    sentence = "We support the appeal to rebuild Tonga after the devastation of the cyclone that struck in March 2018."
    claim = "The cyclone that devastated Tonga struck in March 2018."
    assert _relation(engine, claim, sentence, speaker=speaker) == ("supports", None)
    # a country before the verb still does it: the speaker's appeal is no cyclone of Tonga's
    assert _relation(engine, "Tonga appealed for help to rebuild after the cyclone.", sentence, speaker=speaker) == (
        "related",
        None,
    )


def test_a_claim_that_compares_is_stated_or_denied_only_by_a_sentence_that_compares(engine):
    claim = "Fiji believes a nation is more than just an economy."
    compares = "We in Fiji believe that a nation is more than just an economy; it is also a society."
    assert _relation(engine, claim, compares, speaker=frozenset({"FJ"})) == ("supports", None)
    plain = "We in Fiji believe that the global economy can bring prosperity to every nation."
    assert _relation(engine, claim, plain, speaker=frozenset({"FJ"})) == ("related", None)
    # nor does a sentence that does not compare deny it
    denying = "Fiji does not believe that a nation can grow its economy by sanctions."
    assert _relation(engine, claim, denying, speaker=frozenset({"FJ"})) == ("related", None)
    assert _relation(engine, claim, "Fiji does not believe a nation is more than just an economy.") == (
        "contradicts",
        "not",
    )


@pytest.mark.parametrize(
    ("claim", "sentence", "differs"),
    [
        (
            "The Government has abandoned the ceasefire agreement.",
            "The Government still adheres to the ceasefire agreement.",
            "adheres",
        ),
        (
            "The council decided to maintain the sanctions on the island.",
            "The council decided to lift the sanctions on the island.",
            "lift",
        ),
        ("The talks on the border have stalled.", "The talks on the border are progressing smoothly.", "progressing"),
    ],
)
def test_keeping_to_lifting_and_progressing_are_set_against_their_opposites(engine, claim, sentence, differs):
    assert _relation(engine, claim, sentence) == ("contradicts", differs)


def test_a_date_with_the_claims_day_and_year_but_another_month_contradicts_it(engine):
    sentence = (
        "We are grateful for the support of the United Nations through Security Council resolution 1509 (2003) "
        "of 19 September 2003, which established the mission in Liberia."
    )
    claim = "Security Council resolution 1509 (2003) on Liberia was adopted on 19 August 2003."
    assert _relation(engine, claim, sentence) == ("contradicts", "September")
    # (the month in the claim's own date, or a date of another day and year, contradicts nothing)
    assert _relation(engine, claim.replace("August", "September"), sentence) == ("supports", None)
    assert _relation(engine, claim.replace("19 August 2003", "2 August 2001"), sentence) == ("related", None)


def test_a_year_alone_gives_no_figure_that_makes_another_sentences_year_speak_of_something_else(engine):
    reader = _plain(engine, "Liberia aims to become a middle-income country by 2030.")
    other_goal = reader.judge("Liberia aims to build a middle school in every county of the country by 2030.")
    other_year = reader.judge("Liberia aims to become a middle-income country by 2020.")
    assert other_goal is not None and other_year is not None and not other_goal.given
    assert [j.relation for j in weighed([other_goal, other_year])] == [other_goal.relation, "contradicts"]


def test_a_country_whose_name_has_an_elided_particle_is_read_as_the_one_saying_the_claim(engine):
    claim = "Côte d'Ivoire notes that Somalia suffers famine because of the drought."
    sentence = "We note that Somalia suffers famine because of the drought."
    assert _relation(engine, claim, sentence, speaker=frozenset({"CI"})) == ("supports", None)


def test_the_speaker_saying_what_the_claim_has_it_say_leaves_the_doer_to_what_it_says(engine):
    sentence = (
        "I note with pride that Ms. Ellen Johnson Sirleaf, elected in 2005 to lead Liberia, heads an African State."
    )
    claim = "Ghana notes that Ellen Johnson Sirleaf was elected to lead Liberia in 2005."
    assert _relation(engine, claim, sentence, speaker=frozenset({"GH"})) == ("supports", None)
    assert _relation(engine, claim.replace("2005", "2003"), sentence, speaker=frozenset({"GH"})) == (
        "contradicts",
        "2005",
    )
    # the speaker's own doing is still no other country's: Liberia's "we welcome" does not say Ghana welcomed it
    welcomed = "We welcome with pride the election of Ms. Ellen Johnson Sirleaf in 2005."
    claim = "Ghana welcomed the election of Ellen Johnson Sirleaf in 2005."
    assert _relation(engine, claim, welcomed, speaker=frozenset({"LR"})) == ("related", None)


def test_a_negation_an_exception_takes_back_for_the_claims_thing_does_not_deny_it(engine):
    sentence = "There are no serious conflict situations in the region except for Darfur, where help is still needed."
    claim = "Darfur is the only serious conflict situation left in the region."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # the negation still denies what the exception does not name
    assert _relation(engine, "There are serious conflict situations left in the region.", sentence) == (
        "contradicts",
        "no",
    )


def test_an_opening_it_takes_the_country_the_sentence_before_names_with_the_thing_it_says_again(engine):
    before = "We remain in full solidarity with the people of Cuba in demanding the end to the embargo."
    sentence = "It is perhaps the longest-lasting embargo in history."
    claim = "Tanzania says the embargo on Cuba is perhaps the longest-lasting embargo in history."
    judged = _plain(engine, claim).judge(sentence, speaker=frozenset({"TZ"}), before=before)
    assert judged is not None and judged.relation == "supports"
    # nor without a thing of the claim's said in both: an "It" standing for something else
    judged = _plain(engine, claim).judge(
        sentence, speaker=frozenset({"TZ"}), before=before.replace("embargo", "blockade")
    )
    assert judged is not None and judged.relation == "related"


def test_a_figure_is_the_last_countrys_named_before_it(engine):
    sentence = (
        "How can small countries such as Belize with an economy of about $2 billion, or a country such as "
        "Jamaica with roughly $14 billion, or Panama which reaches $40 billion, face this threat alone?"
    )
    assert _relation(engine, "Belize has an economy of about $40 billion.", sentence) == (
        "contradicts",
        "about $2 billion",
    )
    assert _relation(engine, "Jamaica has an economy of about $2 billion.", sentence) == (
        "contradicts",
        "roughly $14 billion",
    )
    # the figure given with the claim's country states it, whoever the sentence names first
    assert _relation(engine, "Jamaica has an economy of roughly $14 billion.", sentence) == ("supports", None)
    assert _relation(engine, "Belize has an economy of about $2 billion.", sentence) == ("supports", None)


def test_a_claims_no_is_contradicted_only_by_a_sentence_saying_what_it_denies_of_some(engine):
    claim = "No country in the region is spared the problem of drug trafficking."
    every = "There are drug users in every country in the region, who buy from drug trafficking networks."
    assert _relation(engine, claim, every) == ("related", None)
    spared = "One country in the region is spared the problem of drug trafficking."
    assert _relation(engine, claim, spared) == ("contradicts", None)


def test_a_negation_in_a_predicate_an_aside_cut_off_from_its_subject_denies(engine):
    sentence = (
        "The reply that we received from the Government, although signifying a change of attitude, does not "
        "satisfy our demands, which, as I said quite clearly, are for justice."
    )
    claim = "The Government's reply fully satisfies the demands for justice."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")
    assert _relation(engine, "The Government's reply does not satisfy the demands for justice.", sentence) == (
        "supports",
        None,
    )
    # only where it stands before the claim's own verb: "should not obscure" denies nothing of the region
    obscure = (
        "That state of affairs, however, should not obscure the other region, which is admirably dealing with "
        "the pandemic."
    )
    assert _relation(engine, "Every country of the region is dealing admirably with the pandemic.", obscure) == (
        "related",
        None,
    )


def test_a_sentence_undoing_the_claims_thing_does_not_state_it_and_asking_for_the_undoing_contradicts_it(engine):
    lifting = (
        "Chile has consistently supported the resolutions which call for the lifting of the economic, "
        "commercial and financial embargo against Cuba."
    )
    # asking for the undoing contradicts standing for the thing, and does not state standing against it
    assert _relation(engine, "Chile has supported the embargo against Cuba.", lifting) == ("contradicts", "lifting")
    assert _relation(engine, "Chile has opposed the embargo against Cuba.", lifting) == ("related", None)
    urges = "Chile again urges the United States of America to completely lift the harsh economic embargo against Cuba."
    assert _relation(engine, "Chile supports the United States embargo against Cuba.", urges) == ("contradicts", "lift")
    regrets = "Chile regrets the calls to lift the harsh economic embargo against Cuba."
    assert _relation(engine, "Chile supports the economic embargo against Cuba.", regrets) != ("contradicts", "lift")
    # an undoing not asked for neither states nor contradicts it; a claim that undoes it too is stated
    supported = "Chile has supported the lifting of the economic embargo against Cuba."
    assert _relation(engine, "Chile has supported the embargo against Cuba.", supported) == ("related", None)
    assert _relation(engine, "Chile has supported the lifting of the embargo against Cuba.", supported) == (
        "supports",
        None,
    )
    # another phrase between the undoing and the claim's thing: the thing is not undone
    welcomed = "After the removal of mines, the displaced persons were welcomed home by Chile."
    assert _relation(engine, "Chile welcomed the displaced persons home.", welcomed) == ("supports", None)


def test_opposition_is_a_word_of_standing_against(engine):
    sentence = "Chile has repeatedly expressed its opposition to the embargo against Cuba."
    assert _relation(engine, "Chile has supported the embargo against Cuba.", sentence) == ("contradicts", "opposition")
    assert _relation(engine, "Chile opposes the embargo against Cuba.", sentence) == ("supports", None)


def test_a_claims_change_is_stated_only_by_a_sentence_that_says_it(engine):
    sentence = (
        "The numbers of armed forces personnel present in the Northern Province of the island have been kept at a "
        "minimal level."
    )
    claim = "The number of armed forces personnel present in the Northern Province of the island has increased."
    assert _relation(engine, claim, sentence) == ("related", None)
    risen = "The numbers of armed forces personnel present in the Northern Province of the island have risen."
    assert _relation(engine, claim, risen) == ("supports", None)


def test_growth_is_a_word_of_increase(engine):
    sentence = "The remarkable growth of 22 per cent of the economy of the north is a clear sign of success."
    assert _relation(engine, "The economy of the north shrank by 22 per cent.", sentence) == ("contradicts", "growth")
    assert _relation(engine, "The economy of the north grew by 22 per cent.", sentence) == ("supports", None)


def test_what_a_claim_says_is_something_must_be_said(engine):
    sentence = (
        "The most significant challenge to peace, stability, security and progress in the modern world of today is "
        "posed by the menace of terrorism."
    )
    claim = (
        "Climate change is the most significant challenge to peace, stability, security and progress in the modern "
        "world of today."
    )
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("the menace of terrorism", "climate change")) == (
        "supports",
        None,
    )
    # a pronoun may stand for it
    heel = "It is also the Achilles heel of many emerging economies in the world of today."
    assert _relation(
        engine, "Education is the Achilles heel of many emerging economies in the world of today.", heel
    ) == (
        "supports",
        None,
    )
    # a country said as a state may be the sentence's "we"
    pleased = "We are pleased that the talks on the fisheries treaty have resumed."
    assert _relation(
        engine, "The Government is pleased that the talks on the fisheries treaty have resumed.", pleased
    ) == (
        "supports",
        None,
    )


def test_a_figure_below_zero_says_which_way_a_change_went(engine):
    sentence = (
        "In 2003, the island's economic growth rebounded to 3.2 per cent from -2.6 per cent and -7.4 per cent in "
        "2001 and 2002."
    )
    claim = "The island's economy grew in 2001 and 2002."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("-", "")) == ("supports", None)


def test_a_clause_opening_on_not_denies_what_it_sets_against_the_clause_before(engine):
    claim = "The summit was held at the end of the rainy season."
    sentence = "The summit was held at the start of the rainy season, not at the end of it."
    assert _relation(engine, claim, sentence) == ("contradicts", "not")
    swapped = "The summit was held at the end of the rainy season, not at the start of it."
    assert _relation(engine, claim, swapped) == ("supports", None)


def test_which_month_or_which_of_a_series_a_claim_says_must_be_said(engine):
    claim = "Parliament adopted the new electoral law in March."
    sentence = "Two months ago Parliament adopted the new electoral law."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("Two months ago", "In March")) == ("supports", None)
    assert _relation(engine, claim, sentence.replace("Two months ago", "In May")) == ("contradicts", "May")
    claim = "The mayor was re-elected to a third term in office."
    sentence = "We congratulate the mayor on her re-election to another term in office."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("another", "a third")) == ("supports", None)
    # "for the first time in" a span is said as "after" it
    claim = (
        "A national population census is being held in the northern region for the first time in more than two decades."
    )
    census = "After more than two decades a national population census is being held in the northern region."
    assert _relation(engine, claim, census) == ("supports", None)
    # a fraction is no ordinal of a series
    assert _relation(engine, "A third of the budget went to schools.", "A third of the budget went to schools.") == (
        "supports",
        None,
    )


def test_no_secret_no_doubt_and_no_denying_deny_nothing(engine):
    claim = "The old treaty is in serious trouble."
    sentence = "It is no {} that the old treaty is in serious trouble."
    for word in ("secret", "doubt"):
        assert _relation(engine, claim, sentence.format(word)) == ("supports", None), word
    denying = "There is no denying that the old treaty is in serious trouble."
    assert _relation(engine, claim, denying) == ("supports", None)
    assert _relation(engine, claim, "The old treaty is not in serious trouble.") == ("contradicts", "not")


def test_a_sum_of_money_is_no_other_figure_for_a_count_of_things(engine):
    claim = "Almost 30 island States have signed the energy agreement."
    sentence = "Island States have signed the energy agreement, with an initial US$ 14.5 million from Denmark."
    assert _relation(engine, claim, sentence) == ("related", None)
    assert _relation(engine, claim, sentence.replace("an initial US$ 14.5 million", "almost 20 members")) == (
        "contradicts",
        "almost 20",
    )
    # a sum in another way of writing it still is one
    sum_claim = "Island States have signed the energy agreement, with an initial 41.5 million US dollars from Denmark."
    assert _relation(engine, sum_claim, sentence) == ("contradicts", "US$ 14.5 million")


def test_a_pronoun_opening_the_sentence_takes_the_name_the_sentence_before_gives(engine):
    reader = _plain(engine, "The Kyoto Protocol covers less than 30 per cent of greenhouse-gas emissions.")
    sentence = "While it represents less than 30 per cent of greenhouse-gas emissions, it remains binding."
    before = "It is no secret that the Kyoto Protocol is in serious trouble."
    assert reader.leans_back(sentence)
    judged = reader.judge(sentence, before=before)
    assert judged is not None and judged.relation == "supports"
    # not without the name in the sentence before, nor where the sentence opens on no pronoun
    for other, text in (
        ("It is no secret that the climate is in serious trouble.", sentence),
        (before, sentence.replace("While it represents", "Coal represents")),
    ):
        judged = reader.judge(text, before=other)
        assert judged is None or judged.relation == "related", other


def test_without_a_doubt_is_no_negation(engine):
    # round 69: Tuvalu's "climate change is without a doubt a security issue that threatens our survival" was
    # taken to deny the very claim it makes
    claim = "For the island, climate change is a security issue that threatens its survival."
    for aside in ("without a doubt", "without doubt", "without question"):
        sentence = f"For the island, climate change is {aside} a security issue that threatens its survival."
        assert _relation(engine, claim, sentence) == ("supports", None), aside
    denied = "For the island, climate change is a security issue without any threat to its survival."
    assert _relation(engine, claim, denied) == ("contradicts", "without")


def test_a_vote_against_stands_against(engine):
    # round 70: "we approved resolution 1973 (2011)" was shown, by meaning, as stating "Gabon voted against
    # resolution 1973 (2011)"
    claim = "The island voted against the fishing treaty."
    assert _relation(engine, claim, "The island approved the fishing treaty.") == ("contradicts", "approved")
    assert _relation(engine, claim, "The island opposed the fishing treaty.") == ("supports", None)
    # the word a sentence differs by is its own, as written
    assert _relation(
        engine, "The island approved the fishing treaty.", "The island voted against the fishing treaty."
    ) == (
        "contradicts",
        "against",
    )


def test_what_an_aside_leaves_pending_is_not_what_the_sentence_says_next(engine):
    # round 70: "Africa should, in a manner that remains to be determined, have a permanent seat in the Security
    # Council" was taken to leave the seat itself pending
    claim = "The region should have a permanent seat on the council."
    aside = "The region should, in a manner that remains to be determined, have a permanent seat on the council."
    assert _relation(engine, claim, aside) == ("supports", None)
    held = "The region has a permanent seat on the council."
    pending = "What remains to be determined is whether the region has a permanent seat on the council."
    assert _relation(engine, held, pending) == ("related", None)
    # ... and what a sentence ends by leaving pending is what its clause before says
    assert _relation(
        engine, held, "Whether the region has a permanent seat on the council remains to be determined."
    ) == (
        "related",
        None,
    )


def test_a_country_in_a_clause_the_sentence_opens_on_is_not_its_actor(engine):
    # round 71: "As Libya embarks on ... nation building, we — as the first African country to ... recognize the
    # National Transitional Council — would like to ..." was read as Libya's doing
    claim = "Fiji was the first island State to recognize the new council of Tonga."
    sentence = "As Tonga rebuilds, we — the first island State to recognize its new council — stand by it."
    assert _relation(engine, claim, sentence, speaker=frozenset({"FJ"})) == ("supports", None)
    # a country opening the main clause is its actor still
    opened = "As Tonga rebuilds, Samoa — the first island State to recognize its new council — stands by it."
    assert _relation(engine, claim, opened, speaker=frozenset({"FJ"})) == ("related", None)


def test_what_a_country_finds_or_deems_is_its_saying(engine):
    # round 71: "The Gambia finds the veto system ... acceptable" asked every sentence of its speech to name it
    claim = "Fiji finds the system of quotas in the fishing commission acceptable."
    sentence = "The system of quotas in the fishing commission is not acceptable and must be changed."
    for verb in ("finds", "deems"):
        judged = _plain(engine, claim.replace("finds", verb)).judge(
            sentence, subject=frozenset({"TO"}), speaker=frozenset({"FJ"})
        )
        assert judged is not None and (judged.relation, judged.differs) == ("contradicts", "not"), verb


def test_a_claims_own_part_after_always_quantifies_nothing_anew(engine):
    # round 71: "has always been part and parcel of our rich cultural heritage" was taken to speak of a part
    claim = "On the islands, fishing has always been part of the culture."
    sentence = "On the islands, fishing, particularly at night, has always been part and parcel of our culture."
    assert _relation(engine, claim, sentence) == ("supports", None)
    # a part the claim does not say still quantifies anew
    every = "All the fishing boats need repairs."
    assert _relation(engine, every, "We all know that part of the fishing boats need repairs.") == ("related", None)


def test_a_negation_with_without_after_it_makes_a_need_and_denies_nothing(engine):
    # round 71: "no reform of the United Nations is complete without reform of the Security Council" was taken
    # to deny that talks on the Council's reform go quickly
    claim = "Talks on reform of the fishing commission are progressing."
    need = "No reform of the treaty is complete without reform of the fishing commission."
    judged = _relation(engine, claim, need)
    assert judged is not None and judged[0] != "contradicts"
    assert _relation(engine, claim, "Talks on reform of the fishing commission are not progressing.") == (
        "contradicts",
        "not",
    )


def test_a_word_set_against_the_claims_is_in_its_place_past_an_adverb(engine):
    # round 71: "We will also continue to contribute to United Nations peacekeeping missions" was taken to state
    # "The Gambia will stop contributing to United Nations peacekeeping missions"
    claim = "The island will stop sending doctors to the region."
    sentence = "The island will also continue to send doctors to the region."
    assert _relation(engine, claim, sentence) == ("contradicts", "continue")
    assert _relation(engine, "The island will continue sending doctors to the region.", sentence) == (
        "supports",
        None,
    )


def test_a_thing_said_to_be_over_that_goes_on_is_not_over(engine):
    # round 71: "The conflict in Ukraine goes on and ..." was shown as stating "Slovenia says the conflict in
    # Ukraine has ended"
    claim = "The border dispute over the valley has ended."
    sentence = "The border dispute goes on and the valley's villages remain under threat."
    assert _relation(engine, claim, sentence) == ("contradicts", "goes")
    assert _relation(engine, "The border dispute over the valley goes on.", sentence) == ("supports", None)


def test_little_as_an_amount_stands_against_a_size_said_to_be_great(engine):
    # round 72: "Women are making an enormous contribution to ... reducing poverty" was shown as stating "Lebanon
    # says women contribute little to reducing poverty and hunger"
    claim = "Fishermen contribute little to feeding the island."
    sentence = "Fishermen make an enormous contribution to feeding the island and its schools."
    assert _relation(engine, claim, sentence) == ("contradicts", "enormous")
    assert _relation(engine, "Fishermen make a huge contribution to feeding the island.", sentence) == (
        "supports",
        None,
    )
    # a little thing is no amount
    small = "The little boats contribute to feeding the island."
    judged = _relation(engine, small, "The little boats make an enormous contribution to feeding the island.")
    assert judged is not None and judged[0] != "contradicts"


def test_the_developed_countries_are_not_the_developing_ones(engine):
    # "Climate change is largely the consequence of the actions of the more developed countries" was shown as
    # stating "... the consequence of the actions of small island developing States": one stem for both
    claim = "Floods are largely the result of the choices of developing countries."
    sentence = "Floods are largely the result of the choices of the more developed countries."
    assert _relation(engine, claim, sentence) == ("related", None)
    least = "Floods are largely the result of the choices of the least developed countries."
    assert _relation(engine, claim, least) == ("supports", None)
    # a sentence speaking of both sides may state a claim of either
    both = "Floods are largely the result of the choices of developed and developing countries alike."
    developed = "Floods are largely the result of the choices of developed countries."
    assert _relation(engine, claim, both) == ("supports", None)
    assert _relation(engine, developed, both) == ("supports", None)


def test_what_is_hard_to_do_is_not_done(engine):
    # round 74: "... face many enormous obstacles, making it increasingly difficult to achieve the Millennium
    # Development Goals" was shown as stating "... most developing countries have already achieved the
    # Millennium Development Goals"
    sentence = "Poor harvests are making it increasingly difficult to achieve the Island Development Goals."
    done = "The islands have already achieved the Island Development Goals."
    assert _relation(engine, done, sentence) == ("related", None)
    # a claim that it is hard is stated
    hard = "Poor harvests make it increasingly difficult for the islands to achieve the Island Development Goals."
    assert _relation(engine, hard, sentence) == ("supports", None)


def test_a_goal_in_a_name_is_not_sought(engine):
    # the "Goals" of "the Millennium Development Goals" made "... have already achieved the Millennium
    # Development Goals" a claim that only seeks them, which a sentence seeking them states
    sentence = "The islands hope to achieve the Island Development Goals by 2030."
    assert _relation(engine, "The islands have already achieved the Island Development Goals.", sentence) == (
        "related",
        None,
    )
    assert _relation(engine, "The islands hope to achieve the Island Development Goals.", sentence) == (
        "supports",
        None,
    )


def test_a_lack_states_a_claims_without(engine):
    # round 74: "Africa ... is the only continent that has lacked a permanent seat on the Security Council"
    # contradicted "Africa is the only continent without a permanent seat on the Security Council"
    sentence = "The region is the only one that has lacked a permanent seat on the fishing council."
    without = "The region is the only one without a permanent seat on the fishing council."
    assert _relation(engine, without, sentence) == ("supports", None)
    assert _relation(engine, "The region does not have a permanent seat on the fishing council.", sentence) == (
        "supports",
        None,
    )
    assert _relation(engine, "The region is the only one with a permanent seat on the fishing council.", sentence) == (
        "contradicts",
        "lacked",
    )
