"""The motion review dialog (offscreen): fields beside the source, unsure ones highlighted."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from tillit_desk.gui import motion_dialog as md  # noqa: E402
from tillit_desk.motion import extract_file, parse_motion  # noqa: E402
from tillit_desk.motion.prefill import prefill_case  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "fixtures"
LUND = FIXTURES / "lund-motion-tillit-2022.txt"


def lund_parsed():
    return parse_motion(extract_file(LUND).text, LUND.name)


def test_open_with_lund_edit_a_field_accept(qtbot) -> None:
    dialog = md.MotionImportDialog(None, lund_parsed())
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "Tillit är vägen fram för en modern organisation!"
    assert dialog.source.toPlainText().startswith(LUND.read_text(encoding="utf-8")[:50])
    assert dialog.source.isReadOnly()
    assert dialog.motionarer_edit.toPlainText().splitlines()[4] == "Karin Svensson Smith (MP)"
    # the officer drops the "!" as the answer quotes the title, and fixes a party
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_End)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Backspace)
    lines = dialog.motionarer_edit.toPlainText().splitlines()
    lines[5] = "Maja Grubelic (FI)"
    dialog.motionarer_edit.setPlainText("\n".join(lines))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_motion()
    assert result is not None
    assert result.motion.title == "Tillit är vägen fram för en modern organisation"
    assert result.motion.motionarer[5].party == "Fi"
    assert result.motion.submitted == "2022-01-27"
    assert len(result.motion.yrkanden) == 3
    assert result.confidence["title"] == 1.0


def test_unsure_fields_are_highlighted_until_edited(qtbot) -> None:
    text = ("Motion till kommunfullmäktige\n\nBänkar i parken\n\nVi yrkar på fler bänkar.\n\n"
            "Bo Berg (S)\n")
    dialog = md.MotionImportDialog(None, parse_motion(text))
    qtbot.addWidget(dialog)
    assert dialog.unsure_fields() == ["addressed_to", "submitted", "yrkanden"]
    assert dialog.submitted_edit.styleSheet() == md.UNSURE_STYLE
    assert dialog.labels["submitted"].text().startswith("⚠")
    assert "inget datum" in dialog.submitted_edit.toolTip()
    assert dialog.title_edit.styleSheet() == ""
    qtbot.keyClicks(dialog.submitted_edit, "3 mars 2023")
    assert dialog.submitted_edit.styleSheet() == ""
    assert "submitted" not in dialog.unsure_fields()
    dialog.accept()
    assert dialog.result_motion().motion.submitted == "2023-03-03"


def test_bad_date_blocks_accept(qtbot) -> None:
    dialog = md.MotionImportDialog(None, lund_parsed())
    qtbot.addWidget(dialog)
    dialog.submitted_edit.setText("någon gång i vintras")
    dialog.accept()
    assert dialog.result_motion() is None
    assert "går inte att läsa" in dialog.status.text()
    assert dialog.submitted_edit.styleSheet() == md.ERROR_STYLE


def test_paste_mode_parses_before_it_imports(qtbot) -> None:
    dialog = md.MotionImportDialog(None, None, paste_mode=True)
    qtbot.addWidget(dialog)
    assert not dialog.source.isReadOnly()
    dialog.accept()  # nothing pasted: nothing happens
    assert dialog.result_motion() is None
    dialog.source.setPlainText(LUND.read_text(encoding="utf-8"))
    dialog.accept()  # first press parses and shows the fields, it does not import unseen
    assert dialog.result_motion() is None
    qtbot.waitUntil(lambda: not dialog.loading)  # parsed on the worker thread
    assert dialog.yrkanden_edit.toPlainText().count("\n") == 2
    dialog.accept()
    assert [p.name for p in dialog.result_motion().motion.motionarer][0] == "Helena Falk"


def test_unreadable_file_switches_to_paste_mode(qtbot, tmp_path) -> None:
    bad = tmp_path / "motion.pdf"
    bad.write_text("inte en pdf", encoding="utf-8")
    dialog = md.MotionImportDialog(None, None, paste_mode=True)
    qtbot.addWidget(dialog)
    dialog.load_file(bad)
    qtbot.waitUntil(lambda: not dialog.loading)
    assert "heter .pdf men är en textfil" in dialog.status.text()
    assert "klistra in" in dialog.status.text()
    assert not dialog.source.isReadOnly()


def test_import_into_case_asks_before_replacing(registry) -> None:
    profile = registry.get("lund-kommun")
    case = prefill_case(lund_parsed().motion, profile).case
    asked = []
    other = parse_motion("Motion till Lunds kommunfullmäktige\n2023-01-01\n\nNy motion\n\n"
                         "Vi yrkar\n\natt göra något.\n\nBo Berg (S)\n")

    def refuse(parent, c):
        asked.append(c.motion.title)
        return False

    result = md.import_motion_into_case(None, case, profile, "x.txt", confirm=refuse,
                                        review=lambda parent, path: other)
    assert result is None
    assert asked == ["Tillit är vägen fram för en modern organisation!"]
    assert case.motion.title == "Tillit är vägen fram för en modern organisation!"

    notes = []
    result = md.import_motion_into_case(None, case, profile, "x.txt",
                                        confirm=lambda parent, c: True,
                                        review=lambda parent, path: other,
                                        notify=lambda parent, msg: notes.append(msg))
    assert result is not None
    assert case.motion.title == "Ny motion"
    assert case.sections["sammanfattning"].startswith("Bo Berg (S) har den 1 januari 2023")
    assert notes == []  # nothing of the officer's own was kept back


def test_import_into_empty_case_does_not_ask(registry) -> None:
    from tillit_desk.newcase import new_case

    profile = registry.get("generic")
    case = new_case(profile)

    def must_not_ask(parent, c):
        raise AssertionError("an empty case needs no confirmation")

    result = md.import_motion_into_case(None, case, profile, None, confirm=must_not_ask,
                                        review=lambda parent, path: lund_parsed())
    assert result is not None and len(case.motion.yrkanden) == 3


def test_ask_import_motion_cancel_returns_none(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(md.MotionImportDialog, "exec",
                        lambda self: QDialog.DialogCode.Rejected)
    assert md.ask_import_motion(None, LUND) is None

    def accept_as_shown(self):
        qtbot.waitUntil(lambda: not self.loading)  # the file is read on a worker thread
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(md.MotionImportDialog, "exec", accept_as_shown)
    parsed = md.ask_import_motion(None, LUND)
    assert parsed is not None and parsed.motion.submitted == "2022-01-27"


def test_text_to_motionarer() -> None:
    people = md.text_to_motionarer("Anna Andersson (v)\n\n  Bo  Berg (Mp) \nCecilia Ceder\n")
    assert [(p.name, p.party) for p in people] == [("Anna Andersson", "V"), ("Bo Berg", "MP"),
                                                    ("Cecilia Ceder", "")]


def test_reason_of_every_unsure_field_is_written_under_it(qtbot) -> None:
    text = ("Motion till kommunfullmäktige\n\nBänkar i parken\n\nVi yrkar på fler bänkar.\n\n"
            "Bo Berg (S)\n")
    parsed = parse_motion(text)
    dialog = md.MotionImportDialog(None, parsed)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.unsure_fields()
    for fld in md.FIELDS:
        reason = dialog.reasons[fld]
        if fld in dialog.unsure_fields():
            assert reason.isVisible(), fld  # beside the field, not only in a tooltip
            assert len(reason.text()) > 10 and reason.text() == "⚠ " + dialog.reason_text(fld)
        else:
            assert not reason.isVisible(), fld
    assert "inget datum" in dialog.reasons["submitted"].text()
    qtbot.keyClicks(dialog.submitted_edit, "3 mars 2023")  # fixed: the reason goes away
    assert not dialog.reasons["submitted"].isVisible()


def test_no_att_satser_offers_the_likely_proposal_as_an_unsure_suggestion(qtbot) -> None:
    text = ("Motion till kommunfullmäktige i Heby\n\nStoppa bygget\n\nBygget kostar för mycket."
            "\n\nAtt stoppa bygget skulle spara pengar åt kommunen under många år.\n\n"
            "Vittinge 121214\n\nBo Berg (SD)\n")
    dialog = md.MotionImportDialog(None, parse_motion(text))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.yrkanden_edit.toPlainText().startswith("Att stoppa bygget")
    assert "yrkanden" in dialog.unsure_fields()
    assert dialog.reasons["yrkanden"].text() == "⚠ " + md.SUGGESTION_REASON


def test_loading_a_file_fills_the_fields_from_the_worker_thread(qtbot) -> None:
    dialog = md.MotionImportDialog(None, None, paste_mode=True)
    qtbot.addWidget(dialog)
    dialog.load_file(LUND)
    assert dialog.progress_row.isVisibleTo(dialog)
    dialog.accept()  # ignored while the file is being read
    assert dialog.result_motion() is None
    qtbot.waitUntil(lambda: not dialog.loading)
    assert not dialog.progress_row.isVisibleTo(dialog)
    assert dialog.title_edit.text() == "Tillit är vägen fram för en modern organisation!"
    dialog.accept()
    assert dialog.result_motion() is not None


def test_pasted_text_without_letters_says_why_and_keeps_the_text(qtbot) -> None:
    dialog = md.MotionImportDialog(None, None, paste_mode=True)
    qtbot.addWidget(dialog)
    dialog.source.setPlainText("1234 5678")
    dialog.parse_source()
    qtbot.waitUntil(lambda: not dialog.loading)
    assert "ingen text" in dialog.status.text()
    assert dialog.source.toPlainText() == "1234 5678"


def test_runner_reports_once_and_lets_its_thread_go(qtbot) -> None:
    from tillit_desk.gui import motion_runner

    runner = motion_runner.MotionImportRunner()
    results = []
    runner.finished.connect(results.append)  # both live on the GUI thread
    runner.start(LUND)
    qtbot.waitUntil(lambda: bool(results))
    assert results[0].motion.submitted == "2022-01-27"
    qtbot.waitUntil(lambda: runner not in motion_runner._RUNNING)  # thread ended, released
    assert runner.wait(100) and not runner.running
    runner.cancel()  # too late: nothing more is reported
    runner._on_quit()  # the application quitting after the end is harmless
    assert len(results) == 1
