"""Avsnitt: the sections one case shapes (issue 13) — its own sections, renamed headings, a
section split in two, a heading over the signatures, a section marked "inte relevant".

The core keeps the shape in ``case.layout`` (``section_layout.py``, docs/file-format.md); this
module only asks the user and records each change as one undo step (``commands.change_case``).
The window's steps and pages already follow ``section_layout.case_sections``, so the navigator,
the editor and the preview show the result through the window's own ``case_changed`` path.
The same actions are in the Avsnitt menu and in the step list's context menu (right click), as
a Word user looks for them beside the thing they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenuBar

from .. import profiles as P
from ..section_layout import (
    add_section,
    case_section,
    case_sections,
    is_custom,
    mark_not_relevant,
    remove_section,
    rename_section,
    split_section,
)
from .actions import make_action

if TYPE_CHECKING:
    from ..profiles import SectionSpec

CUSTOM_CONTEXT_MENU = 3  # Qt.ContextMenuPolicy.CustomContextMenu (see mainwindow: no ``Qt`` early)


class SectionShapes(QObject):
    """The Avsnitt menu and the step list's context menu."""

    def __init__(self, window: QMainWindow, bar: QMenuBar) -> None:
        """``window``: the main window (its navigator, pages, ``go_to``; no import of it, so
        no cycle)."""
        super().__init__(window)
        self.window, self.state = window, window.state
        self.menu = bar.addMenu("Av&snitt")
        self.menu.setObjectName("avsnitt")
        self.menu.aboutToShow.connect(self.update_actions)
        self.actions: dict[str, QAction] = {}
        for name, text, slot in (
            ("add", "&Lägg till avsnitt…", self.add),
            ("rename", "&Byt rubrik…", self.rename),
            ("split", "&Dela avsnittet…", self.split),
            ("not_relevant", "Markera som &inte relevant", self.toggle_not_relevant),
            ("remove", "&Ta bort eget avsnitt…", self.remove),
        ):
            action = make_action(self.menu, text, slot, None, self.menu)
            action.setObjectName(f"section_{name}")
            self.actions[name] = action
        self.menu.insertSeparator(self.actions["not_relevant"])
        nav = window.navigator
        nav.setProperty("contextMenuPolicy", CUSTOM_CONTEXT_MENU)
        nav.customContextMenuRequested.connect(self._context_menu)

    # ------------------------------------------------------------------ what is selected

    def current(self) -> SectionSpec | None:
        """The section chosen in the step list (None on Ärendeuppgifter, Motion, Granska)."""
        sid = self.window.navigator.current_id()
        return case_section(self.state.case, self.state.profile, sid) if sid else None

    def update_actions(self) -> None:
        spec = self.current()
        marked = spec is not None and spec.id in self.state.case.layout.not_relevant
        self.actions["rename"].setEnabled(spec is not None)
        self.actions["split"].setEnabled(spec is not None and spec.holds_text)
        self.actions["not_relevant"].setEnabled(spec is not None
                                                and spec.kind != P.SIGNATURES)
        self.actions["not_relevant"].setText("Markera som &relevant igen" if marked
                                             else "Markera som &inte relevant")
        self.actions["remove"].setEnabled(spec is not None
                                          and is_custom(self.state.case, spec.id))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.window.navigator.itemAt(pos)
        if item is not None:
            self.window.navigator.setCurrentItem(item)
        self.update_actions()
        self.menu.popup(self.window.navigator.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ the changes

    def _change(self, label: str, mutate):
        from .commands import change_case

        return change_case(self.state, label, mutate)

    def _open(self, section_id: str) -> None:
        """Show the section and put the cursor in its editor, ready to type."""
        self.window.go_to(section_id)
        page = self.window.section_pages.get(section_id)
        if page is not None:
            page.editor.setFocus()

    def add(self) -> bool:
        """Lägg till avsnitt…: a heading and a place (after the chosen section by default)."""
        specs = case_sections(self.state.case, self.state.profile)
        current = self.current()
        default = current.id if current is not None else (specs[-1].id if specs else "")
        from .section_shape_dialogs import AddSectionDialog

        dialog = AddSectionDialog(self.window, [(s.id, s.heading) for s in specs], default)
        if not dialog.exec():
            return False
        heading, after = dialog.values()
        added = self._change(f"Lägg till avsnittet {heading}",
                             lambda case: add_section(case, heading, after))
        self._open(added.id)
        self.window.interaction.status(f"Avsnittet ”{heading}” är tillagt. Ångra med Ctrl+Z.")
        return True

    def rename(self) -> bool:
        """Byt rubrik…: the heading this case prints; empty goes back to the profile's."""
        spec = self.current()
        if spec is None:
            return False
        from .section_shape_dialogs import HeadingsDialog

        original = self.state.profile.section(spec.id)
        hint = (f"Tom rubrik ger profilens: {original.heading}." if original is not None
                and spec.kind != P.SIGNATURES else
                "Tom rubrik: ingen rubrik över underskrifterna." if spec.kind == P.SIGNATURES
                else "")
        current = self.state.case.layout.headings.get(spec.id, "") \
            if spec.kind == P.SIGNATURES else spec.heading
        dialog = HeadingsDialog(self.window, "Byt rubrik", [("Ny rubrik:", current)], hint)
        if not dialog.exec():
            return False
        (heading,) = dialog.values()
        self._change(f"Byt rubrik till {heading or 'profilens'}",
                     lambda case: rename_section(case, spec.id, heading))
        self._open(spec.id)
        return True

    def split(self) -> bool:
        """Dela avsnittet…: two headings where the profile has one."""
        spec = self.current()
        if spec is None or not spec.holds_text:
            return False
        from .section_shape_dialogs import HeadingsDialog

        dialog = HeadingsDialog(self.window, "Dela avsnittet",
                                [("Första rubriken:", spec.heading), ("Andra rubriken:", "")],
                                "Texten stannar under den första rubriken; den andra får ett "
                                "eget, tomt avsnitt direkt efter.")
        if not dialog.exec():
            return False
        first, second = dialog.values()
        added = self._change(f"Dela avsnittet {spec.heading}",
                             lambda case: split_section(case, spec.id, first, second))
        self._open(added.id)
        return True

    def toggle_not_relevant(self) -> bool:
        """Markera som inte relevant / relevant igen; says what the export will do."""
        spec = self.current()
        if spec is None:
            return False
        marked = spec.id not in self.state.case.layout.not_relevant
        verb = "inte relevant" if marked else "relevant igen"
        self._change(f"Markera {spec.heading} som {verb}",
                     lambda case: mark_not_relevant(case, spec.id, marked))
        self.window.go_to(spec.id)
        self.window.interaction.status(self._effect(spec.id, marked), 10000)
        return True

    def _effect(self, section_id: str, marked: bool) -> str:
        if not marked:
            return "Avsnittet skrivs ut med sin egen text igen."
        from ..print_options import print_options

        options = print_options(self.state.profile)
        if section_id in options.omit_when_not_relevant:
            return "Inte relevant: avsnittet skrivs inte ut (profilen tillåter det)."
        sentence = options.not_relevant.get(section_id, "")
        if sentence:
            return f"Inte relevant: avsnittet skrivs ut som ”{sentence}”"
        return ("Profilen har ingen standardmening för avsnittet: dess egen text skrivs ut, "
                "och exporten säger till.")

    def remove(self) -> bool:
        """Ta bort eget avsnitt…: only sections this case added; asks when it holds text."""
        spec = self.current()
        if spec is None or not is_custom(self.state.case, spec.id):
            return False
        if self.state.section_text(spec.id).strip() and not self.window.interaction.confirm(
                "Ta bort avsnittet",
                f"Avsnittet ”{spec.heading}” innehåller text. Ta bort det med texten? "
                "(Ctrl+Z ångrar.)"):
            return False
        self._change(f"Ta bort avsnittet {spec.heading}",
                     lambda case: remove_section(case, spec.id))
        return True
