"""Nytt från profil: "Beslutet skickas till" starts with the motionärer only for a motion."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("motion", "recipients"), [(True, ["Motionärerna"]), (False, [])])
def test_new_case_recipients_follow_the_motion_choice(window, monkeypatch, motion, recipients):
    from tillit_desk.gui import dialogs

    def answer(dlg):
        dlg.profile.setCurrentIndex(dlg.profile.findData("malmo-stad"))
        dlg.motion.setChecked(motion)
        return dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.NewCaseDialog, "exec", answer)
    assert window.new_case()
    assert (window.case.motion is not None) == motion
    assert [r.name for r in window.case.skickas_till] == recipients
    table = window.case_form.lists["skickas_till"].table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == recipients
