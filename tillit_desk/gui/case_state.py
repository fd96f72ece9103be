"""The open case, without widgets: the case, its file, the dirty state and the ONE undo history.

Every pane observes this object and changes the case only through commands on its
``undo_stack`` (see ``commands.py``; git-cola's ``cmds.py`` is the model). Section texts live
in one ``SectionDocument`` per section (``section_documents.py``), owned here and shown by an
editor: typing is a document edit, and every document edit becomes a command on the same
stack, so Ctrl+Z walks one history whatever has focus (per-widget histories side by side lost
text).

Documents are made when a section is first shown or changed (the Markdown parser is not part of
start-up) and kept until another case replaces this one, which also clears the history.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..case import Case
from ..errors import TillitError
from ..profiles import DEFAULT_PROFILE, Profile, ProfileRegistry

if TYPE_CHECKING:
    from .section_documents import SectionDocument


class CaseState(QObject):
    """The case being edited. Signals tell the panes what changed; nothing here is a widget."""

    section_changed = Signal(str)  # a section's text changed by undo/redo or a command
    case_replaced = Signal()  # another case (new, opened, restored)
    case_changed = Signal()  # a whole-case command (profile, motion import) was done or undone
    dirty_changed = Signal(bool)
    saved = Signal(object)  # Path

    def __init__(self, registry: ProfileRegistry, case: Case, profile: Profile,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.case, self.profile = case, profile
        self.restored_at = -1  # cursor position of the last undone/redone text edit
        self.path: Path | None = None
        self.stamp: tuple[int, int] | None = None  # (mtime_ns, size) of the file when read
        self.dirty = False
        self.undo_stack = QUndoStack(self)
        self.documents: dict[str, SectionDocument] = {}
        self.applying = False  # a command is putting state back: do not record it again
        # Fields that may hold typed text not yet in the case (a table cell being edited):
        # ``flush`` commits them first, so Ctrl+S mid-cell saves what the user sees.
        self.open_edits: list[Callable[[], None]] = []

    # ------------------------------------------------------------------ the case

    def replace(self, case: Case, profile: Profile, path: Path | None, dirty: bool) -> None:
        """Another case: forget the history and the documents."""
        self.undo_stack.clear()
        for doc in self.documents.values():
            doc.deleteLater()
        self.documents.clear()
        self.case, self.profile, self.path = case, profile, path
        self.stamp = file_stamp(path)
        self.set_dirty(dirty)
        self.case_replaced.emit()

    def profile_for(self, profile_id: str) -> Profile:
        """The case's profile, or the default one when the id is unknown."""
        try:
            return self.registry.get(profile_id)
        except TillitError:
            return self.registry.get(DEFAULT_PROFILE)

    def text_restored(self, section_id: str, position: int) -> None:
        """An undo or redo changed a section's text (called by its command)."""
        self.restored_at = position
        self.section_changed.emit(section_id)

    def document(self, section_id: str) -> SectionDocument:
        doc = self.documents.get(section_id)
        if doc is None:
            from .section_documents import SectionDocument  # not part of start-up

            doc = SectionDocument(section_id, self.case.section(section_id), self)
            doc.contentsChanged.connect(lambda d=doc: self._doc_edited(d))
            doc.undoCommandAdded.connect(lambda d=doc: self._doc_command(d))
            self.documents[section_id] = doc
        return doc

    def _doc_edited(self, doc: SectionDocument) -> None:
        doc.stale = True

    def _doc_command(self, doc: SectionDocument) -> None:
        from .section_documents import TextEdit

        self.undo_stack.push(TextEdit(doc, self.text_restored))

    def flush(self) -> None:
        """Write edited section texts into the case (before save, export, preview)."""
        for commit in list(self.open_edits):
            commit()
        for sid, doc in self.documents.items():
            if doc.stale:
                self.case.sections[sid] = doc.markdown()
                doc.stale = False

    def section_text(self, section_id: str) -> str:
        doc = self.documents.get(section_id)
        if doc is not None and doc.stale:
            self.flush()
        return self.case.section(section_id)

    def set_section_text(self, section_id: str, markdown: str) -> None:
        """Replace a section's text as one undo step."""
        self.document(section_id).replace_markdown(markdown)
        self.flush()

    # ------------------------------------------------------------------ dirty, file

    def set_dirty(self, dirty: bool) -> None:
        changed = dirty != self.dirty
        self.dirty = dirty
        if changed:
            self.dirty_changed.emit(dirty)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.stamp = file_stamp(path)
        self.undo_stack.setClean()
        self.set_dirty(False)
        self.saved.emit(path)

    def changed_on_disk(self) -> bool:
        """The file was changed by someone else since we read or wrote it."""
        if self.path is None or self.stamp is None:
            return False
        now = file_stamp(self.path)
        return now is not None and now != self.stamp


def file_stamp(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
