"""Request bodies and query strings checked against Discord's own OpenAPI spec (vendored in `spec/`).

Every per-field limit the sandbox enforces on a request (4,096 characters of embed description, 25
fields, 5 buttons to a row, 100-character custom ids, history `limit` 1-100, ...) is the spec's
number, and a violation is answered the way Discord answers it: 400, code 50035, with the nested
`errors` object pointing at the field. Rules the spec cannot express live in `limits.py`.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from bot.sandbox.errors import Errors, field_error, merge

SPEC_FILE = Path(__file__).parent / "spec" / "openapi.json"
_SPEC_URI = "urn:discord-openapi"
_NULL = {"type": "null"}
_REMEMBERED = 4096  # checked bodies kept, oldest forgotten first


_INTEGER = re.compile(r"-?[0-9]+")


def _integer(checker: Any, instance: object) -> bool:
    """The spec's own convention: Discord accepts a string for an integer field if it parses as one."""
    if isinstance(instance, bool):
        return False
    # ASCII digits only: str.isdigit() also takes "¹" and "٣", which no JSON integer is written with.
    return isinstance(instance, int) or (isinstance(instance, str) and _INTEGER.fullmatch(instance) is not None)


_TAGGED = "x-tagged-union"


def _tagged_union(
    validator: Any, branches: list[list[Any]], instance: object, schema: Any
) -> Iterator[ValidationError]:
    """Check an object against the one branch its `type` names (see `_prepare`)."""
    if not isinstance(instance, dict):
        return  # the node's own `"type": "object"` reports it
    if "type" not in instance:
        yield ValidationError("'type' is required", validator="required", validator_value=["type"], instance=instance)
        return
    by_tag = {json.dumps(tag): branch for tag, branch in branches}
    branch = by_tag.get(json.dumps(instance.get("type")))
    if branch is None:
        allowed = [tag for tag, _ in branches]
        yield ValidationError(
            f"{instance.get('type')!r} is not one of {allowed}",
            validator="enum",
            validator_value=allowed,
            instance=instance.get("type"),
            path=["type"],
        )
        return
    yield from validator.descend(instance, branch)


_Validator = extend(
    Draft202012Validator,
    validators={_TAGGED: _tagged_union},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _integer),
)


class OpenApiRules:
    """One validator per operation, built on first use from the spec's request schemas."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._paths: dict[str, Any] = spec["paths"]
        self._registry = Registry().with_resource(_SPEC_URI, Resource.from_contents(spec, DRAFT202012))
        self._bodies: dict[tuple[str, str], Any] = {}
        self._checked: dict[tuple[str, str, str], Errors] = {}
        self._parameters_checked: dict[tuple[str, str, str], tuple[dict[str, Any], Any] | None] = {}

    def body_errors(self, method: str, template: str, body: object) -> Errors:
        """Discord's `errors` object for a request body to `METHOD template`; empty when it is valid.

        A check costs about a millisecond, and a busy bot sends the same bodies again and again (the same
        search, the same page), so answers are remembered by the body's text: the sandbox must not be
        what a load test measures."""
        validator = self._body_validator(method, template)
        if validator is None:
            return {}
        key = (method, template, json.dumps(body, sort_keys=True))
        found = self._checked.get(key)
        if found is None:
            found = _as_discord_errors(validator.iter_errors(body))
            if len(self._checked) >= _REMEMBERED:
                self._checked.pop(next(iter(self._checked)))
            self._checked[key] = found
        return copy.deepcopy(found) if found else {}

    def query_errors(self, method: str, template: str, query: Mapping[str, str]) -> Errors:
        """The same for the query string, each value read as the type its parameter declares."""
        errors: Errors = {}
        for name, raw in query.items():
            found = self._parameter_validator(method, template, name)
            if found is not None:
                schema, validator = found
                merge(errors, _as_discord_errors(validator.iter_errors(_query_value(raw, schema)), prefix=[name]))
        return errors

    def _parameter_validator(self, method: str, template: str, name: str) -> tuple[dict[str, Any], Any] | None:
        key = (method, template, name)
        if key not in self._parameters_checked:
            schemas = [p.get("schema", {}) for p in self._parameters(method, template) if p.get("in") == "query"]
            names = [p["name"] for p in self._parameters(method, template) if p.get("in") == "query"]
            schema = dict(zip(names, schemas, strict=True)).get(name)
            validator = None if schema is None else _Validator(_rebased(schema), registry=self._registry)
            self._parameters_checked[key] = None if schema is None else (schema, validator)
        return self._parameters_checked[key]

    def _operation(self, method: str, template: str) -> dict[str, Any]:
        operation = self._paths.get(template, {}).get(method.lower())
        if operation is None:
            raise KeyError(f"{method} {template} is not in Discord's spec")
        return dict(operation)

    def _parameters(self, method: str, template: str) -> list[dict[str, Any]]:
        shared = self._paths[template].get("parameters", [])
        return [*shared, *self._operation(method, template).get("parameters", [])]

    def _body_validator(self, method: str, template: str) -> Any:
        key = (method, template)
        if key not in self._bodies:
            content = self._operation(method, template).get("requestBody", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema")
            self._bodies[key] = None if schema is None else _Validator(_rebased(schema), registry=self._registry)
        return self._bodies[key]


@functools.cache
def discord_rules() -> OpenApiRules:
    """The vendored spec, read and prepared once per process (about 0.1 s)."""
    spec = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    _prepare(spec["components"]["schemas"], spec)
    return OpenApiRules(spec)


def _rebased(schema: Any) -> Any:
    """Local `#/...` references in an operation's schema point into the spec document."""
    if isinstance(schema, dict):
        return {k: (_SPEC_URI + v if k == "$ref" and v.startswith("#") else _rebased(v)) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_rebased(v) for v in schema]
    return schema


def _prepare(schemas: dict[str, Any], node: Any) -> None:
    """Make the spec's unions say what Discord means by them, and check in a fraction of the time.

    - The spec writes tagged unions (components, command options, callbacks) as `oneOf`/`anyOf`
      over object schemas told apart by `type`, and notes `x-discord-union: oneOf`. A body is then
      checked against every branch, and an error in a button is reported as "matches none of 6
      schemas". Dispatching on `type` (the `x-tagged-union` keyword) checks the one branch that
      applies and reports the real field.
    - `oneOf: [null, X]` becomes `anyOf` with null first: the same values pass, X is checked once.
    - A `oneOf` of constants (the spec's enumerations, each value with its title) becomes an `enum`.
    - Snowflakes may be sent as integers as well as strings, as Discord accepts.
    """
    if isinstance(node, list):
        for item in node:
            _prepare(schemas, item)
        return
    if not isinstance(node, dict):
        return
    if node.get("format") == "snowflake" and node.get("type") == "string":
        pattern = node.pop("pattern", None)
        node.pop("type")
        node["anyOf"] = [{"type": "string", **({"pattern": pattern} if pattern else {})}, {"type": "integer"}]
    for key in ("oneOf", "anyOf"):
        branches = node.get(key)
        if not isinstance(branches, list) or len(branches) < 2:
            continue
        if all(isinstance(b, dict) and "const" in b for b in branches):
            node["enum"] = [b["const"] for b in node.pop(key)]
            continue
        found = [_tags(schemas, branch) for branch in branches]
        tags = [ts for ts in found if ts is not None]
        if len(tags) == len(found) and len({t for ts in tags for t in ts}) == sum(len(ts) for ts in tags):
            del node[key]
            node["type"] = "object"
            node[_TAGGED] = [[tag, branch] for ts, branch in zip(tags, branches, strict=True) for tag in ts]
        elif key == "oneOf" and _NULL in branches:
            node["anyOf"] = sorted(node.pop("oneOf"), key=lambda branch: branch != _NULL)
    for value in node.values():
        _prepare(schemas, value)


def _tags(schemas: dict[str, Any], branch: Any) -> list[Any] | None:
    """The `type` values a union branch stands for, when it is a reference to an object schema with them."""
    if not isinstance(branch, dict) or set(branch) != {"$ref"}:
        return None
    target = schemas.get(str(branch["$ref"]).rsplit("/", 1)[-1], {})
    tag = target.get("properties", {}).get("type", {})
    enum = tag.get("enum")
    return list(enum) if isinstance(enum, list) and enum else None


def _query_value(raw: str, schema: dict[str, Any]) -> object:
    kind = schema.get("type")
    if kind == "integer":
        try:
            return int(raw)
        except ValueError:
            return raw
    if kind == "boolean":
        return {"true": True, "false": False, "1": True, "0": False}.get(raw.lower(), raw)
    return raw


def _as_discord_errors(found: Any, prefix: list[str | int] | None = None) -> Errors:
    errors: Errors = {}
    for error in (leaf for top in found for leaf in _leaves(top)):
        path = [*(prefix or []), *error.absolute_path]
        required: Any = error.validator_value
        if error.validator == "required" and isinstance(error.instance, dict):
            for name in required:
                if name not in error.instance:
                    merge(errors, field_error([*path, name], "BASE_TYPE_REQUIRED", "This field is required"))
            continue
        code, message = _code_and_message(error)
        merge(errors, field_error(path, code, message))
    return _deduplicated(errors)


def _leaves(error: ValidationError) -> list[ValidationError]:
    """A union that failed says little; the errors of the branch the body came closest to say which
    fields are wrong. Closest: a branch of the right kind (not refused at its root for its type),
    then the one with the fewest wrong fields."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for inner in error.context:
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    candidates = [[leaf for inner in found for leaf in _leaves(inner)] for found in branches.values()]

    def distance(leaves: list[ValidationError]) -> tuple[bool, int]:
        wrong_kind = any(e.validator == "type" and len(e.absolute_path) == len(error.absolute_path) for e in leaves)
        return wrong_kind, len(leaves)

    return min(candidates, key=distance)


def _code_and_message(error: ValidationError) -> tuple[str, str]:
    """Discord's error codes for each kind of refusal, with its wording."""
    limit: Any = error.validator_value
    match error.validator:
        case "maxLength" | "maxItems" | "maxProperties":
            return "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."
        case "minLength" | "minItems":
            return "BASE_TYPE_MIN_LENGTH", f"Must be {limit} or more in length."
        case "maximum":
            return "NUMBER_TYPE_MAX", f"int value should be less than or equal to {limit}."
        case "minimum":
            return "NUMBER_TYPE_MIN", f"int value should be greater than or equal to {limit}."
        case "enum" | "const":
            choices = limit if isinstance(limit, list) else [limit]
            return "BASE_TYPE_CHOICES", f"Value must be one of {set(choices)}."
        case "type" if limit == "object" or "object" in limit:
            return "MODEL_TYPE_CONVERT", "Expected an object/dictionary."
        case "type" if limit == "array" or "array" in limit:
            return "BASE_TYPE_LIST", "Only iterables may be used in a ListType"
        case "type" if isinstance(error.instance, str) and (limit == "integer" or "integer" in limit):
            return "NUMBER_TYPE_COERCE", f"Value {json.dumps(error.instance)[:50]} is not int."
        case "type" | "pattern":
            return "BASE_TYPE_BAD_TYPE", f"Value {json.dumps(error.instance)[:50]} is not of type {limit}."
        case "uniqueItems":
            return "BASE_TYPE_DUPLICATE", "Values must be unique."
        case _:
            return "BASE_TYPE_INVALID", error.message[:200]


def _deduplicated(errors: Errors) -> Errors:
    for key, value in errors.items():
        if key == "_errors":
            unique = {json.dumps(e, sort_keys=True): e for e in value}
            errors[key] = list(unique.values())
        else:
            _deduplicated(value)
    return errors
