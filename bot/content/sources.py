"""Find the source files in a folder and read their sidecars (`NAME.meta.yaml`)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from bot.content.models import SourceMeta
from bot.content.readers.formats import FORMAT_ERRORS, SUFFIXES, is_binary_format, read_format
from bot.content.readers.text import PageProgress, SourceText
from bot.errors import ConfigError
from bot.yaml_files import read_yaml

SIDECAR_SUFFIX = ".meta.yaml"
INDEX_DIRNAME = ".studybot-index"
# Far above any report a study group reads (the UN corpus's longest speech is under 1 MB); a bigger file is
# almost surely a dump or a mistake, and reading it would hold the whole build's memory hostage.
MAX_SOURCE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    key: str
    relative: str

    @property
    def sidecar(self) -> Path:
        return self.path.with_name(self.path.stem + SIDECAR_SUFFIX)


@dataclass(frozen=True, slots=True)
class SourceListing:
    files: list[SourceFile]
    skipped: list[str]


def list_sources(folder: Path) -> SourceListing:
    """Files of a readable format under `folder`; anything else is named in `skipped`."""
    files: list[SourceFile] = []
    skipped: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root, name)
            relative = path.relative_to(folder).as_posix()
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX) or name.lower() == "readme.md":
                continue
            if path.suffix.lower() in SUFFIXES:
                problem = _file_problem(path)
                if problem:
                    skipped.append(f"{relative}: {problem}")
                    continue
                key = relative.rsplit(".", 1)[0]
                files.append(SourceFile(path, key, relative))
            else:
                formats = ", ".join(sorted(SUFFIXES))
                skipped.append(f"{relative}: not a format studybot reads ({formats})")
    return SourceListing(files, skipped)


def _file_problem(path: Path) -> str | None:
    """Why a file is not read: a link (it could lead out of the sources folder), not a plain file (a pipe
    or a device would block the build, or never end), or too big."""
    try:
        info = path.lstat()
    except OSError:
        return None  # reading it later names the problem
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link, not followed (copy the file into the sources folder instead)"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, socket or device), not read"
    if info.st_size > MAX_SOURCE_BYTES:
        return f"too large to load ({info.st_size / 2**20:,.0f} MiB; the limit is {MAX_SOURCE_BYTES // 2**20} MiB)"
    return None


def fingerprint(folder: Path, listing: SourceListing) -> str:
    """Changes when any source or sidecar is added, removed, or touched."""
    digest = hashlib.sha256()
    for source in listing.files:
        for path in (source.path, source.sidecar):
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    digest.update("\n".join(listing.skipped).encode())
    return digest.hexdigest()


class SourceError(ValueError):
    """A source file or its sidecar that cannot be used, with the file (and field) named."""


def read_sidecar(source: SourceFile) -> SourceMeta:
    if not source.sidecar.exists():
        return SourceMeta()
    try:
        return read_yaml(source.sidecar, SourceMeta, name=source.sidecar.name)
    except ConfigError as error:
        raise SourceError(error.message) from error


def read_source(source: SourceFile, progress: PageProgress | None = None) -> SourceText:
    """The text a reader of the file sees; `SourceError` names the file and what is wrong with it."""
    try:
        data = _read_regular_file(source.path)
    except OSError as error:
        raise SourceError(f"{source.relative}: cannot be read ({error.strerror})") from error
    suffix = source.path.suffix
    try:
        if is_binary_format(suffix):
            if not data:
                raise SourceError(f"{source.relative}: empty")
            return read_format(suffix, data, progress)
        return read_format(suffix, _decode(source, data))
    except FORMAT_ERRORS as error:
        raise SourceError(f"{source.relative}: {error}") from error


def _decode(source: SourceFile, data: bytes) -> str:
    if b"\0" in data[:8192]:
        raise SourceError(f"{source.relative}: looks binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"{source.relative}: not UTF-8 text (byte {error.start})") from error
    if not text.strip():
        raise SourceError(f"{source.relative}: empty")
    return text


def _read_regular_file(path: Path) -> bytes:
    """The bytes of `path` if it is still a plain file when opened: a file swapped for a link or a pipe
    after the folder was listed is refused, never followed or waited on."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(0, "not a regular file")
        return handle.read()
