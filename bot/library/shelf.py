"""A server's own source files on disk: kept under the data folder, one copy per content, within quotas.

`<data>/library/<server id>/files/` holds each file as `<name>-<hash>.<suffix>`, the hash the first
characters of its SHA-256, so the same file added twice is found by name alone; beside it, the sidecar
(`.meta.yaml`) with what the moderator said of it. The folder reads like any sources folder
(`sources.list_sources`).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.models import SourceMeta
from bot.content.readers.formats import SUFFIXES
from bot.content.sources import SourceFile, SourceListing, list_sources
from bot.errors import InputError

_CHOICES = "settings.json"
_HASH_CHARS = 12
_NAME_CHARS = 48
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class ServerChoices(BaseModel):
    """What a server's moderators chose for its library (`settings.json` in its folder)."""

    shared: bool = True  # answers draw on the shared library as well as the server's own sources
    librarian: int | None = None  # a role whose members may change the library, besides Manage Server


@dataclass(frozen=True, slots=True)
class Usage:
    documents: int
    bytes: int


class Shelf:
    """One server's files."""

    def __init__(self, root: Path, server: int) -> None:
        self.server = server
        self.folder = root / str(server)
        self.files = self.folder / "files"

    @property
    def choices(self) -> ServerChoices:
        try:
            return ServerChoices.model_validate_json((self.folder / _CHOICES).read_bytes())
        except (OSError, ValidationError):
            return ServerChoices()  # never set (or unreadable): the defaults

    def choose(self, **changes: object) -> ServerChoices:
        chosen = self.choices.model_copy(update=changes)
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.folder / _CHOICES, chosen.model_dump_json().encode())
        return chosen

    def listing(self) -> SourceListing:
        return list_sources(self.files) if self.files.is_dir() else SourceListing([], [])

    def usage(self) -> Usage:
        sources = self.listing().files
        return Usage(len(sources), sum(source.path.stat().st_size for source in sources))

    def own(self, key: str) -> SourceFile:
        """The server's source with this key; `InputError` if it added none."""
        found = next((source for source in self.listing().files if source.key == key), None)
        if found is None:
            raise InputError(f"This server added no source called '{key}'.", "List them with `source list`.")
        return found

    def holding(self, data: bytes) -> SourceFile | None:
        """The file already kept with these bytes, if any."""
        digest = _digest(data)
        return next((s for s in self.listing().files if s.key.endswith(f"-{digest}")), None)

    def keep(self, filename: str, data: bytes, meta: SourceMeta) -> SourceFile:
        """Write the file (and its sidecar) under a name made from `filename` and its hash; written beside
        and renamed, so a crash never leaves half a file that a restart would read."""
        suffix = Path(filename).suffix.lower()
        if suffix not in SUFFIXES:
            raise InputError(
                f"{filename}: not a format studybot reads", hint=f"Send one of: {', '.join(sorted(SUFFIXES))}."
            )
        key = f"{_safe_stem(filename)}-{_digest(data)}"
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / f"{key}{suffix}"
        source = SourceFile(path, key, path.name)
        self.describe(source, meta)
        _write_atomically(path, data)
        return source

    def describe(self, source: SourceFile, meta: SourceMeta) -> None:
        """Write what is said of the source in its sidecar (none when nothing is)."""
        fields = meta.model_dump(mode="json", exclude_none=True)
        if fields:
            _write_atomically(source.sidecar, yaml.safe_dump(fields).encode())
        else:
            source.sidecar.unlink(missing_ok=True)

    def discard(self, source: SourceFile) -> None:
        for path in (source.path, source.sidecar):
            path.unlink(missing_ok=True)


def source_meta(title: str | None, author: str | None, published: str | None, url: str | None = None) -> SourceMeta:
    """What a moderator said of a source (and the link it came from); `InputError` names the option that
    cannot be used."""
    given = {"title": title, "author": author, "published": published, "url": url}
    try:
        return SourceMeta.model_validate({k: v.strip() for k, v in given.items() if v and v.strip()})
    except ValidationError as error:
        field = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise InputError(f"{field}: {error.errors()[0]['msg']}", "Dates are written YYYY-MM-DD.") from error


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:_HASH_CHARS]


def _safe_stem(filename: str) -> str:
    """The file's name as a key can show it: letters, digits, dots, dashes and underscores, never a path."""
    stem = Path(Path(filename).name).stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_stem).strip(".-_")[:_NAME_CHARS].rstrip(".-_")
    return cleaned or "source"


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.rename(path)
