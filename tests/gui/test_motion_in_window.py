"""Importing a motion from the main window: menu and drag-and-drop, one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication

from tillit_desk.gui import motion_dialog
from tillit_desk.steps import STEP_MOTION

from .conftest import drop_file

LUND = Path(__file__).resolve().parents[1] / "fixtures" / "lund-motion-tillit-2022.txt"


def _accept_dialogs(monkeypatch, qtbot):
    """The officer waits for the file to be read, looks at the review dialog and presses OK."""
    def press_ok(dialog):
        qtbot.waitUntil(lambda: not dialog.loading)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(motion_dialog.MotionImportDialog, "exec", press_ok)


def test_dropped_motion_prefills_an_empty_case_and_undo_restores_it(window, qtbot, monkeypatch,
                                                                   answers):
    _accept_dialogs(monkeypatch, qtbot)
    assert window.new_case("lund-kommun", motion=True)
    drop_file(window, LUND)
    qtbot.waitUntil(lambda: bool(window.case.motion and window.case.motion.motionarer))
    case = window.case
    assert [m.name for m in case.motion.motionarer][:2] == ["Helena Falk", "Fanny Johansson"]
    assert len(case.motion.yrkanden) == 3
    assert case.motion.yrkanden[1] in case.sections["sammanfattning"]
    assert window.navigator.current_id() == STEP_MOTION
    assert window.dirty
    window.refresh()
    assert "Tillit är vägen fram" in window.preview.toPlainText()

    window.navigator.setFocus()
    window.undo()
    assert not (window.case.motion and window.case.motion.motionarer)
    assert window.case.sections["sammanfattning"] == ""
    window.redo()
    assert len(window.case.motion.motionarer) == 6


def test_import_into_a_case_with_a_motion_asks_first(window, monkeypatch, answers, qtbot):
    _accept_dialogs(monkeypatch, qtbot)
    before = window.case.to_dict()
    answers["question"].append(motion_dialog.QMessageBox.StandardButton.No)
    assert not window.import_motion(LUND)
    assert answers["warnings"] == []
    assert "redan en motion" in answers["seen"][-1]
    assert window.case.to_dict() == before


def test_profile_switch_is_one_undo_step(window):
    text = window.case.sections["arendet"]
    window.case_form.profile_requested.emit("malmo-stad")
    assert window.profile.id == "malmo-stad"
    window.navigator.setFocus()
    window.undo()
    assert window.profile.id == "lund-kommun"
    assert window.case.profile == "lund-kommun"
    assert window.case.sections["arendet"] == text


# ---------------------------------------------------------------- real drops, real worker thread

class _Officer(QObject):
    """Plays the officer inside the modal review dialog's own event loop (a real ``exec()``):
    a timer looks at the dialog every 10 ms and acts the way a person at the screen would."""

    def __init__(self, act) -> None:
        super().__init__()
        self.act = act
        self.dialog = None
        self.done = False
        self.progress: list[tuple[int, int]] = []
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    @Slot()
    def look(self) -> None:
        if self.done:
            return
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, motion_dialog.MotionImportDialog) and w.isVisible()]
        if not dialogs:
            return
        self.dialog = dialog = dialogs[0]
        if dialog.progress_row.isVisible():
            self.progress.append((dialog.progress_bar.value(), dialog.progress_bar.maximum()))
        if self.act(self, dialog):
            self.done = True


class _Ticker(QObject):
    """A timer in the window's thread: it keeps firing only if the GUI thread is free."""

    def __init__(self) -> None:
        super().__init__()
        self.ticks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    @Slot()
    def tick(self) -> None:
        self.ticks += 1


def _heavy_pdf(path: Path, pages: int = 50) -> Path:
    """Pages that all draw one long content stream: each takes PDFium ~0.1 s to read."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 8 Tf " + b"(Tillit ar vagen fram) Tj 0 -1 Td " * 60_000 + b"ET")
    ref = writer._add_object(stream.flate_encode())
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Contents")] = ref
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_dropped_pdf_shows_progress_keeps_the_window_responsive_and_avbryt_stops_it(
        window, qtbot, tmp_path):
    before = window.case.to_dict()
    pdf = _heavy_pdf(tmp_path / "tung-motion.pdf")
    ticker = _Ticker()
    seen = {}

    def act(officer, dialog):
        if "ticks" not in seen and dialog.progress_bar.maximum() == 50 and \
                dialog.progress_bar.value() >= 1:
            seen["ticks"] = ticker.ticks - officer.start_ticks
            seen["runner"] = dialog._runner
            qtbot.mouseClick(dialog.cancel_load_button, Qt.MouseButton.LeftButton)
        if "ticks" in seen and "avbröts" in dialog.status.text():
            seen["status"] = dialog.status.text()
            seen["progress_hidden"] = not dialog.progress_row.isVisible()
            dialog.reject()
            return True
        return False

    officer = _Officer(act)
    officer.start_ticks = ticker.ticks
    drop_file(window, pdf)
    qtbot.waitUntil(lambda: officer.done, timeout=20000)
    # progress was shown page by page, from the worker thread
    assert any(total == 50 and 0 < done < 50 for done, total in officer.progress)
    # the window's own timer kept firing while pages were being read (20 ms ticks)
    assert seen["ticks"] >= 3
    assert "avbröts" in seen["status"] and seen["progress_hidden"]
    assert seen["runner"].wait(5000)  # the worker stops at the next page
    qtbot.waitUntil(lambda: not seen["runner"].running)
    assert window.case.to_dict() == before  # nothing imported
    assert QApplication.overrideCursor() is None


@pytest.mark.print
def test_dropped_pdf_motion_shows_the_reason_of_every_unsure_field(window, qtbot, tmp_path,
                                                                   soffice):
    import docx

    from tillit_desk.export.pdf import convert_to_pdf

    text = (Path(__file__).parents[1] / "fixtures" / "motions" / "real" /
            "heby-sd-flyktingmottagande.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "heby.docx")
    pdf = convert_to_pdf(tmp_path / "heby.docx")
    assert window.new_case("lund-kommun", motion=True)
    seen = {}

    def act(officer, dialog):
        if dialog.loading or not dialog.title_edit.text():
            return False
        seen["unsure"] = dialog.unsure_fields()
        seen["reasons"] = {f: (dialog.reasons[f].isVisible(), dialog.reasons[f].text())
                           for f in motion_dialog.FIELDS}
        dialog.accept()
        return True

    officer = _Officer(act)
    drop_file(window, pdf)
    qtbot.waitUntil(lambda: officer.done, timeout=20000)
    qtbot.waitUntil(lambda: bool(window.case.motion and window.case.motion.title))
    assert seen["unsure"] == ["yrkanden"]  # no att-satser: the suggestion is offered, unsure
    for fld, (visible, reason) in seen["reasons"].items():
        assert visible == (fld in seen["unsure"]), fld
        assert bool(reason) == visible, fld
    assert "inga att-satser" in seen["reasons"]["yrkanden"][1]
    assert window.case.motion.title == "Stoppa flyktingmottagandet för år 2013"
    assert window.case.motion.motionarer[0].name == "Björn Fredriksson"
