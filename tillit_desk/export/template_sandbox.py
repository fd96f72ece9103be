"""The Jinja environment for Word templates: sandboxed, immutable, and with a time and size budget.

A Word template is a user file. The sandbox already keeps it from reaching Python; this module
also keeps it from hanging or exhausting the machine: nested ``range`` loops and loops over a
list that grows stop after :data:`TIME_BUDGET` seconds; ``9**(9**9)`` and huge string repeats are
refused before Python computes them; the output has a size limit; ``include``/``import``/
``extends`` are refused when the template is parsed (there is nothing to include). Every such
stop is a :class:`~tillit_desk.errors.TemplateError` with a Swedish message.

Why a trace function: Jinja compiles a ``{% for %}`` without ``loop`` to a plain Python ``for``,
so an empty nested loop calls nothing the sandbox can see. A line tracer that is only active in
template code (``<template>`` frames) while a template renders sees every iteration.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from typing import Any

from jinja2 import StrictUndefined, Template, nodes
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..case import join_names
from ..errors import TemplateError
from ..phrases import describe_jinja_error, long_date

TIME_BUDGET = 5.0  # seconds for all parts of one template; a real one renders in milliseconds
MAX_OUTPUT_CHARS = 40_000_000  # beyond what the body brings in
MAX_REPEAT_CHARS = 1_000_000  # "x" * n, list * n
MAX_INT_ARGUMENT = 10_000_000  # "x".ljust(n), "x".center(n) …
MAX_RESULT_BITS = 4096  # 2 ** 4096 is plenty for any number a document prints
_CHECK_EVERY = 512  # line events between two clock readings

WHAT = "Word-mallen"
_FORBIDDEN = {
    nodes.Include: "{% include %}", nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}", nodes.Extends: "{% extends %}",
}


class BudgetExceeded(TemplateError):
    """A template used more time or produced more text than a document ever needs."""


class _State(threading.local):
    deadline: float = 0.0  # 0: no run_guarded around this render; each render gets its own
    extra_chars: int = 0


_state = _State()


def _timeout() -> BudgetExceeded:
    return BudgetExceeded(
        f"{WHAT}: taggarna tog mer än {TIME_BUDGET:g} sekunder att fylla i och avbröts. En slinga "
        "({% for %}) är troligen för stor eller tar aldrig slut; rätta mallen i Word.")


def _tracer(frame, event, arg):  # global trace function: only template code gets a line tracer
    if frame.f_code.co_filename == "<template>":
        return _line_tracer
    return None


def _line_tracer(frame, event, arg):
    st = _state
    st.ticks = getattr(st, "ticks", 0) + 1
    if st.ticks % _CHECK_EVERY == 0 and time.monotonic() > st.deadline:
        raise _timeout()
    return _line_tracer


class _BudgetTemplate(Template):
    """Renders piece by piece, counting the output, with the line tracer switched on."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        ctx = self.new_context(dict(*args, **kwargs))
        limit = MAX_OUTPUT_CHARS + _state.extra_chars
        pieces: list[str] = []
        size = 0
        previous = sys.gettrace()
        own_deadline = not _state.deadline
        if own_deadline:
            _state.deadline = time.monotonic() + TIME_BUDGET
        sys.settrace(_tracer)
        try:
            for piece in self.root_render_func(ctx):  # type: ignore[attr-defined]
                size += len(piece)
                if size > limit:
                    raise BudgetExceeded(
                        f"{WHAT}: taggarna gav orimligt mycket text (mer än "
                        f"{limit // 1_000_000} miljoner tecken) och avbröts.")
                pieces.append(piece)
        finally:
            sys.settrace(previous)
            if own_deadline:
                _state.deadline = 0.0
        return "".join(pieces)


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Immutable sandbox (no ``list.append``: no list that grows while a loop walks it)."""

    intercepted_binops = frozenset({"**", "*"})
    template_class = _BudgetTemplate

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=False)
        self.filters["datum"] = long_date
        self.filters["lista"] = lambda items: join_names([str(i) for i in items])
        self._compiled: dict[str, Template] = {}
        self._lock = threading.Lock()

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
            base = abs(left)
            if base > 1 and right > 0 and right * math.log2(base) > MAX_RESULT_BITS:
                raise BudgetExceeded(f"{WHAT}: talet i en tagg blir för stort att räkna ut "
                                     "(upphöjt till med **).")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if (isinstance(seq, str | list | tuple) and isinstance(n, int)
                        and len(seq) * n > MAX_REPEAT_CHARS):
                    raise BudgetExceeded(f"{WHAT}: en tagg upprepar text för många gånger "
                                         f"(mer än {MAX_REPEAT_CHARS:,} tecken).".replace(",", " "))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(
                    value) > MAX_INT_ARGUMENT:
                raise BudgetExceeded(f"{WHAT}: en tagg anropar en funktion med ett orimligt stort "
                                     f"tal ({value}).")
        return super().call(__context, __obj, *args, **kwargs)

    def check_source(self, source: str) -> nodes.Template:
        """Parse and refuse what a Word template cannot use; Jinja's own errors pass through."""
        ast = self.parse(source)
        for kind, tag in _FORBIDDEN.items():
            if ast.find(kind) is not None:
                raise TemplateError(f"{WHAT}: {tag} kan inte användas i en Word-mall; allt som "
                                    "ska skrivas ut står i själva mallen.")
        return ast

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        if not isinstance(source, str) or globals is not None or template_class is not None:
            raise TypeError("TemplateSandbox.from_string takes the template text only")
        with self._lock:
            cached = self._compiled.get(source)
        if cached is not None:
            return cached
        template = super().from_string(self.check_source(source))
        with self._lock:
            if len(self._compiled) > 64:
                self._compiled.clear()
            self._compiled[source] = template
        return template


_ENV: TemplateSandbox | None = None


def template_sandbox() -> TemplateSandbox:
    global _ENV
    if _ENV is None:
        _ENV = TemplateSandbox()
    return _ENV


def run_guarded(render, *, extra_chars: int = 0):
    """Call ``render()`` (which renders templates of this sandbox); every failure of the
    template — Jinja's, the budget's or Python's inside a tag — becomes a Swedish TemplateError."""
    _state.extra_chars = extra_chars
    _state.deadline = time.monotonic() + TIME_BUDGET  # one budget for body, headers, footers
    try:
        return render()
    except TemplateError:
        raise
    except (JinjaTemplateError, SecurityError) as err:
        raise describe_jinja_error(err, WHAT) from err
    except ZeroDivisionError as err:
        raise TemplateError(f"{WHAT}: en tagg delar med noll.") from err
    except RecursionError as err:
        raise TemplateError(f"{WHAT}: ett makro anropar sig självt för många gånger "
                            "(oändlig rekursion).") from err
    except MemoryError as err:
        raise TemplateError(f"{WHAT}: taggarna kräver mer minne än datorn har.") from err
    except (ArithmeticError, TypeError, ValueError, AttributeError, LookupError) as err:
        raise TemplateError(f"{WHAT}: en tagg kunde inte fyllas i ({type(err).__name__}: "
                            f"{err}).") from err
    finally:
        _state.extra_chars = 0
        _state.deadline = 0.0
