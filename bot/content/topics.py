"""Topics: the curated list from `config/topics.yaml`, and names the corpus itself keeps coming back to."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.yaml_files import read_yaml

_SLUG = re.compile(r"[^a-z0-9]+")
# Runs of capitalised words, allowing "of", "the", "for" inside: "Commission of Inquiry".
# Words are bounded (40 characters): a run like "A.B.A.B…" offers a start at every letter, and an unbounded
# word would rescan the whole run from each, in time growing with the square of its length.
_NAME = re.compile(
    r"\b[A-Z][\w’'.-]{0,40}[A-Za-z0-9](?:\s+(?:(?:of|the|for)\s+)*[A-Z][\w’'.-]{0,40}[A-Za-z0-9])+"
    r"|\b[A-Z]{3,6}(?:-\d+)?\b"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|In|On|For|As|By|While|If|This|That|Its|Their|Similarly|However)\s+")
_POSSESSIVE = re.compile(r"[’']s$")


class Topic(BaseModel):
    """A subject the group studies; a question about any of its keywords or aliases is about it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    name: str = Field(min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=300)
    keywords: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    origin: Literal["curated", "corpus"] = "curated"

    @field_validator("keywords", "aliases")
    @classmethod
    def _no_blank_terms(cls, terms: list[str]) -> list[str]:
        if any(not t.strip() for t in terms):
            raise ValueError("terms must not be blank")
        return [t.strip() for t in terms]

    @property
    def phrases(self) -> list[str]:
        return [self.name, *self.keywords, *self.aliases]


class TopicFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topics: list[Topic]

    @field_validator("topics")
    @classmethod
    def _unique_ids(cls, topics: list[Topic]) -> list[Topic]:
        seen: set[str] = set()
        for topic in topics:
            if topic.id in seen:
                raise ValueError(f"topic id '{topic.id}' appears twice")
            seen.add(topic.id)
        return topics


def load_topics(path: Path) -> list[Topic]:
    return read_yaml(path, TopicFile).topics


def slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-")


def names_in(sentence: str) -> set[str]:
    """Proper names a sentence mentions ("North Korea", "World Food Programme", "ICC")."""
    found: set[str] = set()
    for match in _NAME.finditer(sentence):
        name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", match.group(0)))
        if len(name) > 2 and not name.endswith(".") and (" " in name or name[:3].isupper()):
            found.add(name)
    return found


def discover_topics(name_counts: Counter[str], curated: Iterable[Topic], *, limit: int = 8) -> list[Topic]:
    """The names mentioned most often that no curated topic already covers."""
    covered = {p.casefold() for topic in curated for p in topic.phrases}
    taken: set[str] = set()
    found: list[Topic] = []
    for name, count in name_counts.most_common():
        if count < 3 or len(found) >= limit:
            break
        folded = name.casefold()
        if folded in covered or any(folded in c or c in folded for c in taken):
            continue
        taken.add(folded)
        found.append(
            Topic(
                id=slug(name) or f"topic-{len(found) + 1}",
                name=name,
                description=f"Mentioned in {count} sentences of the sources.",
                keywords=[name],
                origin="corpus",
            )
        )
    return found
