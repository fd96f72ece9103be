"""The exceptions the generated case validator raises (``case_validator.py``).

Same names and attributes as fastjsonschema's (BSD-3-Clause), whose code generator wrote the
validator: defined here so that loading a case imports neither fastjsonschema nor its
generator (~20 ms of the window's start-up, see caseschema.py).
"""

from __future__ import annotations

import re
from typing import Any

_SPLIT = re.compile(r"[\.\[\]]+")


class JsonSchemaValueException(ValueError):
    """One value breaks the schema: its ``name`` ("data.motion.yrkanden[0]"), the ``rule``
    it breaks and the schema ``definition`` it had to fulfil."""

    def __init__(self, message: str, value: Any = None, name: str | None = None,
                 definition: Any = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.message, self.value, self.name = message, value, name
        self.definition, self.rule = definition, rule

    @property
    def path(self) -> list[str]:
        return [item for item in _SPLIT.split(self.name or "") if item != ""]

    @property
    def rule_definition(self) -> Any:
        if not self.rule or not self.definition:
            return None
        return self.definition.get(self.rule)


class JsonSchemaValuesException(ValueError):
    """Several values at once (only raised when fast fail is off, which we never turn off)."""

    def __init__(self, errors: list[JsonSchemaValueException]) -> None:
        self.message = "; ".join(error.message for error in errors)
        super().__init__(self.message)
        self.errors = errors
