"""Cut a document's text into paragraphs (spans of the text) and sentences (the paragraph's own words).

Sentences are cut from the whitespace-normalised paragraph and, joined with spaces, give it back word
for word, so every sentence served later is the source's own words by construction. Boundaries come
from Bling Fire, a compiled, model-based splitter that already copes with abbreviations ("U.S.",
"U.N."), decimals ("4.77 million"), currency and quotations.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import blingfire

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n")
# A note marker may follow the full stop: "... based on Hansen (1997).¹", "... in 2020.[4]"
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]*]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\d{1,3}\])?$")
# Share of line breaks that fall mid-sentence above which a text is taken to be hard-wrapped.
_WRAPPED_SHARE = 0.2
_WHITESPACE = re.compile(r"\s+")
_NUMBERED_ITEM = re.compile(r"\d{1,3}[.)]\s")
# A note's number after a sentence's end: "... from conflict to unity.”18".
_NOTE_AFTER_END = re.compile(r"[.!?…][\"'”’)\]]*\d{1,3}$")
# A line of fewer words that ends no sentence may be a stray line set between a sentence's two halves.
_STRAY_LINE_WORDS = 5
# Words a line left open before a blank line must hold to be taken for a sentence a page broke, rather
# than a heading or a salutation.
_PROSE_WORDS = 8
# How much of a paragraph's end is read to tell whether it left a sentence of prose open.
_TAIL_CHARS = 400
# A float's caption: "Figure 5: Conditional mosaic plot ...", "Table 2. Detailed age ...".
CAPTION = re.compile(r"^(?:Figure|Fig\.|Table|Exhibit|Chart)\s+\d+[.:]\s+\S")
# A line that stops on a word no sentence or heading ends with ("... unveiled by", "a country that is")
# goes on in the next, even in a text whose lines are otherwise paragraphs.
LEFT_OPEN = re.compile(
    r"\b(?:the|a|an|of|by|to|for|with|from|in|on|at|and|or|but|that|which|who|whose|its|their|our|his|her"
    r"|between|into|through|during|against|under|without|within|than|because|is|are|was|were|has|have|had)$"
)
# A citation or closing quote that a splitter may leave at the head of the next sentence belongs to
# the sentence before it: "... camps. (United Nations, 2014)" or "... cards.”".
# So does the rest of a sentence that opens on a comma or semicolon: the splitter took an ellipsis for
# an end ("hypotheses H₁, . . . | , Hₖ individually").
_LEADING_TAIL = re.compile(r"^(?:\([^()]{1,120}\)[.;]?|[”’\"')\]]+)(?=\s|$)|^[,;].*$")
# A note marker after a sentence's full stop ("June.¹ Its", "held.[3] The") hides the boundary from the
# splitter; the sentence ends after the marker.
_MARKED_END = re.compile(r"[.!?][”’\"')\]]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹˒⁻]+|\[\d{1,3}(?:[,–-]\s?\d{1,3})*\])\s+(?=[A-Z“\"‘(])")
# A sentence may open on a numeral ("... sea-level rise. 42 communities ..."), which the splitter joins
# to the sentence before. The word before the full stop tells an end from an abbreviation that takes a
# number ("p. 12", "No. 5", "Jan. 15", "approx. 40", "Hothorn et al. 2006").
_NUMERAL_OPENING = re.compile(r"\b([A-Za-z][a-z]+)[.!?][”’\"')\]]*\s+(?=\d[\d,.]*%?\s+[A-Za-z])")
_TAKES_A_NUMBER = frozenset(
    """
    pp no nos fig figs vol vols art arts sec secs para paras ch chap eq eqs ed eds nn op cf vs approx ca
    est tab ref refs note notes col cols ll lit app jan feb mar apr jun jul aug sep sept oct nov dec pt
    pts st nr av ex al
    """.split()
)


# A title before a name, which the splitter may cut off as a sentence of its own ("country. Mr. |
# Magufuli is standing ..."): it joins the words after it.
_HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|Gen|Col|Capt|Lt|Sgt|Rev|Hon|Messrs|Mme|Mlle|H\.E|St)\.\s?){1,2}$"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def normalise_whitespace(text: str) -> str:
    """Collapse runs of whitespace; quotes are compared with the document in this form."""
    return _WHITESPACE.sub(" ", text).strip()


def ends_sentence(line: str) -> bool:
    return SENTENCE_END.search(line) is not None


def paragraph_spans(text: str, *, markdown: bool = False) -> list[Span]:
    """Paragraphs as spans of `text`.

    Markdown soft-wraps, so its paragraphs are blank-line blocks. In plain text a line is a paragraph,
    unless the text is hard-wrapped (many lines break mid-sentence, the next line going on in lower
    case); then lines are joined until one ends a sentence. Either way a line left open on a word no
    sentence ends with joins the next, when that one ends the sentence, and so does one left open before
    a line in lower case, or before a blank line where a page broke a sentence of prose.
    """
    if markdown:
        return _blocks(text, _BLANK_LINE)
    lines = _blocks(text, _LINE_BREAK)
    breaks = [(a, b) for a, b in itertools.pairwise(lines) if text.count("\n", a.end, b.start) == 1]
    continued = sum(1 for a, b in breaks if not ends_sentence(text[a.start : a.end]) and _goes_on(text, a, b))
    wrapped = bool(breaks) and continued / len(breaks) >= _WRAPPED_SHARE
    joined: list[Span] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is not None and _goes_on_in(text, previous, line, wrapped=wrapped):
            joined[-1] = Span(previous.start, line.end)
        else:
            joined.append(line)
    return joined


def _goes_on_in(text: str, previous: Span, line: Span, *, wrapped: bool) -> bool:
    """Whether `line` goes on with the sentence `previous` (a paragraph so far) left open."""
    # The paragraph's last words decide; reading it whole for every line would cost its length squared.
    before = text[max(previous.start, previous.end - _TAIL_CHARS) : previous.end]
    if ends_sentence(before) or not any(c.isalpha() for c in before):
        return False  # a finished sentence, or a page number standing alone
    opening = text[line.start]
    words = before.split()
    if text.count("\n", previous.end, line.start) == 1:  # no blank line between
        following = text[line.start : line.end]
        return (
            wrapped
            or _left_open(text, previous, line)
            or opening.islower()
            or (_prose(words) and _unfinished(before, following))
        )
    # A blank line where the page of the document the text was taken from broke: the words after it
    # finish the sentence ("... the mantra contained in the" / "Charter of the United Nations, ...").
    # A salutation, a heading in capitals or title case before a blank line stands alone.
    if len(words) < _PROSE_WORDS:
        return False
    if opening.islower():
        return True
    # a capital or a figure goes on a sentence of prose ("... including approximately" / "40 in my own
    # country"), unless the line is a numbered item ("2. Security")
    words_go_on = opening.isupper() or (opening.isdigit() and not _NUMBERED_ITEM.match(text, line.start))
    return words_go_on and _prose(words) and not before.endswith(",")


def _prose(words: list[str]) -> bool:
    """Words of a sentence of prose: enough of them, most in lower case."""
    return len(words) >= _PROSE_WORDS and 2 * sum(1 for word in words if word[:1].islower()) > len(words)


def _unfinished(before: str, line: str) -> bool:
    """After a sentence of prose (`before`, its paragraph's end) stopped on a word, a number or a comma
    (not on a bracket, nor on a note's number after a full stop: "... to unity.”18"), the next `line` goes
    on with it when it is words ("... to her predecessor," / "His Excellency ...", "... High-level" /
    "Dialogue on ..."), not a document number ("21-00394") nor a stray line set between ("Check against
    delivery")."""
    opening = line[0]
    if not (before[-1].isalnum() or before[-1] == ",") or _NOTE_AFTER_END.search(before):
        return False
    words = opening.isalpha() or opening in "“‘\"'("
    return words and (ends_sentence(line) or len(line.split()) >= _STRAY_LINE_WORDS)


def _left_open(text: str, line: Span, following: Span) -> bool:
    """A line stopped on a word no sentence ends with, and the next one finishes the sentence: "...
    unveiled by" / "President Yoon ... a vision." (not a stray line set between them: "Check against
    delivery")."""
    return LEFT_OPEN.search(text, line.start, line.end) is not None and ends_sentence(
        text[following.start : following.end]
    )


def _goes_on(text: str, line: Span, following: Span) -> bool:
    """The next line carries on the sentence: it starts in lower case or with a number ("a country that
    is" / "83,000 square miles"), or both are typed in capitals."""
    start = text[following.start]
    if start.islower() or start.isdigit():
        return True
    both = _in_capitals(text[line.start : line.end]) and _in_capitals(text[following.start : following.end])
    return start.isupper() and both


def _in_capitals(line: str) -> bool:
    return not any(c.islower() for c in line) and sum(c.isupper() for c in line) >= 3


def _blocks(text: str, separator: re.Pattern[str]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in separator.finditer(text):
        _append_trimmed(text, start, match.start(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, whitespace normalised; joined with spaces they give it back."""
    return split_normalised(normalise_whitespace(paragraph))


def split_normalised(text: str) -> list[str]:
    """`split_sentences` of a paragraph already in normal form (`normalise_whitespace`)."""
    pieces = [p.strip() for p in blingfire.text_to_sentences(text).split("\n") if p.strip()]
    sentences: list[str] = []
    cursor = 0
    for piece in pieces:
        start = text.find(piece, cursor)
        if start < 0:
            continue  # the splitter altered this piece; the words go to a neighbour below
        if text[cursor:start].strip():
            _extend_last(sentences, text[cursor:start].strip())
        sentences.append(piece)
        cursor = start + len(piece)
    if text[cursor:].strip():
        _extend_last(sentences, text[cursor:].strip())
    return [part for sentence in _reattach_tails(sentences) for part in _split_missed_ends(sentence)]


def _split_missed_ends(sentence: str) -> list[str]:
    """Cut where the splitter missed an end: after a note marker, and before a numeral opening a sentence."""
    ends = [m.end() for m in _MARKED_END.finditer(sentence)]
    ends += [m.end() for m in _NUMERAL_OPENING.finditer(sentence) if m.group(1).lower() not in _TAKES_A_NUMBER]
    if not ends:
        return [sentence]
    parts: list[str] = []
    start = 0
    for end in sorted(set(ends)):
        parts.append(sentence[start:end].strip())
        start = end
    parts.append(sentence[start:].strip())
    return [p for p in parts if p]


def _extend_last(sentences: list[str], words: str) -> None:
    if sentences:
        sentences[-1] = f"{sentences[-1]} {words}"
    else:
        sentences.append(words)


def _reattach_tails(sentences: list[str]) -> list[str]:
    merged: list[str] = []
    for sentence in sentences:
        if merged and _HONORIFIC.match(merged[-1]):
            merged[-1] = f"{merged[-1]} {sentence}"  # "Mr." left alone by the splitter: the name follows
            continue
        tail = _LEADING_TAIL.match(sentence)
        if merged and tail:
            merged[-1] = f"{merged[-1]} {sentence[: tail.end()]}"
            rest = sentence[tail.end() :].strip()
            if rest:
                merged.append(rest)
            continue
        merged.append(sentence)
    return merged
