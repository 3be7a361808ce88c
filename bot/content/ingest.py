"""Turn one source file into what the index stores: body sentences with their citations and statistics.

Runs in worker processes while a large corpus builds, so it returns plain dataclasses that pickle fast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.content.citations import Citation, CitationLinker
from bot.content.layout import Role, classify
from bot.content.models import SourceMeta
from bot.content.references import ParsedReference, parse_reference
from bot.content.segmentation import paragraph_spans, split_sentences
from bot.content.sources import SourceError, SourceFile, read_sidecar, read_text
from bot.content.statistics import NumberMention, find_statistics
from bot.content.topics import names_in


@dataclass(slots=True)
class IngestedSentence:
    text: str
    paragraph: int
    citations: list[Citation] = field(default_factory=list)
    statistics: list[NumberMention] = field(default_factory=list)


@dataclass(slots=True)
class IngestedDocument:
    key: str
    relative: str
    meta: SourceMeta
    byline: str | None
    sentences: list[IngestedSentence]
    references: list[ParsedReference]
    names: Counter[str]
    warnings: list[str]


def ingest_text(source: SourceFile, text: str, meta: SourceMeta) -> IngestedDocument:
    paragraphs = paragraph_spans(text, markdown=source.is_markdown)
    layout = classify(text, paragraphs)
    references = [r for r in (parse_reference(text[s.start : s.end]) for s in layout.of_role(Role.REFERENCE)) if r]
    linker = CitationLinker(references)
    sentences: list[IngestedSentence] = []
    for number, block in enumerate(layout.blocks):
        if block.role is not Role.BODY:
            continue
        for sentence in split_sentences(text[block.span.start : block.span.end]):
            sentences.append(
                IngestedSentence(
                    text=sentence,
                    paragraph=number,
                    citations=linker.find(sentence) if references or "(" in sentence else [],
                    statistics=find_statistics(sentence),
                )
            )
    names = Counter(name for sentence in sentences for name in names_in(sentence.text))
    return IngestedDocument(source.key, source.relative, meta, layout.author, sentences, references, names, [])


def ingest_file(source: SourceFile) -> IngestedDocument | str:
    """The document, or a warning naming the file when it cannot be used at all."""
    warnings: list[str] = []
    try:
        meta = read_sidecar(source)
    except SourceError as error:
        warnings.append(f"{error} (loaded without its sidecar)")
        meta = SourceMeta()
    try:
        text = read_text(source)
    except SourceError as error:
        return str(error)
    document = ingest_text(source, text, meta)
    if not document.sentences:
        return f"{source.relative}: no body text found"
    document.warnings.extend(warnings)
    return document
