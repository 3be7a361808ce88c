"""Find the numbers in a sentence that carry information: counts, percentages and sums of money.

Vague magnitudes ("millions of lives") and "one" are rhetoric more often than counts, so they are left out.

Years, dates, ordinals, decades, labels ("Resolution 2202", "Session 79") and numbers glued into
names ("COVID-19", "G20", "3rd-year") are not statistics and are left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from bot.content.models import StatisticKind

WORD_VALUES = {
    "one": 1,  # only before a scale or a unit: "one billion hectares", "one kilometre" (alone, "one" is
    # rhetoric more often than a count)
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
# A whole number in this range, written plainly, is a year more often than a count.
YEARS = range(1000, 2200)
_QUALIFIERS = (
    # ("no more than two" is at most two, "no less than" at least: the "no" is the figure's meaning)
    r"no more than|no fewer than|no less than|not more than|not less than"
    r"|more than|over|nearly|almost|around|about|approximately|roughly|some|at least|up to|fewer than"
    r"|less than|under|close to|an estimated|as many as|as much as|just over|just under|upwards of"
    r"|a mere|only|just|as few as|a total of|a record|a staggering|an additional|another|exceeding|above|below"
    r"|greater than|larger than|higher than|lower than"
)
# What may follow a number and belongs to its value: a currency named in words, a multiplier ("7X more
# likely", "seven times"), the end of a range of percentages ("10-15%") or the base of a rate ("13.2 per
# 100,000").
CURRENCY_WORDS = (
    r"yuan|renminbi|dollars?|euros?|pounds?|rupees?|won|yen|francs?|pesos?|naira|shillings?|roubles?|rubles?"
    r"|dinars?|rand|reais|riyals?|lira|birr|kyats?|takas?|rupiah|hryvnias?"
)
_SUFFIX = re.compile(
    rf"(?P<currency>[\s-](?:{CURRENCY_WORDS})\b)|(?P<times>\s?[xX×](?![\w%])|[-\s]?fold\b|\s+times\b)"
    r"|(?P<range>[-–]\d+(?:\.\d+)?\s?%)"
    r"|(?P<rate>\s+per\s+(?:\d{1,3}(?:,\d{3})+|\d+|hundred|thousand|million|capita)\b)"
    # the end of a range before what it counts or its unit: "20-30 minutes", "a 3-3.5°C increase"
    r"|(?P<span>[-–]\d+(?:\.\d+)?(?=\s+[a-z]|\s?°))"
)
# Units a measure is given in, after which even "one" is a figure.
_UNIT_WORDS = (
    r"kilomet(?:re|er)s?|met(?:re|er)s?|miles?|kilograms?|grams?|tonnes?|tons?|lit(?:re|er)s?|hectares?|acres?"
)
_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)"
    r"|"
    + "|".join(sorted((w for w in WORD_VALUES if w != "one"), key=len, reverse=True))
    + r"|one(?=\s+(?:hundred|thousand|million|billion|trillion)\b|\s?%|\s(?:per\s?cent|percent)\b"
    # a measure: "one kilometre of road every day", "one dollar a day"
    + rf"|\s+(?:{_UNIT_WORDS}|{CURRENCY_WORDS})\b)"
    + r"|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b)"
    # "half of Belizean secondary school students", "half their population": a share, as a percentage is;
    # so is "nearly half" standing alone
    # ("half the rate" compares, so "the" only before a possessive or people: "half the world's people")
    + r"|half(?=\s+(?:of|their|its|our|his|her|all|these|those)\b"
    + r"|\s+the\s+(?:\w+['’]s|people|population|children|women|men|members)\b)"
    + r"|(?:(?<=nearly )|(?<=almost )|(?<=about )|(?<=around )|(?<=over )|(?<=than )|(?<=roughly )"
    + r"|(?<=approximately ))half\b"
    # a change by half ("reduced poverty by half") and a comparison ("only half as many")
    + r"|(?<=by )half\b(?!\s+(?:a|an|the)\b)|half(?=\s+as\s+(?:many|much|large|big|high|likely)\b))"
)
# (a hyphen may join a number word to it too: "Sixty-per cent of our fellow citizens")
_PERCENT_WORD = r"(?:per\s?cent|percent)\b"
# "two-hundred", "five-million": a hyphen may join a number to its scale
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)\b"
# "sixty-years ago": a hyphen before a plural noun still leaves a count (before a singular one it makes a
# compound: "3rd-year", "a sixty-year-old")
_PLURAL_AFTER_HYPHEN = r"[a-z]+s\b(?!-)"
_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A share written as a fraction: "two-thirds of the goals", "only 1/4 that for mortality" (not a date's
# "3/4/2020", nor "24/7").
_FRACTION = (
    r"(?:one|two|three|four|five|six|seven|eight|nine)[-\s](?:half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?"
    r"|eighths?|ninths?|tenths?)"
    r"|[1-9]/(?:[2-9]|10)(?![/\d])"
    r"|a\s(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)(?=\s+of\b)"
    # a share of a population ranked: "the bottom fourth of Mexico's poorest families"
    r"|(?:top|bottom|upper|lower|poorest|richest|wealthiest)\s(?:half|third|quarter|fourth|fifth|tenth)(?=\s+of\b)"
)
# A multiplier written as a word: "twice the rate", "is double the global rate" (not the verb: "will
# double our contribution").
_MULTIPLIER_VALUES = {"twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4}
_MULTIPLIER = "|".join(_MULTIPLIER_VALUES)
# (also past a qualifier: "could more than double our current energy production")
_MULTIPLIER_VERB_BEFORE = re.compile(
    r"\b(?:will|would|to|can|could|may|might|must|shall|should|did|does|do|not|and|or)\s+"
    r"(?:(?:more|less)\s+than\s+|almost\s+|nearly\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)
_COMPARED_AFTER = re.compile(r"\s+(?:the|that|what|as|those|its|their|our|his|her)\b", re.IGNORECASE)
_FRACTION_VALUES = {
    "half": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
MENTION = re.compile(
    rf"(?<![\w$€£/.,–+-])(?P<qualifier>(?:{_QUALIFIERS})\s+|~)?(?P<sign>\+|[-−](?=\d))?"
    # "$", "US$", "A$", "$AUD", "$US 800 million", "USD"
    rf"(?P<currency>(?:[A-Z]{{1,2}}\$|\$(?:[A-Z]{{2,3}}(?=\s?\d))?|€|£|USD|EUR)\s?)?"
    rf"(?:(?P<fraction>{_FRACTION})(?![\w-])|(?P<numeral>{_NUMERAL})|(?P<multiplier>{_MULTIPLIER})\b"
    # ("fivefold": a number word glued to the multiplier "fold")
    rf"|(?P<word>{_WORD_NUMBER})(?:(?=fold\b)|(?!\w|-(?!{_SCALE_WORD}|{_PLURAL_AFTER_HYPHEN}|{_PERCENT_WORD}))))"
    # "two and a half million" (and, as speakers say it, "two and half million"), "two and a half years"
    rf"(?P<half>\s+and\s+(?:a\s+)?half(?=\s+(?:thousand|million|billion|trillion|[a-z]+s)\b))?"
    # ("half a billion dollars"; "bn" and "m" only in lower case: "2.0bN" is a version)
    rf"(?:(?:\s?|-(?={_SCALE_WORD})|(?<=half)\s+a\s+(?={_SCALE_WORD}))"
    rf"(?P<scale>hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion"
    rf"|trillion|(?-i:bn|m)\b))?"
    rf"(?P<percent>\s?%|[\s-]{_PERCENT_WORD})?",
    re.IGNORECASE,
)
# Cheap pre-checks: most sentences have no number at all (a case-folded alternation is slow in `re`).
_DIGIT = re.compile(r"\d")
_WORD_NUMBER_LOWER = re.compile(rf"\b(?:{_WORD_NUMBER}|{_FRACTION}|{_MULTIPLIER})(?:fold)?\b")
# The words of which a number written in words holds one ("a thousand", "a third of", "twice"): a sentence
# without any is passed over before that pattern, whose look-backs are tried at every place, is run.
_NUMBER_WORDS = frozenset(
    [
        *WORD_VALUES,
        *_FRACTION_VALUES,
        *_MULTIPLIER_VALUES,
        *(f"{word}fold" for word in WORD_VALUES),
        "thousand",
        "million",
        "billion",
        "trillion",
    ]
)
_LOWER_WORD = re.compile(r"[a-z]+")
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
# A month is written with a capital ("14 May", "MAY 14"): "14 million may do the same" is no date.
_ANY_MONTH = rf"(?:{_MONTHS}|{_MONTHS.upper()})"
# A date as a reader sees one: a year, or a day with its month ("24 February", "May 14").
_DATE = re.compile(
    rf"\b1[0-9]\d\d\b(?![.,]\d)|\b20\d\d\b(?![.,]\d)|\b\d{{1,2}}\s+{_ANY_MONTH}\b|\b{_ANY_MONTH}\s+\d{{1,2}}\b"
)
_MONTH_BEFORE = re.compile(rf"\b{_ANY_MONTH}\.?\s*$")
# (also the first of two days: "held on 28 and 29 November")
_MONTH_AFTER = re.compile(rf"\s*(?:(?:and|or|to|-|–)\s*\d{{1,2}}\s*)?{_ANY_MONTH}\b")
_LABEL_WORD = re.compile(
    r"\b(?:resolution|article|section|paragraph|chapter|session|no\.|nr\.?|number|page|pp\.?|p\.|item|goal|target|rule"
    r"|decision|protocol|annex|table|figure|volume|vol\.?|phase|step|level|grade|class|category|room|flight|route"
    r"|version|equation|example|exercise|case|observation|question|appendix|footnote|note|line|column|row"
    r"|option|stage|wave|round|part|book|pep|rfc|iso|day|time|subject|patient|participant|aged?|ages|chromosome"
    r"|identifier|id|node|code|scores?|scale(?:\s+of)?|numbered(?:\s+\([^()]{0,40}\))?\s+from"
    r"|algorithm|theorem|lemma|proposition|corollary|definition|remark|assumption"
    r"|(?:resolution|article|section|paragraph|chapter|page|item|table|figure|equation|example|step|note|part|node|code|version|number)s"
    # (and a paragraph of what it numbers: "Article 17 (2)", "section 5(1)"; a year in brackets may end an item
    # without the comma: "resolutions 822 (1993), 853 (1993) 874 (1993)")
    r")\s*\(?(?:between\s+)?(?:\d[\d.]*(?:\s*\(\d{4}\)\s*(?:,\s*(?:and|&)?|and|&|to|–|-)?|\s*(?:,\s*(?:and|&)?|and|&|to|–|-))\s*)*"
    r"(?:\d[\d.]*\s*\()?$",
    re.IGNORECASE,
)
# The numbers listed before this one under one name: "SDGs 9, 16, and " before "17"; of them, those a
# capitalised name may number ("Goals 1, 2, 4, 5 and " before "6", not "On 17 September 2009, " before "7,114").
_LISTED_BEFORE = re.compile(r"(?:\d[\d.]*\s*(?:,\s*(?:and|&)?|and|&)\s*)+$")
_LISTED_LABELS_BEFORE = re.compile(r"(?:\b\d{1,3}\s*(?:,\s*(?:and|&)?|and|&)\s*)+$")
# What may stand between a number word and the noun it counts: "two very important anniversaries", "two
# more architectures", "the five most common problems".
_INTENSIFIERS = re.compile(r"^(?:(?:very|so|too|really|truly|extremely|particularly|especially|highly|more|most)\s+)+")
# A number in a saying counts nothing.
_IDIOM_AFTER = re.compile(r"\s+sides\s+of\s+the\s+same\s+coin\b", re.IGNORECASE)
# A number word, then "or"/"to" and another number: "four or five years", "two to three million", "two,
# three or more countries"; or an open end: "three or more countries".
_ALTERNATIVE_AFTER = re.compile(
    rf"(?:,\s*(?:{_NUMERAL}|{_WORD_NUMBER}))*,?\s+(?:or|to)\s+(?:{_NUMERAL}|{_WORD_NUMBER}|more|fewer|less)\b",
    re.IGNORECASE,
)
# (not a possessive: "Tanzania’s 12,268 villages" counts the villages)
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]*(?<![’']s)\s+$")
# A name spelled with capitals or a dot inside it ("CPython 3.11", "PEP 659", "iOS 17", "Node.js 18")
# numbers a thing even where it opens the sentence.
_PRODUCT_NAME_BEFORE = re.compile(
    r"\b\w*[a-z]?[A-Z][A-Za-z]*[A-Z]\w*\s+$|\b[a-z]+[A-Z]\w*\s+$|\b[A-Z]\w*\.[a-z]\w*\s+$"
)
# Part of a formula or code ("2**30", "x=5", "n>100") rather than of a sentence.
# ("**" against a word or a bracket is a power; before a number after a space it is emphasis: "**13.2**";
# "+" between two terms adds, "+" against a number after a space is its sign: "about +26% on Linux"; a
# hat a PDF's text sets apart from its letter may stand after the "=": "F(t) = ˆ 1−S(t)".)
_OPERATOR_BEFORE = re.compile(r"(?:[\w)]\*\*|[\w)]\^|[\w)](?:\s\+\s|\+)|[=<>≤≥≠]\s?(?:[ˆ˜¯]\s?)?)$")
_OPERATOR_AFTER = re.compile(r"\*\*(?=[\w(])|\^|[=<>]\S|/\(")
# ... except a p value reported in brackets in prose: "stability at 10% level (p = 0.034)".
_P_VALUE_BEFORE = re.compile(r"\(\s*p\s?=\s?$")
# ... and a sample's size before what it counts: "With n = 768 observations".
_SAMPLE_SIZE_BEFORE = re.compile(r"\b[nN]\s?=\s?$")
# ... and the value a computation prose names comes to: "a cumulative odds ratio of exp(−1.82) = 0.16".
# (and "the maximum of the statistics is M = 3.171", "is greater M = 3.171": what a verb says a symbol is)
_COMPUTED_BEFORE = re.compile(
    r"\b(?:(?:of|is|was|be)\s+[^\s=()]*\([^()=]*\)"
    r"|(?:is|was|are|were)\s+(?:(?:greater|less|larger|smaller)\s+(?:than\s+)?)?[^\W\d_]{1,2})\s?=\s?$"
)
# A symbol a thing is written with: "The random intercept (represented by 1)", "men coded as 0".
_SYMBOL_BEFORE = re.compile(
    r"\b(?:represented|denoted|coded|symboli[sz]ed|labell?ed|marked|written)\s+(?:by|as|with)\s+$", re.IGNORECASE
)
# Qualifiers no year takes: "over 1000 people" is a count ("around 2010" may still be a year).
_COUNTING_QUALIFIERS = frozenset(
    [
        "over",
        "more than",
        "no more than",
        "no fewer than",
        "no less than",
        "not more than",
        "not less than",
        "nearly",
        "almost",
        "at least",
        "fewer than",
        "less than",
        "up to",
        "as many as",
        "some",
        "an estimated",
        "greater than",
        "larger than",
        "exceeding",
        "upwards of",
        "a total of",
    ]
)
# A capitalised noun and "of" mid-sentence name a body: "the Group of 77".
_NAMED_GROUP_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+ of\s+$")
# ... unless a noun follows, which the number counts: "a Rapid Reaction Force of 200 troops"
_COUNTED_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|in|on|at|of|for|the|is|was|are|were)\b)[a-z]{3,}")
# A chart or a ranked group, which a number after "top" names unless a noun it counts follows.
_TOP_BEFORE = re.compile(r"\btop\s+$", re.IGNORECASE)
# An age: "under 5 years of age", "a 40-year-old", "over 18 years old by the end" (a thing's "70 years
# old nightmare" is a span of time, a count).
_AGE_AFTER = re.compile(
    r"\s*(?:years?|months?)\s+of\s+age\b|-(?:year|month)s?-old\b"
    r"|\s*(?:years?|months?)\s+old\b(?=\s*(?:[,.;:)]|$|(?:by|and|or|in|at|to|who|with|from|for|are|were|is|was)\b))",
    re.IGNORECASE,
)
# Plain numbers listed right after a noun, with nothing after them that they count, name or set things:
# items ("the compressor (especially numbers 1 and 4)"), thresholds ("user-defined cut-offs 1 and 1.5,
# here"); so does a release's number alone ("Linux kernel 2.0, and ..."). A figure says what it counts, or
# follows a word that introduces it: a preposition or a verb ("a score of 2.0", "rose to 2.0 and 3.0").
_VERSION = re.compile(r"\d{1,2}\.0")
_NOUN_BEFORE = re.compile(
    r"\b(?!(?:and|or|but|nor|then|plus|minus|times|even|nearly|roughly|least|most|with|without|within|between"
    r"|among|upon|via|like|unlike|versus|exceeds?|reach(?:es)?|totals?|tops|hits|equals?|surpass(?:es)?"
    r"|approach(?:es)?|nears|stands|remains|becomes|costs|weighs|measures|lasts|makes|gives|takes|says|shows"
    r"|reads|gets|got|gave|took|made|saw|sees|rose|fell|grew|lost|won|hit|met|paid|numbering"
    r")\b)[a-z][a-z-]{2,}(?<!ed)(?<!ing)(?<!ly)\s+$"
)
# The numbers listed after this one under the same name: "1" before " and 1.5".
_LISTED_AFTER = re.compile(r"(?:\s*(?:,|and|or|&)\s*\d[\d.]*)*")
_WORD_AFTER = re.compile(r"\s*[A-Za-z%]")
# Several points listed after a plural noun and "at", with their unit of time or none, say where things
# fall, not how many there are: "cutpoints at 45 and 500 days", "unique death times at 100 and 110 days".
_POINTS_AT = re.compile(r"\b(?P<noun>[a-z][a-z-]{2,}s)\s+at\s+$")
_TIME_UNIT_AFTER = re.compile(r"\s*(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?)\b(?!\s+(?:of|ago|later)\b)")
# "... prior to 2.0 it was": a release after a word of time.
_RELEASE_BEFORE = re.compile(r"\b(?:prior\s+to|before|after|since|until)\s+$", re.IGNORECASE)
# A plain number this long is an identifier (counts this large are written with separators).
_IDENTIFIER_DIGITS = 7
_RATE_BASE_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+(?:than|of)\b)", re.IGNORECASE)
# (also a body's: "which will turn 70 next month", "The United Nations at 70 —")
_AGE_BEFORE = re.compile(
    r"\b(?:younger|older)\s+than\s+$|\bturn(?:s|ed|ing)?\s+$"
    r"|\b(?:children|child|boys|girls|infants|babies)\s+(?:aged\s+)?(?:under|over|below|above)\s+$"
    r"|\b(?:under|over|below|above|at|from|until)\s+the\s+age\s+of\s+$"
    # the bounds of age groups: "age group (15–24, 25–39, ≥40 years)"
    r"|\bage\s+(?:groups?|brackets?|bands?|ranges?|cohorts?)\s*[(:]?\s*(?:\d+(?:\s*[–-]\s*\d+)?\s*(?:,|and|or|to)\s*)*$",
    re.IGNORECASE,
)
_NAME_AT_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w.’'-]*\s+at\s+$")
# The level a method is set at: "the 95% quantile" (a test's "10% level" is left a figure, as the
# evaluation's truth has it).
# (also the first of two: "between the 10% and 90% quantile")
_LEVEL_AFTER = re.compile(
    r"(?:\s*(?:and|or|to|,|–|-)\s*\d+(?:\.\d+)?\s?%)?\s*(?:quantiles?|percentiles?|confidence|credible|prediction)\b"
)
# How many dimensions a space or an analysis has: "three dimensional", "3-dimensional".
_DIMENSIONS_AFTER = re.compile(r"[\s-]dimensional\b", re.IGNORECASE)
# A distribution's parameter ("a fit with 2.5 degrees of freedom") and the point a range starts at ("flat
# from 14 onward") set or place things; they count nothing.
_PARAMETER_AFTER = re.compile(r"\s+(?:degrees?\s+of\s+freedom|df)\b")
_ONWARD = re.compile(r"\s+onwards?\b")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# A plural unit hyphened to a number and then a noun make a compound naming a thing, not a count: "its
# 75-years existence" (as "a 75-year existence" would); "sixty-years ago" stays a span of time.
_HYPHENED_COMPOUND_AFTER = re.compile(
    r"-(?:years|months|weeks|days|decades)\s+(?!(?:ago|of|and|or|to|in|on|at|for|the|is|was|are|were)\b)[a-z]{3,}"
)
# A class named by its bounds: "the 15–24 age group", "the 100–110 interval" (also "the 100 110 interval",
# as a PDF whose font maps no character to its dash reads); "5 group members" counts.
_CLASS_AFTER = re.compile(
    r"(?:\s+\d+)?\s+(?:age\s+)?(?:group|interval|bracket|band|cohort|category|class)\b"
    r"(?!\s+(?!(?:is|was|has|does)\b)[a-z]+s\b)"
)
# "of which eight are operating": a part of what the sentence counted before.
_PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:which|whom|them|these|those)\s+$", re.IGNORECASE)
# A list's item marker mid-sentence: "four joint projects: 1) improving access ...; 2) capacity ...".
_ITEM_MARKER = re.compile(r"(?<![(\w])(\d{1,2})\)")
# A span of time back from now or on from then: "74 years ago", "the United Nations 58 years after its
# inception", "25 years on".
_AGO_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|decades?|centuries)\s+(?:ago|after|later|on)\b")
# A multiplier written out: "has grown by a factor of four".
_FACTOR_BEFORE = re.compile(r"\bfactor\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
# An item's number in brackets, and the number word or numeral a bracketed number may restate.
_ENUMERATION = re.compile(r"\(\d{1,2}\)")
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{_WORD_NUMBER}))\s*$", re.IGNORECASE)
_ITEM_AFTER = re.compile(r"\s+[a-z]")
_PERMANENT_BEFORE = re.compile(r"\bthe\s+permanent\s+$", re.IGNORECASE)
# "several dozen": as vague as "dozens".
_VAGUE_BEFORE = re.compile(r"\b(?:several|a\s+few|few|many|some)\s+$", re.IGNORECASE)
# "Our two hands", "the two countries", "the other two cells", "his two terms in office": "two" after a
# determiner says "both" (a speaker's own "my two older children" are counted).
_BOTH_BEFORE = re.compile(r"\b(?:our|their|your|his|her|its|the|these|those)\s+(?:other\s+)?$", re.IGNORECASE)
# "no two countries can have the same perception": none of them, not a count.
_NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
# "three of Zambia’s neighbouring countries", "two of them": a part of a group, counted.
_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:the|our|their|its|his|her|these|those|them|us|you|[A-Z][\w-]*[’']s)\b")
# The last year a plain number is read as without a preposition before it.
_LAST_PLAIN_YEAR = 2100
# A year with a note marker, or a capital "I" typed as "1", against it: "contribution by 2020.1 urge all".
_MARKED_YEAR = re.compile(r"(?:19|20)\d\d\.\d")
_YEAR_PREPOSITION_BEFORE = re.compile(r"\b(?:by|in|since|until|till|before|after|from)\s+$", re.IGNORECASE)
# "a 1 unit increase", "each 1 gram change": the unit a change is measured in, not a count.
_ONE_UNIT_BEFORE = re.compile(r"\b(?:a|an|each|every|per)\s+$", re.IGNORECASE)
# A number glued after a colon or slash is the rest of a figure: "04:56:26", "II:213", "HRC/57/77".
_PART_OF_A_FIGURE_BEFORE = re.compile(r"\w[:/]$")
# A number in brackets is a reference to what it numbers when glued to a word ("bash(1)"), or when a
# preposition, a conjunction or a range's dash brings it: an equation or an item ("given in (1c)", "by
# iterating equations (6a) and (6b)", "expressing (2)–(4)"); so is one with a letter after it: "(1c)".
_REFERENCE_BEFORE = re.compile(r"(?:\w|\b(?:in|from|by|with|using|to|and|or|see|equations?)\s+|[–-])\($", re.IGNORECASE)
_LETTERED_AFTER = re.compile(r"[a-z]\)")
# "the second half of the year" is a period, not a share.
_PART_OF_A_PERIOD_BEFORE = re.compile(r"\b(?:the|a|first|second|last|latter|other|one)\s+$", re.IGNORECASE)
# What makes a number an ordinal, a decade, part of a compound ("3rd-year", "1950s", but not "sixty-years
# ago", nor "the 50,000-strong community", which counts its members), a time, a version number or a code.
_ORDINAL_OR_COMPOUND_AFTER = re.compile(
    rf"(?:st|nd|rd|th|s)\b|-(?!{_PLURAL_AFTER_HYPHEN}|strong\b)\w|-\s+(?:or|to|and)\s+\d|[:/]\d|\.\d|['’]s\b"
    # a code ("0.93R6") and a width ("64 bit", "32 and 64 bit"; "2048 bits" is a size)
    r"|[A-Za-z]+\d|(?:\s+(?:and|or)\s+\d+)?[\s-]bit\b"
    # a release's suffix or wildcard ("2.0aN", "2.4a0", "3.x") and a release and later ("2.2+"; "100+
    # countries" is a count)
    r"|(?:a|b|rc|dev|post)(?:\d|N\b)|\.x\b|(?<=\.\d)\+(?![\w$€£])",
    re.IGNORECASE,
)
# The rest of an ordinal written in words: "the one hundred and fifty-third Member".
_ORDINAL_REST_AFTER = re.compile(
    r"\s+and\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth)\b",
    re.IGNORECASE,
)
# The first number of a span of ordinals ("50 to 75th percentile") is an ordinal too.
_ORDINAL_SPAN_AFTER = re.compile(r"\s*(?:to|and|-|–)\s*\d+(?:st|nd|rd|th)\b")
# Cited works and note markers in brackets ("[12]", "[3, 4]") hold numbers that are not statistics.
_CITATION = re.compile(r"\([^()]{0,300}?\b\d{4}[a-z]?\)|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]")
_YEAR = re.compile(r"(?<![\w$.,-])(1[89]\d\d|20\d\d)(?![\w%-]|,\d)")
_FUNCTION_WORDS = frozenset(
    """
    a an the of in on at to for from by with and or but as than that which who whom whose this these
    those is are was were be been being has have had do does did will would can could may might must
    shall should it its their they them he she his her we our you your i since ago per each every
    all some any no not only also more most less least about around over under into onto up down out
    off while when where such so very just still yet already including
    """.split()
)
_CLAUSE_BOUNDARY = re.compile(r"[,;:(\[—–]|\s-\s")
# Words that open a sentence before a count without naming it: "Although 145 countries recognised ...".
_OPENING_WORDS = frozenset(
    """
    although though whereas because unless whenever until after before nearly almost roughly today
    currently now then thus yet nevertheless however meanwhile overall altogether
    """.split()
)
_RELATIVE_WORD = re.compile(r"\b(?:which|that|who|whose)\b", re.IGNORECASE)
_RELATIVE_STOP = re.compile(r"[,;:()]")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# Words that may open the counted phrase: "40% of the population", "44 per cent of our citizens".
_DETERMINERS = frozenset("the a an our its their his her this these those all".split())
# Words of degree, which belong to what is counted before a word of their own ("48 least developed countries").
_DEGREE_WORDS = frozenset("more most less least".split())
# A count of a part of what another figure counts: "33 of the world's 48", "two of its five".
_PART_OF = rf"(?:\d[\d,.]*|{_WORD_NUMBER})(?:\s+(?:hundred|thousand|million|billion|trillion))?"
_PARTITIVE = re.compile(
    rf"\s+of\s+(?:(?:the|its|their|our)\s+)?(?:[^\W\d_][\w-]*['’]s\s+)?{_PART_OF}(?:\s+(?:to|-|–)\s+{_PART_OF})?(?=\s)",
    re.IGNORECASE,
)
# Before "-fold", these make it tell of kinds; after it, a change or a comparison makes it multiply.
_KINDS_BEFORE = re.compile(r"\b(?:a|an|the|is|are|was|were|be|been)\s+$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    r"\s+(?:increase|rise|growth|decrease|reduction|drop|fall|decline|jump|expansion|improvement|difference"
    r"|gain|loss|risk)s?\b|\s+(?:higher|lower|greater|larger|smaller|more|less|fewer)\b",
    re.IGNORECASE,
)
_PEOPLE_NOUNS = frozenset(["people", "children", "women", "men", "persons", "population", "staff"])
# How much of the sentence either side of a number decides what it is and what it counts. Bounding it keeps
# the work per number constant, so a "sentence" of thousands of numbers (a table flattened into one line)
# costs time in proportion to its length instead of its square. The words just before a number (a month,
# "Resolution", a capitalised name) lie within its last 64 characters for any word under 40 letters, as
# does the label of a short list ("resolutions 822 (1993), 853 (1993), 874 (1993) and 884").
_CONTEXT = 200
_WORD_BEFORE = 64
_COMPARISON_WORDS = 6
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s+(?:and|or|to))\s*|\s*[–-]\s*")


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: str
    number: float
    kind: StatisticKind
    counts: str | None
    year: int | None


def find_statistics(sentence: str) -> list[NumberMention]:
    """The informative numbers of one sentence, with spans into it."""
    if not _DIGIT.search(sentence) and not _in_words(sentence.lower()):
        return []
    cited = _Spans([(m.start(), m.end()) for m in _CITATION.finditer(sentence)])
    years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(sentence) if not cited.holds(m.start())]
    clauses = _Clauses(sentence)
    capitals = not any(c.islower() for c in sentence)
    mentions: list[NumberMention] = []
    taken = 0  # where the last value ended: "13.2 per 100,000" holds no second number
    for match in MENTION.finditer(sentence):
        if match.start() < taken:
            continue
        suffix = _SUFFIX.match(sentence, match.end())
        if match.group("percent") and (suffix is None or not suffix.group("range")):
            suffix = None
        if cited.holds(match.start()) or not _is_statistic(sentence, match, suffix, capitals):
            continue
        value_start = match.start("qualifier") if match.group("qualifier") else match.start()
        end = taken = suffix.end() if suffix else match.end()
        kind = _kind(match, suffix)
        if kind == "multiple":
            counts = _comparison(sentence, end)
        else:
            counts = _what_it_counts(sentence, clauses, value_start, end, kind)
        mentions.append(
            NumberMention(
                start=value_start,
                end=end,
                value=sentence[value_start:end].strip(),
                number=mention_value(match),
                kind=kind,
                counts=counts,
                year=_nearest_year(years, match.start()),
            )
        )
    return _shared_in_lists(sentence, mentions, years)


def _in_words(lowered: str) -> bool:
    """Whether a sentence (in lower case) holds a number written in words."""
    return not _NUMBER_WORDS.isdisjoint(_LOWER_WORD.findall(lowered)) and bool(_WORD_NUMBER_LOWER.search(lowered))


class _Spans:
    """Sorted, non-overlapping spans, asked whether they hold a position in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def holds(self, position: int) -> bool:
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]


def _is_statistic(sentence: str, match: re.Match[str], suffix: re.Match[str] | None, capitals: bool) -> bool:
    """`capitals`: the sentence is typed in capitals, so a capitalised word before a number is no name."""
    numeral, word = match.group("numeral"), match.group("word")
    end = match.end()
    after = sentence[end : end + 12]
    number_start = match.start(next(g for g in ("fraction", "numeral", "word", "multiplier") if match.group(g)))
    before = sentence[max(0, number_start - _WORD_BEFORE) : number_start]
    if _negative(match) and not match.group("percent"):
        return False  # a negative value is a rate ("-2.6 per cent"); "−1/2", "−1.7" are scores and axis labels
    if (
        (_OPERATOR_BEFORE.search(before) and not _reported_in_prose(sentence, before, end))
        or _OPERATOR_AFTER.match(after)
        or _ORDINAL_SPAN_AFTER.match(after)
        or _ORDINAL_REST_AFTER.match(sentence, end)
    ):
        return False
    if match.group("percent") and _LEVEL_AFTER.match(sentence, end):
        return False  # a level a method is set at: "the 95% quantile", "a 95% confidence interval"
    if _DIMENSIONS_AFTER.match(sentence, end):
        return False  # a kind of space, not a count: "a three dimensional topographical analysis"
    if _PARAMETER_AFTER.match(sentence, end) or (_FROM_BEFORE.search(before) and _ONWARD.match(sentence, end)):
        return False
    if _AGO_AFTER.match(sentence, end) and not match.group("qualifier") and (numeral is None or "." not in numeral):
        return True  # a span of time, whatever names come before it: "the tragic Nakba 74 years ago"
    if _FACTOR_BEFORE.search(before):
        return True  # a multiplier: "has grown by a factor of four"
    if match.group("fraction"):
        return not before.endswith(("−", "-"))  # "scores 1, −1/2": a negative value, not a share
    if multiplier := match.group("multiplier"):
        # "twice" always multiplies; "double the rate" does where it is no verb ("will double the rate")
        return multiplier.lower() == "twice" or (
            _COMPARED_AFTER.match(sentence, end) is not None and not _MULTIPLIER_VERB_BEFORE.search(before)
        )
    referred_to = before.endswith("(") and (
        _LETTERED_AFTER.match(after) is not None or (after.startswith(")") and _REFERENCE_BEFORE.search(before))
    )
    if _PART_OF_A_FIGURE_BEFORE.search(before) or referred_to:
        return False  # the seconds of "04:56:26", the denominator of "3/4", the section of "bash(1)", "in (1c)"
    if word is not None and word.lower() == "half":
        return not _PART_OF_A_PERIOD_BEFORE.search(before)  # not "the second half of the year"
    span = suffix is not None and suffix.group("span") is not None
    if not match.group("percent") and _CLASS_AFTER.match(sentence, suffix.end() if span and suffix else end):
        return False  # a class's bounds: "the 15–24 age group", "the 100–110 interval"
    if _of_kinds(sentence, suffix, before):
        return False  # "a twofold victory", "the aim is threefold": of so many kinds, not a multiplier
    if suffix is not None and not span:
        return True  # "7X", "seven times", "10,000 yuan", "10-15%": a multiplier, a sum or a range
    if before.endswith("#"):
        return False  # "#4": an item's number
    if not span and _ORDINAL_OR_COMPOUND_AFTER.match(sentence, end) and not match.group("percent"):
        return False  # ordinals, decades, compounds ("3rd-year", "1950s"), times and version numbers
    if not span and _HYPHENED_COMPOUND_AFTER.match(after) and not match.group("percent"):
        return False  # "its 75-years existence": a thing's name, as "a 75-year existence"
    if numeral:
        plain = not (match.group("currency") or match.group("scale") or match.group("percent"))
        counted = (match.group("qualifier") or "").strip().lower() in _COUNTING_QUALIFIERS
        if plain and not counted and "," not in numeral and "." not in numeral and _a_year(int(numeral), before):
            return False  # a year ("over 1000 people" is a count: no year is "over" or "more than")
        if plain and _MARKED_YEAR.fullmatch(numeral) and _YEAR_PREPOSITION_BEFORE.search(before):
            return False  # a year, and a note marker or a mistyped "I" against it: "by 2020.1 urge"
        if plain and numeral.isdigit() and len(numeral) >= _IDENTIFIER_DIGITS:
            return False  # a hash, a code or a serial number: counts this large are written "1,142,331,976"
        if plain and _RATE_BASE_BEFORE.search(before):
            return False  # the base of a rate set apart from it: "child deaths per 1,000 from 189 live births"
        if plain and _VERSION.fullmatch(numeral) and _RELEASE_BEFORE.search(before):
            return False  # a release: "in versions of Python prior to 2.0 it was common"
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(sentence, end):
            return False  # a date
        if (
            plain
            and not match.group("qualifier")
            and "," not in numeral
            and _names_things(sentence, numeral, before, end)
        ):
            return False  # a name or a setting: "used Linux kernel 2.0, and", "cut-offs 1 and 1.5, here"
        if _an_age(sentence, before, end) or _NAME_AT_BEFORE.search(before):
            return False  # an age: "children under 5 years of age", "a 40-year-old", "older than 30"
        if plain and _SYMBOL_BEFORE.search(before) and not _COUNTED_NOUN_AFTER.match(after):
            return False  # a symbol: "the random intercept (represented by 1)", not "represented by 30 delegates"
        if plain and _TOP_BEFORE.search(before) and not _COUNTED_NOUN_AFTER.match(after):
            return False  # a chart: "after it enters the top 100 is", not "among the top 30 countries"
        if numeral == "1" and _ONE_UNIT_BEFORE.search(before):
            return False  # "a 1 unit increase", "each 1 gram change": the unit a change is measured in
        if not (match.group("qualifier") or match.group("percent") or match.group("currency")) and (
            _LABEL_WORD.search(before)
            or _names_a_body(match, before)
            or (
                not capitals
                and (
                    _PRODUCT_NAME_BEFORE.search(_LISTED_BEFORE.sub("", before))
                    or _CAPITALISED_WORD_BEFORE.search(_LISTED_LABELS_BEFORE.sub("", before))
                )
            )
            or _opening_name(before, match.start(), capitals)
        ):
            return False  # a label: "Resolution 2202", "Session 79", "pages 38, 48", "PEP 659"
        if _enumerated(sentence, match, before) or _item_marker(sentence, match):
            return False  # an item's number: "(1) quality education, (2) training", "1) access; 2) training"
        # a list marker ("1." or "2)") opening the sentence is not a count either
        return not (match.start() == 0 and re.match(r"[.)]", after))
    assert word is not None
    if (
        word[0].isupper()
        and not (word.isupper() and len(word) > 1)  # "TWO PERMANENT SEATS" is typed in capitals, not a name
        and match.start() > 0
        and not capitals
        and (word == "A" or re.match(r"\s+[A-Z]", sentence[end : end + 2]))
    ):
        return False  # part of a name: "Nation of A Thousand Tribes", "the Eight Point Plan"
    if _names_a_body(match, before):
        return False  # a body's name: "the Group of Twenty initiative"
    if _PERMANENT_BEFORE.search(before):
        return False  # "the permanent five": the Security Council's permanent members, by name
    if _an_age(sentence, before, end):
        return False  # an age: "children under five years of age", "under the age of ten"
    if match.group("percent") or match.group("scale"):
        return True  # "Ninety percent of ...", "five million": the word says what kind of number it is
    if word.lower() == "dozen" and _VAGUE_BEFORE.search(before):
        return False  # "several dozen people": no count
    if match.group("qualifier"):
        return True  # "to over fifty", "nearly twenty": a count, whatever follows
    if word.lower() == "two" and _BOTH_BEFORE.search(before):
        return False  # "our two countries", "the two sides": both of them, not a count
    if _NO_BEFORE.search(before):
        return False  # "no two countries can have the same perception": none, not a count
    if _PARTITIVE_BEFORE.search(before) or (
        (word.islower() or match.start() == 0) and _PARTITIVE_AFTER.match(sentence, end)
    ):
        return True  # "of which eight are operating", "three of Zambia’s neighbours": a count of a part
    rest = sentence[end : end + _CONTEXT]
    if rest.startswith(":"):
        return True  # "I venture to suggest three: first, ...": a count of what the list gives
    if _ALTERNATIVE_AFTER.match(rest):
        return True  # "every four or five years": the first of two numbers counting one thing
    if _IDIOM_AFTER.match(rest):
        return False  # "two sides of the same coin"
    if _MORE_AFTER.match(rest):
        return True  # "the remodelling of six more,": a count of more of what was counted
    following = _WORD.match(_INTENSIFIERS.sub("", rest.lstrip(" -"), count=1))
    if not following:
        return False
    return following.group(0).lower() not in _FUNCTION_WORDS


def _of_kinds(sentence: str, suffix: re.Match[str] | None, before: str) -> bool:
    """ "-fold" after an article or a copula tells of how many kinds ("a twofold victory", "the aim is
    threefold"), unless a change follows: "a fivefold increase" multiplies."""
    if suffix is None or (suffix.group("times") or "").lstrip("- ").lower() != "fold":
        return False
    return _KINDS_BEFORE.search(before) is not None and _CHANGE_AFTER.match(sentence, suffix.end()) is None


def _negative(match: re.Match[str]) -> bool:
    return match.group("sign") in ("-", "−")


def _an_age(sentence: str, before: str, end: int) -> bool:
    """The number is someone's age: "under 5 years of age", "a 40-year-old", "older than 30"."""
    return _AGE_AFTER.match(sentence, end) is not None or _AGE_BEFORE.search(before) is not None


def _names_things(sentence: str, numeral: str, before: str, end: int) -> bool:
    """Numbers listed right after a noun, with nothing after them that they count ("numbers 1 and 4",
    "cut-offs 1 and 1.5, here"), or after a plural noun and "at" ("cutpoints at 45 and 500 days"), or a
    release's "2.0" alone ("Linux kernel 2.0, and")."""
    named = _LISTED_BEFORE.sub("", before)
    listed = _LISTED_AFTER.match(sentence, end)
    after = listed.end() if listed else end
    if named == before and after == end and not _VERSION.fullmatch(numeral):
        return False  # a lone number: "the current 192.", "a sample of size 575."
    points = _POINTS_AT.search(named)
    if points and points.group("noun") not in _FUNCTION_WORDS:
        unit = _TIME_UNIT_AFTER.match(sentence, after)
        return not _WORD_AFTER.match(sentence, unit.end() if unit else after)
    noun = _NOUN_BEFORE.search(named)
    return noun is not None and noun.group(0).strip() not in _FUNCTION_WORDS and not _WORD_AFTER.match(sentence, after)


def _reported_in_prose(sentence: str, before: str, end: int) -> bool:
    """A figure after "=" that prose reports rather than a formula: "(p = 0.034)", "n = 768 observations",
    "an odds ratio of exp(−1.82) = 0.16"."""
    if _P_VALUE_BEFORE.search(before) or _COMPUTED_BEFORE.search(before):
        return True
    return _SAMPLE_SIZE_BEFORE.search(before) is not None and _COUNTED_NOUN_AFTER.match(sentence, end) is not None


def _a_year(number: int, before: str) -> bool:
    """A plain number a year, as it reads: past 2100 only where a preposition makes it one ("by 2150");
    texts name few years that far off, and "then 2127 packages on CRAN" counts."""
    return number in YEARS and (number <= _LAST_PLAIN_YEAR or _YEAR_PREPOSITION_BEFORE.search(before) is not None)


def _enumerated(sentence: str, match: re.Match[str], before: str) -> bool:
    """A number in brackets that numbers items: the sentence holds the one before or after it too
    ("(1) ..., (2) ..."), or it is the first, an item's words after it; a number it restates ("six (6)
    years") or a lone value ("per cluster (5)") is not."""
    if not _ENUMERATION.fullmatch(sentence, match.start() - 1, match.end() + 1) or _NUMBER_BEFORE.search(before[:-1]):
        return False
    number = int(match.group("numeral"))
    if number == 1 and _ITEM_AFTER.match(sentence, match.end() + 1):
        return True  # a list's first item, whose next the sentence after gives: "as (1) multiple plots: ..."
    return f"({number + 1})" in sentence or f"({number - 1})" in sentence


def _item_marker(sentence: str, match: re.Match[str]) -> bool:
    """A number closing a bracket it never opened, where the sentence also holds the item before or after
    it marked so: "1) improving access ...; 2) capacity-building"."""
    marker = _ITEM_MARKER.match(sentence, match.start())
    if marker is None or match.group("qualifier") or match.end() != marker.end() - 1:
        return False
    number = int(marker.group(1))
    return any(re.search(rf"(?<![(\w]){n}\)", sentence) for n in (number - 1, number + 1) if n > 0)


def _opening_name(before: str, start: int, capitals: bool) -> bool:
    """A capitalised word opening the sentence, right before the number, names what it numbers ("Python
    3.11", "Article 5"), unless it is a word like "The" ("The 30 members")."""
    opening = re.fullmatch(r"([A-Z][\w’'-]*)\s+", before) if start == len(before) else None
    if opening is None or capitals:
        return False
    word = opening.group(1).lower()
    possessive = word.endswith(("’s", "'s"))  # "Kenya’s 2 million refugees": whose, not a name's number
    return not possessive and word not in _FUNCTION_WORDS and word not in _OPENING_WORDS


def mention_value(match: re.Match[str]) -> float:
    """The number a `MENTION` match stands for, scale applied; a share (a fraction, "half") in percent."""
    if match.group("fraction"):
        return _fraction(match.group("fraction").lower())
    if match.group("multiplier"):
        return float(_MULTIPLIER_VALUES[match.group("multiplier").lower()])
    if match.group("numeral"):
        number = float(match.group("numeral").replace(",", ""))
        if _negative(match):
            number = -number  # "rebounded to 3.2 per cent from -2.6 per cent"
    else:
        word = match.group("word").lower()
        if word == "half":
            # a share, in percent; with a scale, half of it: "half a billion"
            return 0.5 * scale_factor(match.group("scale")) if match.group("scale") else 50.0
        if word == "a":
            word = "one"  # "around a thousand"
        if "-" in word:
            tens, unit = word.split("-")
            number = float(WORD_VALUES[tens] + WORD_VALUES[unit])
        else:
            number = float(WORD_VALUES[word])
    if match.group("half"):
        number += 0.5
    return number * scale_factor(match.group("scale"))


def scale_factor(scale: str | None) -> float:
    """What a written scale multiplies by: "million" 1e6, "hundred thousand" 1e5, none 1."""
    factor = 1.0
    for word in (scale or "").lower().split():
        factor *= SCALES[word]
    return factor


def _fraction(written: str) -> float:
    """A fraction as a percentage: "two-thirds" is 66.7, "1/4" is 25."""
    if "/" in written:
        numerator, denominator = written.split("/")
        return round(100 * int(numerator) / int(denominator), 1)
    count, part = re.split(r"[-\s]", written)
    return round(100 * WORD_VALUES.get(count, 1) / _FRACTION_VALUES[part], 1)


def _names_a_body(match: re.Match[str], before: str) -> bool:
    """The `MENTION` match, after a capitalised noun and "of" (`before`), is part of a body's name: "the
    Group of 77", "the Group of Twenty" (a number word in capitals, "TWO", is typed so, not named), but not
    "a Rapid Reaction Force of 200 troops", which counts them."""
    if not _NAMED_GROUP_BEFORE.search(before):
        return False
    if word := match.group("word"):
        return word[0].isupper() and not word.isupper()
    return not _COUNTED_NOUN_AFTER.match(match.string[match.end() : match.end() + 12])


def is_label(match: re.Match[str]) -> bool:
    """A `MENTION` match that numbers what the word before it names ("resolution 181", "Article 19",
    "Session 79") or names a body ("the Group of 77", "the Group of Eight") rather than counting anything:
    the words around it that `_is_statistic` reads for a label or a body's name."""
    if match.group("qualifier") or match.group("percent") or match.group("currency"):
        return False
    start = match.start()
    return (
        _names_a_body(match, match.string[max(0, start - _WORD_BEFORE) : start])
        or _LABEL_WORD.search(match.string, max(0, start - _WORD_BEFORE), start) is not None
    )


def is_share(match: re.Match[str]) -> bool:
    """A `MENTION` match that is a share: a percentage, a fraction ("two-thirds") or "half"."""
    half = (match.group("word") or "").lower() == "half" and not match.group("scale")
    return bool(match.group("percent") or match.group("fraction") or half)


def _kind(match: re.Match[str], suffix: re.Match[str] | None) -> StatisticKind:
    if is_share(match) or (suffix is not None and suffix.group("range")):
        return "percent"
    if match.group("multiplier") or (suffix is not None and suffix.group("times")):
        return "multiple"
    if match.group("currency") or (suffix is not None and suffix.group("currency")):
        return "money"
    return "count"  # a rate ("13.2 per 100,000") counts too


def _comparison(sentence: str, end: int) -> str | None:
    """What a multiplier compares, in the source's words: "more likely to be killed"."""
    rest = sentence[end : end + _CONTEXT]
    words = _WORD.findall(rest[: _clause_end(rest)])[:_COMPARISON_WORDS]
    return _source_words(rest, words) if words else None


def _shared_in_lists(sentence: str, mentions: list[NumberMention], years: list[tuple[int, int]]) -> list[NumberMention]:
    """Numbers listed together ("120 and 150 people") count the same thing; with "respectively", the
    years listed in the same order ("In 2019 and 2020") are theirs one by one."""
    groups: list[list[int]] = []
    for i, mention in enumerate(mentions):
        between = sentence[mentions[i - 1].end : mention.start] if i else ""
        if i and _LIST_JOINER.fullmatch(between):
            groups[-1].append(i)
        else:
            groups.append([i])
    shared = list(mentions)
    listed_years = _listed_years(sentence, years)
    for group in groups:
        if len(group) < 2:
            continue
        counts = shared[group[-1]].counts
        respective = "respectively" in sentence and len(listed_years) == len(group)
        for place, i in enumerate(group):
            mention = shared[i]
            shared[i] = replace(
                mention,
                counts=mention.counts if place == len(group) - 1 else counts,
                year=listed_years[place] if respective else mention.year,
            )
    return shared


def _listed_years(sentence: str, years: list[tuple[int, int]]) -> list[int]:
    """The longest run of years listed together ("2019, 2020 and 2021"), in order."""
    best: list[int] = []
    run: list[tuple[int, int]] = []
    for position, year in years:
        if run and not _LIST_JOINER.fullmatch(sentence[run[-1][0] + 4 : position]):
            run = []
        run.append((position, year))
        if len(run) > len(best):
            best = [y for _, y in run]
    return best


def _what_it_counts(sentence: str, clauses: _Clauses, start: int, end: int, kind: StatisticKind) -> str | None:
    """The source's words for what is counted: the noun after the number, else the phrase before it."""
    rest = sentence[end : end + _CONTEXT]
    partitive = _PARTITIVE.match(rest)
    if partitive:  # "33 of the world's 48 least developed countries" counts what the 48 count
        rest = rest[partitive.end() :]
    words = _WORD.findall(rest[: _clause_end(rest)])
    if kind == "percent" and words[:1] == ["of"]:
        words = words[1:]
    phrase: list[str] = []
    for place, word in enumerate(words[:5]):
        lower = word.lower()
        # "least" or "most" before a word of its own is part of what is counted: "48 least developed countries"
        degree = (
            not phrase
            and word in _DEGREE_WORDS  # (not "(1) Most importantly, ...")
            and place + 1 < len(words)
            and words[place + 1].lower() not in _FUNCTION_WORDS
        )
        if (
            lower in _FUNCTION_WORDS
            and not degree
            and not (all(w.lower() in _DETERMINERS for w in phrase) and lower in _DETERMINERS)
        ):
            break
        phrase.append(word)
        # (a plural, not a word that only ends in "s": "serious", "status", "crisis", "process")
        plural = (
            word.endswith("s")
            and not word.endswith(("'s", "’s", "us", "ss"))
            and not (word.endswith("is") and len(word) > 4)
            and len(word) > 3
            and not word[0].isupper()
        )
        if lower in _PEOPLE_NOUNS or plural:
            break
    while phrase and phrase[-1].lower() in _FUNCTION_WORDS:
        phrase.pop()
    if phrase and kind != "money":
        return _source_words(rest, phrase)
    return clauses.phrase_before(start)


def _clause_end(text: str) -> int:
    boundary = _CLAUSE_BOUNDARY.search(text)
    return boundary.start() if boundary else len(text)


def _source_words(text: str, words: list[str]) -> str:
    """The words as they stand in the source (with the punctuation between them), first to last."""
    matches = list(_WORD.finditer(text))
    tokens = [m.group(0) for m in matches]
    for i in range(len(tokens) - len(words) + 1):
        if tokens[i : i + len(words)] == words:
            return " ".join(text[matches[i].start() : matches[i + len(words) - 1].end()].split())
    return " ".join(words)


class _Clauses:
    """Where a sentence's words, clause boundaries and relative clauses are, found once for all its numbers.

    The phrase before a number is the last words of its clause, the relative clause cut off
    ("the people who fled, 40" -> "the people"). Looking those up by position keeps each number's work
    small however long the sentence, where scanning the text before every number grew with its square."""

    def __init__(self, sentence: str) -> None:
        self._sentence = sentence
        self._built = False

    def _build(self) -> None:
        sentence = self._sentence
        tokens = list(_WORD.finditer(sentence))
        self._token_starts = [m.start() for m in tokens]
        self._token_ends = [m.end() for m in tokens]
        self._tokens = [m.group(0) for m in tokens]
        self._boundary_ends = [m.end() for m in _CLAUSE_BOUNDARY.finditer(sentence)]
        self._stops = [m.start() for m in _RELATIVE_STOP.finditer(sentence)]
        self._relatives = [(m.start(), m.end()) for m in _RELATIVE_WORD.finditer(sentence)]
        self._built = True

    def phrase_before(self, start: int) -> str | None:
        """What `_RELATIVE`, `_CLAUSE_BOUNDARY` and `_WORD` give on `sentence[:start]`, by position."""
        if not self._built:
            self._build()
        end = len(self._sentence[:start].rstrip(" ([—–"))
        # A relative clause runs from its "which/that/who/whose" to the end with no , ; : ( ) inside it.
        k = bisect.bisect_left(self._stops, end)
        last_stop = self._stops[k - 1] if k else -1
        i = bisect.bisect_right(self._relatives, (last_stop, len(self._sentence)))
        if i < len(self._relatives) and self._relatives[i][1] <= end:
            end = self._relatives[i][0]
        j = bisect.bisect_right(self._boundary_ends, end)
        cut = self._boundary_ends[j - 1] if j else 0
        first = bisect.bisect_left(self._token_starts, cut)
        last = bisect.bisect_left(self._token_starts, end)
        tokens = self._tokens[first:last]
        if tokens and self._token_ends[last - 1] > end:  # a word running on into the number: its part before
            tokens[-1] = self._sentence[self._token_starts[last - 1] : end]
        words = tokens[-6:]
        while words and words[0].lower() in _FUNCTION_WORDS:
            words = words[1:]
        while words and words[-1].lower() in _FUNCTION_WORDS:
            words = words[:-1]
        if not words:
            return None
        for k in range(len(tokens) - len(words) + 1):  # the first place these words stand, as `_source_words`
            if tokens[k : k + len(words)] == words:
                span_end = min(self._token_ends[first + k + len(words) - 1], end)
                return " ".join(self._sentence[self._token_starts[first + k] : span_end].split())
        return " ".join(words)


def _nearest_year(years: list[tuple[int, int]], position: int) -> int | None:
    """The year mentioned closest to `position` (the earlier year on a tie); `years` sorted by position."""
    i = bisect.bisect_left(years, (position, 0))
    near = [(abs(p - position), year) for p, year in years[max(0, i - 1) : i + 1]]
    return min(near)[1] if near else None


def gives_a_date(sentence: str) -> bool:
    return _DATE.search(sentence) is not None
