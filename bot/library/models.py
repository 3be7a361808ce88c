"""What the library commands answer, as pydantic models the cogs and the command line render."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from bot.content.models import SourceSummary

Action = Literal["added", "already added", "corrected", "removed"]


class LibraryChange(BaseModel):
    """What `/source add`, `edit` or `remove` did to a server's own library."""

    action: Action
    source: SourceSummary
    documents: int = Field(description="The server's own sources after the change.")
    megabytes: float = Field(description="Their total size, in MiB.")
    seconds: float = Field(description="How long the change took.")


class ServerLibrary(BaseModel):
    """A server's own sources, what it may still add, and whether it draws on the shared library too."""

    server: int
    shared: bool = Field(description="Whether the server's answers draw on the shared library as well.")
    librarian: int | None = Field(default=None, description="The role that may change the library, if set.")
    shared_documents: int
    sources: list[SourceSummary]
    megabytes: float
    max_documents: int
    max_megabytes: float
