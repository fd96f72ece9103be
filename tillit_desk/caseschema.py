"""The .tillit format as JSON Schema (docs/tillit-desk-1.schema.json), checked on every load.

The schema is published so that other tools can validate our files too; here fastjsonschema
compiles it once per process (~13 ms) and checks a 100-page case in ~0.1 ms. Its first
violation becomes the Swedish message the user sees, with the JSON path of the bad value.
Unknown keys are allowed everywhere: the model keeps them (``extra``) and writes them back.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from .errors import CaseFileError
from .resources import schema_file

_TYPE_NAMES = {"string": "text", "object": "objekt", "array": "lista", "integer": "heltal",
               "number": "tal", "boolean": "true eller false", "null": "null"}


@functools.cache
def schema() -> dict[str, Any]:
    return json.loads(schema_file().read_text(encoding="utf-8"))


@functools.cache
def _validator():
    import fastjsonschema

    return fastjsonschema.compile(schema())


def _path(name: str) -> str:
    """fastjsonschema names the value ``data.motion.yrkanden[0]``; users see the part after."""
    return name[len("data"):].lstrip(".") if name.startswith("data") else name


def _types(definition: Any) -> str:
    types = definition if isinstance(definition, list) else [definition]
    return " eller ".join(_TYPE_NAMES.get(str(t), str(t)) for t in types)


def validate(data: Any, where: str) -> None:
    """Raise CaseFileError (Swedish, with the JSON path) if ``data`` breaks the schema."""
    import fastjsonschema

    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as err:
        raise CaseFileError(f"{where}: {describe(err, data)}") from None


def describe(err: Any, data: Any) -> str:
    path = _path(err.name)
    rule, definition = err.rule, err.rule_definition
    if rule == "type":
        article = "ett " if path.endswith("]") and definition == "object" else ""
        return f"\"{path}\" ska vara {article}{_types(definition)}."
    if rule == "required":
        node = _lookup(data, err.path[1:])
        missing = [k for k in definition if not isinstance(node, dict) or k not in node]
        key = ".".join(p for p in (path, missing[0] if missing else "") if p)
        return f"nyckeln \"{key}\" saknas."
    if rule == "minimum":
        return f"\"{path}\" ska vara {definition} eller större."
    if rule == "const":
        return f"\"{path}\" ska vara {json.dumps(definition, ensure_ascii=False)}."
    return f"\"{path}\" har fel form ({rule})."


def _lookup(data: Any, parts: list[str]) -> Any:
    node = data
    for part in parts:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node
