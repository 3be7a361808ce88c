"""Whether a sentence states a claim, contradicts it, or only speaks of the same thing.

A sentence supports a claim only when it states it: the claim's words (or words sharing their stem) cover
nearly all of it, weighted by how rare each is; every figure the claim gives stands in the sentence, given to
what the claim gives it to and in its unit's measure ("20 years" for "two decades", never "Three weeks" for
"three months"); each name it gives is there (or in where the sentence stands: its source, its
numbered section, the sentence before that its "the Government" refers back to, its "this embargo" points back
to, its "they" speaks on of, its opening "It" takes the actor of, or its "we" speaks for: the country its
author is, who is also the country a claim gives as saying it, "Singapore says ...", "Chad calls for ...",
whose verb no sentence of its own speech need say), and no other name stands
in its place ("in Rakhine State" for "in Myanmar", "in Latin America" for "in the world", "Palestinian
villages" for "Israeli villages"), nor on the other side of a comparison's "than"; the part of the sentence
that speaks to it is negated only if the claim is; the country it gives as doing what it says is the claim's
("Estonia has sent aid to Ukraine" is no "Ukraine has sent aid to Estonia"); no word of it is set against the
claim's ("rose" / "fell", "success" / "collapse", "many" / "few", or an antonym or another month in the claim
word's place: "secret" for "open", "September" for "October", or another superlative: "the most
conflict-ridden" for "the most peaceful"); it does not speak of some where the claim speaks of all, nor of one
of several where the claim speaks of the only one ("one of the greatest crises"), nor say only that something
could happen, or is sought, promised, begun, asked of another or within reach ("qualifies for full membership",
"is committed to eradicating it", "began to withdraw", "pleaded with the Council to lift"), where the claim
says it is. A sentence on the same thing that gives another figure (a range gives both its ends; a number
labelling a thing, "resolution 181", is no other count; and none where another sentence gives the claim's own
figures: see `weighed`), negates it (outside a condition: "if steps are not taken", and only where it gives the
claim's figures; not where the negation states the claim figure's bound, "does not exceed", nor in a relative
clause of what the sentence has said; "refused to" denies only the verb after it), says it lacks what the claim
says it has, or sets an opposing word against it contradicts it; one that says much of what a claim's "not"
denies (the word after the "not" among it: "pleaded in vain" does not contradict "pleaded without
success"), negating nothing and seeking nothing, contradicts that claim. Anything else on the subject is related.
Meaning only lowers the share of words a sentence near the claim must hold (the engine says which are near),
never below what the claim says its subject is ("... is enormous"), which the sentence says or says in other
words (or, for a particle the analyser drops, "... is over", says as written); the rules err towards
"related", never towards "supports", because a student would cite a claim shown as supported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from bot.content.abbreviations import abbreviations, spelled_runs, spelling_words
from bot.content.countries import APOSTROPHES, countries_in, country_mentions, only_country, without_countries
from bot.content.lexicon import antonyms, forms, irregular_base, opposed
from bot.content.models import Relation
from bot.content.statistics import (
    CURRENCY_WORDS,
    MENTION,
    WORD_VALUES,
    YEARS,
    find_statistics,
    is_label,
    is_share,
    mention_value,
    scale_factor,
)

# Shares of the claim's weighted words a sentence must hold: to state it, to be about the same thing
# (so that another figure or a negation contradicts it), and to be worth showing at all.
SUPPORT_COVERAGE = 0.8
# A sentence near the claim in meaning (see `judge`) may state it in fewer of its words: "steal" for
# "stole", "worldwide" for "abroad". Every other test a supporting sentence passes still holds.
CLOSE_SUPPORT_COVERAGE = 0.6
CONTRADICT_COVERAGE = 0.5
RELATED_COVERAGE = 0.3
# Floating point noise between two figures that are the same ("4.77 million" and "4,770,000").
_SAME_FIGURE = 1e-9
# Two amounts in different units of one measure are the same when they are within this share of each
# other in its base unit: "36 months" is "3 years", which a month's average length makes 0.02% apart.
_CONVERTED = 0.01
_DAY = 86_400.0
# Units of measure, by how a figure's next word writes them: the measure and the unit's size in its base
# unit. "three weeks" is no "three months", however the rest of the sentence agrees.
_UNITS: dict[str, tuple[str, float]] = {
    word: (measure, size)
    for measure, units in (
        (
            "time",
            (
                ("second seconds", 1.0),
                ("minute minutes", 60.0),
                ("hour hours", 3_600.0),
                ("day days", _DAY),
                ("week weeks", 7 * _DAY),
                ("fortnight fortnights", 14 * _DAY),
                ("month months", 365.25 / 12 * _DAY),
                ("year years", 365.25 * _DAY),
                ("decade decades", 3_652.5 * _DAY),
                ("century centuries", 36_525 * _DAY),
            ),
        ),
        (
            "length",
            (
                ("metre metres meter meters", 1.0),
                ("kilometre kilometres kilometer kilometers km", 1_000.0),
                ("mile miles", 1_609.344),
            ),
        ),
        ("area", (("hectare hectares", 10_000.0), ("acre acres", 4_046.856))),
        ("mass", (("kilogram kilograms kg", 1.0), ("tonne tonnes", 1_000.0))),
    )
    for words, size in units
    for word in words.split()
}
# A dash between two numbers that makes a range of them ("2015-2030", "10–15%"): both ends are figures it
# gives, where the statistics' pattern reads the second as no figure of its own.
_RANGE_DASH = re.compile(r"(?<=\d)\s?[-–]\s?(?=\d)")
# A year between "the" and a capitalised word is part of a name, which it labels ("the 1949 Constitution",
# "the 2005 World Summit"): no date of what a claim says happened ("adopted in April 2012").
_NAMING_YEAR = re.compile(r"(?<=\b[Tt]he )\d{4}(?= [A-Z][a-z])")
# A change from one thing to another, each end up to a clause's break: "evolved from a traditional donor-recipient
# relationship to one of partners in development".
_FROM_TO = re.compile(r"\bfrom\s+(?P<start>[^,;:()—–]+?)\s+to\s+(?P<end>[^,;:()—–.]+)", re.IGNORECASE)
# A verb of lasting right before the span it gives: "lasted from 1996 to 2006", "lasted for 12 years".
_LASTED = re.compile(r"\b(last(?:s|ed|ing)|span(?:s|ned|ning)?)\s+(?=(?:from\s+|between\s+|for\s+)?\d)", re.IGNORECASE)
# A unit named right after a figure, or after one word that describes it, which it counts ("six decades", "a
# 20-year war", "10 long years"); not one after an article or a preposition, which makes a rate ("$180 a month").
_UNIT_NEXT = re.compile(
    r"[\s-]+(?:(?!(?:a|an|per|each|every|in|of|the|this|that|last|next)\b)[^\W\d_]+\s+)?("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# A trend, said by a comparative said twice or with "ever", or by an adverb: growing ("more and more",
# "increasingly") or shrinking ("less and less", "ever fewer"). Its words are stop words or near them, which
# neither WordNet's antonyms nor the axes reach.
_TREND = re.compile(
    r"\b(?:(?P<up>more\s+and\s+more|ever[\s-]+more|increasingly)"
    r"|(?P<down>less\s+and\s+less|fewer\s+and\s+fewer|ever[\s-]+(?:less|fewer)|decreasingly))\b",
    re.IGNORECASE,
)
# What comes before a figure that stands before the noun it dates or counts, as an adjective: "its 2012
# elections", "the 2008 elections".
_DETERMINER = r"\b(?:the|its|their|our|his|her|my|your|this|that|these|those)"
_DETERMINER_BEFORE = re.compile(rf"{_DETERMINER}\s+$", re.IGNORECASE)
# How far before a figure it is looked for ("those" and the spaces after it): every figure of every sentence
# judged is read, and the text before a late one is long.
_DETERMINER_REACH = 12
# A determiner and one word before a figure, and how far before it they are looked for (see `_Figure.described`).
_DESCRIBED_BEFORE = re.compile(rf"{_DETERMINER}\s+([^\W\d_]+)\s+$", re.IGNORECASE)
_DESCRIBED_REACH = 32
# What makes a numeral an ordinal: "the 75th anniversary", "the 155th Member".
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# An ordinal past the tenth written in words ("the seventy-fifth anniversary", "its twentieth session"),
# which a claim may write in figures ("75th"); the first ten are read as words (`_ORDINAL_WORDS`).
_TENS = {word: value for word, value in WORD_VALUES.items() if value in range(20, 100, 10)}
_ONES_ORDINALS = dict(
    zip("first second third fourth fifth sixth seventh eighth ninth".split(), range(1, 10), strict=True)
)
_ORDINAL_VALUES = {
    **dict(
        zip(
            "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
            range(11, 20),
            strict=True,
        )
    ),
    **{f"{word[:-1]}ieth": value for word, value in _TENS.items()},
    **{f"{tens}-{unit}": t + u for tens, t in _TENS.items() for unit, u in _ONES_ORDINALS.items()},
}
_ORDINAL_WORD = re.compile(
    r"\b(" + "|".join(sorted(_ORDINAL_VALUES, key=len, reverse=True)).replace("-", "[-\\s]") + r")\b", re.IGNORECASE
)
# Words after a figure looked through for what it counts (stop words in between: "per cent of the world").
_COUNTS_WORDS = 3
# A possessive's ending, which a name keeps apart from itself ("The UN's budget" names the UN).
_POSSESSIVE = re.compile(r"['’]s$")
# (nor the words of a share, which no figure counts: "from 56 per cent in 2000 to 51 per cent" counts no "per")
_PASSED_OVER = re.compile(
    rf"{_POSSESSIVE.pattern}|^(?:hundred|thousand|million|billion|trillion|per|cent|percent)$", re.IGNORECASE
)
# A word that is a prefix of another of at least this length is the same word in another form
# ("Bangladesh" / "Bangladeshi", "Korea" / "Korean"), which the stemmer leaves apart.
_PREFIX_CHARS = 5
# ... unless one is the other graded (a comparative's or superlative's ending on a word WordNet sets against
# others): "Small Island Developing States" says nothing "smaller", "a great threat" not "the greatest", and "a
# smaller say" not "a small say"; but "the shortest duration possible" is "as short as possible".
_COMPARATIVE_ENDING = "er"
_SUPERLATIVE_ENDING = "est"
# The United Nations as its Charter and its Members' speeches name it, written with a capital.
_ORGANIZATION = re.compile(r"\b[Tt]he\s+Organization\b")
# A span of time given by its unit alone, one of it or half of one: "the next decade", "half a century".
_UNIT_ALONE = re.compile(
    r"\b(?:(half)\s+a|an?|the\s+(?:next|past|last|coming|previous)(?:\s+(half))?)\s+(decade|century)\b", re.IGNORECASE
)
# The letters in which two words' endings may differ and the words still be one word's parts of speech
# ("important" / "importance", "secure" / "security").
_DERIVED_ENDING = 3
# What an inflection adds to a word: a word alike but for one of them is that word (or a shorter one)
# inflected, not another of its parts of speech.
_INFLECTIONS = frozenset(["", "s", "es", "d", "ed", "ing", "er", "est"])
# Words that make what they grade small, which then says what its negating prefix would ("of little
# importance" is "unimportant").
_SLIGHT = frozenset("little less least lesser".split())
# Words that say "no more than": a "not" before one of them is no denial of what follows ("not only A but B"
# says A), but denies a claim's own ("Peace is not merely the absence of war" of "peace is merely ...").
_RESTRICTIVE_WORDS = r"(?:only|just|merely|simply|solely)"
_RESTRICTIVE = re.compile(rf"\b{_RESTRICTIVE_WORDS}\b", re.IGNORECASE)
_NOT_RESTRICTIVE = re.compile(rf"\bnot\s+{_RESTRICTIVE_WORDS}\b", re.IGNORECASE)
# What follows a negation that bounds a figure: "no less than", "not more than", "no fewer than".
_BOUNDING = r"\s+(?:less|more|fewer)\s+than\b"
_CEASED = r"(?:stopped|ceased|withdrew|withdrawn|(?:gave|given) up)"
_NEGATION = re.compile(
    # (not a bound a figure is given with, "no less than five attacks", "not more than 2 per cent", which
    # says how many; nor the "no" of sparing nothing, "will spare no effort", which promises all; nor one that
    # leaves no doubt of what follows, "It is no secret that the Kyoto Protocol is in serious trouble", "climate
    # change is without a doubt a security issue", "without exception")
    rf"\b(?:not(?!\s+{_RESTRICTIVE_WORDS}\b)(?!{_BOUNDING})"
    rf"|(?<!spare )(?<!spares )(?<!spared )(?<!sparing )no(?!{_BOUNDING})(?!\s+(?:secret|doubt|denying)\b)"
    r"|without(?!\s+(?:a\s+|any\s+)?(?:doubt|question|exception)\b)"
    r"|never|none|nobody|nothing|neither|nor|cannot)\b"
    r"|n['’]t\b|\bfail(?:s|ed)? to\b|\brefus(?:e|es|ed|ing) to\b"
    # a failure to do something, or of someone to do it: "The failure of the Commission ... to deliver a
    # successful outcome" says it did not deliver one (someone in a few words, none joining another thing:
    # "the failure of global governance and the lack of political will to address" fails at nothing)
    r"|\bfailures? (?:of (?:(?!(?:and|or|but|of)\b)[^\W\d]+[ -]){1,6}?)?to\b"
    r"|\b(?:has|have|had) yet to\b"
    # what cannot be done: "was unable to reach", "It is beyond our power to control"
    r"|\bunable to\b|\bbeyond\s+(?:our|its|their|his|her|my|your|the)\s+(?:power|capacity|ability|means|reach)\b"
    # verbs that say something done no longer is ("has stopped prosecuting", "withdrew its support"), past
    # only: "to stop the spread" or "must cease" seeks an end, which denies nothing yet
    rf"|\b{_CEASED}\b",
    re.IGNORECASE,
)
# A sentence's word for something's ending, which says what a claim's "stopped" does ("the work stoppage on the
# road construction" of "road construction has stopped"), and is no negation of a claim that has none.
_CEASING = re.compile(r"\b(?:stoppages?|cessation|withdrawals?|halt|halted)\b", re.IGNORECASE)
# Words after a negation that say how long it holds, not what it denies: "no longer", "not ever", "not yet"
# ("any more" and "further" are stop words, which the analyser drops already).
_LASTING = ("longer", "ever", "yet")
# Words before a claim's copula looked through for its subject's ("the repatriation of Burundian refugees was").
_ATTRIBUTED_TOKENS = 5
# The verb a "not" right after it negates.
_NEGATED_VERB = re.compile(
    r"\b(?:could|might|would|should|can|may|will|shall|must|do|does|did|is|are|was|were|has|have|had)\s+$",
    re.IGNORECASE,
)
# A negation before one of these states a bound, not a denial: "does not exceed US$ 50 billion" says "at most".
_BOUND = re.compile(r"\s+(?:exceed|surpass)(?:s|ed|ing)?\b", re.IGNORECASE)
# An exception after a negation, which takes it back for what it names: "There are no serious conflict situations
# except for Somalia" says Somalia is one. The words after it looked through for the claim's.
_EXCEPTION = re.compile(r"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|save\s+for|but\s+for)\s", re.IGNORECASE)
_EXCEPTED_TOKENS = 4
# A claim figure's qualifier that gives an upper bound, which such a negation states ("less than US$ 50 billion").
_UPPER_BOUND = re.compile(
    r"(?:less|fewer|lower) than|under|below|up to|at most|no more than|not more than", re.IGNORECASE
)
# The word opening a relative clause, whose negation may be of something else than what the sentence says
# ("the instruments ... that we had not ratified previously").
_RELATIVE_WORDS = "that|which|who|whom"
_RELATIVE = re.compile(rf"\b(?:{_RELATIVE_WORDS})\b", re.IGNORECASE)
# ... and the words opening a clause that says more of a place or thing the clause before it named ("flow into
# the Caribbean, where they are not manufactured")
_RELATIVE_OPENING = re.compile(rf"\b(?:{_RELATIVE_WORDS}|where)\b", re.IGNORECASE)
# Nouns and verbs that say something is missing: they deny what a claim says without a negation or one of
# them ("the international community's lack of real will" of "it has shown real will"), but never state a
# claim's own "not" or "no", whose sense they need not share (but for a lack of one thing, below).
_LACK = re.compile(r"\b(?:lack(?:s|ed|ing)?(?:\s+of\b)?|absence\s+of\b)", re.IGNORECASE)
# A lack of one thing, which is having none: "has lacked a permanent seat".
_LACK_OF_ONE = re.compile(r"\black(?:s|ed|ing)?\s+(?:of\s+)?an?\b", re.IGNORECASE)
# Not having, which says what a claim's "lack" does: "more than 1 billion people do not have access" states
# "1 billion people lack access" (the negation in it is the claim's own).
_NOT_HAVING = re.compile(
    r"\b(?:(?:do|does|did)\s+not|(?:don|doesn|didn)['’]t)\s+have\b|\b(?:have|has|had)\s+no\b", re.IGNORECASE
)
# ("yet" joins clauses, but not in "not yet", "as yet" or "has yet to", which say when)
_CLAUSE_BREAK = re.compile(
    r"[;:()—–]|,\s|\b(?:but|while|whereas|although|though|(?<!not )(?<!as )(?<!has )(?<!have )yet)\b", re.IGNORECASE
)
# A sentence saying only that something could happen does not state that it has: "... could result in the
# entire African continent falling under the grip of terrorist groups" (not "may": the Declaration's "may
# not be invoked" is its "cannot").
_POSSIBLE = re.compile(r"\b(?:could|might)\b")
# A negation under a condition denies nothing: "if practical steps are not taken to end occupation, ..."
# says nothing of whether anyone will end it.
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
# A sentence that opens on a condition and foretells what follows from it states that only under it: "Unless
# the present trend of global warming is reversed, some of our Pacific colleague nations will be submerged"
# does not state that they will be (nor that they have been). What it does under the condition, it states:
# "If that is the case, then Nauru calls on the Russian Federation to ratify".
_CONDITIONAL_OPENING = re.compile(r"^\W*(?:if|unless)\b.*?\b(?:will|would|shall)\b", re.IGNORECASE)
# Hard to do, for someone or not ("difficult to achieve", "hard for small States to reach"), or struggled for.
_HARD_TO = r"(?:(?:difficult|hard|impossible)(?:\s+for(?:\s+\S+){1,5}?)?|struggl(?:e|es|ed|ing))\s+to"
# A sentence saying only that something is wanted, asked for, envisioned, promised or within reach does not
# state that it is: "Palestine qualifies for full membership" is no "Palestine has been a full member", nor
# "we are committed to eradicating it" "Brazil has eradicated deforestation". Only where it
# goes with one of the claim's words (see `_only_sought`), and only of a claim that seeks nothing itself.
# ("plan" and "aim" only before "to": "the Response Plan represents only 0.03% of global military spending")
_PROSPECT = re.compile(
    r"\b(?:qualif(?:y|ies|ied)\s+for|eligible\s+for|(?:aspir|hop|seek|striv|wish|want|intend)(?:e|es|ed|ing|s)?"
    r"(?:\s+(?:to|for))?|(?:plan|aim)(?:s|ned|ning|ed|ing)?\s+to|(?:call|ask|appeal)(?:s|ed|ing)?\s+for|request(?:s|ed|ing)?"
    r"|(?:vision|dream|goal|ambition|aspiration|prospect)s?\s+(?:of|for)"
    # what a goal is: "Our goal is to become one of the first carbon-neutral countries" is no "has become"
    r"|(?:vision|dream|goal|ambition|aspiration|aim|objective|intention|target)s?\s+(?:is|are|was|were)\s+to"
    # worked towards: "work hard on advancing the Treaty's entry into force" is no "the Treaty has entered into force"
    r"|(?<!in\s)advanc(?:e|es|ing)"
    r"|(?:committed|determined|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?)\s+to"
    # begun, not done: "began to withdraw its troops" is no "completed the withdrawal"
    r"|(?:beg[ai]n|begun|begins|beginning|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing))\s+to"
    # hard to do, not done: "making it increasingly difficult to achieve the Millennium Development Goals" is no
    # "have achieved the Goals" (for someone or not: "difficult for them to achieve")
    rf"|{_HARD_TO}"
    # asked of another, up to the "to" of what is asked: "pleaded with the Security Council to lift the sanctions"
    r"|(?:plead(?:s|ed|ing)?|urg(?:e|es|ed|ing)|implor(?:e|es|ed|ing))(?:\s+\S+){0,5}?\s+to"
    # still to do, up to what is to be done: "What remains to be done is to determine the sources of funding"
    # is no "the sources of funding have been settled", nor "the treaty is yet to be ratified" its ratification
    r"|(?:remain(?:s|ed|ing)?|(?:is|are|was|were)\s+(?:still|yet))\s+to\s+be\s+\w+(?:\s+(?:is|was)\s+to\s+\w+)?)\b",
    re.IGNORECASE,
)
# A prospect that names what is pending itself: "remains to be determined".
_PENDING_DONE = re.compile(r"\bto\s+be\s+\w+$", re.IGNORECASE)
# What misses or passes a goal, just before it: a sentence that says so tells how things stand against the goal,
# which is no more only sought ("continue to fall short of the agreed goal of 0.7 per cent"). (Not "reach" or
# "achieve", which may still be sought: "will spare no effort to reach the goal of a 100 per cent enrolment rate".)
_MEASURED_AGAINST = re.compile(
    r"\b(?:miss(?:es|ed|ing)?|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|(?:falls?|fell|falling)\s+short\s+of)"
    r"(?:\s+[^\W\d_]+){0,2}\s+$",
    re.IGNORECASE,
)
_GOALS = frozenset("vision dream goal ambition aspiration prospect aim objective intention target".split())
# Verbs of saying after a prospect's word, which state what follows rather than seek it: "may wish to note that
# the pandemic is showing signs of a decline", "I would like to inform the Assembly that ...". And the acts done
# by saying them, which wanting to say does: "We also want to congratulate the Secretary-General on his
# appointment" congratulates him, as "I wish to thank" thanks.
_SAYING_VERBS = frozenset(
    "note say stress emphasize emphasise inform report state reiterate recall underline underscore highlight remind"
    " point reaffirm announce share tell congratulate thank welcome commend express convey assure applaud salute"
    " condemn".split()
)
# A claim that seeks something itself, which such a sentence may state ("Ghana hopes to vaccinate ..."), or
# says is still to do. ("determined" only before "to": "the sources have been determined" seeks nothing.)
_SOUGHT = re.compile(
    r"\b(?:qualif(?:y|ies|ied|ication)|eligib(?:le|ility)|aspir(?:e|es|ed|ing|ations?)|hop(?:e|es|ed|ing)"
    r"|(?:aim|plan|seek|wish|want|intend|call|ask|appeal|request|demand|dream)(?:s|es|ed|ned|ing|ning)?|sought"
    r"|striv(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|(?:vision|goal|ambition|prospect|objective|intention)s?"
    r"|(?<!in\s)advanc(?:e|es|ing)"
    r"|commit(?:s|ted|ting|ments?)?|determined\s+to|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?"
    r"|beg[ai]n|begun|begins|beginning|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing)|plead(?:s|ed|ing)?|implor(?:e|es|ed|ing)"
    r"|remain(?:s|ed|ing)?\s+to\s+be|(?:still|yet)\s+to\s+be"
    rf"|{_HARD_TO})\b",
    re.IGNORECASE,
)
# A participle and, after its "by", the name of who did what it says: "the initiative launched by President
# Sarkozy of France", "a road map mediated by the Southern African Development Community".
# (with the abbreviation the sentence gives it, which the claim may write instead: "the Group of Eight (G-8)")
_AGENT = re.compile(
    r"\b([^\W\d_]+)\s+by\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)"
    r"(?:\s*\(([^()]{1,20})\))?"
)
# The words before a verb's form that make it a noun ("the attack", "its launch"): the claim names a thing, not a
# doing whose doer a sentence's "by" could give otherwise.
_DETERMINERS = frozenset("the a an its their this that these those his her our my your".split())
# The words that make a superlative of the word after them.
_SUPERLATIVE = frozenset({"most", "least"})
# A verb that links a subject to what the claim says it is: the word after it is the claim's point ("the
# money needed ... is enormous"), which no sentence leaving it out states, however much else it shares.
_COPULAS = frozenset("is are was were be been being remains remain remained seems seem seemed becomes became".split())
_DEGREE = frozenset("very so too extremely quite rather really truly highly".split())
# A people's word, as a country's or another people's qualifies a noun: "Palestinian villages", "Christian
# holy sites" (see `_qualified_otherwise`).
_PEOPLES = re.compile(r"[A-Z][a-z]{2,}(?:ians?|ese|ish|is?|ans?)")
# "one of the greatest crises", "among the first": one of several, where "the greatest crisis" is the only one
# (of a word in lower case: "one of the Security Council's members" is no "one of the greatest")
# (over an "only" and a count: "one of the only two countries" is one of two, as "the only country" is the one)
_ONE_OF = re.compile(
    r"\b(?:(?:[Oo]ne|[Ss]ome|[Ee]ach)\s+of|[Aa]mong)\s+(?:the|its|their|our|his|her)\s+(?:only\s+)?"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|few|\d+)\s+)?([a-z]+)\b"
)
_THE = re.compile(r"\bthe\s+(?:only\s+)?([^\W\d_]+)", re.IGNORECASE)
# A comparison's "than", not a figure's ("more than 65%", "less than US$ 50 billion", "less than a third") nor
# "rather than" or "other than".
_THAN = re.compile(
    r"(?<!rather )(?<!other )\bthan\b(?!\s*(?:(?-i:[A-Z]{2,3})\s?)?[\d$€£]"
    r"|\s+(?:a|an|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b)",
    re.IGNORECASE,
)
# The words that say which way a comparison goes, the last before its "than": greater (0) or smaller (1).
_COMPARATIVES = (
    frozenset("more higher greater larger bigger".split()),
    frozenset("less fewer lower smaller".split()),
)
_UNIVERSAL = re.compile(r"\b(?:all|every|everyone|everybody|entire|whole|always|each and every)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|[Mm]ine)\b")
_NAME = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|the\s+|and\s+)*[A-Z][a-z]+)+")
# A frame that says where the claim comes from and nothing of what it claims: "According to the UDHR, ...".
_FRAME = re.compile(r"^\s*(?:according to|as (?:reported|stated|said|written) (?:by|in))\s+", re.IGNORECASE)
# A country as the one who says what the claim gives: "Singapore says ...", "Togo said that ...",
# "According to Mali, ..." (the frame above taken off: only after it does a comma end the sayer, or "Mali,
# Niger and Chad have ..." would be Mali's saying). A speech's own country says each of its sentences, so that
# the verb it says them with ("calls for", "urges", "agrees") is no word a sentence of it must hold.
# (a part of the name may open on an elided particle: "Côte d'Ivoire")
_SAYER_NAME = r"(?P<who>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+|the\s+|and\s+)*(?:[a-z][’'])?[A-Z][\w’'.-]*)*)"
# (those a sayer put after what it says is read with, `_SAYER_AFTER`, are some of them)
_SAID_AFTER = (
    r"says|said|argues|argued|believes|believed|warns|warned|notes|noted|reports|reported|claims|claimed"
    r"|insists|insisted"
)
_SAYING = (
    rf"{_SAID_AFTER}|states|stated|maintains|maintained|told|tells|declares|declared"
    r"|call(?:s|ed)?\s+(?:for|on)|appeal(?:s|ed)?\s+(?:for|to)|urges|urged|agrees|agreed|hopes|hoped|thinks|thought"
    r"|considers|considered|finds|deems|deemed|stresses|stressed|emphasi[sz]es|emphasi[sz]ed|wants|wanted"
)
_SAYER = re.compile(rf"^\s*{_SAYER_NAME}(?:(?P<comma>,)|\s+(?P<verb>{_SAYING})\b)")
# What a claim's sayer says, where it opens on an infinitive: the sayer's own doing ("wants to be ...").
_INFINITIVE = re.compile(r"\s*to\s+\w", re.IGNORECASE)
# The office that speaks for a country, after its name: "Colombia's President says ..."
_OFFICE = re.compile(
    r"['’]s\s+(?:President|Prime\s+Minister|(?:Foreign\s+)?Minister|Government|King|Queen|delegation|representative)$"
)
# The sayer put after what it says, as news writes it: "..., Sweden says." ("..., according to Sweden.")
_SAYER_AFTER = re.compile(
    rf",\s+(?:according\s+to\s+{_SAYER_NAME}|{_SAYER_NAME.replace('who', 'after')}\s+(?P<verb>{_SAID_AFTER}))"
    r"\s*[.!]?\s*$"
)
# The sayer's verbs of asking, which name whom it asks or what it asks for next: the asking is the doing.
_ASKING = re.compile(r"call(?:s|ed)?\s+(?:on|for)|appeal(?:s|ed)?\s+(?:to|for)|urge[sd]")
# A name's word after "the", as a text refers back to one it gave in full: "the Government", "the Commission".
_DEFINITE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\b")
# A thing the sentence before named, pointed back to: "Chad calls for the lifting of this embargo" after "we
# cannot ignore the embargo on Cuba". "That" only after a preposition ("time for that embargo to be lifted"),
# as elsewhere often a conjunction ("believes that poverty ...").
_DEMONSTRATIVE = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch"
    r"|(?:for|of|in|on|to|with|by|from|against|about|at|into|towards|over|under)\s+that)\s+([a-z]+)\b"
)
# A pronoun that speaks on of a thing a sentence before named (see `_carried_over`).
_SPEAKS_ON = re.compile(r"\b(?:[Tt]hey|[Tt]heir|[Tt]hem|[Ii]ts?)\b")
# What goes from one name of a list to the next: "the Sudan, Liberia and Timor-Leste"; and of that, the words
# that join a list's last name, where a comma alone may end a phrase instead ("With Pakistan, Estonia is ...").
_LISTED_ON = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)(?:the\s+)?")
_LIST_END = re.compile(r"\b(?:and|or)\b")
# A sentence opening on a pronoun as its subject, or on a clause whose subject it is ("While it represents
# ..."), speaks on of what the sentence before spoke of (see `_refers_back`).
_SUBJECT_PRONOUN_OPENING = re.compile(
    r"^\W*(?:(?:while|although|though|as|since|because|when|if)\s+)?(?:it|they)\b", re.IGNORECASE
)
# A sentence opening on "It" or "They" speaks on of what the sentence before opened on: "Palestine has been
# working seriously ..." then "It has successfully ... chaired the Group of 77 and China".
_OPENING_PRONOUN = re.compile(r"^\W*(?:It|They)\b")
# A figure written below zero ("-2.6 per cent"), not a range's dash ("2001-2002") nor a name's ("COVID-19").
_BELOW_ZERO = re.compile(r"(?<![\w.,])[-−]\d")
# A pronoun or relative before a copula, which may stand for a claim's subject the sentence does not name:
# "it is also the Achilles heel of ...", "a continent that is home to ...", "we are brushing dangerously close".
_PRONOUN_COPULA = re.compile(
    r"\b(?:it|they|we|he|she|this|these|that|which|who)\s+(?:is|are|was|were|remains?|remained|has\s+been"
    r"|have\s+been)\b",
    re.IGNORECASE,
)
# A clause whose subject is a pronoun standing for what the clause before it spoke of: "Military intervention
# can end war, but it cannot propagate peace".
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:and|but|yet|so)\s+)?(?:it|they|he|she)\b", re.IGNORECASE)
# A clause that sets another thing against what the clause before it says, by denying it: "the visit took place
# before the start of his second term, not at the end of it".
_CONTRAST_OPENING = re.compile(r"^\W*not\b", re.IGNORECASE)
# A clause that opens on its verb, the predicate of a subject an aside cut it off from: "The message that we
# received from Iran, although signifying a change of attitude ..., does not satisfy our demands".
_PREDICATE_OPENING = re.compile(
    r"^\W*(?:does|do|did|has|have|had|is|are|was|were|will|would|can|could|shall|should|may|might|must)\b",
    re.IGNORECASE,
)
# "Can be" before a verb says what "-able" does ("can be avoided", "avoidable"): a word set against its "-able"
# word ("unavoidable", "inevitable" against "avoidable") says it cannot.
_ABLE_MODALS = frozenset(["can", "could", "may"])
_ABLE = re.compile(r"[ai]ble$")
# The words a sign reads as ("US$", "$US" and "USD" are US dollars; not the "USD" of "USDA"; "°" is degrees).
_SIGN_WORDS = (
    (re.compile(r"\$|\bUSD\b"), "dollars"),
    (re.compile(r"US\$|\$US|\bUSD\b"), "US"),
    (re.compile("€"), "euros"),
    (re.compile("£"), "pounds"),
    (re.compile("°"), "degrees"),
)
# A currency named after a figure, perhaps after its country's code: "41.5 million US dollars".
_CURRENCY_AFTER = re.compile(rf"\s+(?:(?-i:[A-Z]{{2,3}})\s+)?(?:{CURRENCY_WORDS})\b", re.IGNORECASE)
# A Roman numeral after a capitalised word numbers the thing it names: "World War II" is the "Second World
# War". Not "I", which is also the pronoun ("Then I said").
_ORDINALS: dict[str, str] = dict(
    zip(
        "II III IV V VI VII VIII IX X".split(),
        "second third fourth fifth sixth seventh eighth ninth tenth".split(),
        strict=True,
    )
)
_ROMAN_NUMERAL = re.compile(r"\b[A-Z][a-z]+\s+(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\b")
# A word written with a hyphen, which is also written closed: "peace-keepers" is "peacekeepers".
_HYPHENATED = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words after a negation looked through for the word the claim's negation goes with ("without any limitation").
_NEGATED_WORDS = 3
# Words after a sentence's negation looked through for a claim word it denies ("will not be able to sign"),
# up to a preposition: "Ebola is not defeated in the Congo" denies no claim of the Congo's.
_NEGATED_TOKENS = 4
# A negation that quantifies a thing ("No nation", "none of the resolutions", "nothing"), and the verb the thing
# goes with, a few words on ("... on the planet is spared", "... has been implemented").
_QUANTIFYING_NEGATIONS = frozenset({"no", "none", "nobody", "nothing"})
_VERB_OF_QUANTIFIED = re.compile(
    r"^(?:\s+[\w’'-]+){0,6}?\s+(?:is|are|was|were|has|have|had|can|could|will|would|shall|should|may|might)"
    r"(?:\s+(?:been|be|being))?\b"
)
# A clause a verb says after all the claim's words, opening on its negation: "... in Abuja prove that no region of
# the world is safe" denies no part of what came before (see `ClaimReader._negated_aside`).
_THAT_NEGATED = re.compile(r"\bthat\s+(?:there\s+(?:is|are|was|were)\s+)?$", re.IGNORECASE)
# Words after a seeking phrase looked through for a claim word it seeks ("qualifies for full membership").
_SOUGHT_TOKENS = 4
# How near before a wish its "if" makes it a condition: "If we want ...", "if they wish to ..."
_CONDITIONED_TOKENS = 2
# Words after a sentence's "all" or "every" looked through for what it quantifies ("every child", "all the
# world's children", "has always condemned").
_UNIVERSAL_TOKENS = 4
# Words that stop an "all" short of all: "almost all the goals", "not all States".
_SHORT_OF_ALL = re.compile(r"\b(?:almost|nearly|virtually|practically|not|hardly)\s+$", re.IGNORECASE)
_PARTIAL = frozenset({"most", "many", "some", "several", "few", "half", "part"})
# A first person as a sentence's subject, and the doer it stands for when the speaker is not known.
_SUBJECT_PERSON = re.compile(r"\b(?:[Ww]e|I)\b")
# A first person saying something, with the verb it says it with ("I note", "We also welcome").
_FIRST_PERSON_SAYING = re.compile(
    rf"\b(?:[Ww]e|I)\s+(?:[a-z]+ly\s+|also\s+)?(?:{'|'.join(sorted(_SAYING_VERBS))})[sd]?\b"
)
# The words before a first person that make it the subject of a relative clause or an aside, not the
# sentence's: "The message that we received from Iran ..., as I said, does not satisfy our demands" is the
# message's doing.
_RELATIVE_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose)\s+[a-z]+\s+(?:that|which)|,\s*as)\s+$")
_SOMEONE = frozenset({""})
# What a sentence says of a country it names as the object of another's doing ("We thank Denmark for making
# the first contribution", "welcoming the Republic of South Sudan as the 193rd Member"): the country does it,
# or is it, whoever thanks or welcomes.
_OBJECT_PREDICATE = re.compile(r"\s+(?:as\s+|(?:for|on)\s+(?=\w+ing\b))")
# How many words after it may say the claim's of the country ("for making the first contribution").
_OBJECT_PREDICATE_TOKENS = 4
# The first person's possessives, which give what follows to a speech's speaker.
_OURS = frozenset({"our", "my"})
# A lowercase word, then "in" and the names before a name: the word the name places (see `_word_placed`).
_PLACED = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:in|across|throughout)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:of|and)\s+(?:the\s+)?)?)*$"
)
_PREPOSITIONS = frozenset("in on at for by from with of about against during since into over under".split())
# Titles a person is named by before the last word of their name ("President Mandela", "Mr. Kutesa").
_TITLES = frozenset(
    "president mr mrs ms dr ambassador king queen prince princess minister judge father sir sheikh professor"
    " secretary-general chancellor senator governor".split()
)
# The verbs of a passive or a perfect, which a verb's negation passes through to its verb ("to be honoured").
_AUXILIARIES = frozenset("be been have".split())
# Nouns a negation passes through to what they are of: "show no sign of decreasing" denies the decrease.
_SIGNS = frozenset("sign signs evidence indication indications".split())
# Words after which a country is what a sentence speaks of, not its actor: "With regard to Western Sahara, we
# urge ...", "aid to Haiti", "As regards Palestine's application ..., Viet Nam wishes ...".
_NOT_ACTOR_AFTER = _PREPOSITIONS | {"to", "towards", "regarding", "regards", "concerning"}
# The countries of the world by development, whose words one stem ("develop") makes one: the developing ones
# (with the least developed among them) and the developed.
_DEVELOPMENT = re.compile(
    r"\b(?:(?P<developing>developing|(?:least|less|under)[- ]?developed)|(?P<developed>developed|industriali[sz]ed))"
    r"(?:\s+(?:island|landlocked|coastal|small))*\s+(?:countr(?:y|ies)|states?|nations?|economi(?:es|y)|world)\b",
    re.IGNORECASE,
)
# Both sides at once: "developed and developing countries alike".
_BOTH_SIDES = re.compile(r"\bdevelop(?:ed|ing)\s+(?:and|or)\s+(?:the\s+)?develop(?:ed|ing)\b", re.IGNORECASE)
# Adverbs a writer may put before a verb or leave out, which change no word's place (`_neighbour_before`).
_FLOATING = frozenset("also still further always now then indeed therefore thus certainly surely already even".split())
# A clause a sentence opens on that its main clause's actor comes after: "As Libya embarks on the crucial task
# of reconciliation, we — as the first African country to ... — would like to assure" is our doing, not Libya's.
_SUBORDINATE_OPENING = re.compile(
    r"^\W*(?:As|While|Whilst|When|Whenever|Although|Though|Because|If|Unless|Once|Whereas|After|Before|Since|Until)"
    r"\s[^,;:—–]*[,;:—–]"
)
# The words of a country's state and people, which with its people's name still name the country.
_STATE = frozenset("Government State People Authorities President Prime Minister Delegation Nation".split())
_NOT_NAMES = frozenset("a an the in on at of for by to from with as it its this that these those their".split())
# A vote cast against something stands against it: "Gabon voted against resolution 1973" is read as "voted
# opposed", so that "we approved resolution 1973" contradicts it rather than stating it. (The same length as
# written, so the word a sentence differs by maps back to its own text.)
_VOTED_AGAINST = re.compile(r"\b(vot(?:e|es|ed|ing)\s+)against\b", re.IGNORECASE)
# The words of standing against something, which a sentence must say to state a claim that does: support is
# said in many ways ("believes in", "calls for"), opposition is not, and a claim turned against what a source
# backs is a common false one.
_STANDING_AGAINST = (
    "veto vetoed oppose opposed opposition block blocked reject rejected condemn condemned deplore deplored denounce"
    " denounced regret regretted criticize criticized criticise criticised concern concerned"
)
# Opposing predicates: a small, closed class of words that decides most claims a sentence contradicts,
# wherever the sentence says them. WordNet's 33,180 pairs (`lexicon`) count only in the claim word's own
# place (`_substituted`): anywhere, "right" / "left" alone would set half of English against itself.
_OPPOSITES = (
    (
        "increase rise rose risen raise raised grow grew grown growth higher expand gain gained up doubled tripled"
        " quadrupled",
        "decrease fall fell fallen drop dropped decline declined lower shrink shrank reduce reduced down halved"
        " cut cuts cutting slash slashed",
    ),
    ("improve improved better", "worsen worsened worse deteriorate deteriorated exacerbate exacerbated"),
    (
        "success successful succeed succeeded achieve achieved win won effective",
        "failure fail failed collapse collapsed lose lost ineffective",
    ),
    (
        "accept accepted acknowledge acknowledged admit admitted confirm confirmed",
        "reject rejected deny denied dismiss dismissed",
    ),
    (
        "support supported back backed endorse endorsed approve approved favour favor welcome welcomed"
        " commend commended applaud applauded praise praised",
        _STANDING_AGAINST,
    ),
    (
        "strengthen strengthened strengthens bolster bolstered reinforce reinforced build builds built",
        "weaken weakened weakens undermine undermines undermined erode erodes eroded",
    ),
    ("legal lawful", "illegal unlawful"),
    # keeping to an order or a rule, and not: WordNet sets "respect" against "disrespect" and "ignore" against
    # "notice", not each other
    (
        "respect respected respecting comply complied complying honour honoured honor honored obey obeyed abide"
        " adhere adhered adheres",
        "ignore ignored ignoring disregard disregarded defy defied flout flouted violate violated breach breached"
        " abandon abandoned abandons",
    ),
    # a measure lifted, or kept in force: WordNet sets "lift" against "lower", not these; nor is "imposed" set
    # against "lifted" here, since a sanction is imposed before it is lifted
    ("lift lifted lifting", "maintain maintained maintaining"),
    ("progress progressing progressed", "stall stalled stalling stagnate stagnated stagnating"),
    ("pleased glad delighted satisfied happy", "disappointed dismayed displeased dissatisfied unhappy"),
    # (WordNet sets "deficit" against a race's "lead" and "surplus" against "necessary", not each other)
    ("surplus surpluses", "deficit deficits shortfall shortfalls shortage shortages"),
)
# The axis whose second side stands against something (`_STANDING_AGAINST`).
_STANCE_AXIS = next(i for i, (_, against) in enumerate(_OPPOSITES) if against == _STANDING_AGAINST)
# Its words as written: all of them, those standing for something ("supports", "welcomes"), and those
# standing against it (see `_undone`, `_undoing_sought`).
_STANCES = frozenset(" ".join(_OPPOSITES[_STANCE_AXIS]).split())
_FOR_STANCE = frozenset(_OPPOSITES[_STANCE_AXIS][0].split())
_AGAINST_STANCE = frozenset(_STANDING_AGAINST.split())
# The axes of change, whose words on one side say one another as written ("fell", "declined", "was down to").
_CHANGES = _OPPOSITES[:2]
# Each side of each axis with the other, as words, for `_set_against`.
_AXES = tuple((frozenset(side.split()), other.split()) for pair in _OPPOSITES for side, other in (pair, pair[::-1]))
# Words of how many, set against each other: the analyser drops them as stop words, so they are read as
# written ("many trained judges" / "very few trained judges"); "a few" is some, not few. And how much: "little"
# as an amount, where no thing follows it ("contribute little to reducing poverty", not "a little island"),
# against a size said to be great ("an enormous contribution to ... reducing poverty").
_MANY = frozenset("many numerous plenty countless enormous huge immense vast tremendous".split())
# Words of degree set against each other before the word they grade ("a more ambitious outcome" / "the less
# ambitious outcome"): stop words too, so WordNet's antonyms never reach them. Before a word of the claim's
# own only, not before "than", which a figure follows ("more than 40,000" is the figure's, compared there).
_DEGREES = {
    "more": frozenset({"less", "fewer"}),
    "less": frozenset({"more", "too"}),
    "too": frozenset({"less"}),
    "fewer": frozenset({"more"}),
    "most": frozenset({"least", "fewest"}),
    "least": frozenset({"most", "best"}),
    "fewest": frozenset({"most"}),
    # (and "best" and "worst", whose degree is "most" or "least" of "well" and "badly": "the best supported"
    # against "the least supported")
    "best": frozenset({"least", "worst"}),
    "worst": frozenset({"best"}),
    # (and "on" and "off" before the same word, stop words as well: "off course" is not "on course")
    "on": frozenset({"off"}),
    "off": frozenset({"on"}),
}
# "Over-" and "under-" are set against each other before the same word ("overfunded", "underfunded"), in words
# longer than this ("overall", "underway" are no such words); and "under-" against the words saying enough
# ("fully funded").
_GRADED_CHARS = 8
_SUFFICIENTLY = frozenset("fully adequately sufficiently well properly".split())
_FEW = re.compile(
    r"(?<!\ba )\b(?:few|scarcely any|hardly any|little(?=\s+(?:to|for|in|of|on|about|more|else)\b|\s*[,.;:]|$))\b",
    re.IGNORECASE,
)
# Closed sets whose members stand in one another's place, set against each other there as antonyms are:
# "extended to 30 September 2020" does not state "extended to 30 October 2020". Only as written with a
# capital, so that the verb "may" is no month.
_ALTERNATIVES = tuple(
    frozenset(members.split())
    for members in (
        "january february march april may june july august september october november december",
        "monday tuesday wednesday thursday friday saturday sunday",
    )
)
_CALENDAR = frozenset[str]().union(*_ALTERNATIVES)
# A month written with a capital and the numbers right beside it in a date: its day before or after it, its
# year after it ("27 July 2011", "July 27, 2011", "July 2011").
_DATED_MONTH = re.compile(
    r"(?:\b(?P<day>\d{1,2})\s+)?\b(?P<month>"
    + "|".join(m.capitalize() for m in _ALTERNATIVES[0])
    + r")\b(?:\s+(?P<after>\d{1,2})(?:st|nd|rd|th)?\b,?)?(?:\s+(?P<year>\d{4})\b)?"
)
# Ordinals, set against each other in any case: "conceived by our fourth King" is no "the fifth King".
_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
# A superlative and the set it ranks within: "8 per cent, the lowest in Latin America" gives Uruguay's figure,
# set against the rest of Latin America, not Latin America's.
_RANKED_WITHIN = re.compile(
    r"\bthe\s+(?:(?:most|least)\s+[a-z]+|lowest|highest|largest"
    r"|biggest|smallest|poorest|richest|greatest|best|worst|fastest|slowest|strongest|weakest|oldest|youngest"
    r"|longest|shortest|first|last|only)"
    r"(?:\s+[a-z]+){0,2}?\s+(?:in|of|among)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
)
# The numbers before an ordinal that make it a fraction: "one third", "two fifths".
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine".split())
# Prefixes that make a word's antonym of it ("unlawful", "insignificant", "irregular", "dishonest").
_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")
# Of those, the ones that make a word's opposite of nearly any word, before a word of at least this length.
_UNMAKING_PREFIXES = ("un", "non", "non-")
_UNMADE_CHARS = 4
# Words that make a phrasal verb of the verb before them ("gone through", "set up").
_PARTICLES = frozenset("through up out down off back over away".split())
# A figure after a word, which makes such a word its qualifier ("over 12 million", "up to five").
_FIGURE_AFTER = re.compile(
    r"\s+(?:to\s+)?(?:[\d$€£]|(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+(?:third|quarter|half))\b)"
)
# Verbs of making or letting a thing be, and the verbs that with "out" remove it: "phasing out plastic bags"
# says they are not being introduced.
_MAKING = frozenset("introduce launch start begin create establish adopt expand allow permit promote open".split())
_REMOVING = frozenset("phase wipe stamp root weed rule".split())
# Words that undo a thing (in their dictionary forms, see `lexicon.forms`): a sentence's "the lifting of the
# embargo" speaks against the embargo, though it names it. A sentence's noun "end" undoes only as "an end
# to" (`_NOUN_END`), since "the end of the year" is when; any "end" of a claim's is read as its own undoing.
_UNDOING = frozenset(
    "lift lifting end removal remove abolition abolish repeal withdrawal withdraw cancellation cancel"
    " elimination eliminate eradication eradicate dismantle dismantling".split()
)
_NOUN_END = frozenset({"end", "ends"})
# The article that may open what is undone, and how many words may then stand before the claim's thing:
# "the lifting of the economic, commercial and financial embargo".
_UNDONE_ARTICLES = frozenset("the this that these those its their all any a an".split())
_UNDOING_TOKENS = 6
# How many words before a word of undoing a word of seeking asks for it: "urges the United States of America
# to completely lift".
_SEEKING_UNDOING_TOKENS = 8
# Verbs saying a thing is over ("closed the gap", "eliminated poverty"), and the words saying it goes on: "we
# still have a gender pay gap" says the gap is not closed, "poverty persists" that it is not eliminated.
_ENDING = frozenset("close end eliminate eradicate abolish overcome solve resolve defeat bridge".split())
_STILL = frozenset({"still"})
_GOING_ON = frozenset("remain remains remained persist persists persisted continue continues continued".split())
# The verb that with "on" after it says a thing goes on: "The conflict in Ukraine goes on".
_GOES = frozenset("go goes went going".split())
# The auxiliaries of a perfect, after which a claim's verb says a thing done ("has recovered"), and how near
# after "still" a sentence's verb in "-ing" says it goes on ("is still recovering").
_PERFECT = frozenset({"has", "have", "had"})
_STILL_DOING_TOKENS = 2
# How far "still" may stand before the thing it says goes on, and "persists" after it.
_STILL_BEFORE = 6
_GOING_ON_AFTER = 3
# A particle a copula links the subject to, which the analyser drops as a stop word but which is the
# claim's point: "the crisis is over", "the war is finally over". Not a figure's qualifier ("is over 50%").
_PARTICLE_PREDICATE = re.compile(
    rf"\b(?:{'|'.join(sorted(_COPULAS))})\s+(?:(?:{'|'.join(sorted(_DEGREE))}|[a-z]+ly)\s+)?"
    rf"({'|'.join(sorted(_PARTICLES))})\b(?!\s*[\d$€£])",
    re.IGNORECASE,
)
# Words that put what a claim says in a place: "carried out in every township in Myanmar".
_PLACING = frozenset("in at across throughout within".split())
# Small words inside a name: "the Republic of South Sudan".
_MINOR_WORDS = frozenset("of the and".split())
# A word after a country's name that is its verb, past an adverb ("Costa Rica fully identifies with").
_VERB_AFTER_NAME = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]{3,}(?:s|ed))\b")
# Words there that are no verb of the country's own doing: auxiliaries, whose verb follows ("has long
# hoped to"), and a possessive typed without its apostrophe.
_NOT_OWN_VERBS = frozenset("has was does its".split())
# Letters two words must share at their end, and at most the letters of each beginning apart, to be set
# against each other by their beginnings (see `_contrasted`).
_CONTRAST_ENDING = 4
_CONTRAST_BEGINNING = 4


@dataclass(frozen=True, slots=True)
class Judgement:
    relation: Relation
    coverage: float
    # What the sentence says where the claim differs: the figure it gives ("over 120,000"), the
    # negation ("never"), or the opposing word ("collapse").
    differs: str | None = None
    # It gives every figure the claim gives, on the claim's subject (of a claim with figures).
    given: bool = False
    # It contradicts the claim by giving another figure than the claim's (see `weighed`).
    another_figure: bool = False


@dataclass(frozen=True, slots=True)
class _Figure:
    value: float
    percent: bool
    written: str
    # The words that write the figure, its qualifier aside ("per", "cent" of "more than 65 per cent"; "twenti"
    # of "Twenty"): a sentence that gives the figure otherwise ("20%") says them.
    number_words: tuple[str, ...]
    # The precision of a figure written with decimals (0 for whole numbers): a claim's "4.8 million" is
    # the source's "4.77 million" rounded, but "$1 billion" is not "$1.4 billion", nor "2009" "2006".
    step: float
    # The first word after it, as a term: what it counts ("750 million adults", "86 per cent of global");
    # None for a label, which counts nothing.
    counts: str | None
    # The unit it is measured in, by the first of the words after it that names one: its measure and the
    # unit's size ("10 long years": time, a year's seconds), or None.
    unit: tuple[str, float] | None
    # It numbers what the word before it names ("resolution 181") or names a body ("the Group of Eight").
    label: bool
    # It gives a place in an order ("the 75th anniversary"), not an amount: another figure only for another
    # ordinal ("the 165th Member" for "the 155th"), never for a count or a day ("adopted on 21 September").
    ordinal: bool
    # It stands between a determiner and what it counts or dates: "its 2012 elections" (see `_dates_another`).
    attributive: bool = False
    # The word between a determiner and it, as a term, which says whom it counts as the word after it does:
    # "the poorest 20 per cent" are "20 per cent of the poorest".
    described: str | None = None
    # The measure of the unit it counts, named right after it (`_UNIT_NEXT`: "time" of "six decades", "10 long
    # years"), or None: for a count of things, or a rate ("$180 a month").
    measure: str | None = None
    # It is a sum of money: written with a currency's sign or code, or naming a currency after it.
    money: bool = False


# Whether a word means nearly what one of some others means ("abroad" / "worldwide"): see `ClaimReader`.
NearWord = Callable[[str, Sequence[str]], bool]


class ClaimReader:
    """One claim, read once, judged against many sentences.

    `terms` analyses text as the search index does (stemmed, stop words out); `weight` gives a term's
    rarity, so that "peacekeepers" counts for more than "people". `near`, where the engine has a model
    of meaning, says whether a claim's word has a word of nearly the same meaning in a sentence: a
    sentence near the claim that leaves some of its words out states it only when it says each of them
    in other words ("worldwide" for "abroad"), not when the one it leaves out is the claim's point
    ("Cambodia has eliminated poverty in rural areas" against "poverty is still a major problem,
    particularly in rural areas")."""

    def __init__(
        self,
        claim: str,
        terms: Callable[[str], list[str]],
        weight: Callable[[str], float],
        near: NearWord | None = None,
    ) -> None:
        self._terms = terms
        # read as a sentence is (`_as_read`)
        claim = _as_read(claim)
        framed = _FRAME.match(claim) is not None
        claim = _FRAME.sub("", claim)
        self._near = near
        # the country the claim gives as saying the rest ("Singapore says ..."), and that rest
        self._sayer, stated, saying = _said_by(claim, framed=framed)
        self._saying = set(_words(terms(saying)))  # the verb it says it with ("urge" of "Togo urges ...")
        self.words = _words(terms(claim))
        # the terms of what the claim says is something, before its first copula ("climate" and "chang" of
        # "climate change is ..."), for `_subject_left_out`: none where that is a country, by its name or as a
        # state ("The country is pleased"), which the sentence may say as "we"
        stated_tokens = _TOKEN.findall(stated)
        copula = next((i for i, t in enumerate(stated_tokens) if t.lower() in _COPULAS), None)
        subject = [] if copula is None else stated_tokens[:copula]
        self._subject_words = (
            []
            if any(t.capitalize() in _STATE or t.lower() == "country" for t in subject)
            else _words(terms(without_countries(" ".join(subject))))
        )
        # the terms of the claim's irregular forms, each with its verb's: "becam" of "became" is said by
        # "becoming" (see `_said`)
        self._bases = {
            own[0]: base[0]
            for m in _WORD.finditer(claim)
            if (found := irregular_base(m.group(0)))
            and (own := _words(terms(m.group(0))))
            and (base := _words(terms(found)))
            and own[0] != base[0]
        }
        # the claim's words in order with their terms: words left out together may be said in one ("come
        # back" as "returned")
        claim_words = list(_WORD.finditer(claim))
        self._sequence = [(m.group(0), _words(terms(m.group(0)))) for m in claim_words]
        # the places in it of the particles that make a phrasal verb of the word before them ("pulling out"), not
        # a figure's qualifier ("affecting over 12 million")
        self._particles_of_verbs = {
            i
            for i, m in enumerate(claim_words)
            if m.group(0).lower() in _PARTICLES and not _FIGURE_AFTER.match(claim, m.end())
        }
        # each of the claim's words as written (the first, where two share a term), by its term: what `near`
        # compares
        self._written = {t: word for word, word_terms in reversed(self._sequence) for t in word_terms}
        # each of the claim's words as written, by whether its first use stands after a determiner, naming a thing
        # ("the launch"), not a doing (`_done_by_named_other`)
        self._as_noun: dict[str, bool] = {}
        for i, (word, _) in enumerate(self._sequence):
            self._as_noun.setdefault(word, i > 0 and self._sequence[i - 1][0].lower() in _DETERMINERS)
        self._weights = {t: weight(t) for t in self.words}
        self._figures = _figures(claim, terms)
        self._counts = [f for f in self._figures if not _year_like(f) and not f.label]  # amounts, not years or labels
        names = _names(claim)
        self._names = [(countries_in(name), _words(terms(name))) for name in names]
        # the terms of the word after each name, which the name qualifies ("resolutions" after "UN")
        self._qualified = [_words(terms(_word_after(claim, name))) for name in names]
        # the terms of the word by which a sentence before may give each name the sentence leaves out: the
        # word it qualifies, or the one it places ("drought" of "the drought in the Horn of Africa")
        self._carried = [
            q or _words(terms(_word_placed(claim, name))) for q, name in zip(self._qualified, names, strict=True)
        ]
        # The claim's names whose share or count it gives ("a third of Latin America's population", not "45
        # members in the United Nations"), unless it ranks within them too ("the first country in Latin America
        # to ..."): a sentence ranking something within one gives no other figure for it (`_ranked_within`).
        wholes = " ".join(
            m.group(1)
            for f in self._figures
            if (m := re.search(rf"{re.escape(f.written)}\s+of\s+(?:the\s+)?(\S+(?:\s+\S+){{0,3}})", claim))
        )
        owners = set(_words(terms(wholes)))
        ranked = set(_words(terms(" ".join(m.group(0) for m in _RANKED_WITHIN.finditer(claim)))))
        self._owned_names = [
            (countries, name)
            for countries, name in self._names
            if name and all(t in owners for t in name) and not all(t in ranked for t in name)
        ]
        # the claim's shares given "of" a whole (`_share_of_another`)
        self._shares_of = {
            f.written for f in self._figures if f.percent and re.search(rf"{re.escape(f.written)}\s+of\b", claim)
        }
        self._united_nations = _words(terms("United Nations"))  # (see `_charters_organization`)
        self._countries = set[str]().union(*(countries for countries, _ in self._names))
        self._names_a_country = bool(self._countries)
        self.names_other = any(terms and not countries for countries, terms in self._names)
        self._entitled = {t for countries, terms in self._names if not countries for t in terms}  # names' words
        # the names' words the claim does not also write in lower case, outside its names (see `_named_only`)
        self._named_terms = self._entitled - set(terms(" ".join(w for w in _TOKEN.findall(claim) if w.islower())))
        # The claim's words outside its names and its days, where it gives a day: what happened on it.
        calendar = set(terms(" ".join(_CALENDAR)))
        dated = any(f.counts in calendar for f in self._figures)
        self._happened = [t for t in self.words if t not in self._entitled and t not in calendar] if dated else []
        # The claim's abbreviations by their terms ("NGOs" → "ngo": "ngo"), and its words as they spell them.
        self._abbreviated = {term[0]: a for a in abbreviations(claim) if (term := terms(a.upper()))}
        self._spelling = spelling_words(claim)
        self._negated = _NEGATION.search(claim) is not None
        # negated only by a verb of something's ending ("has stopped"), which a word for that ending states
        self._ceased = self._negated and all(
            re.fullmatch(_CEASED, m.group(0), re.IGNORECASE) for m in _NEGATION.finditer(claim)
        )
        # each negation with the first word after it that is a term, past words that only make it last ("no
        # longer"): "without limitation" → ("without", "limit"), "no longer hurt" → ("no", "hurt")
        lasting = set(terms(" ".join(_LASTING)))
        self._negations = [
            (m.group(0).lower(), next((t for t in terms(claim[m.end() :]) if t not in lasting), None))
            for m in _NEGATION.finditer(claim)
        ]
        # what each of the claim's "no", "none" and "nothing" is denied of, the first term after the verb the thing
        # it quantifies goes with ("spare" of "no nation on the planet is spared the problem"): a sentence that
        # contradicts the claim says that of some (`_judge`), not only the thing ("drug users in every nation")
        self._negated_predicates = [
            next(iter(terms(claim[m.end() + verb.end() :])), None)
            for m in _NEGATION.finditer(claim)
            if m.group(0).lower() in _QUANTIFYING_NEGATIONS and (verb := _VERB_OF_QUANTIFIED.search(claim[m.end() :]))
        ]
        # the first term after each of the claim's "only", "merely" (what it says is all there is), for
        # `_restriction_denied`
        self._restricted = [next(iter(terms(claim[m.end() :])), None) for m in _RESTRICTIVE.finditer(claim)]
        # the claim's words in order, and the words set against each (WordNet's antonyms), for `_substituted`
        written = _TOKEN.findall(claim)
        analysed = [terms(w) for w in written]
        self._tokens = [t.lower() for t in written]
        # each superlative's word with its terms, by its place in the claim ("peaceful" of "the most peaceful
        # year"), for `_replaced`
        self._superlatives = [
            (i, analysed[i]) for i in range(1, len(written) - 1) if self._tokens[i - 1] in _SUPERLATIVE and analysed[i]
        ]
        # each word after an "of" past the claim's first two, with its terms, by its place, for `_replaced` (not a
        # name, which the sentence may give otherwise: "of Malawi’s children" with its own apostrophe)
        self._things = [
            (i, analysed[i])
            for i in range(2, len(written))
            if self._tokens[i - 1] == "of" and analysed[i] and written[i].islower()
        ]
        self._forms = frozenset[str]().union(*(forms(t) for t, a in zip(self._tokens, analysed, strict=True) if a))
        # (an ordinal after a number, or after "a" and before "of", is a fraction, set against no other ordinal:
        # "More than a third of Latin America's population" is no "first" or "second" of anything; "a third
        # lost decade" is an ordinal)
        self._dated_months = _dated_months(claim)
        self._against = [
            _set_against(w) if (a or w.lower() in _ORDINAL_WORDS) and not self._fraction(i) else frozenset[str]()
            for i, (w, a) in enumerate(zip(written, analysed, strict=True))
        ]
        # which one of a series the claim says: its months and days, as written with a capital, and its ordinals
        # in words, but a fraction's and a "first time in" a span's, which "after" the span says as well ("for
        # the first time in more than two decades") (`_which_left_out`)
        self._which = [
            t
            for i, w in enumerate(written)
            if (w.lower() in _CALENDAR and w[0].isupper())
            or (w.lower() in _ORDINAL_WORDS and not self._fraction(i) and not self._first_in_span(i))
            for t in terms(w)
        ]
        # of those, the words each claim word is with a negating prefix or without one ("important" of
        # "unimportant"), which another part of speech of sets against it anywhere, for `_substituted`
        self._unprefixed = [
            frozenset(a for a in against if _prefixed(token, a))
            for token, against in zip(self._tokens, self._against, strict=True)
        ]
        # the forms of each verb the claim says "can be" done ("can be avoided"), for `_substituted`
        self._able = [
            forms(self._tokens[i])
            for i in range(2, len(self._tokens))
            if self._tokens[i - 1] == "be" and self._tokens[i - 2] in _ABLE_MODALS
        ]
        # each word of degree grading a word of the claim's own, by its place: what it is set against, and
        # whether it grades the word after it ("the most vulnerable") or the verb before it ("contributed the
        # most to"), whose place the two words before it give
        self._degrees = {
            i: (_DEGREES[token], bool(analysed[i + 1]))
            for i, token in enumerate(self._tokens[:-1])
            if token in _DEGREES and (analysed[i + 1] or (token in _SUPERLATIVE and i > 1 and analysed[i - 2]))
        }
        self._content = [bool(a) for a in analysed]  # a word with terms of its own, not a stop word
        # the places of the claim's verbs of making, for `_substituted`
        self._making = [i for i in range(len(self._tokens) - 1) if not forms(self._tokens[i]).isdisjoint(_MAKING)]
        # what the claim says is over: the first word with terms after each verb of ending ("gender" of
        # "closed its gender pay gap"), with that verb's forms, for `_going_on`
        # (or, for a verb with nothing after it, the first word of what is said to be over, a name's aside: "the
        # conflict in Ukraine has ended")
        subject = next(
            (terms(w) for k, w in enumerate(_TOKEN.findall(stated)) if (k == 0 or w.islower()) and terms(w)), None
        )
        self._ended = [
            (forms(self._tokens[i]), thing[0])
            for i in range(len(self._tokens))
            if analysed[i]
            and not forms(self._tokens[i]).isdisjoint(_ENDING)
            and (thing := next((a for a in analysed[i + 1 :] if a), subject))
            and thing != analysed[i]
        ]
        # the forms of the claim's verb of a thing done, after "has", "have" or "had" and an adverb ("has fully
        # recovered"), for `_still_under_way`
        self._done = frozenset[str]().union(
            *(
                forms(token)
                for i, token in enumerate(self._tokens)
                if i
                and (token.endswith("ed") or irregular_base(token))
                and (
                    self._tokens[i - 1] in _PERFECT
                    or (i > 1 and self._tokens[i - 1].endswith("ly") and self._tokens[i - 2] in _PERFECT)
                )
            )
        )
        # each claim word with "over-", "under-" or of enough ("fully"), and the "under-" or "over-" word set
        # against it, for `_substituted`: as the stems their other parts of speech begin with
        self._graded = [
            (_stem(token), _stem(against))
            for i, token in enumerate(self._tokens)
            if (against := _graded_against(token, self._tokens[i + 1] if i + 1 < len(self._tokens) else None))
        ]
        # where the claim puts a name: the word and the placing word before it ("township", "in" before
        # "Myanmar"), by the name's first word, for `_placed_elsewhere`
        firsts = {_TOKEN.findall(name)[0] for name in names}
        self._places = [
            (tuple(analysed[i - 2]), written[i - 1].lower(), written[i])
            for i in range(2, len(written))
            if written[i] in firsts and written[i - 1].lower() in _PLACING and analysed[i - 2]
        ]
        # "the first country in the world" is placed too: "the first country in Latin America" is not it
        self._places += [
            (tuple(analysed[i - 3]), self._tokens[i - 2], written[i])
            for i in range(3, len(written))
            if self._tokens[i - 1 : i + 1] == ["the", "world"] and self._tokens[i - 2] in _PLACING and analysed[i - 3]
        ]
        # the terms of the word each copula links the claim's subject to ("enormous" of "is enormous")
        self._predicates = {
            t
            for i, token in enumerate(self._tokens)
            if token in _COPULAS
            for j in [next((k for k in range(i + 1, len(written)) if self._tokens[k] not in _DEGREE), None)]
            # not a verb's participle, which a preposition follows ("are held in", "was killed by")
            if j is not None and (j + 1 == len(written) or self._tokens[j + 1] not in _PREPOSITIONS)
            for t in analysed[j]
        }
        # each word the claim says its subject is that has words set against it ("forced" of "the repatriation
        # ... was forced"), with the terms of the claim's words before its copula, for `_attributed_otherwise`
        self._attributes = [
            (self._against[j], frozenset(t for k in range(max(0, i - _ATTRIBUTED_TOKENS), i) for t in analysed[k]))
            for i, token in enumerate(self._tokens)
            if token in _COPULAS
            for j in [next((k for k in range(i + 1, len(written)) if self._tokens[k] not in _DEGREE), None)]
            if j is not None and self._against[j]
        ]
        # the particles the claim says its subject is ("over" of "is over"), which a sentence must say too
        self._particles = {m.group(1).lower() for m in _PARTICLE_PREDICATE.finditer(claim)}
        self._universal = next(_full_alls(claim), None) is not None
        # the words the claim says after "the" as the only one ("the greatest"), not as one of several
        among = {m.start(1) for m in _ONE_OF.finditer(claim)}
        self._only = {w for m in _THE.finditer(claim) if m.start(1) not in among for w in terms(m.group(1))}
        # the countries the claim compares, on each side of its "than": "Germany borrows at rates higher than
        # the United States"
        compared = _THAN.split(claim, maxsplit=1)
        self._compared = (countries_in(compared[0]), countries_in(compared[1])) if len(compared) == 2 else None
        # which of the world's two sides by development the claim speaks of, if one (`_developed_otherwise`)
        self._development = _development_sides(claim)
        # what the claim compares, each side's own words, and which way: "more guerrillas have been killed than
        # demobilized" (`_compared_the_other_way`)
        self._comparison = _comparison(claim, terms)
        # the claim's verb of lasting before the span it lasted ("lasted" of "lasted from 1996 to 2006"), which
        # a sentence giving that span of the same thing says
        self._lasting = [t for m in _LASTED.finditer(claim) for t in _words(terms(m.group(1)))] if self._figures else []
        # the claim's trends, each with the words it grades (`_trended_the_other_way`)
        self._trends = _trends(claim, terms)
        # what the claim says changed from, and to (`_changed_the_other_way`)
        self._change = next(_changes(claim, terms), None)
        # the doer of what the claim gives, not of its saying: "Togo says Nigeria proposed ..." is Nigeria's; but
        # what it says in the infinitive its sayer does ("Nepal wants to be a bridge between India and China")
        self._doer = self._sayer if _INFINITIVE.match(stated) else _doer(stated)
        # the verb right after the doer's name ("supports" of "Costa Rica supports the declaration"), which a
        # sentence saying of the same country states, whatever else in it is sought or done by others
        self._doer_verbs = {t for verb in _verbs_after(stated, self._doer) for t in terms(verb)}
        self._possible = _POSSIBLE.search(claim) is not None
        self._conditional = _CONDITION.search(claim) is not None
        # (not a word of a name: "have achieved the Millennium Development Goals" seeks nothing)
        self._seeks = any(m.start() == 0 or m.group(0)[0].islower() for m in _SOUGHT.finditer(claim.strip()))
        self._lacking = _LACK.search(claim) is not None
        # a claim that denies only having something ("the only continent without a permanent seat", "does not
        # have"), which a sentence's lack of it states
        self._not_having = _NOT_HAVING.search(claim) is not None or (
            self._negated and all(m.group(0).lower() == "without" for m in _NEGATION.finditer(claim))
        )
        self._opposites = [(set(terms(a)), set(terms(b))) for a, b in _OPPOSITES]
        self._many, self._few = not _MANY.isdisjoint(self._tokens), _FEW.search(claim) is not None
        self._sides = [self._side(set(self.words), pair) for pair in self._opposites]
        # the words of standing against something (as analysed for `_opposites`), where the claim says one, for
        # `_stance_left_out`
        against = frozenset(self._opposites[_STANCE_AXIS][1])
        self._against_stance = against if not against.isdisjoint(self.words) else frozenset[str]()
        # the forms of the words with terms of their own after the claim's word of standing for or against
        # something, unless it undoes a thing itself ("supports the lifting of the embargo"), for `_undone`
        stance = next((i for i, t in enumerate(self._tokens) if not forms(t).isdisjoint(_STANCES)), None)
        undoes = any(not forms(t).isdisjoint(_UNDOING) for t in self._tokens)
        # (standing for it: a sentence asking for its undoing contradicts the claim)
        self._backs_thing = stance is not None and not forms(self._tokens[stance]).isdisjoint(_FOR_STANCE)
        self._undoable = (
            frozenset[str]()
            if stance is None or undoes
            else frozenset[str]().union(
                *(
                    forms(t)
                    for t, mine in zip(self._tokens[stance + 1 :], self._content[stance + 1 :], strict=True)
                    if mine
                )
            )
        )
        # the claim's words of change, each with every word on its side of its axis, as written and analysed
        self._changes = [
            (claimed, frozenset(side.split()) | frozenset(terms(side)))
            for pair in _CHANGES
            for side in pair
            if (claimed := set(self.words) & set(terms(side)))
        ]
        # what the claim says changes or is so: its words but its names', its figures' and those on an axis,
        # one of which a sentence must hold to say the opposite of it ("the economy grew 5.6 per cent" is not
        # what "the poverty index fell five percentage points" speaks of)
        self._topic = set(self.words).difference(
            *(t for _, t in self._names),
            *(f.number_words for f in self._figures),
            *(side for pair in self._opposites for side in pair),
        )

    def judge(
        self,
        sentence: str,
        *,
        subject: frozenset[str] = frozenset(),
        speaker: frozenset[str] = frozenset(),
        source: str = "",
        section: str | None = None,
        before: str = "",
        close: bool = False,
    ) -> Judgement | None:
        """How `sentence` bears on the claim; None when it is not on the claim's subject.

        `subject` is the country the sentence's document is about, which a sentence naming no country, or
        none but the claim's, speaks of ("Authorities were reinforcing fences along the border"), unless it
        speaks in the first person: a speech's "our people" are its speaker's, who may name another country
        most (Palestine's speech names Israel five times as often as Palestine). `speaker` is the country
        whose words the document gives (its author, where that is a country or its government), for whom its
        first person speaks ("we have signed agreements ... with 85 States" in Palestine's speech). `source`
        names where the sentence comes from (its document's title, author and publisher, the works it cites), which the
        claim may name instead of the sentence: "Under the Declaration, ..." of the Universal Declaration's
        own sentences, "According to Amnesty International, ..." of a sentence citing it. `section` is the
        label of the numbered section the sentence stands in, whose words and number it says too ("Article
        19 protects freedom of expression" of "Everyone has the right to freedom of opinion and expression"
        under "Article 19"). `before` is the sentence before it in its document, which its "the Government"
        may refer back to ("the NLD Government"), its "this embargo" point back to ("the embargo on Cuba"), or
        its opening "It" take the actor of ("Palestine has been working ..."). `close` says the sentence is
        near the claim in meaning."""
        typed = _as_read(sentence)
        judged = self._judge(typed, subject, speaker, source, section, _as_read(before), close)
        if judged is None or judged.differs is None or judged.differs in sentence or typed == sentence:
            return judged
        at = typed.find(judged.differs)  # the source's own word, as written, in what it is said to differ by
        return replace(judged, differs=sentence[at : at + len(judged.differs)]) if at >= 0 else judged

    def _judge(
        self,
        sentence: str,
        subject: frozenset[str],
        speaker: frozenset[str],
        source: str,
        section: str | None,
        before: str,
        close: bool,
    ) -> Judgement | None:
        said = self._said(sentence)
        words = said | self._abbreviated_otherwise(sentence, said)
        words.update(own for own, base in self._bases.items() if base in said)
        written = said | {t.lower() for t in _TOKEN.findall(sentence)}
        for claimed, side in self._changes:
            # the change said in another of its words ("was down to" for "fell"), unless a figure below zero says
            # which way it went: "economic growth rebounded to 3.2 per cent from -2.6 per cent and -7.4 per cent
            # in 2001 and 2002" says no economy grew then
            if not side.isdisjoint(written) and _BELOW_ZERO.search(sentence) is None:
                words |= claimed
        # Words the sentence's place says for it (its section's label, its source's names): they hold the
        # claim's names, but count neither for nor against how much of the claim it states, or every
        # sentence of the Declaration would state half of "Article 15 of the Declaration protects ...".
        context = set(_words(self._terms(section))) if section else set[str]()
        # A country the sentence names otherwise ("the DPRK" for "North Korea") holds the claim's words for it.
        named = set[str]()
        clause = ""  # the clause that holds most of the claim (`_closest_clause`), found once when first needed
        if self._names_a_country:
            named = countries_in(sentence)
            if before and self._points_back(sentence, before):
                named |= countries_in(before) & self._countries
            elif before and _OPENING_PRONOUN.match(sentence):
                named |= _actor(before) & self._countries
                # (or the country the sentence before names with a thing of the claim's the sentence says again,
                # which its "It" stands for: "It is perhaps the longest-lasting embargo in history" after "...
                # in full solidarity with the people of Cuba in demanding the end to the embargo")
                if not self._topic.isdisjoint(set(self._terms(sentence)) & set(self._terms(before))):
                    named |= countries_in(before) & self._countries
            # Only a clause naming no country but the claim's may leave the document's own unnamed: "China
            # and Russia have vetoed calls for ICC referrals" in an essay on North Korea; one naming another
            # is about that one ("North Korea vetoed them" is not stated there). A country named only in a
            # clause after it ("..., through front companies in China") is not the actor; one named before
            # it, where a sentence's actor stands, is ("both Guinea and Mali, founding members of the
            # Community, have been suspended").
            clause = self._closest_clause(sentence)
            upto = sentence[: sentence.find(clause) + len(clause)]
            own = named <= self._countries or countries_in(upto) <= self._countries
            # (a first person doing what the sentence says is its author, whoever else it names: "We therefore
            # support British Prime Minister Gordon Brown's proposal" in Kenya's speech is Kenya's support)
            by_author = bool(speaker) and _doer(sentence, speaker) == speaker
            own = own or by_author
            if own and not _FIRST_PERSON.search(sentence):
                named |= subject
            elif own and speaker and (_actor(sentence) <= speaker or by_author):
                # a first person speaks for its author, unless another country opens the sentence as its
                # actor: "Israel is taking actions against our people" does not say what Palestine does; one
                # the first person comes before does not ("I welcome South Sudan as the 193rd Member")
                named |= speaker
            if self._sayer and self._sayer <= speaker:
                named |= self._sayer  # "Singapore says ..." of a sentence of Singapore's own speech
                context |= self._saying
        # the source's words, read only for a claim with a name that is not a country's
        told = set(_words(self._terms(source))) | _acronyms(source) if source and self.names_other else set[str]()
        for (countries, terms), carried in zip(self._names, self._carried, strict=True):
            if countries and countries <= named:
                words.update(terms)
            elif not countries and terms and not all(self._holds(words, t) for t in terms):
                if all(self._holds(told, t) for t in terms) or self._refers_back(sentence, terms, before):
                    context.update(terms)
                elif self._carried_over(sentence, said, terms, carried, before):
                    context.update(terms)
                    words.update(carried)
                elif self._titled(sentence, terms) or self._charters_organization(sentence, terms):
                    words.update(terms)
        figures: list[_Figure] | None = None  # the sentence's figures, read once when first needed
        # (they only give the claim's figures, `_implied`: not read for a claim that gives none)
        implied = _implied(sentence) if self._figures else []
        if any(not all(self._holds(words, t) for t in f.number_words) for f in self._figures):
            figures = _figures(sentence, self._terms)
            words.update(
                t for f in self._figures if _given(f, figures + implied, self._figures) for t in f.number_words
            )
        if self._lasting and not all(self._holds(words, t) for t in self._lasting):
            figures = _figures(sentence, self._terms) if figures is None else figures
            if all(_given(f, figures + implied, self._figures) for f in self._figures):
                words.update(self._lasting)  # its span given, what lasted it lasted: "the war of 1996 to 2006"
        context -= words
        coverage = self._coverage(words, leaving_out=context)
        words |= context
        if coverage < RELATED_COVERAGE:
            return None
        if coverage < CONTRADICT_COVERAGE:
            return Judgement("related", coverage)  # too little of the claim to state or contradict it
        names = all(
            countries <= named if countries else all(self._holds(words, t) for t in terms)
            for countries, terms in self._names
            if countries or terms
        ) and not (
            self._placed_elsewhere(sentence)
            or self._compared_otherwise(sentence)
            or self._qualified_otherwise(sentence, words, speaker)
        )
        figures = _figures(sentence, self._terms) if figures is None else figures
        # The section's number gives the claim's ("Article 19"), but another section's does not contradict
        # it: sharing the claim's words ("the right to", "national") is no sign the sentence states it.
        placed = _figures(section, self._terms) if section else []
        missing = [f for f in self._figures if not _given(f, figures + placed + implied, self._figures)]
        clause = clause or self._closest_clause(sentence)
        negation = _NEGATION.search(clause) if self._negated else self._denial(clause, missing)
        if negation is not None and self._negated and self._affirms_negated(clause):
            negation = None  # it negates something else: "remains committed to ... a world without nuclear weapons"
        if self._negated and negation is None and self._negations_stand_in(sentence):
            negation = _NEGATION.search(sentence)  # negated as the claim is, outside the clause that holds most of it
        if negation is None and self._not_having:
            # the claim's "without" or "does not have", said as a lack of one thing: "has lacked a permanent seat"
            # (not of how much, which a lack may only find short: "lack of real will" is no "has no will")
            negation = _LACK_OF_ONE.search(clause)
        if negation is None and self._ceased:
            negation = _CEASING.search(clause)  # the ending the claim's "stopped" says, named
        if negation is None and not self._negated and not self._lacking:
            # (a lack of something the claim does not say denies nothing of it: "reflects the failure of global
            # governance and the lack of political will" still says "migration reflects the failure of ...")
            negation = next((m for m in _LACK.finditer(clause) if self._denies(m)), None)
        if negation is not None and self._lacking and _NOT_HAVING.search(clause):
            negation = None  # the sentence does not have what the claim lacks
        if negation is None and not self._negated:
            negation = self._denied_elsewhere(sentence, clause) or self._restriction_denied(clause)
        contrary = (
            self._opposed(sentence, words)
            if not self._topic or any(self._holds(words, t) for t in self._topic)
            else None
        ) or self._substituted(sentence)
        # (a sentence that undoes the claim's thing speaks of the undoing: "supported the resolutions ... which
        # call for the lifting of the ... embargo" sets no opposing word against "Paraguay opposes the embargo",
        # wherever it stands; only the undoing itself is one: "lift" for "maintain")
        undone = self._undone(sentence)
        if undone is not None and contrary is not None and forms(contrary).isdisjoint(_UNDOING):
            contrary = None
        opposed = (
            contrary
            or self._redated(sentence)
            or self._attributed_otherwise(sentence)
            or self._counted_otherwise(sentence)
            or self._compared_the_other_way(sentence)
            or self._changed_the_other_way(sentence)
            or self._trended_the_other_way(sentence)
            or self._dated_otherwise(sentence)
            or self._going_on(sentence)
            or self._still_under_way(sentence)
        )
        # A sentence without the claim's year and without another of its figures speaks of another time:
        # "$156 billion" over five years is no other figure for "$1,464 billion in 2008".
        another_time = any(_year_like(f) for f in missing) and not all(_year_like(f) for f in missing)
        # (a year alone is when, not what: "by 2030" in a sentence on emissions gives no figure of the claim's that
        # makes another sentence's "2020" speak of something else, see `weighed`; a span, "2021 to 2025", does)
        given = (
            names
            and bool(self._figures)
            and not missing
            and not (len(self._figures) == 1 and _year_like(self._figures[0]))
        )
        # A day in a sentence with none of the words of what happened on the claim's, only its names, is the day
        # of something else they did: "During his official visit to Luxembourg on 17 April 2012, ... Ban Ki-moon
        # made ..." gives no other day for "Ban Ki-moon was re-elected on 21 June".
        another_day = bool(self._happened) and not any(self._holds(words, t) for t in self._happened)
        if another_day and opposed is not None and opposed.lower() in _CALENDAR:
            opposed = None
        if names:
            if missing and not another_time:
                other = [g for g in figures if not any(_same(f, g) for f in self._figures)]
                alike = [
                    (abs(f.value - g.value), g)
                    for f in missing
                    for g in other
                    if _comparable(f, g) and not _dates_another(f, g) and not self._share_of_another(f, g, sentence)
                ]
                # (the source's figure nearest the claim's is the one it gives instead, unless it gives the claim's
                # name only as the set it ranks its own subject within)
                if alike and not another_day and not self._ranked_within(sentence):
                    nearest = min(alike, key=lambda pair: pair[0])[1].written
                    return Judgement("contradicts", coverage, nearest, another_figure=True)
            if not missing and (
                instead := self._predicated_of_another(sentence, figures) or self._of_another_country(sentence, figures)
            ):
                return Judgement("contradicts", coverage, instead, another_figure=True)
            # A claim's "not" is contradicted by a sentence saying much of what it denies, not by any sentence on
            # its subject without one: "The situation in Ukraine, as well as the Israeli-Palestinian conflict,
            # highlights the dangers ..." says nothing against "Chad does not support a two-state solution".
            # Nor by one that negates in another clause ("..., 97 Security Council resolutions — and not a single
            # one has been implemented" of "None of the 754 resolutions has been implemented"), or only seeks
            # what it denies ("We now want the implementation of a single resolution"). Nor, either way, by one
            # that leaves out the claim's figures, which negates something else: "the only region ... not to
            # have a permanent seat" says nothing against "Mali supports Africa's demand for two permanent seats".
            if (
                negation is None
                and self._negated
                and not missing
                and coverage >= CLOSE_SUPPORT_COVERAGE
                # (a "without" of none of its words, "without discrimination", says how, and denies nothing)
                # (nor one that is the claim's own, before the same word: its "without nuclear weapons")
                and not any(
                    (m.group(0).lower() != "without" or self._denies(m)) and not self._own_negation(m)
                    for m in _NEGATION.finditer(sentence)
                )
                # it says what the claim denies: "pleaded in vain" is no "pleaded without success" undenied
                and all(term is None or self._holds(words, term) for _, term in self._negations)
                and all(term is None or self._holds(words, term) for term in self._negated_predicates)
                and (self._seeks or not self._only_sought(sentence))
            ):
                return Judgement("contradicts", coverage, given=given)
            if (
                negation is not None
                and not self._negated
                and not missing
                and self._denies(negation)
                and not _CONDITION.search(negation.string, 0, negation.start())
                and not self._comparison_left_out(sentence)
            ):
                return Judgement("contradicts", coverage, negation.group(0), given=given)
            if opposed:
                return Judgement("contradicts", coverage, opposed, given=given)
            if (
                undone is not None
                and self._backs_thing
                and not self._negated
                and (lifted := self._undoing_sought(sentence, undone))
            ):
                return Judgement("contradicts", coverage, lifted, given=given)
        # the sentence as read for words of the claim's meaning: without a negation of other words of its own
        aside = self._negated_aside(negation) if negation is not None and not self._negated else None
        unnegated = sentence if aside is None or negation is None else sentence.replace(negation.string, aside, 1)
        said_of_doer = self._said_of_doer(sentence)
        states = (
            names
            and coverage >= (CLOSE_SUPPORT_COVERAGE if close else SUPPORT_COVERAGE)
            and not missing
            and (self._negated == (negation is not None) or aside is not None)
            and not opposed
            and (not self._universal or self._of_all(sentence))
            and not self._one_of_several(sentence)
            and (self._possible or _POSSIBLE.search(clause if aside is None else aside) is None)
            and (self._conditional or not _CONDITIONAL_OPENING.match(sentence))
            and (self._seeks or said_of_doer or not self._only_sought(sentence))
            and (
                (coverage >= SUPPORT_COVERAGE and not self._predicate_left_out(words))
                or self._said_otherwise(unnegated, words)
            )
            and not self._replaced(sentence, words)
            and not self._stance_left_out(words)
            and not self._which_left_out(words)
            and not self._subject_left_out(sentence, words)
            and undone is None
            and not self._done_by_another(sentence, speaker, said_of_doer, figures)
            and not self._done_by_named_other(sentence)
            and not self._comparison_left_out(sentence)
            and not self._apart_in_list(sentence)
            and not self._developed_otherwise(sentence)
            and self._particles <= {t.lower() for t in _TOKEN.findall(sentence)}
        )
        return Judgement("supports" if states else "related", coverage, given=given)

    def _comparison_left_out(self, sentence: str) -> bool:
        """The claim compares and the sentence does not, so it neither states nor denies the comparison:
        "Barbados believes a nation is more than just an economy" is not stated by "... the global economy ...
        prosperity for all nations", nor denied by "Barbados does not believe that ... the economic embargo
        ... will facilitate the full integration"."""
        return self._compared is not None and _THAN.search(sentence) is None

    def _predicate_left_out(self, words: AbstractSet[str]) -> bool:
        """The sentence leaves out what the claim says its subject is ("enormous" of "... is enormous"), or the
        change the claim says ("has greatly increased" against "has been kept at a minimal level"; a word on
        its side of the axis holds it, see `_judge`)."""
        return any(not self._holds(words, t) for t in self._predicates) or any(
            not any(self._holds(words, t) for t in claimed) for claimed, _ in self._changes
        )

    def _subject_left_out(self, sentence: str, words: AbstractSet[str]) -> bool:
        """The sentence leaves out every word of what the claim says is something, and says it of something
        else: "The most significant challenge to stability ... is posed by the menace of terrorism" does not
        state "climate change is the most significant challenge to stability". Not where a pronoun says it
        ("it is also the Achilles heel of many emerging economies", "a continent that is home to ..."), which
        may stand for the claim's subject."""
        return (
            bool(self._subject_words)
            and not any(self._holds(words, t) for t in self._subject_words)
            and _PRONOUN_COPULA.search(sentence) is None
        )

    def _which_left_out(self, words: AbstractSet[str]) -> bool:
        """The claim says which one of a series (a month, a day of the week, an ordinal) and the sentence does
        not, whatever else of it it says: "Just two months ago this Assembly admitted ... South Sudan" does not
        state "South Sudan was admitted to the United Nations in March this year", nor "... on his re-election
        ... for another term" that he was re-elected "to a third term"."""
        return not all(self._holds(words, t) for t in self._which)

    def _stance_left_out(self, words: AbstractSet[str]) -> bool:
        """The claim stands against something (`_STANDING_AGAINST`) and the sentence says no such word: "Saint
        Lucia will spare no effort in working towards concluding an arms trade treaty that is legally binding"
        does not state "Saint Lucia opposes a legally binding arms trade treaty", however much else of it it
        holds."""
        return bool(self._against_stance) and words.isdisjoint(self._against_stance)

    def _undone(self, sentence: str) -> int | None:
        """Where the sentence undoes a thing the claim names and does not undo (the place of its word of
        undoing among the sentence's words): "Paraguay has consistently supported the resolutions ... which call
        for the lifting of the economic, commercial and financial embargo against Cuba" does not state "Paraguay
        has supported the embargo on Cuba". The thing stands after the word of undoing and its "of", "to" or
        article, behind modifiers only (no other article or preposition: "the removal of mines, the displaced
        persons" undoes no persons)."""
        if not self._undoable:
            return None
        tokens = [t.lower() for t in _TOKEN.findall(sentence)] + [""]
        for i, token in enumerate(tokens[:-1]):
            if token in _NOUN_END:
                if tokens[i + 1] != "to":
                    continue
                start = i + 2
            elif not forms(token).isdisjoint(_UNDOING):
                start = i + 1 + (tokens[i + 1] in ("of", "to"))
            else:
                continue
            start += tokens[start] in _UNDONE_ARTICLES
            for word in tokens[start : start + _UNDOING_TOKENS]:
                if not forms(word).isdisjoint(self._undoable):
                    return i
                if word != "and" and not self._terms(word):
                    break  # (a word of its own: another article or preposition, another phrase)
        return None

    def _undoing_sought(self, sentence: str, at: int) -> str | None:
        """The sentence's word of undoing at `at`, where it asks for the undoing (a word of seeking among the
        few words before it, and no negation nor word of standing against: "regrets the calls to lift"):
        "Grenada again urges the United States of America to completely lift the harsh economic embargo"
        against "Grenada supports the United States embargo"."""
        written = _TOKEN.findall(sentence)
        before = written[max(0, at - _SEEKING_UNDOING_TOKENS) : at]
        if (
            _SOUGHT.search(" ".join(before)) is None
            or _NEGATION.search(" ".join(before)) is not None
            or any(not forms(w).isdisjoint(_AGAINST_STANCE) for w in before)
        ):
            return None
        return written[at]

    def _still_under_way(self, sentence: str) -> str | None:
        """The sentence's "still" before the claim's verb of a thing done (after "has", "have" or "had") in
        "-ing", which says it goes on: "is still recovering from Hurricane Tomas" against "has fully recovered
        from Hurricane Tomas"."""
        if not self._done:
            return None
        written = _TOKEN.findall(sentence)
        tokens = [t.lower() for t in written]
        return next(
            (
                written[i]
                for i in range(len(tokens) - 1)
                if tokens[i] in _STILL
                and any(
                    token.endswith("ing") and not self._done.isdisjoint(forms(token))
                    for token in tokens[i + 1 : i + 1 + _STILL_DOING_TOKENS]
                )
            ),
            None,
        )

    def _abbreviated_otherwise(self, sentence: str, words: set[str]) -> set[str]:
        """The claim's terms the sentence holds by abbreviation: the claim's "CCTV" written out in it
        ("closed-circuit television"), or the claim's "gross domestic product" abbreviated ("GDP")."""
        held = set[str]()
        missing = {term: letters for term, letters in self._abbreviated.items() if not self._holds(words, term)}
        if missing:
            spelling = spelling_words(sentence)
            held.update(term for term, letters in missing.items() if spelled_runs(letters, spelling))
        for letters in abbreviations(sentence):
            for start, end in spelled_runs(letters, self._spelling):
                held.update(self._terms(" ".join(self._spelling[start:end])))
        return held

    def _said_otherwise(self, sentence: str, words: set[str]) -> bool:
        """Each claim word the sentence leaves out has a word of nearly its meaning in it (without a model to
        tell, taken on trust, but for what the claim says its subject is)."""
        if self._near is None:
            return not self._predicate_left_out(words)
        left_out = {t for t in self.words if not self._holds(words, t)}
        claimed = set(self.words)
        written = [m.group(0).lower() for m in _WORD.finditer(sentence)]
        theirs = [bool(terms := _words(self._terms(w))) and not claimed.intersection(terms) for w in written]
        # its own words, and its verbs with their particle, which say together what one word says ("gone
        # through" for "endured", "handed in" for "surrendered")
        own = list(
            dict.fromkeys(
                [w for w, mine in zip(written, theirs, strict=True) if mine]
                + [
                    f"{w} {p}"
                    for w, mine, p in zip(written, theirs, written[1:], strict=False)
                    if mine and p in _PARTICLES
                ]
            )
        )
        near = self._near

        def said(phrase: list[str]) -> bool:
            # a word set against it never says it otherwise, however near in meaning ("secret" for "open"),
            # nor one that differs from it only in how it begins ("proponent" for "opponent")
            return near(
                " ".join(phrase).lower(),
                [w for w in own if not any(opposed(p, w) or _contrasted(p.lower(), w) for p in phrase)],
            )

        for run in self._runs_left_out(left_out):
            if not (len(run) > 1 and said(run)) and not all(said([word]) for word in run):
                return False
        # a term no single word of the claim gives (of a word the analyser reads whole with another)
        return all(said([t]) for t in left_out if t not in self._written)

    def _runs_left_out(self, left_out: AbstractSet[str]) -> list[list[str]]:
        """The claim's words the sentence leaves out, as runs of words standing together in the claim, a verb's
        particle with it: "pulling out" is said otherwise as a whole or not at all ("turning" is near "pulling",
        not "pulling out")."""
        runs: list[list[str]] = [[]]
        for i, (word, terms) in enumerate(self._sequence):
            if terms and all(t in left_out for t in terms):
                runs[-1].append(word)
            elif runs[-1]:
                if i in self._particles_of_verbs:
                    runs[-1].append(word)
                runs.append([])
        return [run for run in runs if run]

    def _coverage(self, words: set[str], leaving_out: AbstractSet[str] = frozenset()) -> float:
        """The share of the claim's weighted words `words` hold, of those `leaving_out` does not hold."""
        weights = {t: w for t, w in self._weights.items() if not (leaving_out and self._holds(leaving_out, t))}
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if self._holds(words, t)) / total if total else 0.0

    def _closest_clause(self, sentence: str) -> str:
        """The clause of the sentence that holds most of the claim: where its negation would be."""
        clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c and c.strip()]
        return max(clauses, key=lambda c: self._coverage(set(self._terms(c))), default=sentence)

    def _opposed(self, sentence: str, words: set[str]) -> str | None:
        """The sentence's own word on the other side of an axis from the claim's ("fell" to "rose")."""
        for side, pair in zip(self._sides, self._opposites, strict=True):
            if side is None or self._side(words, pair) != 1 - side:
                continue
            opposite = pair[1 - side]
            # The word as the sentence writes it, not its stem: what is shown is the source's words.
            return next((m.group(0) for m in _WORD.finditer(sentence) if set(self._terms(m.group(0))) & opposite), None)
        return None

    def _of_another_country(self, sentence: str, figures: list[_Figure]) -> str | None:
        """The figure the sentence gives the claim's one country, where it gives the claim's own to another
        named before it: "countries such as El Salvador with a gross domestic product of about $22 billion, or
        ... Honduras with roughly $15 billion, or Guatemala which barely reaches $40 billion" gives El Salvador
        "$22 billion", not the claim's "$40 billion" (each figure is the last country's named before it)."""
        owners = self._figure_owners(sentence, figures)
        if owners is None:
            return None
        subject, owned = owners
        for claimed in self._figures:
            placed = [owner for g, owner in owned if _same(claimed, g)]
            if not placed or any(owner in subject for owner in placed):
                continue  # (given with the claim's country, or not given)
            if all(owner is None for owner in placed):
                continue  # (before any country: whose it is, the sentence does not say)
            theirs = [g for g, owner in owned if owner in subject and _comparable(claimed, g) and not _same(claimed, g)]
            if theirs:
                return theirs[0].written
        return None

    def _figures_given_to_subject(self, sentence: str, figures: list[_Figure]) -> bool:
        """Each of the claim's figures stands in the sentence with the claim's one country, the last it names
        before the figure (`_of_another_country`): the country the figure is given to, whoever else the sentence
        names first ("countries such as El Salvador ..., or a country such as Honduras with roughly $15
        billion")."""
        if not self._figures:
            return False
        owners = self._figure_owners(sentence, figures)
        if owners is None:
            return False
        subject, owned = owners
        return all(any(owner in subject for g, owner in owned if _same(claimed, g)) for claimed in self._figures)

    def _figure_owners(
        self, sentence: str, figures: list[_Figure]
    ) -> tuple[set[str], list[tuple[_Figure, str | None]]] | None:
        """The claim's one country (not its sayer), and each of the sentence's figures with the last country
        named before it (None before any); None unless the sentence names that country and another (with one
        country, each figure is its)."""
        subject = self._countries - self._sayer
        if len(subject) != 1 or not figures:
            return None
        mentions = country_mentions(sentence)
        if not any(code in subject for code, _, _ in mentions) or len({code for code, _, _ in mentions}) < 2:
            return None
        owned = [
            (g, next((code for code, _, end in reversed(mentions) if end <= at), None))
            for g in figures
            for at in [sentence.find(g.written)]
        ]
        return subject, owned

    def _predicated_of_another(self, sentence: str, figures: list[_Figure]) -> str | None:
        """Another figure of the claim's kind, of the same thing, between the claim's own and what the claim
        says its figure's subject is, of which the sentence then says it (the one nearest the claim's in value,
        as where the claim's is missing): "310 million people require humanitarian assistance worldwide, and
        more than 120 million, or 1 in 70, are refugees" says "are refugees" of "more than 120 million", not of
        the claim's "310 million"."""
        if not self._counts or not self._predicates:
            return None
        said = next(
            (
                m.start()
                for m in _WORD.finditer(sentence)
                if any(self._holds(set(self._terms(m.group(0))), t) for t in self._predicates)
            ),
            -1,
        )
        placed = [(sentence.find(g.written), g) for g in figures]
        own = [at for at, g in placed if 0 <= at < said and any(_same(f, g) for f in self._counts)]
        if not own:
            return None
        between = [
            (abs(f.value - g.value), g)
            for at, g in placed
            if max(own) < at < said and not any(_same(c, g) for c in self._counts)
            for f in self._counts
            # (of what the claim's counts, or of nothing named after it: "754 General Assembly resolutions, 97
            # Security Council resolutions ... — and not a single one has been implemented" says it of all)
            if _comparable(f, g) and g.counts in (None, f.counts)
        ]
        return min(between, key=lambda pair: pair[0])[1].written if between else None

    def _titled(self, sentence: str, name: list[str]) -> bool:
        """The sentence names the person of the claim's name of several words by a title and the name's last
        word: "the late President Mandela" for "Nelson Mandela"."""
        if len(name) < 2:
            return False
        written = _TOKEN.findall(sentence)
        return any(
            title.lower() in _TITLES and self._terms(word) == [name[-1]] for title, word in itertools.pairwise(written)
        )

    def _charters_organization(self, sentence: str, name: list[str]) -> bool:
        """The sentence names the United Nations, the claim's name, as its Charter does: "the Organization"
        ("We most warmly welcome the Republic of South Sudan as the 193rd Member of the Organization")."""
        return name == self._united_nations and _ORGANIZATION.search(sentence) is not None

    def _counted_otherwise(self, sentence: str) -> str | None:
        """The sentence's "few" where the claim says "many" (or the other way round): its words for it."""
        if self._many == self._few:
            return None  # neither, or both
        if self._many:
            return match.group(0) if (match := _FEW.search(sentence)) else None
        return next((w for w in _TOKEN.findall(sentence) if w.lower() in _MANY), None)

    def _negations_stand_in(self, sentence: str) -> bool:
        """Each of the claim's negations stands in the sentence, before the same word: the claim's "without
        limitation" in "Men and women, without any limitation due to race, have the right to marry"."""
        found = list(_NEGATION.finditer(sentence))
        return all(any(self._stands_for(m, negation, word) for m in found) for negation, word in self._negations)

    def _own_negation(self, said: re.Match[str]) -> bool:
        """The sentence's negation is one of the claim's, before the same word."""
        return any(self._stands_for(said, negation, word) for negation, word in self._negations)

    def _stands_for(self, said: re.Match[str], negation: str, word: str | None) -> bool:
        """The sentence's negation is the claim's `negation`, before its `word` (among the few words after)."""
        return said.group(0).lower() == negation and (word is None or word in self._terms_after(said))

    def _terms_after(self, negation: re.Match[str]) -> list[str]:
        """The terms of the few words after a negation, in the text it was found in."""
        return self._terms(negation.string[negation.end() :])[:_NEGATED_WORDS]

    def _affirms_negated(self, text: str) -> bool:
        """The text says a word the claim negates with no negation before it: "My country also remains
        committed to the goal of a world without nuclear weapons" of "... is no longer committed to the goal of
        a world without nuclear weapons", whose "without" is not the claim's "no longer"."""
        said = set(self._terms(text))
        negated = [self._terms_after(m) for m in _NEGATION.finditer(text)]
        return any(
            word is not None and self._holds(said, word) and not any(self._holds(set(after), word) for after in negated)
            for _, word in self._negations
        )

    def _denial(self, clause: str, missing: list[_Figure]) -> re.Match[str] | None:
        """The clause's first negation, for a claim that negates nothing, passing over one that states the bound
        the claim's figure gives ("does not exceed US$ 50 billion" of "less than US$ 50 billion"), one that
        bounds another figure ("does not exceed 35 per cent by 2010 and to reach ... 15 per cent by 2019" of "15
        per cent by 2019") and one of
        claim words the clause has said before a relative clause ("has now ratified all the instruments ...
        that we had not signed or ratified previously")."""
        bounded = any(_UPPER_BOUND.match(f.written) for f in self._figures if f not in missing)
        negations = list(_NEGATION.finditer(clause))
        # (a negation and the "without" after it make a need, which denies nothing: "no reform of the United
        # Nations is complete without reform of the Security Council")
        paired = {
            i + j
            for i, (first, then) in enumerate(itertools.pairwise(negations))
            if then.group(0).lower() == "without" and first.group(0).lower() != "without"
            for j in (0, 1)
        }
        for negation in (n for i, n in enumerate(negations) if i not in paired):
            bound = _BOUND.match(clause, negation.end())
            if bound and (bounded or not self._bounds_own(clause[bound.end() :])):
                continue
            exception = _EXCEPTION.search(clause, negation.end())
            if exception and self._is_excepted(clause[exception.end() :]):
                continue
            denied = self._negated_terms(negation)
            # (said before a relative clause the negation stands in: "has ratified X and has not ratified Y"
            # still denies that Y is ratified)
            relative = [m.start() for m in _RELATIVE.finditer(clause, 0, negation.start())]
            said = set(self._terms(clause[: relative[-1]])) if relative else set[str]()
            if not denied or not all(self._holds(said, t) for t in denied):
                return negation
        return None

    def _is_excepted(self, excepted: str) -> bool:
        """One of the claim's words is among the first few of what an exception names ("except for Somalia")."""
        claimed = set(self.words)
        return any(
            self._holds(claimed, t) for word in _TOKEN.findall(excepted)[:_EXCEPTED_TOKENS] for t in self._terms(word)
        )

    def _bounds_own(self, bounded: str) -> bool:
        """The first figure of what a bound ("does not exceed") is set on is one of the claim's."""
        first = next(iter(_figures(bounded, self._terms)), None)
        return first is not None and any(_same(f, first) for f in self._figures)

    def _negated_terms(self, negation: re.Match[str]) -> set[str]:
        """The claim's terms among the words the negation may deny (`_negated_words`)."""
        claimed = set(self.words)
        return {t for word in _negated_words(negation) for t in self._terms(word) if self._holds(claimed, t)}

    def _denies(self, negation: re.Match[str]) -> bool:
        """The negation goes with one of the claim's words (among the first few after it): "Haiti will not
        sign" denies "Haiti will sign", but "... as long as epidemics such as Ebola are not defeated" denies
        nothing "The Congo is being hit by Ebola for the seventh time" says. A word of change on the claim's
        side of its axis is the claim's: "show no sign of decreasing" denies "is falling"."""
        negated = _negated_words(negation)
        # (not a common noun the claim says only in a name: "Permanent seats ... are not about defending
        # security" denies nothing of "the permanent Security Council members")
        return any(self._is_claim_word(word) and not self._named_only(word) for word in negated) or any(
            not side.isdisjoint({word.lower(), *self._terms(word)}) for word in negated for _, side in self._changes
        )

    def _named_only(self, word: str) -> bool:
        """The word is written in lower case, and the claim says it only in one of its names, in this form or
        another ("membership" of "Member States")."""
        terms = set(self._terms(word))
        return word.islower() and bool(terms) and all(self._holds(self._named_terms, t) for t in terms)

    def _is_claim_word(self, word: str) -> bool:
        """The word is one of the claim's, in one of its forms or by one of its terms."""
        claimed = set(self.words)
        return not forms(word).isdisjoint(self._forms) or any(self._holds(claimed, t) for t in self._terms(word))

    def _negated_aside(self, negation: re.Match[str]) -> str | None:
        """The text the negation was found in without it and the first few words after it, where it negates
        something else than the claim speaks of: no claim word stands before it, none among those words, a
        preposition or a relative pronoun stands between it and the first claim word after it, and the claim's
        own words, not only its names, come after. "who could not join his colleagues in the Assembly owing to
        the tragic ferry accident that claimed the lives of more than 200 Tanzanians" still says what killed
        them. Or the text before the clause it opens, which a verb says after all the claim's words and which
        holds none of them: "... the recent suicide attack against the United Nations headquarters in Abuja
        prove that no region of the world is safe" still says the attack; or, of a claim that says something was
        sought, promised or begun, the text before a negation after all its words. None where it may deny the
        claim ("failed to fully eliminate malaria", "has not yet managed to eliminate", "was discharged without
        any treatment")."""
        that = _THAT_NEGATED.search(negation.string, 0, negation.start())
        opening = that.start() if that is not None else negation.start()
        if (
            any(self._is_claim_word(word) for word in _TOKEN.findall(negation.string[:opening]))
            and not any(self._is_claim_word(word) for word in _TOKEN.findall(negation.string[opening:]))
            and (that is not None or self._seeks)
        ):
            # (what a claim says was sought stands, whatever became of it: "the promise made by the world's
            # wealthy nations ... to increase their public development aid to 0.7 per cent of GDP has still not
            # been kept" still says they promised it)
            return negation.string[:opening]
        window = list(itertools.islice(_TOKEN.finditer(negation.string, negation.end()), _NEGATED_TOKENS))
        end = window[-1].end() if window else negation.end()
        following = _TOKEN.findall(negation.string[end:])
        until = next((i for i, word in enumerate(following) if self._is_claim_word(word)), len(following))
        stated = set(self._terms(negation.string[end:]))
        if (
            # (what follows says the claim's own words, not only its names: "Let us not allow repression and
            # dictatorship in Venezuela to become normalized" says nothing of "Venezuela is a democracy")
            not any(self._holds(stated, t) for t in self._topic)
            or self._denies(negation)
            or any(self._is_claim_word(m.group(0)) for m in window)
            or any(self._is_claim_word(word) for word in _TOKEN.findall(negation.string[: negation.start()]))
            or not any(
                w.lower() in _NOT_ACTOR_AFTER or _RELATIVE.fullmatch(w)
                for w in [m.group(0) for m in window] + following[:until]
            )
        ):
            return None
        # (with the verb it negates: "could not join" is no "could")
        start = _NEGATED_VERB.search(negation.string, 0, negation.start())
        return negation.string[: start.start() if start else negation.start()] + negation.string[end:]

    def _denied_elsewhere(self, sentence: str, clause: str) -> re.Match[str] | None:
        """A negation in a relative clause of the sentence, outside the clause that holds most of the claim,
        denying claim words that clause does not say: "Sweden is alarmed at the situation in Belarus following
        the elections on 9 August, which were neither free nor fair" denies "the elections in Belarus were free
        and fair". So does one in a later clause whose subject is a pronoun for the earlier one's: "Military
        intervention can end war, but it cannot propagate peace" denies "military intervention can propagate
        peace"; one in a clause that opens on its verb, whose subject an aside cut off ("The message that we
        received from Iran, although signifying a change of attitude ..., does not satisfy our demands"); and a
        "not" opening the clause right after, which sets what it denies against what that clause says ("the
        visit took place before the start of his second term, not at the end of it"). (Not in a clause of its
        own with its own subject, which may speak of another thing.)"""
        said = set(self._terms(clause))
        clauses = _CLAUSE_BREAK.split(sentence)
        after = clauses.index(clause) if clause in clauses else len(clauses)
        for i, other in enumerate(clauses):
            if not other or other == clause:
                continue
            relative = (
                _RELATIVE_OPENING.match(other.lstrip())
                or (i > after and _PRONOUN_SUBJECT.match(other))
                or (i == after + 1 and _CONTRAST_OPENING.match(other))
            )
            predicate = not relative and _PREDICATE_OPENING.match(other) is not None
            if not relative and not predicate:
                continue
            for negation in _NEGATION.finditer(other):
                denied = self._negated_terms(negation)
                # (a predicate's negation denies only the claim's own verb right after it, "does not satisfy": "should
                # not obscure the other Africa" denies nothing of Africa)
                verb = _negated_words(negation)[:1]
                if predicate and not (verb and verb[0].islower() and self._is_claim_word(verb[0])):
                    continue
                if denied and not any(self._holds(said, t) for t in denied):
                    return negation
        return None

    def _restriction_denied(self, clause: str) -> re.Match[str] | None:
        """The clause's "not only", "not merely" before the word the claim's own "only" or "merely" comes
        before: "Peace is not merely the absence of war" denies "peace is merely the absence of war"."""
        return next(
            (
                m
                for m in _NOT_RESTRICTIVE.finditer(clause)
                if any(word is not None and word in self._terms_after(m) for word in self._restricted)
            ),
            None,
        )

    def _redated(self, sentence: str) -> str | None:
        """The sentence's other month in a date with the claim's day or year, where it gives the claim's month in
        none: "resolution 2000 (2011) of 27 July 2011" for "adopted on 27 June 2011" (the words around the two
        months differ, so `_substituted` does not find the one in the other's place)."""
        if not self._dated_months:
            return None  # (a claim without a dated month: the sentence's dates are not read)
        theirs = _dated_months(sentence)
        for month, numbers, _ in self._dated_months:
            if any(other == month and not given.isdisjoint(numbers) for other, given, _ in theirs):
                continue
            other = next((w for m, given, w in theirs if m != month and not given.isdisjoint(numbers)), None)
            if other is not None:
                return other
        return None

    def _substituted(self, sentence: str) -> str | None:
        """The sentence's word set against the claim's in its place, between the same neighbours: "by secret
        vote" where the claim says "by open vote", "shall be prohibited in" for "shall be permitted in", "a
        strong proponent of" for "a strong opponent of", "less ambitious" for "more ambitious"."""
        written = _TOKEN.findall(sentence)
        tokens = [t.lower() for t in written]
        said = [forms(t) for t in tokens]
        every = frozenset[str]().union(*said)
        claim = self._tokens
        for i, against in enumerate(self._against):
            if against.isdisjoint(every):
                continue  # no word set against it here
            own = forms(claim[i])
            # the sentence's places between one of the claim word's neighbours (an adverb apart: "will also
            # continue to contribute" is in the place of "will stop contributing")
            before = _neighbour_before(claim, i)
            placed = {
                j
                for j in range(len(tokens))
                if (before is not None and _neighbour_before(tokens, j) == before)
                or (i + 1 < len(claim) and j + 1 < len(tokens) and tokens[j + 1] == claim[i + 1])
            }
            if any(not own.isdisjoint(said[j]) for j in placed):
                continue  # the claim's own word in its place too
            for j in range(len(tokens)):
                if against.isdisjoint(said[j]) or _after_negation(tokens, j):
                    continue  # (a negated opposite says the claim's word: "do not have" for "lack")
                # (in its place, though the claim's word grades another: "the second highest percentage forest
                # cover ... and one of the lowest deforestation rates"; anywhere, only without it)
                if j in placed or (written[j].islower() and own.isdisjoint(every) and _prefixed(claim[i], tokens[j])):
                    return written[j]
        # a verb of removal with its "out" in the place of the claim's verb of making, before the same word:
        # "phasing out single-use plastic bags" where the claim says "introducing" them
        for i in self._making:
            j = next(
                (
                    j
                    for j in range(len(tokens) - 2)
                    if tokens[j + 1] == "out"
                    and tokens[j + 2] == claim[i + 1]
                    and not forms(tokens[j]).isdisjoint(_REMOVING)
                ),
                None,
            )
            if j is not None:
                return written[j]
        # the claim's word with "un-" or "non-" before it, or without it, wherever the sentence writes it: "is
        # unwavering" where the claim says "is wavering" (WordNet sets neither against the other)
        for i, token in enumerate(claim):
            if not self._content[i] or not forms(token).isdisjoint(every):
                continue
            j = next(
                (
                    j
                    for j, t in enumerate(tokens)
                    # (not a word of the claim's own: "two permanent and five non-permanent seats")
                    if written[j].islower() and _unmade(token, t) and t not in claim and not _after_negation(tokens, j)
                ),
                None,
            )
            if j is not None:
                return written[j]
        # the claim's word without its negating prefix in another part of speech, wherever it stands: "the
        # critical importance of bees" where the claim says bees are "unimportant"
        for i, prefixed in enumerate(self._unprefixed):
            if not prefixed or not forms(claim[i]).isdisjoint(every):
                continue
            j = next(
                (
                    j
                    for j, t in enumerate(tokens)
                    if written[j].islower()
                    and any(_derived(a, t) for a in prefixed)
                    # (not one said to be small or none, which says the claim's word: "of little importance")
                    and not (_after_negation(tokens, j) or (j and tokens[j - 1] in _SLIGHT))
                ),
                None,
            )
            if j is not None:
                return written[j]
        # a word set against the "-able" word of a verb the claim says "can be" done: "United Nations reform is
        # unavoidable" where the claim says it "can be avoided"
        for able in self._able:
            j = next(
                (
                    j
                    for j, t in enumerate(tokens)
                    if written[j].islower()
                    and not _after_negation(tokens, j)
                    and any(_ABLE.search(a) and {_ABLE.sub("", a), _ABLE.sub("e", a)} & able for a in antonyms(t))
                ),
                None,
            )
            if j is not None:
                return written[j]
        for i, (against, forward) in self._degrees.items():
            # (only a degree before the claim's own word counts: "too preoccupied with summitry and less focused on
            # delivery" grades "focused" by "less", its "too" another word; one that says the claim's degree
            # there too sets two things apart)
            graded = [
                (tokens[j], j)
                for j in range(len(tokens) - 1)
                if (tokens[j + 1] == claim[i + 1] if forward else j > 1 and tokens[j - 2 : j] == claim[i - 2 : i])
            ]
            if any(token == claim[i] for token, _ in graded):
                continue
            j = next((j for token, j in graded if token in against), None)
            if j is not None:
                return written[j]
        # "under-" where the claim says "over-" or "fully" (or the other way round), wherever it stands: "women
        # continue to be underrepresented" of "women are overrepresented", "severely underfunded" of "fully funded"
        # (in another part of speech too: "an overrepresentation of women" of "women are underrepresented")
        for own, stem in self._graded:
            j = next((j for j, t in enumerate(tokens) if t.startswith(stem)), None)
            if j is not None and not any(t.startswith(own) for t in tokens):
                return written[j]
        # a word unlike the claim's only in a short beginning, between both its neighbours: "a strong proponent
        # of" for "a strong opponent of" (WordNet sets neither against the other)
        following: dict[str, list[int]] = {}  # each place in the sentence, by the word before it
        for j in range(1, len(tokens) - 1):
            following.setdefault(tokens[j - 1], []).append(j)
        for i in range(1, len(claim) - 1):
            if not self._content[i] or claim[i] in tokens:
                continue
            for j in following.get(claim[i - 1], []):
                if tokens[j + 1] == claim[i + 1] and _contrasted(claim[i], tokens[j]):
                    return written[j]
        return None

    def _attributed_otherwise(self, sentence: str) -> str | None:
        """The sentence puts a word set against the one the claim says its subject is before a word of that
        subject: "the voluntary repatriation of ... refugees" where the claim says "the repatriation of ...
        refugees was forced"."""
        if not self._attributes:
            return None
        written = _TOKEN.findall(sentence)
        for attribute, following in itertools.pairwise(written):
            said = forms(attribute.lower())
            for against, subject in self._attributes:
                if not against.isdisjoint(said) and not subject.isdisjoint(self._terms(following)):
                    return attribute
        return None

    def leans_back(self, sentence: str) -> bool:
        """The sentence may take one of the claim's names from the sentence before it (see `judge`): it says
        a word of one that is not a country's after "the", or opens on a pronoun where the claim has such a
        name (`_refers_back`), or says one of the claim's words after "this", "these", "those", "such" or,
        after a preposition, "that" (`_points_back`)."""
        definite = self._definite(sentence)
        named = any(
            terms and not countries and (not definite.isdisjoint(terms) or (definite and self._abbreviates(terms)))
            for countries, terms in self._names
        )
        if named or self._pointed(sentence) or (self._names_a_country and _OPENING_PRONOUN.match(sentence)):
            return True
        if self.names_other and _SUBJECT_PRONOUN_OPENING.match(sentence):
            return True
        # (the sentence's words are read only for a claim with a name that qualifies or places a word: most have
        # none)
        carried = [q for (countries, _), q in zip(self._names, self._carried, strict=True) if q and not countries]
        if not carried or _SPEAKS_ON.search(sentence):
            return bool(carried)
        said = set(self._terms(sentence))
        return any(all(self._holds(said, t) for t in q) for q in carried)

    def _carried_over(
        self, sentence: str, words: AbstractSet[str], name: list[str], carried: list[str], before: str
    ) -> bool:
        """The sentence (whose terms are `words`) speaks on of what the sentence before names with the claim's
        name and the word the name qualifies or places in the claim (`carried`): by that word ("Diplomatic
        efforts have included U.N. resolutions, ..." then "Over 20 resolutions since 2006 have condemned ...")
        or by "they" or "it" where it speaks to the claim ("... the United Nations peace-keepers." then "Ten
        years ago they numbered only 4,000, ...")."""
        if not before or not carried:
            return False
        earlier = self._said(before)
        if not all(self._holds(earlier, t) for t in [*name, *carried]):
            return False
        if all(self._holds(words, t) for t in carried):
            return True
        return _SPEAKS_ON.search(self._closest_clause(sentence)) is not None

    def _said(self, text: str) -> set[str]:
        """The terms of the text's words, also as the words' initials spell them ("United Nations" is "UN"),
        as its hyphenated words are written closed ("peace-keepers" is "peacekeepers"), as a name's Roman
        numeral reads ("World War II" is the "Second World War"), and as its signs read ("$US 800 million"
        is 800 million US dollars, "2° centigrade" 2 degrees)."""
        closed = " ".join(m.group(0).replace("-", "") for m in _HYPHENATED.finditer(text))
        ordinals = " ".join(_ORDINALS[m.group(1)] for m in _ROMAN_NUMERAL.finditer(text))
        signs = " ".join(name for sign, name in _SIGN_WORDS if sign.search(text))
        # (and its irregular forms as their verbs: "held" says "hold", which a claim's "holds" is)
        bases = " ".join(base for m in _WORD.finditer(text) if (base := irregular_base(m.group(0))))
        said = set(_words(self._terms(f"{text} {signs} {bases}"))) | set(_words(self._terms(closed))) | _acronyms(text)
        return said | set(_words(self._terms(ordinals))) if ordinals else said

    def _abbreviates(self, name: list[str]) -> bool:
        """The name is, or holds, an abbreviation ("ECOWAS"), which the sentence before may spell out."""
        return any(t in self._abbreviated for t in name)

    def _definite(self, sentence: str) -> set[str]:
        """The terms of the capitalised words the sentence says after "the" ("the Government")."""
        return {t for m in _DEFINITE.finditer(sentence) for t in self._terms(m.group(1))}

    def _refers_back(self, sentence: str, name: list[str], before: str) -> bool:
        """The sentence refers back by a word of the name ("the Government") to the sentence before, which
        gives it whole ("It is the aim of the NLD Government to ..."): the NLD Government is its actor. A
        word of an abbreviation's name as the sentence before spells it out refers back too: "the Community"
        after "The Economic Community of West African States (ECOWAS) ..."; so does a pronoun the sentence
        opens on, standing for what the sentence before spoke of: "While it represents less than 30 per cent
        of greenhouse-gas emissions, ..." after "... the Kyoto Protocol is in serious trouble"."""
        if not before:
            return False
        spelled: dict[str, set[str]] = {}
        if not _SUBJECT_PRONOUN_OPENING.match(sentence):
            definite = self._definite(sentence)
            if not definite:
                return False
            spelled = self._spelled_out(name, before) if self._abbreviates(name) else {}
            if definite.isdisjoint(name) and all(definite.isdisjoint(words) for words in spelled.values()):
                return False
        earlier = set(self._terms(before))
        return all(self._holds(earlier, t) or t in spelled for t in name)

    def _spelled_out(self, name: list[str], before: str) -> dict[str, set[str]]:
        """Each abbreviation of the name that `before` spells out, with the terms of the words spelling it."""
        spelling = spelling_words(before)
        spelled: dict[str, set[str]] = {}
        for term in name:
            letters = self._abbreviated.get(term)
            for start, end in spelled_runs(letters, spelling) if letters else []:
                spelled.setdefault(term, set()).update(self._terms(" ".join(spelling[start:end])))
        return spelled

    def _pointed(self, sentence: str) -> set[str]:
        """The claim's words the sentence says after "this", "these", "those", "such" or, after a preposition,
        "that": things named before it."""
        claimed = set(self.words)
        return {t for m in _DEMONSTRATIVE.finditer(sentence) for t in self._terms(m.group(1)) if t in claimed}

    def _points_back(self, sentence: str, before: str) -> bool:
        """The sentence points back to a thing of the claim's that the sentence before names ("this embargo"
        after "the embargo on Cuba"): the names that sentence gives with it are the sentence's too."""
        pointed = self._pointed(sentence)
        return bool(pointed) and bool(pointed & set(self._terms(before)))

    def _placed_elsewhere(self, sentence: str) -> bool:
        """The sentence puts another name where the claim puts one of its own: "in all townships in Rakhine
        State" where the claim says "in every township in Myanmar" speaks of one part of the country, however
        much the document is Myanmar's."""
        if not self._places:
            return False
        written = _TOKEN.findall(sentence)
        for thing, placing, name in self._places:
            if name in written:
                continue
            for j in range(2, len(written)):
                other = written[j]
                if (
                    other[0].isupper()
                    and other.lower() not in _CALENDAR  # "elections in November" puts them in no other place
                    and written[j - 1].lower() == placing
                    and tuple(self._terms(written[j - 2])) == thing
                ):
                    return True
        return False

    def _fraction(self, i: int) -> bool:
        """The claim's `i`th token is an ordinal written as a fraction: "one third", "a third of"."""
        before = self._tokens[i - 1] if i else ""
        after = self._tokens[i + 1] if i + 1 < len(self._tokens) else "of"
        return self._tokens[i] in _ORDINAL_WORDS and (before in _NUMBER_WORDS or (before == "a" and after == "of"))

    def _first_in_span(self, i: int) -> bool:
        """The claim's `i`th token is the "first" of "the first time in" or "since" a span: "for the first time
        in more than two decades"."""
        return self._tokens[i] == "first" and self._tokens[i + 1 : i + 3] in (["time", "in"], ["time", "since"])

    def _share_of_another(self, claimed: _Figure, given: _Figure, sentence: str) -> bool:
        """A share the sentence gives "of" a whole the claim does not speak of, where the claim's share is "of" a
        whole too: "96 per cent of the world's poor live in ... Latin America" is no other share for "More
        than a third of Latin America's population lives in poverty"."""
        if claimed.written not in self._shares_of or not given.percent:
            return False
        # (a whole its owner names, "of the world's poor": one of "our people" may be the claim's own)
        whole = re.search(rf"{re.escape(given.written)}\s+of\s+(?:the\s+)?([^\W\d_][\w-]*)['’]s\b", sentence)
        return whole is not None and not any(self._holds(set(self.words), t) for t in self._terms(whole.group(1)))

    def _ranked_within(self, sentence: str) -> bool:
        """The sentence gives one of the claim's names whose share or count the claim gives (`_owned_names`)
        only as the sets it ranks something within ("reduced to 8 per cent, the lowest in Latin America, ...,
        making Uruguay the most egalitarian country in Latin America"): its figures are a member's, not the
        name's."""
        spans = " ".join(m.group(0) for m in _RANKED_WITHIN.finditer(sentence))
        if not spans or not self._owned_names:
            return False
        stripped = _RANKED_WITHIN.sub(" ", sentence)

        def holds(text: str, countries: frozenset[str] | set[str], terms: list[str]) -> bool:
            if countries:
                return countries <= countries_in(text)
            said = self._said(text)
            return all(self._holds(said, t) for t in terms)

        return any(
            holds(spans, countries, terms) and not holds(stripped, countries, terms)
            for countries, terms in self._owned_names
        )

    def _of_all(self, sentence: str) -> bool:
        """The sentence speaks of all of something the claim speaks of: one of the claim's words follows its
        "all", "every" or "always" closely. "We are all aware that most conflict drivers begin as ..." speaks
        of most drivers, not of every conflict; nor does one whose "all" something stops short of: "Mexico has
        already achieved almost all the Millennium Development Goals"."""
        claimed = set(self.words)
        for m in _full_alls(sentence):
            for word in _TOKEN.findall(sentence[m.end() :])[:_UNIVERSAL_TOKENS]:
                # (not the claim's own "part", which quantifies nothing anew: "has always been part of" in both)
                if word.lower() in _PARTIAL and word.lower() not in self._tokens:
                    break  # what follows is quantified anew ("all aware that most conflict drivers")
                if any(self._holds(claimed, t) for t in self._terms(word)):
                    return True
        return False

    def _only_sought(self, sentence: str) -> bool:
        """The sentence wants, asks for, envisions or is within reach of one of the claim's words (among the
        first few after its "qualifies for", "seeks to", "wants", "a vision of"), in any of its clauses:
        "Palestine qualifies for full membership", "unveiled by President Yoon ..., presents a vision of a
        unified Korean Peninsula". Not "a battalion to the Eastern Africa Standby Force seeking to bring
        peace", where none follows it, nor "may wish to note that ...", which says what follows, nor a wish the
        sentence makes its condition: "If we want the Council to fulfil its purpose ..., its practices must be
        updated" says they must."""
        claimed = set(self.words)
        return any(
            any(
                self._holds(claimed, t)
                for word in following[:_SOUGHT_TOKENS]
                # (a word of one of the claim's names, written small, is another thing: "committed to promoting
                # reconciliation and agreement" seeks no "Libyan Political Agreement")
                if not self._named_only(word)
                for t in self._terms(word)
            )
            # (and the word for an ending a claim's "stopped" says: "calls for a halt to" seeks it)
            or (self._ceased and any(_CEASING.fullmatch(word) for word in following[:_SOUGHT_TOKENS]))
            for m in _PROSPECT.finditer(sentence)
            for following in [_sought_words(sentence, m)]
            if not following or following[0].lower() not in _SAYING_VERBS
            if not any(_CONDITION.fullmatch(w) for w in _TOKEN.findall(sentence[: m.start()])[-_CONDITIONED_TOKENS:])
            # (a goal the sentence measures against is no goal only: "fall short of the agreed goal of 0.7 per cent")
            if m.group(0).split()[0].lower().removesuffix("s") not in _GOALS
            or not _MEASURED_AGAINST.search(sentence[: m.start()])
        )

    def _replaced(self, sentence: str, words: AbstractSet[str]) -> bool:
        """The sentence leaves out the word of a superlative of the claim's and puts another in its place,
        between the same two neighbours, that does not mean nearly what it means: "the most conflict-ridden
        year" is no "the most peaceful year", however little "peaceful" weighs. (Not any word: "would
        increase human capital" states "would raise human capital" without a model to say so.) With a model,
        the same of the thing after an "of", after the same two words or between the same neighbours: "root
        causes of insecurity" is no "root causes of terrorism"."""
        things = self._things if self._near is not None else []
        left_out = [i for i, terms in self._superlatives + things if not all(self._holds(words, t) for t in terms)]
        after_same = {i for i, _ in things}  # (places the two words before alone may give)
        if not left_out:
            return False  # (the sentence's words are read only for a word of the claim's it leaves out)
        tokens = [t.lower() for t in _TOKEN.findall(sentence)]
        claim = self._tokens
        for i in left_out:
            for j in range(1, len(tokens)):
                if (
                    tokens[j - 1] == claim[i - 1]
                    and (
                        (i + 1 < len(claim) and j + 1 < len(tokens) and tokens[j + 1] == claim[i + 1])
                        or (i in after_same and j > 1 and tokens[j - 2] == claim[i - 2])
                    )
                    and self._terms(tokens[j])
                    and (self._near is None or not self._near(claim[i], [tokens[j]]))
                ):
                    return True
        return False

    def _going_on(self, sentence: str) -> str | None:
        """The sentence's word saying that what the claim says is over goes on, where it does not say the claim's
        verb of ending itself: "still" a little before the thing ("we still have a gender pay gap" of "has
        closed its gender pay gap"), or "persists" a little after it ("poverty persists")."""
        if not self._ended:
            return None
        written = _TOKEN.findall(sentence)
        tokens = [t.lower() for t in written]
        every = frozenset[str]().union(*(forms(t) for t in tokens))
        for ending, thing in self._ended:
            if not ending.isdisjoint(every):
                continue
            for o in (o for o, t in enumerate(tokens) if thing in self._terms(t)):
                before = [j for j in range(max(o - _STILL_BEFORE, 0), o) if tokens[j] in _STILL]
                after = [
                    j
                    for j in range(o + 1, min(o + 1 + _GOING_ON_AFTER, len(tokens)))
                    if tokens[j] in _GOING_ON or (tokens[j] in _GOES and tokens[j + 1 : j + 2] == ["on"])
                ]
                if before or after:
                    return written[(before or after)[0]]
        return None

    def _developed_otherwise(self, sentence: str) -> bool:
        """The sentence speaks of the developed countries where the claim speaks of the developing ones, or the
        other way round, and not of the claim's: one stem for both, "develop", would have "the actions of the
        more developed countries" state "the actions of small island developing States"."""
        if len(self._development) != 1:
            return False
        said = _development_sides(sentence)
        return bool(said) and self._development.isdisjoint(said)

    def _apart_in_list(self, sentence: str) -> bool:
        """The sentence lists things between semicolons, and the claim's name stands in one of them past the
        first while other words of the claim stand only in another: "José Luis Bustamante y Rivero, President
        of the International Court of Justice; and Javier Pérez de Cuéllar, the fifth UN Secretary-General"
        does not make the first Secretary-General, nor "From China, I take the idea of dialogue among
        civilisations; from Europe, its vision of a social pact" give Europe the idea. The words before the
        first item's first name lead the list, and are said of every item ("renowned Peruvians such as ...");
        a name in the first item is what the rest are said of ("Ana Lima chaired the Assembly; presided over
        the Court; ...")."""
        items = sentence.split(";")
        if len(items) < 2:
            return False
        held = [set(_words(self._terms(item))) for item in items]
        opening = next((m.start() for m in _TOKEN.finditer(items[0]) if m.start() and m.group(0)[0].isupper()), 0)
        lead = set(_words(self._terms(items[0][:opening])))
        # the item each of the claim's names (not a country's) stands in whole, if one does
        places = [
            next((k for k, h in enumerate(held) if all(self._holds(h, t) for t in terms)), None)
            for countries, terms in self._names
            if terms and not countries
        ]
        if 0 in places:
            return False
        for k in filter(None, places):
            others = [h for i, h in enumerate(held) if i != k]
            if any(not self._holds(held[k] | lead, t) and any(self._holds(h, t) for h in others) for t in self.words):
                return True
        return False

    def _qualified_otherwise(self, sentence: str, words: AbstractSet[str], speaker: frozenset[str]) -> bool:
        """The sentence (whose terms are `words`) gives the word a country qualifies in the claim to another
        country or people, and never to the claim's: "It destroyed 529 Palestinian villages" does not state
        "The Palestinians destroyed 529 Israeli villages"; nor, in another country's speech, does its "our"
        ("claiming two-thirds of our territory" in Guyana's is not "Venezuela's territory")."""
        written: list[str] | None = None  # the sentence's words, read once when first needed
        for (countries, _), qualified in zip(self._names, self._qualified, strict=True):
            if not countries or not qualified or not all(t in words for t in qualified):
                continue
            written = _TOKEN.findall(sentence) if written is None else written
            places = [j for j in range(1, len(written)) if _words(self._terms(written[j])) == qualified]
            runs = [_name_before(written, j) for j in places]
            if any(countries_in(run) & countries for run in runs):
                continue  # the claim's own country qualifies it there
            if speaker and speaker.isdisjoint(countries) and any(written[j - 1].lower() in _OURS for j in places):
                return True
            for run in filter(None, runs):
                last = run.split()[-1]
                if self._terms(last) and (countries_in(run) or _PEOPLES.fullmatch(last)):
                    return True
        return False

    def _one_of_several(self, sentence: str) -> bool:
        """The sentence says one of several ("one of the greatest humanitarian crises") of what the claim says
        is the only one ("the greatest humanitarian crisis")."""
        return any(t in self._only for m in _ONE_OF.finditer(sentence) for t in self._terms(m.group(1)))

    def _compared_otherwise(self, sentence: str) -> bool:
        """The sentence sets one of the countries the claim compares on the other side of its "than": "African
        countries borrow at rates up to eight times higher than Germany" says nothing of Germany's against the
        United States'."""
        if self._compared is None:
            return False
        sides = _THAN.split(sentence, maxsplit=1)
        if len(sides) < 2:
            return False
        first, second = countries_in(sides[0]), countries_in(sides[1])
        before, after = self._compared
        # a country moved to the other side of "than"
        return bool(before & second - first) or bool(after & first - second)

    def _compared_the_other_way(self, sentence: str) -> str | None:
        """The sentence's comparative, where it compares what the claim does the other way: "the number of
        demobilized guerrillas is higher than the number killed" against "more guerrillas have been killed
        than demobilized" (its sides swapped), or "fewer guerrillas were killed than demobilized" (its word set
        against the claim's)."""
        if self._comparison is None or (theirs := _comparison(sentence, self._terms)) is None:
            return None
        (before, after, way, _), (first, second, their_way, word) = self._comparison, theirs
        # (a word both sides of one share, "guerrillas" of the killed and the demobilized, tells nothing)
        swapped = bool(after & first and before & second) and not after & second
        kept = bool(before & first and after & second) and not (after & first or before & second)
        return word if (swapped and way == their_way) or (kept and way != their_way) else None

    def _changed_the_other_way(self, sentence: str) -> str | None:
        """The sentence's change from one thing to another, where it goes the other way from the claim's:
        "relations have evolved from a traditional donor-recipient relationship to one of partners in
        development" against "have evolved from partners in development to a donor-recipient relationship"."""
        if self._change is None:
            return None
        start, end, _ = self._change
        # (a word both ends share tells nothing)
        return next(
            (
                written
                for first, last, written in _changes(sentence, self._terms)
                if start & last and end & first and not (start & first or end & last)
            ),
            None,
        )

    def _trended_the_other_way(self, sentence: str) -> str | None:
        """The sentence's trend on the other side from the claim's, grading a word the claim's grades:
        "increasingly dependent on remittances" against "depends less and less on remittances"."""
        if not self._trends:
            return None  # (most claims give none: the sentence's are not read, on the path of every judgement)
        return next(
            (
                written
                for side, graded, written in _trends(sentence, self._terms)
                for own, claimed, _ in self._trends
                if side != own and any(self._holds(graded, t) for t in claimed)
            ),
            None,
        )

    def _dated_otherwise(self, sentence: str) -> str | None:
        """The figure a "respectively" list gives the claim's year, where it gives the claim's figure another:
        "in 2004 and 2005, ... 5.5 per cent and 6.8 per cent respectively" against "6.8 per cent in 2004"."""
        years = [f for f in self._figures if _year_like(f)]
        if len(years) != 1 or "respectively" not in sentence:
            return None
        year = int(years[0].value)
        dated = [m for m in find_statistics(sentence) if m.year is not None]
        for figure in self._figures:
            theirs = next((m for m in dated if m.number == figure.value), None)
            if theirs is not None and theirs.year != year and not _year_like(figure):
                return next((m.value for m in dated if m.year == year), None)
        return None

    def _done_by_another(
        self, sentence: str, speaker: frozenset[str], said_of_doer: bool, figures: list[_Figure]
    ) -> bool:
        """The sentence gives what the claim's country does to another: "Estonia has sent €20 million to
        Ukraine" for "Ukraine has sent €20 million to Estonia", or a speech's "We condemn the war crimes
        committed by Russia" (the speaker's doing) for "Russia condemns ..."; not where it names the claim's
        doer right before the claim's verb (`said_of_doer`, `_said_of_doer`), nor where its `figures` give the
        claim's to the claim's country (`_figures_given_to_subject`)."""
        if not self._doer:
            return False
        if self._figures_given_to_subject(sentence, figures):
            return False  # the figure the claim gives its country, the sentence gives it too
        doer = _doer(sentence, speaker)
        if doer and doer <= self._sayer and (saying := _FIRST_PERSON_SAYING.search(sentence)):
            # the speaker saying what the claim has it say: what it says has a doer of its own ("I note with
            # satisfaction that ... a woman — Ms. Dilma Rousseff, ... elected in 2010 to lead Brazil — opened our
            # general debate" for "Côte d'Ivoire notes that Dilma Rousseff was elected to lead Brazil in 2010")
            doer = _doer(sentence[saying.end() :], speaker)
        return (
            bool(doer) and doer.isdisjoint(self._doer) and not self._predicated_of_object(sentence) and not said_of_doer
        )

    def _said_of_doer(self, sentence: str) -> bool:
        """The sentence names the claim's doer right before the claim's own verb for it: "I urge Member States to
        support an initiative ...: the United Nations declaration ..., which Costa Rica supports together with
        ..." states "Costa Rica supports the declaration", though the sentence's own doer urges another."""
        return bool(self._doer_verbs) and any(
            not self._doer_verbs.isdisjoint(self._terms(verb)) for verb in _verbs_after(sentence, self._doer)
        )

    def _predicated_of_object(self, sentence: str) -> bool:
        """The sentence names the claim's doer as the object of another's doing, then says the claim's words of
        it (`_OBJECT_PREDICATE`): "I thank the Government and people of Denmark for making the first
        contribution" is Denmark's doing, though the thanks are the speaker's."""
        claimed = set(self.words)
        for code, _, end in country_mentions(sentence):
            if code in self._doer and (m := _OBJECT_PREDICATE.match(sentence, end)):
                following = _TOKEN.findall(sentence[m.end() :])[:_OBJECT_PREDICATE_TOKENS]
                if any(self._holds(claimed, t) for word in following for t in self._terms(word)):
                    return True
        return False

    def _done_by_named_other(self, sentence: str) -> bool:
        """The sentence gives, after a participle of the claim's verb and its "by", who did it, and the claim
        names none of them: "Jamaica welcomes the initiative launched by President Sarkozy of France" is no
        "Jamaica launched the initiative". Not for a claim that names the deed without a doer ("Jamaica
        condemned the attack" of "the attack by ..."), whose word stands after a determiner or is no
        participle in the sentence."""
        for m in _AGENT.finditer(sentence):
            participle = m.group(1)
            if not (participle.lower().endswith("ed") or irregular_base(participle)):
                continue
            done = set(self._terms(participle))
            if not any(t in done and not self._as_noun[word] for word, terms in self._sequence for t in terms):
                continue
            agent = [w for w in _TOKEN.findall(m.group(2)) if w.lower() not in _MINOR_WORDS]
            if not agent or agent[0].lower() in _CALENDAR:
                continue  # a time, not a doer: "adopted by December 2015"
            named = [t for w in agent for t in self._terms(w)]
            # (or by the abbreviation, or by the letters of its words: "UNDP" of "the United Nations Development
            # Programme")
            abbreviated = (m.group(3) or "").strip().lower() in {w.lower() for w in self._as_noun}
            letters = "".join(w[0] for w in agent).lower()
            initials = any(letters[:end] in self._abbreviated.values() for end in range(2, len(letters) + 1))
            if not any(self._holds(set(self.words), t) for t in named) and not abbreviated and not initials:
                return True
        return False

    @staticmethod
    def _side(words: set[str], pair: tuple[set[str], set[str]]) -> int | None:
        """Which side of an axis `words` stand on: 0, 1, or None (neither, or both)."""
        first, second = bool(words & pair[0]), bool(words & pair[1])
        return 0 if first and not second else 1 if second and not first else None

    @staticmethod
    def _holds(words: AbstractSet[str], term: str) -> bool:
        if term in words:
            return True
        return len(term) >= _PREFIX_CHARS and any(
            len(w) >= _PREFIX_CHARS and (w.startswith(term) or term.startswith(w)) and not _graded(term, w)
            for w in words
        )


def weighed(judgements: Sequence[Judgement]) -> list[Judgement]:
    """The judgements of a claim's sentences, weighed together: where one sentence on the claim's subject gives
    every figure the claim gives, another's other figure speaks of something else ("$455 million of those
    pledges", a part of them, or "some 38,000 combatants" in a sentence on the mission) and contradicts
    nothing ("Donors pledged $520 million" of "... responded generously with pledges of $520 million")."""
    if not any(j.given for j in judgements):
        return list(judgements)
    return [
        replace(j, relation="related", differs=None, another_figure=False) if j.another_figure else j
        for j in judgements
    ]


def _words(terms: list[str]) -> list[str]:
    """The terms that are words: not numbers (figures are compared apart) nor a possessive's "s"."""
    return [t for t in terms if len(t) > 1 and any(c.isalpha() for c in t)]


def _negated_words(negation: re.Match[str]) -> list[str]:
    """The first few words after a negation in the text it was found in, up to a preposition (past one right
    after it, "not in the Security Council", and past a sign of what follows, "no sign of decreasing"): the
    words it may deny. A verb's negation ("fails to", "refused to") denies only the verb after it, past the
    "be" or "have" of a passive or a perfect ("have yet to be honoured"): "refused to compel Israel to end its
    occupation" denies no claim of Israel's occupation."""
    after = _TOKEN.findall(negation.string[negation.end() :])
    if negation.group(0).endswith(" to"):
        after = list(itertools.dropwhile(lambda w: w.lower() in _AUXILIARIES, after))
    if after and after[0].lower() in _PREPOSITIONS:
        after = after[1:]  # a negation of what a preposition brings: "but not in the Security Council"
    elif after[1:] and after[0].lower() in _SIGNS and after[1].lower() == "of":
        after = after[2:]
    words = itertools.takewhile(lambda w: w.lower() not in _PREPOSITIONS, after)
    return list(itertools.islice(words, 1 if negation.group(0).endswith(" to") else _NEGATED_TOKENS))


def _prefixed(a: str, b: str, prefixes: Sequence[str] = _NEGATING_PREFIXES) -> bool:
    """One word is the other with a prefix that negates it ("insignificant", "significant"): set against it
    wherever it stands, as "not" would be, and not only in its place."""
    short, long = sorted((a, b), key=len)
    return any(long == prefix + short for prefix in prefixes)


def _unmade(a: str, b: str) -> bool:
    """One word is the other, of some length, with "un-" or "non-" before it ("unwavering", "wavering"), which
    nearly always makes a word's opposite (where "in-" or "dis-" often make another word: "invest", "display")."""
    return min(len(a), len(b)) >= _UNMADE_CHARS and _prefixed(a, b, _UNMAKING_PREFIXES)


def _graded_against(token: str, following: str | None) -> str | None:
    """The word set against a claim word of too much or too little ("overrepresented" / "underrepresented")
    or of enough before `following` ("fully" before "funded": "underfunded"), if it is one."""
    if token.startswith("over") and len(token) > _GRADED_CHARS:
        return "under" + token[4:]
    if token.startswith("under") and len(token) > _GRADED_CHARS:
        return "over" + token[5:]
    if token in _SUFFICIENTLY and following is not None:
        return "under" + following
    return None


def _sought_words(sentence: str, prospect: re.Match[str]) -> list[str]:
    """The words after a prospect's word, in its own clause: "Wishing to do our part, Thailand has actively
    supported ..." seeks no "Thailand". (All of them where its clause breaks at once: "call for, among other
    things, the lifting of sanctions" seeks the lifting; not after a prospect that names what is pending
    itself, "in a manner that remains to be determined, have a permanent seat", which seeks no seat, but
    its clause before it where it ends the sentence: "Whether the region has a seat remains to be
    determined" seeks the seat.)"""
    rest = sentence[prospect.end() :]
    own = _TOKEN.findall(_CLAUSE_BREAK.split(rest, maxsplit=1)[0])
    if own or not _PENDING_DONE.search(prospect.group(0)):
        return own or _TOKEN.findall(rest)
    return [] if _TOKEN.search(rest) else _TOKEN.findall(_CLAUSE_BREAK.split(sentence[: prospect.start()])[-1])


def _as_read(text: str) -> str:
    """The text as the rules read it, each character where it was: a typographic apostrophe as a typed one
    ("Côte d’Ivoire" is the claim's "Côte d'Ivoire", no word set against it), a vote against as one opposed."""
    return _VOTED_AGAINST.sub(r"\1opposed", text.translate(APOSTROPHES))


def _stem(word: str) -> str:
    """The shortest of a word's forms, which its other parts of speech begin with ("overrepresent" of
    "overrepresented", and of "overrepresentation")."""
    return min(forms(word), key=lambda form: (len(form), form))


def _after_negation(tokens: list[str], j: int) -> bool:
    """The word at `j` follows a negation, which says it is not so ("do not have" is no "have")."""
    return j > 0 and _NEGATION.search(tokens[j - 1]) is not None


def _graded(claimed: str, said: str) -> bool:
    """Of a claim's word and a source's, one the other's prefix, the claim's is the source's graded ("smaller"
    of "small", "greatest" of "great"), or the source's is the claim's made comparative ("greater" of "great"),
    not superlative ("the shortest duration possible" is short)."""
    short, long = sorted((claimed, said), key=len)
    ending = long[len(short) - short.endswith("e") :]  # ("close" / "closer")
    graded = ending == _COMPARATIVE_ENDING or (ending == _SUPERLATIVE_ENDING and long == claimed)
    return graded and bool(antonyms(long))


def _derived(word: str, other: str) -> bool:
    """`other` is `word` with another ending of the same word ("importance" of "important", "security" of
    "secure"): alike but in their last few letters, and at length, and not `word` itself or one inflected."""
    alike = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], zip(word, other, strict=False)))
    return (
        alike >= _PREFIX_CHARS
        and alike >= max(len(word), len(other)) - _DERIVED_ENDING
        # (an inflection of a shorter word is that word's: "imported" is no "important")
        and other[alike:] not in _INFLECTIONS
    )


def _contrasted(a: str, b: str) -> bool:
    """Two words alike in how they end and unlike only in a short beginning, which sets one against the other
    more often than it makes them say the same: "proponent" and "opponent", "increase" and "decrease",
    "import" and "export". (Words alike in a suffix alone, "cooperation" and "collaboration", begin unlike at
    length.)"""
    same = itertools.takewhile(lambda pair: pair[0] == pair[1], zip(reversed(a), reversed(b), strict=False))
    ending = sum(1 for _ in same)
    beginnings = (len(a) - ending, len(b) - ending)
    return ending >= _CONTRAST_ENDING and all(0 < length <= _CONTRAST_BEGINNING for length in beginnings)


def _full_alls(text: str) -> Iterator[re.Match[str]]:
    """The text's "all"s, "every"s and "always"es, but those something stops short ("almost all the goals")."""
    return (m for m in _UNIVERSAL.finditer(text) if not _SHORT_OF_ALL.search(text, 0, m.start()))


def _dated_months(text: str) -> list[tuple[str, frozenset[str], str]]:
    """Each month of the text's dates, lower-cased, with its day and year (those it gives) and as written."""
    return [
        (m["month"].lower(), frozenset(n for n in (m["day"], m["after"], m["year"]) if n), m["month"])
        for m in _DATED_MONTH.finditer(text)
        if m["day"] or m["after"] or m["year"]
    ]


def _set_against(word: str) -> frozenset[str]:
    """The words set against `word` in its place: WordNet's antonyms and the other side of an axis it is on
    ("reducing" for "increasing", which WordNet does not set against each other), or for a month or a day as
    written with a capital ("October"), or an ordinal ("fourth"), every other."""
    if word[0].isupper() and (alternatives := next((a for a in _ALTERNATIVES if word.lower() in a), None)):
        return alternatives - {word.lower()}
    if word.lower() in _ORDINAL_WORDS:
        return _ORDINAL_WORDS - {word.lower()}
    own = forms(word)
    return antonyms(word).union(*(other for side, other in _AXES if not own.isdisjoint(side)))


def _comparison(text: str, terms: Callable[[str], list[str]]) -> tuple[set[str], set[str], int, str] | None:
    """The terms on each side of the text's comparing "than" that the other side has not, which way it
    compares (the side of `_COMPARATIVES` of its last such word before "than") and that word as written; None
    without either."""
    sides = _THAN.split(text, maxsplit=1)
    if len(sides) < 2:
        return None
    for word in reversed(_TOKEN.findall(sides[0])):
        way = next((i for i, words in enumerate(_COMPARATIVES) if word.lower() in words), None)
        if way is not None:
            before, after = set(_words(terms(sides[0]))), set(_words(terms(sides[1])))
            return before - after, after - before, way, word
    return None


def _changes(text: str, terms: Callable[[str], list[str]]) -> Iterator[tuple[set[str], set[str], str]]:
    """Each change from one thing to another the text gives: the terms of where it starts that its end has
    not, of its end that its start has not, and the change as written."""
    for m in _FROM_TO.finditer(text):
        start, end = set(_words(terms(m.group("start")))), set(_words(terms(m.group("end"))))
        yield start - end, end - start, m.group(0)


def _trends(text: str, terms: Callable[[str], list[str]]) -> list[tuple[bool, set[str], str]]:
    """Each trend the text gives (`_TREND`): whether it grows, the terms of the nearest word with terms on
    each side of it (what it grades: "depends" and "remittances" of "depends less and less on remittances"),
    and the trend as written."""
    found: list[tuple[bool, set[str], str]] = []
    for m in _TREND.finditer(text):
        earlier = [w.group(0) for w in _WORD.finditer(text, 0, m.start())]
        before = next((t for w in reversed(earlier) if (t := _words(terms(w)))), list[str]())
        after = next((t for w in _WORD.finditer(text, m.end()) if (t := _words(terms(w.group(0))))), list[str]())
        found.append((m.group("up") is not None, {*before, *after}, m.group(0)))
    return found


def _acronyms(sentence: str) -> set[str]:
    """The acronyms a sentence spells out or dots ("United Nations", "U.N."), as the terms a claim's "UN"
    is analysed into, so that either way of writing a name finds the other."""
    found = {m.group(0).replace(".", "").lower() for m in _DOTTED.finditer(sentence)}
    for match in _CAPITALISED_RUN.finditer(sentence):
        initials = "".join(w[0] for w in match.group(0).split() if w.lower() not in _NOT_NAMES).lower()
        # and each name inside a longer one: "the Third United Nations Ocean Conference" says "UN"
        found.update(initials[i:j] for i in range(len(initials) - 1) for j in range(i + 2, len(initials) + 1))
    return found


def _names(claim: str) -> list[str]:
    """The names a claim gives ("North Korea", "UN", "Kenya"), whose absence means another actor. A single
    word capitalised only because it opens the claim ("Half of the members...", "Nearly all...") is no
    name, unless it is a country's or written in capitals."""
    # a country's name is one name, small words and all ("the Democratic Republic of the Congo" is not
    # "Democratic Republic" and "Congo", which is another country)
    mentions = country_mentions(claim)
    found = [claim[start:end] for _, start, end in mentions]
    for _, start, end in mentions:
        claim = claim[:start] + " " * (end - start) + claim[end:]
    opening = len(claim) - len(claim.lstrip(" \"“‘'"))
    for match in _NAME.finditer(claim):
        # a month or a day names no actor: it is one of the claim's words, which the sentence may say another way
        # (a possessive's "'s" aside: "The UN's budget" names the UN)
        words = [
            _POSSESSIVE.sub("", w)
            for w in match.group(0).split()
            if w.lower() not in _NOT_NAMES and w.lower().rstrip(".") not in _CALENDAR
        ]
        if match.start() == opening and len(words) == 1 and not words[0].isupper() and not countries_in(words[0]):
            continue
        # A country's people's name in a name of something else names two: the country, and the thing, which a
        # sentence naming only the country does not name ("the Libyan Political Agreement" is not "Libya"). Its
        # state is the country ("the Kenyan Government", "the Tunisian President").
        own = without_countries(" ".join(words)).split()
        if own and len(own) < len(words) and countries_in(" ".join(words)) and not _STATE.issuperset(own):
            found += [" ".join(w for w in words if w not in own), " ".join(own)]
        elif words:
            found.append(" ".join(words))
    return found


def _said_by(claim: str, *, framed: bool) -> tuple[frozenset[str], str, str]:
    """The country the claim gives as saying what it claims, when it opens with it as the one who says
    ("Singapore says ...", "Colombia's President says ...", or "Mali, ..." after an "According to" taken off:
    `framed`; or after it, "..., Sweden says"), what it says, and the
    verb it says it with; none, the whole claim and no verb for "Singapore has ..." or a name with more than a
    country in it ("Amnesty International UK says ...")."""
    match = _SAYER.match(claim)
    if match is None or (match.group("comma") and not framed):
        after = _SAYER_AFTER.search(claim)
        named = only_country(after.group("who") or after.group("after"), _NOT_NAMES) if after else frozenset[str]()
        if after is None or not named:
            return frozenset(), claim, ""
        return named, claim[: after.start()], after.group("verb") or ""
    office = _OFFICE.search(match.group("who"))
    named = only_country(match.group("who")[: office.start()] if office else match.group("who"), _NOT_NAMES)
    if not named:
        return frozenset(), claim, ""
    verb = match.group("verb") or ""
    # one it asks, or asks something of, is no doer of what it says: "Timor-Leste calls on the United States
    # Congress to lift ..." and "Guyana calls for Cuba to be removed from the list ..." are Timor-Leste's and
    # Guyana's calls; the office says it with the verb ("President says")
    stated = claim if _ASKING.fullmatch(verb) else claim[match.end() :]
    return named, stated, f"{office.group(0)[2:]} {verb}" if office else verb


def _actor(sentence: str) -> set[str]:
    """The country the sentence first names, unless after a preposition ("Since its creation, Israel has
    ..."; not "The support of Cuba ..."): where a sentence's actor stands, which its next one's "It" is."""
    mentions = _main_mentions(sentence)
    if not mentions:
        return set()
    code, start, _ = mentions[0]
    before = _TOKEN.findall(sentence[:start])
    after_preposition = before and before[-1].lower() in _NOT_ACTOR_AFTER | _MINOR_WORDS
    return set() if after_preposition and not _state_of(before) else {code}


def _neighbour_before(tokens: list[str], i: int) -> str | None:
    """The word before the `i`-th, past adverbs that may stand anywhere before a verb (`_FLOATING`)."""
    j = i - 1
    while j >= 0 and tokens[j] in _FLOATING:
        j -= 1
    return tokens[j] if j >= 0 else None


def _development_sides(text: str) -> set[bool]:
    """The sides by development of the countries the text speaks of: True for the developed ones ("developed
    countries", "the more developed economies"), False for the developing ("developing States", "the least
    developed countries", "small island developing States")."""
    sides = {m.group("developed") is not None for m in _DEVELOPMENT.finditer(text)}
    return sides | {True, False} if _BOTH_SIDES.search(text) else sides


def _main_mentions(text: str) -> list[tuple[str, int, int]]:
    """The countries the text names (`country_mentions`) past a clause it opens on (`_SUBORDINATE_OPENING`)."""
    opening = _SUBORDINATE_OPENING.match(text)
    return [m for m in country_mentions(text) if opening is None or m[1] >= opening.end()]


def _doer(text: str, speaker: frozenset[str] | None = None) -> frozenset[str]:
    """The country the text gives as doing what it says: the first it names other than after a preposition,
    or in a list of names after one ("In solidarity with the people of Pakistan, Estonia is providing help ..."
    is Estonia's doing; "operations in the Sudan, Liberia and Timor-Leste" none of theirs). Where
    `speaker` is given (a source's sentence, not a claim), a "we" or "I" before any such country is the
    speaker's doing, or someone's unnamed (`_SOMEONE`) where the speaker is not known; and an opening "It"
    or "They" is the doing of what the sentence before named, not known here."""
    if speaker is not None and _OPENING_PRONOUN.match(text):
        return frozenset()
    first_person = (
        next((m for m in _SUBJECT_PERSON.finditer(text) if not _RELATIVE_BEFORE.search(text, 0, m.start())), None)
        if speaker is not None
        else None
    )
    mentions = _main_mentions(text)
    governed = -1  # where the last name a preposition governs ends: the names listed after it are its too
    for i, (code, start, end) in enumerate(mentions):
        if first_person and first_person.start() < start:
            break
        if governed >= 0 and _listed_on(text, governed, mentions[i], mentions[i + 1 :]):
            governed = end  # ("operations in the Sudan, Liberia and Timor-Leste": no doing of Liberia's)
            continue
        before = _TOKEN.findall(text[:start])
        # (past the "the" of a name that takes one: "the Panel on the Sudan" is no doing of the Sudan's)
        before = before[:-1] if before and before[-1].lower() == "the" else before
        if not before or (before[-1].lower() not in _NOT_ACTOR_AFTER and not _done_to(before[-1])) or _state_of(before):
            return frozenset({code})
        governed = end
    return (speaker or _SOMEONE) if first_person else frozenset()


def _listed_on(text: str, governed: int, mention: tuple[str, int, int], rest: list[tuple[str, int, int]]) -> bool:
    """The name `mention` goes on the list of the name ending at `governed`: after "and" or "or", or after a
    comma where the list goes on past it ("the Sudan, Liberia and Timor-Leste"; not "With Pakistan, Estonia
    is ...")."""
    _, start, end = mention
    joined = _LISTED_ON.fullmatch(text, governed, start)
    if joined is None:
        return False
    return _LIST_END.search(joined.group(0)) is not None or bool(rest and _LISTED_ON.fullmatch(text, end, rest[0][1]))


def _done_to(word: str) -> bool:
    """The word before a country's name is a verb in "-ed", whose object the country is: "The earthquake that
    devastated Haiti occurred in January 2010" is no doing of Haiti's. Not a word in "-eed" ("indeed",
    "need"): few verbs end so, and those words stand before a doer ("and indeed Haiti has ...")."""
    return word.islower() and word.endswith("ed") and not word.endswith("eed")


def _verbs_after(text: str, codes: frozenset[str]) -> list[str]:
    """The word right after each naming of one of `codes` in `text` (past an adverb: "Costa Rica fully
    identifies"), where it is a verb of its own in "-s" or "-ed", not an auxiliary or a word of seeking ("has",
    "hopes"); "is" is too short to be read as one."""
    verbs: list[str] = []
    for code, _, end in country_mentions(text):
        if code in codes and (m := _VERB_AFTER_NAME.match(text, end)):
            word = m.group(1).lower()
            if word not in _NOT_OWN_VERBS and not _SOUGHT.fullmatch(word):
                verbs.append(word)
    return verbs


def _state_of(before: list[str]) -> bool:
    """The words before a country's name end on what stands for it ("Government", "People") and its "of",
    where an actor stands: "The Government of Rwanda warmly welcomes ..." is Rwanda's doing; "with the
    support of the Government of Japan" is not Japan's."""
    if len(before) < 2 or before[-1] != "of" or before[-2] not in _STATE:
        return False
    earlier = before[:-2]
    if earlier and earlier[-1].lower() == "the":
        earlier = earlier[:-1]
    return not earlier or earlier[-1].lower() not in _NOT_ACTOR_AFTER | _MINOR_WORDS


def _name_before(words: list[str], index: int) -> str:
    """The capitalised words right before `words[index]`, with the small words inside them ("Republic of South
    Sudan" before "ratified"; "" when the word before is not capitalised)."""
    start = index
    while start > 0 and (words[start - 1][0].isupper() or words[start - 1].lower() in _MINOR_WORDS):
        start -= 1
    while start < index and words[start].lower() in _MINOR_WORDS:
        start += 1
    return " ".join(words[start:index])


def _word_after(claim: str, name: str) -> str:
    """The word right after the name in the claim ("" when none follows, or the name is not written whole
    in it: "Bank England" of "Bank of England")."""
    match = (
        re.match(rf"[\s’']*s?\s+({_WORD.pattern})", claim[claim.find(name) + len(name) :]) if name in claim else None
    )
    return match.group(1) if match else ""


def _word_placed(claim: str, name: str) -> str:
    """The word the name, after "in", places in the claim, over the names before it that "of" or "and" join
    ("drought" of "Africa" in "the drought in the Horn of Africa"); "" when none does."""
    match = _PLACED.search(claim[: claim.find(name)]) if name in claim else None
    return match.group(1) if match else ""


def _figures(text: str, terms: Callable[[str], list[str]]) -> list[_Figure]:
    """Every number the text gives, years and ordinals included: a claim's "2009" against a source's "2006"
    differs, and its "75th" is the source's "seventy-fifth". A range gives both its ends: "from 2015 to
    2025" is not what "2015-2030" says."""
    figures: list[_Figure] = []
    text = _RANGE_DASH.sub(" to ", text)
    ordinals = list(_ORDINAL_WORD.finditer(text))
    for match in MENTION.finditer(text):
        if match.group("multiplier") or any(o.start() <= match.start() < o.end() for o in ordinals):
            # "twice", "double": also verbs ("will double"), which a claim may say in other words; and the
            # words of an ordinal, read whole below
            continue
        decimals = len((match.group("numeral") or "").partition(".")[2])
        unit = scale_factor(match.group("scale"))
        step = unit * 10**-decimals if decimals else 0.0
        suffix = _ORDINAL_SUFFIX.match(text, match.end()) if match.group("numeral") else None
        end = suffix.end() if suffix else match.end()
        number = text[match.end("qualifier") if match.group("qualifier") else match.start() : end]
        label = is_label(match) or _named_by_year(match)
        counts, measured = _counted(text, end, terms)
        figures.append(
            _Figure(
                mention_value(match),
                is_share(match),
                text[match.start() : end].strip(),
                tuple(_words(terms(number))),
                step,
                None if label else counts,
                measured,
                label,
                suffix is not None,
                _DETERMINER_BEFORE.search(text, max(0, match.start() - _DETERMINER_REACH), match.start()) is not None,
                _described(text, match.start(), terms),
                _UNITS[unit.group(1).lower()][0] if (unit := _UNIT_NEXT.match(text, end)) else None,
                money=bool(match.group("currency")) or _CURRENCY_AFTER.match(text, end) is not None,
            )
        )
    for match in ordinals:
        value = float(_ORDINAL_VALUES[re.sub(r"\s", "-", match.group(0).lower())])
        written = match.group(0)
        figures.append(
            _Figure(
                value,
                False,
                written,
                tuple(_words(terms(written))),
                0.0,
                *_counted(text, match.end(), terms),
                False,
                True,
            )
        )
    return figures


def _implied(text: str) -> list[_Figure]:
    """The spans of time the text gives by a unit alone ("for the next decade": ten years; "in half a century":
    fifty). They give a claim's figure ("for the next ten years"), but are no other figure for one: "the past
    decade" is no other count for "in five years"."""
    return [
        _Figure(0.5 if half else 1.0, False, m.group(0), (), 0.0, None, _UNITS[m.group(3).lower()], False, False)
        for m in _UNIT_ALONE.finditer(text)
        for half in [m.group(1) or m.group(2)]
    ]


def _described(text: str, start: int, terms: Callable[[str], list[str]]) -> str | None:
    """The term of the word between a determiner and the figure starting at `start` ("poorest" of "the poorest
    20 per cent"), or None."""
    before = _DESCRIBED_BEFORE.search(text, max(0, start - _DESCRIBED_REACH), start)
    return next(iter(_words(terms(before.group(1)))), None) if before else None


def _named_by_year(match: re.Match[str]) -> bool:
    """The `MENTION` match is a year that is part of a name (`_NAMING_YEAR`)."""
    named = _NAMING_YEAR.match(match.string, match.start())
    return named is not None and named.end() == match.end()


def _counted(text: str, end: int, terms: Callable[[str], list[str]]) -> tuple[str | None, tuple[str, float] | None]:
    """What the figure ending at `end` counts, as a term, and the unit it is measured in."""
    # (not a possessive, which says whose, nor another figure's scale: "33 of the world's 48 least
    # developed countries", "70 per cent of the 34 million AIDS sufferers")
    following = list(
        itertools.islice(
            (w.group(0) for w in _WORD.finditer(text, end) if not _PASSED_OVER.search(w.group(0))),
            _COUNTS_WORDS,
        )
    )
    counts = next((t for word in following for t in _words(terms(word))), None)
    measured = next((_UNITS[w] for word in following if (w := word.lower()) in _UNITS), None)
    return counts, measured


def _given(claimed: _Figure, figures: list[_Figure], claim: Sequence[_Figure]) -> bool:
    """The sentence gives the claim's figure, and not to something else while another of its figures counts
    what the claim's does: "262 million children ..., and 750 million adults are illiterate" does not give
    "262 million adults". Unless the claim (`claim`, its figures) gives that one too as counting the same,
    as a part and its whole: "Of the approximately 60,000 terrorists ..., 48,000 have abandoned ..." gives
    "48,000 of about 60,000 terrorists" (but "48 per cent as compared to 24 per cent for men" does not give
    "24 per cent, compared with 48 per cent for men"). One that counts nothing named after it gives it
    ("more than 120 million, or 1 in 70, are refugees": the people the sentence spoke of)."""
    same = [g for g in figures if _same(claimed, g)]
    if not same or claimed.counts is None or _year_like(claimed):
        return bool(same)
    # (whom it counts may be said before it in one and after it in the other: "the poorest 20 per cent of the
    # world's people" are "20 per cent of the poorest")
    if any(g.counts in (claimed.counts, claimed.described, None) or g.described == claimed.counts for g in same):
        return True
    return not any(
        g.counts == claimed.counts
        for g in figures
        if not any(_same(c, g) and c.counts == claimed.counts for c in claim)
    )


def _same(claimed: _Figure, given: _Figure) -> bool:
    """The source's figure is the claim's, or rounds to it at the precision the claim writes it with
    (a claim's "4.8 million" for "4.77 million"; never "2009" for "2006")."""
    if claimed.percent != given.percent:
        return False
    if claimed.unit and given.unit and claimed.unit[0] == given.unit[0]:
        # one measure: the same amount in the same unit or another ("two decades", "20 years"), never the
        # same number of another unit ("three months" for "Three weeks")
        a, b = claimed.value * claimed.unit[1], given.value * given.unit[1]
        return abs(a - b) <= _CONVERTED * max(abs(a), abs(b)) or abs(a - b) < claimed.step * claimed.unit[1] / 2
    if abs(claimed.value - given.value) <= _SAME_FIGURE * max(abs(claimed.value), abs(given.value)):
        return True
    return abs(claimed.value - given.value) < claimed.step / 2


def _comparable(a: _Figure, b: _Figure) -> bool:
    """Figures of one kind: both shares, both years, both amounts, both labels ("resolution 181" is no
    other figure for "754 resolutions") or both ordinals; and not one measured in a unit where the other counts
    something else, or two measured in units of different measures: "for more than six decades" is no other
    figure for "more than 80,000 peacekeepers"."""
    if a.percent != b.percent or _year_like(a) != _year_like(b) or a.label != b.label or a.ordinal != b.ordinal:
        return False
    if a.money != b.money and (b if a.money else a).counts is not None:
        # (a sum of money is no other figure for a count of things: "an initial US$ 14.5 million" for "Almost
        # 30 small island developing States have signed")
        return False
    first, second = a.measure, b.measure
    if first is None and second is None:
        return True
    if first is not None and second is not None:
        return first == second
    # (one measured: comparable only with a figure that counts nothing named, "for more than six")
    return (b if first is not None else a).counts is None


def _dates_another(claimed: _Figure, given: _Figure) -> bool:
    """The claim's year dates the thing named after it ("to observe its 2012 elections") and the sentence's
    dates something else ("Back in 2017, when I made my first appearance ... as the newly elected
    President"): no other date for the same thing. One dating nothing named is ("the elections held in 2008")."""
    return claimed.attributive and _year_like(claimed) and given.counts not in (None, claimed.counts)


def _year_like(figure: _Figure) -> bool:
    return not figure.percent and figure.value.is_integer() and int(figure.value) in YEARS
