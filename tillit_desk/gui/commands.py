"""Commands: every change to the open case is one of these on the case-state's undo stack.

Modelled on git-cola's ``cmds.py`` (objects that do and undo one change). Qt's ``QUndoCommand``
gives the merging (``id()``/``mergeWith``): form fields merge per burst; typing in a section is
``section_documents.TextEdit``, merged per word.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoCommand

from ..case import Case
from .timers import BURST_SECONDS

if TYPE_CHECKING:
    from .case_state import CaseState

FIELD_ID = 1202


class CaseChange(QUndoCommand):
    """A change to the whole case (profile switch, motion import, motion on/off): a snapshot
    before and after. Section texts that live in documents are left to their own TextEdits."""

    def __init__(self, state: CaseState, text: str, before: dict, after: dict) -> None:
        super().__init__(text)
        self.state, self.before, self.after = state, before, after
        self._pushed = True

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        apply_snapshot(self.state, self.after)

    def undo(self) -> None:
        apply_snapshot(self.state, self.before)


def snapshot(case: Case) -> dict:
    """The whole case as data that shares nothing with the live case.

    ``Case.to_dict`` copies only the top level: ``review`` (comments, statuses, versions,
    ignored findings, Word suggestions), ``layout.added`` and unknown keys would be the live
    lists and dicts, so a later comment or status would change an old step's snapshot and an
    undo would bring back what had been undone. Review changes are steps of their own in the
    same history (``review_workflow.ReviewChange``, as Infoga kommentar in Word), so the
    history is linear: undoing a whole-case step has already undone every later review step,
    and restoring its own copy drops nothing."""
    return copy.deepcopy(case.to_dict())


def apply_snapshot(state: CaseState, data: dict) -> None:
    """Put a snapshot back in place, keeping the Case object (forms read it through accessors).
    The case gets a copy: the snapshot stays as it was for the next undo or redo."""
    state.flush()
    fresh = Case.from_dict(copy.deepcopy(data))
    for f in fields(Case):
        if f.name != "sections":
            setattr(state.case, f.name, getattr(fresh, f.name))
    sections = dict(fresh.sections)
    for sid in state.documents:  # their text is the documents' (undone by their own steps)
        if sid in state.case.sections:
            sections[sid] = state.case.sections[sid]
    state.case.sections = sections
    state.profile = state.profile_for(state.case.profile)
    state.case_changed.emit()


def change_case(state: CaseState, text: str, mutate: Callable[[Case], Any]) -> Any:
    """Run ``mutate`` on the case and record it as one undo step. Section texts it changed
    are written through their documents, inside the same step. Returns what ``mutate`` did."""
    state.flush()
    before = snapshot(state.case)
    result = mutate(state.case)
    after = snapshot(state.case)
    if after == before:
        return result
    old, new = before.get("sections", {}), after.get("sections", {})
    changed = [sid for sid in dict.fromkeys([*old, *new]) if old.get(sid, "") != new.get(sid, "")]
    for sid in changed:  # back to the old text: the documents make the change
        state.case.sections[sid] = old.get(sid, "")
        state.document(sid)
    stack = state.undo_stack
    stack.beginMacro(text)
    stack.push(CaseChange(state, text, before, after))
    for sid in changed:
        state.set_section_text(sid, new.get(sid, ""))
    stack.endMacro()
    state.profile = state.profile_for(state.case.profile)
    state.case_changed.emit()
    return result


class FieldEdit(QUndoCommand):
    """Typing in a form field: one step per field and burst. ``apply(value)`` writes the value
    to the case and shows it in the field."""

    def __init__(self, key: object, label: str, apply: Callable[[Any], None], before: Any,
                 after: Any) -> None:
        super().__init__(label)
        self.key, self.apply, self.before, self.after = key, apply, before, after
        self.time = time.monotonic()
        self._pushed = True

    def id(self) -> int:
        return FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, FieldEdit) or other.key != self.key \
                or other.time - self.time > BURST_SECONDS:
            return False
        self.after, self.time = other.after, other.time
        return True

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)


def is_history_key(event) -> bool:
    """Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z: the window's one history, never a widget's own."""
    return (event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined())


class OneHistory(QObject):
    """Event filter for text fields: their own undo keys go to the window's Ångra/Gör om."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                and is_history_key(event):
            event.ignore()  # not the field's: the window's shortcut takes it
            return True
        return False
