"""Förslag till beslut from the decision builder: remembers the chosen outcome for the open
case (the builder's page is rebuilt after whole-case changes), writes the text through the
case-state as one undo step, and asks before replacing text the officer wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from .case_state import CaseState
    from .interaction import Interaction

DEFAULT_OUTCOME = "besvarad"


class DecisionFlow(QObject):
    def __init__(self, state: CaseState, interaction: Interaction) -> None:
        super().__init__(state)
        self.state, self.ask = state, interaction
        self.outcome = DEFAULT_OUTCOME
        self.approved: list[bool] = []
        self.generated: dict[str, str] = {}  # section id -> the text we last generated
        self.imported: dict[str, str] = {}  # section id -> the text a motion import wrote
        state.case_replaced.connect(self.reset)

    def reset(self) -> None:
        self.outcome, self.approved = DEFAULT_OUTCOME, []
        self.generated.clear()
        self.imported.clear()

    def remember(self, outcome: str, approved: list[bool]) -> None:
        self.outcome, self.approved = outcome, list(approved)

    def note_import(self, section_ids: list[str]) -> None:
        """A motion import wrote these sections: replacing that text is not replacing the
        officer's own."""
        for sid in section_ids:
            self.imported[sid] = self.state.section_text(sid).strip()

    def build(self, section_id: str, outcome: str, approved: list[bool]) -> bool:
        from ..case import Motion
        from ..decision import build_decision

        self.remember(outcome, approved)
        current = self.state.section_text(section_id).strip()
        if current and current != self.generated.get(section_id, "").strip():
            if current == self.imported.get(section_id):
                question = ("Förslag till beslut innehåller texten som lästes in med motionen. "
                            "Vill du ersätta den med det nya förslaget? "
                            "(Du kan ångra med Ctrl+Z.)")
            else:
                question = ("Förslag till beslut innehåller text som du har skrivit eller "
                            "ändrat. Vill du ersätta den med det nya förslaget? "
                            "(Du kan ångra med Ctrl+Z.)")
            if not self.ask.confirm("Skriv över förslaget?", question):
                return False
        case = self.state.case
        text = build_decision(case.motion or Motion(), outcome, self.state.profile, approved)
        self.state.set_section_text(section_id, text)
        self.generated[section_id] = self.state.section_text(section_id)
        return True
