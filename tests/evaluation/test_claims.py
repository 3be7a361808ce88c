"""/cite's verdicts on the claim set (claims.yaml, see the evaluation README): floors at what the rules
reached when last measured, so that a change that reads claims worse fails here;
benchmarks/cite_accuracy.py prints the development and held-out figures apart."""

from __future__ import annotations

import pytest

from tests.evaluation.claim_scoring import ClaimScores, claims, claims_engine, report, score_claim


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> ClaimScores:
    engine = claims_engine(tmp_path_factory.mktemp("claims"), meaning=True)
    total, development = ClaimScores(), ClaimScores()
    for claim in claims():
        answer = engine.cite(claim.claim)
        score_claim(claim, answer, total)
        if not claim.held_out:
            score_claim(claim, answer, development)
    print("\n" + "\n".join(report(total, "all claims")))
    # a failure lists the development claims it got wrong: the held-out ones are counted, never shown
    total.problems = development.problems
    return total


def test_the_claim_set_is_big_enough_and_split():
    every = claims()
    assert len(every) >= 60
    # at least a third held out: rounds 14 and 16 to 22 are development only, written to develop rules on
    assert 1 / 3 <= sum(c.held_out for c in every) / len(every) <= 0.6


def test_false_claims_are_not_shown_as_supported(scores):
    # The target is none; nine held-out claims and one development claim are (reached: 10 of 221). Ten
    # held-out ones were, left untouched: one since the first round, two since round 5's first run, one since
    # round 6's, one since round 7's, two since round 8's, one since round 10's, two since round 12's; reading
    # a near word in the claim's context (round 14) took two of them away, which ones unread; one more since
    # round 15's first run; "one of the greatest" read as one of several (round 17) took one away, which one
    # unread. Adding round 18's speech to the library gave one more (by meaning only, and by a sentence of
    # another document: a word's weight is its rarity in the library, which the new speech changed), which one
    # unread. Round 19's "310 million people are refugees worldwide" is, by "...; 310 million people require
    # humanitarian assistance worldwide, and more than 120 million, or 1 in 70, are refugees": a rule reading
    # a figure's part of a sentence took it away but took a held-out true claim's support too, and was left out.
    # Reading a speech's first person as its speaker's (from its sidecar's author) showed two development
    # false claims as supported, which two rules took away: an "all" must quantify the claim's words, and a
    # promise ("we are committed to eradicating it") does not state what it promises. Round 20 (Estonia's
    # speech) showed four as supported on its first run: three swapped countries' roles, which reading the
    # country a sentence gives as doing what it says took away, and "a strong proponent of" for "a strong
    # opponent of". By words alone, reading the doer took one held-out false claim away too (8 to 7 of 71).
    # Round 21's three speeches, added to the library, gave one more held-out (by meaning; which one unread),
    # and Botswana's speech two more (its own 14 held-out claims: none), 12 of 79; reading what a claim says
    # its subject is ("... is enormous") as its point, which a sentence must say, took one away (11 of 79)
    # and one held-out true claim's support too (which ones unread). Round 22's three speeches showed none
    # on their first run; Afghanistan's speech, held out with them, two of its ten (by meaning only; which
    # ones unread). Round 22's second part (a near word in the source's place) showed three development
    # ones, which three rules took away: "began to withdraw" is no "completed the withdrawal", "pleaded with
    # the Security Council to lift the sanctions" no "lifted the sanctions", "very few" no "many". Round 23's
    # three speeches showed two development ones, which two rules took away ("Three weeks ago" is no "three
    # months ago"; "the crisis still prevails" no "the crisis is over"); Burkina Faso's and Zimbabwe's
    # speeches, held out with them, three of their thirteen (which ones unread). Round 24's three speeches
    # showed three development ones: "a more ambitious outcome" by "the less ambitious outcome" and a
    # comparison made the other way ("more killed than demobilized"), which two rules took away, and "builds
    # confidence" by "undermines confidence" (the sentence says "building" elsewhere), left; the Dominican
    # Republic's and Iraq's speeches, held out with them, two of their sixteen (which ones unread), and the
    # round's rules took one earlier held-out one away (which one unread). Round 25's two speeches showed one
    # development one ("a food deficit" by "a food surplus", which an axis took away); Timor-Leste's speech,
    # held out with them, three of its nine (which ones unread). Round 26's two speeches showed two
    # development ones ("the fifth King" by "our fourth King", "attendance fell" by "attendance was raised"),
    # which two rules took away; Sierra Leone's 2005 speech, held out with them, one of its nine (which one
    # unread), and the round's rules took one earlier held-out one away (which one unread). Round 27's two
    # speeches showed three development ones, which two rules took away ("6.8 per cent in 2004" by a
    # "respectively" list giving it 2005; "some Pacific nations have already been submerged" by "Unless ...,
    # some ... will be submerged"), and "has not accepted climate change as a reality" by "has accepted ...
    # and no longer an academic theory" (a negation of other words), left; Nauru's speech, held out with
    # them, one of its nine (which one unread). Round 28's two speeches showed one development one ("the
    # elections ... were free and fair" by "..., which were neither free nor fair", a negation in a relative
    # clause), which a rule took away; the Philippines' speech, held out with them, one of its nine (which
    # one unread). Round 29's two speeches showed none; El Salvador's speech, held out with them, one of its
    # ten (which one unread). Round 30's two speeches showed none; Zambia's speech, held out with them, two
    # of its ten (which ones unread). Round 31's two speeches showed none; Luxembourg's speech, held out with
    # them, one of its twelve (which one unread). Round 32's two speeches showed two development ones ("is no
    # longer committed to ... a world without nuclear weapons" by "remains committed to ... a world without
    # nuclear weapons", "has stopped prosecuting" by "are pursuing and prosecuting"), which two rules took
    # away, and a rule of that round took round 19's "310 million people are refugees" away; Switzerland's
    # speech, held out with them, two of its thirteen (which ones unread). Round 33's two speeches showed two
    # development ones ("peace is merely the absence of war" by "... is not merely ...", "military
    # intervention can propagate peace" by "..., but it cannot propagate peace"), which two rules took away;
    # Tanzania's 2020 speech, held out with them, two of its eleven (which ones unread). Round 34's two
    # speeches showed five development ones, which four rules took away ("welcomes" by "expresses deep
    # concern about", "are manufactured there" by "where they are not manufactured", "too focused on" by
    # "less focused on", "can unilaterally control" by "It is beyond our power to unilaterally control"), and
    # "the actions of small island developing States" by "the actions of the more developed countries, ...
    # yet SIDS pay an unfair price", left; Turkmenistan's speech, held out with them, none of its ten. Round
    # 35's two speeches showed six development ones, which five rules took away ("José Luis Bustamante y
    # Rivero was UN Secretary-General" by a list whose next item holds "the fifth UN Secretary-General",
    # "introducing" by "phasing out", "has closed its gender pay gap" by "we still have a gender pay gap",
    # "underrepresented" by "an overrepresentation", "contributed the most" by "contributed the least"), and
    # "the pandemic spared the most vulnerable sectors" by "exacted a severe cost on ..., especially its most
    # vulnerable sectors", left; Sierra Leone's 2024 speech, held out with them, two of its twenty (which
    # ones unread). Round 36's two speeches showed three development ones, which two rules took away ("takes
    # the idea of dialogue among civilisations from Europe" by a list whose first item gives China the idea,
    # "on course" by "off course"), and "bear most of the responsibility" by "bear little responsibility",
    # left; Fiji's 2024 speech, held out with them, none of its fifteen. Round 37's speech showed three
    # development ones, which two rules took away ("Guyana claims two-thirds of Venezuela's territory" by
    # Guyana's "claiming two-thirds of our territory", "one of the highest deforestation rates" by "the second
    # highest percentage forest cover ... and one of the lowest deforestation rates"), and they took two
    # earlier held-out ones away too (which ones unread); "Guyana has refused to accept the decision" by "After
    # years of refusing ..., the Venezuelan government ..." is left; São Tomé and Príncipe's speech, held out
    # with it, none of its ten. Round 38's speech (Côte d'Ivoire's, written "Cote d’Ivoire") showed one
    # once its name was read without accents ("committed to increasing its carbon dioxide emissions" by
    # "reducing ... and increasing the share of renewable energies"), which a rule took away with round 36's
    # "builds confidence"; adding it and Latvia's 2018 speech, held out with it (none of its eleven), to the
    # library gave one more held-out (which one unread). Round 39's speech (Mexico's 2011) showed one
    # ("Mexico has achieved all of the Millennium Development Goals" by "... almost all the Millennium
    # Development Goals"), which a rule took away; Uzbekistan's 2011 speech, held out with it, two of its
    # twelve (which ones unread). Round 40's speech (Zambia's 2011) showed none on its first run; Nigeria's
    # 2011 speech, held out with it, one of its nine (which one unread). Round 41's speech (Argentina's 2011)
    # showed one ("Argentina says it is the only country in the world that has been a target of international
    # terrorism" by "one of the only two countries in the Americas ..."), which a rule took away; Luxembourg's
    # 2011 speech, held out with it, none of its ten. Round 42's speech (Ghana's 2011) showed one ("the
    # sources of funding ... have already been settled" by "What remains to be done is to determine the
    # sources of funding"), which a rule took away; the Philippines' 2011 speech, held out with it, none of its
    # eleven, but adding both to the library gave one more earlier held-out (which one unread). Round 43's
    # (Thailand's 2011) showed three (a change reversed, "child prisoners" and "root causes of terrorism" by
    # "female prisoners" and "root causes of insecurity"), which two rules took away; Indonesia's 2011
    # speech, held out with it, none of its eleven. Rounds 44 and 45's speeches (Niger's and Kenya's 2011)
    # showed none on their first run; Sweden's and Mauritius's 2011 speeches, held out with them, none of their
    # twenty-four. Round 46's speech (Viet Nam's 2011) showed one ("Developing countries should have a smaller
    # say ..." by a list of conferences naming "Small Island Developing States"), which a rule took away;
    # Albania's 2011 speech, held out with it, none of its nine, and adding both to the library took one earlier
    # held-out one away (which one unread). Round 47's speech (Nepal's 2011) showed one ("depends less and less
    # on remittances" by "is increasingly dependent on remittances"), which a rule took away; Uruguay's 2011
    # speech, held out with it, none of its ten. Reached: 35 of 1,098; with the words' share of a search
    # score at 0.03 (index/meaning.py), 34 (one held-out claim fewer, which one unread). Round 48's speech
    # (Jamaica's 2011) showed two ("Jamaica launched the initiative" by "the initiative launched by President
    # Sarkozy", "the Treaty has entered into force" by "work hard on advancing the Treaty's entry into
    # force"), which two rules took away; Mozambique's 2011 speech, held out with it, none of its ten.
    # Reached: 34 of 1,123. Round 49's speech (Chile's 2011) showed none on its first run; Bolivia's 2011
    # speech, held out with it, none of its ten, but adding both to the library gave one more earlier held-out
    # (which one unread): 35 of 1,147. Round 50's speech (Grenada's 2011) showed none on its first run; Peru's
    # 2011 speech, held out with it, none of its ten: 35 of 1,173. Round 51's speech (Saint Lucia's 2011)
    # showed four ("opposes a legally binding arms trade treaty" by "spare no effort in working towards
    # concluding" one, "has fully recovered" by "is still recovering", "pulling out of" by "turning to
    # investments in", "very favourable" by "favourable aid" beside "very unfavourable"), which three rules took
    # away, the last left; Honduras's 2011 speech, held out with it, one of its twelve (which one unread): 37 of
    # 1,199. Round 53's speech (Costa Rica's 2011) showed one ("has already become carbon-neutral" by "Our goal
    # is to become one of the first carbon-neutral countries"), which a rule took away; Panama's 2011 speech,
    # held out with it, one of its ten (which one unread): 38 of 1,223. Round 54's speech (Ecuador's 2011)
    # showed none on its first run; Guatemala's 2011 speech, held out with it, none of its ten, but adding both
    # to the library gave one more earlier held-out (which one unread): 39 of 1,247. Round 55's speech
    # (Barbados's 2011) showed none on its first run; Croatia's 2011 speech, held out with it, none of its
    # eleven; the round's rules took two earlier held-out ones away (which ones unread): 37 of 1,273. Round 56's
    # speech (Côte d'Ivoire's 2011) showed one ("adopted on 27 June 2011" by "of 27 July 2011"), which a rule
    # took away; Lesotho's 2011 speech, held out with it, one of its eight (which one unread): 38 of 1,295. Round
    # 57's speech (Tanzania's 2011) showed none on its first run; Malawi's 2011 speech, held out with it, none of
    # its nine: 38 of 1,319. Round 58's speech (El Salvador's 2011) showed one ("a gross domestic product of
    # about $40 billion" by the sentence giving it Guatemala), and adding it to the library one earlier
    # development claim, which two rules took away; Namibia's 2011 speech, held out with it, none of its eight:
    # 38 of 1,339. Round 59's speech (Paraguay's 2011) showed one ("has supported the embargo" by a sentence
    # calling for its lifting), which two rules took away, taking one earlier held-out one with it (which one
    # unread); Antigua and Barbuda's 2011 speech, held out with it, none of its eight: 37 of 1,360. Round 60's
    # speech (Sri Lanka's 2011) showed three (a growth for "shrank", a level kept for "greatly increased", a
    # challenge said of terrorism for "climate change is"), which three rules took away, with one earlier
    # held-out one (which one unread); Madagascar's 2011 speech, held out with it, none of its six: 36 of
    # 1,380. Round 61's speech (Benin's 2011) showed none on its first run; Guinea's 2011 speech, held out with
    # it, none of its five: 36 of 1,396. Round 62's speech (Laos's 2011) showed none on its first run; Tonga's
    # 2011 speech, held out with it, none of its nine: 36 of 1,421. Round 63's speech (Malaysia's 2011) showed
    # one ("delivered a successful outcome" by "The failure of the Commission ... to deliver a successful
    # outcome"), which a rule took away; Suriname's 2011 speech, held out with it, one of its nine (which one
    # unread): 37 of 1,445. Round 64's speech (Samoa's 2011) showed two ("not at the end of it" for "at the
    # end of his second term", "Just two months ago" for "in March"), and Malta's 2011 speech, held out with
    # it, gave an earlier development claim a third ("on his re-election ... for another term" for "a third
    # term"), which three rules took away; Malta's own eight, two (which ones unread); the two speeches in the
    # library, one earlier held-out one more, and reading the countries listed after a preposition as no doer
    # one more (which ones unread): 41 of 1,466. Round 65's speech (Dominica's 2011) showed none on its first
    # run; Angola's 2011 speech, held out with it, one of its seven (which one unread): 42 of 1,487. Round 69's
    # speech (Tuvalu's 2011) showed none on its first run; Cameroon's 2011 speech, held out with it, two of its
    # nine (which ones unread): 44 of 1,511. Round 70's speech (Gabon's 2011) showed one ("we approved
    # resolution 1973" for "voted against" it, by meaning), which a rule took away; the Congo's 2011 speech,
    # held out with it, none of its nine: 44 of 1,535. Round 71's speech (the Gambia's 2011) showed none on its
    # first run, but weighed the library's words so that "The conflict in Ukraine goes on" stated that it had
    # ended, which a rule took away; Djibouti's 2011 speech, held out with it, one of its eight (which one
    # unread). Round 72's speech (Lebanon's 2011) showed one ("an enormous contribution" for "contribute
    # little"), which a rule took away; Guinea-Bissau's 2011 speech, held out with it, one of its eight (which
    # one unread): 45 of 1,578. The developed countries no longer state a claim of the developing ones (the
    # actions of "small island developing States" since round 31): 44. Round 74's speech (Mauritania's 2011)
    # showed two ("increasingly difficult to achieve the Millennium Development Goals" for "have already
    # achieved" them, which a rule took away; "expressed ... at its Addis Ababa summit" for "hosted the
    # African Union summit", left), and Yemen's 2011 speech, held out with it, one of its nine (which one
    # unread); its rules took two earlier held-out ones away (which ones unread): 44 of 1,602. A cosine at one
    # of the verdict's thresholds may fall either side with the processor's float arithmetic (see below), so
    # the ceiling keeps a margin of two.
    assert scores.false_supported.found <= 46, [p for p in scores.problems if "FALSE" in p]


def test_true_claims_are_supported_by_the_sentence_that_states_them(scores):
    # A paraphrase near in meaning may state a claim in fewer of its words; others stay "related"
    # (target 0.95). A speech's first person speaks for the country its
    # sidecar names as author: that took it from 119 to 131, and a promise no longer stating what it promises
    # took one held-out claim back, which one unread; so did a claim's point that a sentence must say
    # (reached: 197 of 266). Round 24's rules (a sayer after what it says, a country's office as its sayer,
    # a change said by any word on its side, a bound on another figure no denial) took it to 229 of 301;
    # round 25's claims, 252 of 324; round 26's, 272 of 346; round 27's, 285 of 368; round 28's, 305 of 394;
    # round 29's, 325 of 420; round 30's, 345 of 444; round 31's claims and rules, 369 of 473 (the rules took
    # one held-out claim back, which one unread); round 32's claims and rules, 396 of 504; round 33's, 437
    # of 545; round 34's, 466 of 580; round 35's, 509 of 629; round 36's, 538 of 666; round 37's, 551 of 689;
    # five rules from earlier rounds' misses (a first person as the doer, "the Government of", a call for),
    # 559 of 689; round 38's claims and rules (a name read without its accents), 590 of 726; round 39's
    # (a degree sign read as degrees), 620 of 762; rounds 40 and 41's (a place the sentence before gives
    # the claim's thing, a first person in a relative clause or an aside no doer), 678 of 837; rounds 42 and
    # 43's (wanting to congratulate congratulates, a wish in a clause of its own), 742 of 918; rounds 44 and
    # 45's (a word for an ending states "stopped", whom a figure counts may stand before it, a negation in a
    # clause after all the claim's words, a promise not kept still made, a country after "on the" no doer),
    # 790 of 983; round 46's (a word graded is not the word, a country after "As regards" no doer, a span
    # given by its unit alone, "the Organization" for the United Nations), 815 of 1,017; round 47's (a sayer's
    # infinitive its own doing, a span given states what lasted it, a verb's irregular forms), 844 of 1,051 in
    # that stop's CI. The same commit gave 843 on another machine of the same kind: a cosine at one of the
    # verdict's thresholds may fall either side with the processor's float arithmetic, so the floor keeps a
    # margin of three. The words' share of a search score at 0.03 (index/meaning.py) left it at 843. Round
    # 48's claims and rules (a doer after "by", work towards a thing no having it, half a unit, a goal fallen
    # short of no goal only), 864 of 1,083; round 49's claims and rules (a fraction no ordinal, a share of
    # another whole, a name ranked within), 890 of 1,117; round 50's claims and rules (a country named as the
    # object of another's doing does what follows it, a people's name in the plural), 917 of 1,150; round 51's
    # claims and rules (a verb's particle said with it; one earlier held-out claim more, which one unread), 944 of
    # 1,183; round 53's claims and rules (a country named right before the claim's verb does it), 969 of 1,218;
    # round 54's (a typographic apostrophe the typed one), 997 of 1,253; round 55's (a comparison stated only
    # by one, a country after a verb in "-ed" its object), 1,022 of 1,288; round 56's, 1,051 of 1,327; round 57's
    # (a negation an exception takes back, an "It" for the thing the sentence before names), 1,080 of 1,364;
    # round 58's (a figure the last country's named before it), 1,104 of 1,397; round 59's ("opposition" a word
    # of standing against), 1,130 of 1,430; round 60's ("growth" a word of increase), 1,155 of 1,458; round
    # 61's, 1,181 of 1,491; round 62's (a first person before the country it names the actor), 1,209 of 1,521;
    # round 63's (a failure of someone to do something a negation), 1,234 of 1,552; round 64's (the countries
    # listed after a preposition no doer, "that" after a preposition pointing back), 1,267 of 1,591; round
    # 65's ("It is no secret that" no negation, an opening pronoun for the name the sentence before gives),
    # 1,291 of 1,626; round 69's ("without a doubt" no negation; Peru's "to achieve carbon neutrality by 2050"
    # fell to 0.79995 of its claim with two more speeches weighing the words), 1,313 of 1,658; round 70's (what
    # an aside leaves pending no more than its own words; two more speeches gave Peru's back and took an
    # earlier held-out claim, which one unread), 1,337 of 1,690; rounds 71 and 72's (a country in a clause
    # the sentence opens on no actor, "finds" a verb of saying, the claim's own "part" after "always"), 1,390
    # of 1,759; round 74's (a lack states a claim's "without", a goal in a name no goal sought), 1,419 of
    # 1,791.
    assert scores.true_supported.found >= 1416, scores.problems


def test_claims_the_sources_contradict_are_contradicted_by_the_sentence_that_does(scores):
    # A verdict right for the wrong sentence would quote, as saying otherwise, one that does not
    # (reached: 569 of 761; 570 with the words' share of a search score at 0.03; 578 of 776 with round 48's
    # claims and rules; 586 of 793 with round 49's; 599 of 814 with round 50's (being pleased set against being
    # disappointed); 612 of 835 with round 51's (still doing what a claim says is done); 623 of 854 with round
    # 53's (keeping to an order set against ignoring it); 635 of 873 with round 54's; 648 of 895 with round
    # 55's (lifting set against maintaining); 664 of 911 with round 56's (another month in a date); 680 of 928
    # with round 57's; 689 of 942 with round 58's; 698 of 959 with round 59's (a sentence undoing the claim's
    # thing sets no opposing word against it); 708 of 976 with round 60's; 716 of 988 with round 61's (asking
    # for the undoing of the thing a claim stands for contradicts it); 726 of 1,006 with round 62's; 737 of
    # 1,023 with round 63's; 747 of 1,042 with round 64's (a "not" opening the clause after denies what it
    # sets against it); 759 of 1,061 with round 65's (a sum of money no other figure for a count of things);
    # 769 of 1,081 with round 69's; 780 of 1,101 with round 70's (a vote against standing against); 805 of
    # 1,138 with rounds 71 and 72's (a word set against the claim's in its place past an adverb, a thing said
    # to be over that goes on, "little" against "enormous"); 819 of 1,159 with round 74's; a margin of three,
    # as above).
    assert scores.contradicted.found >= 816, [p for p in scores.problems if "wrong sentence" in p]
