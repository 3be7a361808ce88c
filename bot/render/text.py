"""Render the engine's answers as readable terminal text (the CLI's default output)."""

from __future__ import annotations

import textwrap

from pydantic import BaseModel

from bot.content.models import (
    OPTION_LETTERS,
    CiteAnswer,
    DocumentInfo,
    FactAnswer,
    Passage,
    QuizAnswer,
    ReferenceInfo,
    SearchAnswer,
    SourcesAnswer,
    SourceSummary,
    StatsAnswer,
    SummaryAnswer,
    TopicsAnswer,
)
from bot.library.models import LibraryChange, ServerLibrary
from bot.render import Placed, plural
from bot.render.understood import understood
from bot.render.verdicts import relation_label, verdict_line, verdict_title

_WIDTH = 100


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _source(
    document: DocumentInfo, reference: ReferenceInfo | None, page: int | None = None, section: str | None = None
) -> str:
    parts = [f"“{document.title}”" if not document.title_is_opening else f"{document.id} ({document.title})"]
    if document.author:
        parts.append(document.author)
    if document.published:
        parts.append(document.published.isoformat())
    if section is not None:
        parts.append(section)
    if page is not None:
        parts.append(f"p. {page}")
    indent = "   "
    lines = [_wrap("— " + ", ".join(parts), indent)]
    if reference:
        lines.append(_wrap(f"Reference: {reference.text}", indent))
    return "\n".join(lines)


def _placed(place: Placed) -> str:
    return _source(place.document, place.reference, place.page, place.section)


def render_topics(answer: TopicsAnswer) -> str:
    lines = ["Topics (curated, then found in the sources):"]
    for t in answer.topics:
        lines.append(f"  {t.id:<24} {t.name} — {plural(t.passages, 'passage')} in {plural(t.documents, 'document')}")
    return "\n".join(lines)


def _quoted_list(heading: str, passages: list[Passage]) -> str:
    lines = [heading]
    for i, passage in enumerate(passages, 1):
        lines += [
            "",
            _wrap(f"{i}. “{passage.text}”", ""),
            _placed(passage),
        ]
    return "\n".join(lines)


def render_search(answer: SearchAnswer) -> str:
    return _quoted_list(f"Results for “{answer.query}”:", answer.results)


def render_stats(answer: StatsAnswer) -> str:
    lines = [f"Statistics{' about ' + answer.topic if answer.topic else ''}:"]
    for i, s in enumerate(answer.stats, 1):
        what = f" — {s.counts}" if s.counts else ""
        year = f" ({s.year})" if s.year else ""
        lines += [
            "",
            f"{i}. {s.value}{what}{year}",
            _wrap(f"“{s.quote}”"),
            _placed(s),
        ]
    return "\n".join(lines)


def render_summary(answer: SummaryAnswer) -> str:
    lines = [f"Summary: {answer.topic}"]
    _, notes = answer.numbered_references()
    groups = answer.by_document()
    for document, texts in groups:
        lines += ["", textwrap.fill(f"{document.name}: {' '.join(texts)}", _WIDTH)]
    lines += ["", "Sources:", *(_source(document, None) for document in dict((d.id, d) for d, _ in groups).values())]
    lines += [f"[{i}] {note.text}" for i, note in enumerate(notes, 1)]
    return "\n".join(lines)


def render_cite(answer: CiteAnswer) -> str:
    lines = [f"{verdict_title(answer)}: “{answer.claim}”", verdict_line(answer)]
    for i, match in enumerate(answer.matches, 1):
        lines += [
            "",
            _wrap(f"{i}. {relation_label(match)}: “{match.text}”", ""),
            _placed(match),
        ]
    return "\n".join(lines)


def render_quiz(answer: QuizAnswer) -> str:
    lines = [f"Quiz{' on ' + answer.topic if answer.topic else ''} (seed {answer.seed}):"]
    for i, q in enumerate(answer.questions, 1):
        lines.append("")
        if q.context:
            lines.append(_wrap(f"Q{i}. The source, just before: “{q.context}”", ""))
        lines += [_wrap(line, "") for line in f"{'    ' if q.context else f'Q{i}. '}{q.prompt}".split("\n")]
        lines += [f"   {OPTION_LETTERS[j]}) {option}" for j, option in enumerate(q.options)]
        lines.append(f"   Answer: {OPTION_LETTERS[q.answer]}) {q.options[q.answer]} — {q.explanation}")
        lines.append(_wrap(f"Quote: “{q.quote}”"))
        lines.append(_placed(q))
    return "\n".join(lines)


def render_fact(answer: FactAnswer) -> str:
    fact = answer.fact
    head = f"Fact (seed {answer.seed})" + (f": {fact.statistic}" if fact.statistic else "")
    return "\n".join([head, _wrap(f"“{fact.quote}”"), _placed(fact)])


def _source_lines(s: SourceSummary) -> list[str]:
    d = s.document
    lines = [f"{d.id}  ({d.path})", _wrap(f"Title: {d.title}" + (" [opening words]" if d.title_is_opening else ""))]
    if d.author:
        lines.append(_wrap(f"Author: {d.author}"))
    lines += [_wrap(line) for line in understood(s)]
    lines += [_wrap(f"- {r.text}", "     ") for r in s.references]
    return lines


def render_sources(answer: SourcesAnswer) -> str:
    lines = [f"{len(answer.sources)} sources:"]
    for s in answer.sources:
        lines += ["", *_source_lines(s)]
    if answer.skipped:
        lines += ["", "Not loaded:"] + [f"  {problem}" for problem in answer.skipped]
    return "\n".join(lines)


def render_library_change(answer: LibraryChange) -> str:
    head = {"added": "Added", "already added": "Already added", "corrected": "Corrected", "removed": "Removed"}[
        answer.action
    ]
    return "\n".join(
        [
            f"{head} in {answer.seconds:.1f} s:",
            *_source_lines(answer.source),
            f"This server's own sources: {answer.documents} ({answer.megabytes:g} MiB)",
        ]
    )


def render_server_library(answer: ServerLibrary) -> str:
    shared = f"the shared library ({plural(answer.shared_documents, 'document')}) and " if answer.shared else ""
    lines = [
        f"Server {answer.server} draws on {shared}{plural(len(answer.sources), 'source')} of its own "
        f"({answer.megabytes:g} of {answer.max_megabytes:g} MiB, {len(answer.sources)} of {answer.max_documents}):"
    ]
    for s in answer.sources:
        lines += ["", *_source_lines(s)]
    return "\n".join(lines)


RENDERERS = {
    TopicsAnswer: render_topics,
    SearchAnswer: render_search,
    StatsAnswer: render_stats,
    SummaryAnswer: render_summary,
    CiteAnswer: render_cite,
    QuizAnswer: render_quiz,
    FactAnswer: render_fact,
    SourcesAnswer: render_sources,
    LibraryChange: render_library_change,
    ServerLibrary: render_server_library,
}


def render(answer: BaseModel) -> str:
    return RENDERERS[type(answer)](answer)
