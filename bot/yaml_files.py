"""Read a YAML file into a pydantic model, with one wording for every way it can fail.

The bot's settings, the group's topic list and each source's sidecar are all YAML a person wrote: a
mistake in any of them names the file and the field, the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.errors import ConfigError

Model = TypeVar("Model", bound=BaseModel)


def read_yaml(path: Path, model: type[Model], *, name: str | None = None) -> Model:
    """`path` validated as `model`; an empty file is an empty mapping. Raises `ConfigError` naming the file
    (as `name`, when given) and each field at fault."""
    shown = name or str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{shown}: cannot be read ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise ConfigError(f"{shown}: not UTF-8 text (byte {error.start})") from error
    except yaml.YAMLError as error:
        raise ConfigError(f"{shown}: not valid YAML ({error})") from error
    try:
        return model.model_validate({} if raw is None else raw)
    except ValidationError as error:
        raise ConfigError.from_validation(shown, error) from error
