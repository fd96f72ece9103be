"""Sandboxed Jinja2 for standard phrases and prefill texts.

Snippets come from profile files a user may have edited or downloaded, so they are data, never
code: they run in Jinja's SandboxedEnvironment, an undefined name is an error that names it, and
any failure becomes a TemplateError with a Swedish message instead of a crash.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, UndefinedError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .case import Case, join_names, motionarer_text
from .errors import TemplateError

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)
MAX_OUTPUT = 1_000_000


def long_date(value: str) -> str:
    """ISO date → "21 januari 2022"; anything else is returned unchanged."""
    try:
        d = _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return str(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class _CachingSandbox(SandboxedEnvironment):
    """A sandbox that compiles each distinct source once: the same template XML and the same
    phrases are rendered again and again, and compiling is most of the cost."""

    _compiled: dict

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        cache = self.__dict__.setdefault("_compiled", {})
        template = cache.get(source)
        if template is None:
            if len(cache) > 256:
                cache.clear()
            template = cache[source] = super().from_string(source)
        return template


@lru_cache(maxsize=2)
def sandbox(autoescape: bool = False) -> SandboxedEnvironment:
    env = _CachingSandbox(
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["datum"] = long_date
    env.filters["lista"] = lambda items: join_names([str(i) for i in items])
    return env


def case_context(case: Case) -> dict[str, Any]:
    """The names a snippet or template may use. Documented in docs/templates.md."""
    data = case.to_dict()
    motion = data.get("motion") or {"title": "", "submitted": "", "motionarer": [],
                                     "yrkanden": [], "addressed_to": ""}
    return {
        "document": data["document"],
        "handlaggare": data["document"]["handlaggare"],
        "motion": motion,
        "motionarer": motionarer_text(case.motion),
        "yrkanden": list(motion.get("yrkanden", [])),
        "underlag": data["underlag"],
        "signatories": data["signatories"],
        "idag": _dt.date.today().isoformat(),
    }


def describe_jinja_error(err: Exception, what: str) -> TemplateError:
    if isinstance(err, UndefinedError):
        msg = err.message or str(err)
        if "is undefined" in msg:
            name = msg.split(" is undefined")[0].strip("'\"")
            return TemplateError(f"{what}: variabeln \"{name}\" finns inte.")
        return TemplateError(f"{what}: {msg}")
    if isinstance(err, SecurityError):
        return TemplateError(f"{what}: otillåten åtgärd i mallen ({err}).")
    lineno = getattr(err, "lineno", None)
    where = f" (rad {lineno})" if lineno else ""
    return TemplateError(f"{what}: mallen har ett fel{where}: {err}")


def render_snippet(snippet: str, context: dict[str, Any], what: str = "Standardfrasen") -> str:
    try:
        out = sandbox().from_string(snippet).render(context)
    except (JinjaTemplateError, SecurityError) as err:
        raise describe_jinja_error(err, what) from err
    except (TypeError, ValueError, AttributeError, ArithmeticError, RecursionError) as err:
        raise TemplateError(f"{what}: mallen kunde inte fyllas i ({err}).") from err
    if len(out) > MAX_OUTPUT:
        raise TemplateError(f"{what}: resultatet blev orimligt långt ({len(out)} tecken).")
    return out
