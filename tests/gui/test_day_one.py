"""What a new handläggare who knows Word ran into on the real window (Xvfb, real keys and
clicks, all four profiles, real motions): Tab order in the case form, long fields shown from
their start, … Each test was seen failing before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

TAB = Qt.Key.Key_Tab


def _painted(window, qtbot):
    qtbot.waitUntil(lambda: window._painted and window.case_form._lists is not None)
    QApplication.processEvents()


def test_tab_from_the_motion_box_goes_to_the_lists_below_it(window, qtbot):
    """Tab walks the case form top to bottom: after "Ärendet är ett svar på en motion" come
    the Underskrifter table and its buttons, then the next list (the lists are built after
    the first paint and were put last in the window's Tab order, after the preview)."""
    _painted(window, qtbot)
    form = window.case_form
    window.go_to("__case__")
    form.is_motion.setFocus()
    order = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), TAB)
        order.append(QApplication.focusWidget())
    lists = list(form.lists.values())
    assert order[0] is lists[0].table
    assert order[1] in lists[0].buttons.values()
    tables = [w for w in order if any(w is e.table for e in lists)]
    assert tables[:2] == [lists[0].table, lists[1].table]
    assert window.preview not in order[:len(lists[0].buttons) + 2]


def test_long_fields_show_their_beginning(window, qtbot):
    """A title longer than its field shows its first words, as Word's dialogs do; it showed
    the tail ("och Maja Grubelic (FI) - Tillit är …") because setText leaves the cursor at
    the end."""
    form = window.case_form
    long_title = "Motion från " + ", ".join(f"Person {i} (S)" for i in range(12)) + " om tillit"
    window.case.document.title = long_title
    window.case.document.decision_chain = "Kommunstyrelsen föreslår " * 6
    window.set_case(window.case, None)
    window.go_to("__case__")
    QApplication.processEvents()
    for edit in (form.title_edit, form.chain):
        assert edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()  # too long
        assert edit.cursorPosition() == 0, edit.accessibleName()
    window.case.motion.title = long_title
    window.motion_page.set_case(window.case)
    assert window.motion_page.title_edit.cursorPosition() == 0


def test_undoing_a_field_shows_it(window, qtbot):
    """Ctrl+Z in a section that takes back typing in Ärendeuppgifter (or a list row, or the
    motion's title) goes there and puts the cursor in the field, as Word shows what it undid;
    the window stayed in the section and the change happened out of sight."""
    from .conftest import type_text

    _painted(window, qtbot)
    assert window.new_case("lund-kommun", motion=True)
    form = window.case_form
    window.go_to("__case__")
    form.dnr.setFocus()
    type_text(form.dnr, "KS 2024/0001")
    window.go_to("__motion__")
    window.motion_page.title_edit.setFocus()
    type_text(window.motion_page.title_edit, "Laddstolpar")
    window.go_to("__case__")
    signatures = form.lists["signatures"]
    qtbot.mouseClick(signatures.buttons["add"], Qt.MouseButton.LeftButton)
    rows = len(signatures.rows())
    window.go_to("sammanfattning")
    editor = window.section_pages["sammanfattning"].editor
    editor.setFocus()
    type_text(editor, "Text.")
    window.undo()
    assert window.navigator.current_id() == "sammanfattning"  # its own text: stays
    window.undo()
    assert len(signatures.rows()) == rows - 1
    assert window.navigator.current_id() == "__case__"
    assert QApplication.focusWidget() is signatures.table
    window.go_to("sammanfattning")
    window.undo()
    assert window.motion_page.title_edit.text() == ""
    assert window.navigator.current_id() == "__motion__"
    assert QApplication.focusWidget() is window.motion_page.title_edit
    window.go_to("sammanfattning")
    window.undo()
    assert form.dnr.text() == ""
    assert window.navigator.current_id() == "__case__"
    assert QApplication.focusWidget() is form.dnr
    window.redo()
    assert form.dnr.text() == "KS 2024/0001"


def test_lagg_till_puts_the_cursor_in_the_new_row(window, qtbot):
    """Lägg till, then type: the text goes into the new row, as in a Word table (the focus
    stayed on the button and the typing went nowhere, leaving an empty att-sats)."""
    from .conftest import type_text

    assert window.new_case("region-skane", motion=True)
    window.go_to("__motion__")
    yrkanden = window.motion_page.yrkanden
    for text in ("att regionen bygger laddstolpar", "att regionen utreder laddning"):
        qtbot.mouseClick(yrkanden.buttons["add"], Qt.MouseButton.LeftButton)
        type_text(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()  # the cell's editor commits through a queued call
    assert window.case.motion.yrkanden == ["att regionen bygger laddstolpar",
                                           "att regionen utreder laddning"]
    window.undo()  # the second att-sats's text, then its row
    assert window.case.motion.yrkanden[-1] == ""


def test_att_satser_in_the_decision_builder_fit_at_1024(window, qtbot):
    """Per att-sats at 1024×700: each att-sats's box ends in "…" inside the builder (whole
    text in its tooltip), and five long ones leave the editor its room; a long check box text
    ran past the builder's edge and was cut mid-word ("… vid sjukhus")."""
    from tillit_desk.case import Motion

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert window.new_case("region-skane", motion=True)
    long = ("att regionen bygger laddstolpar vid alla sjukhus och vårdcentraler i Skåne och "
            "att personalen får ladda sina bilar där under arbetstid")
    yrkanden = [long, "att regionen utreder", long, long, long]
    window.case.motion = Motion(title="Laddstolpar", yrkanden=yrkanden)
    window.set_case(window.case, None)
    window.go_to("forslag_till_beslut")
    page = window.current_section_page()
    from tillit_desk.gui.panes import DecisionBuilder

    builder = page.findChild(DecisionBuilder)
    qtbot.mouseClick(builder.buttons["delvis"], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    right = builder.mapToGlobal(builder.contentsRect().topRight()).x()
    for i, check in enumerate(builder.checks):
        assert check.mapToGlobal(check.rect().topRight()).x() <= right
        assert check.fontMetrics().horizontalAdvance(check.text()) <= check.width()
        assert check.text().startswith(f"Bifalla att-sats {i + 1}: att regionen")
        assert yrkanden[i] in check.toolTip()
    assert builder.checks[0].text().endswith("…")
    assert builder.checks[1].text().endswith("att regionen utreder")
    assert page.editor.height() >= 100  # still room to read and write the decision
    qtbot.mouseClick(builder.checks[0], Qt.MouseButton.LeftButton)
    assert builder.checks[0].isChecked()


def test_formatting_buttons_show_the_format_at_the_cursor(window, qtbot):
    """Fet, Kursiv, Rubrik and the list buttons look pressed where the text has that format,
    as Word's B and I do; they never showed anything, so the user could not tell whether
    Ctrl+B was on."""
    from .conftest import type_text

    assert window.new_case("generic", motion=False)
    window.go_to("arendet")
    page = window.current_section_page()
    editor = page.editor
    editor.setFocus()
    buttons = {name: page.toolbar.widgetForAction(a) for name, a in page.actions_by_name.items()}
    assert not any(b.isChecked() for b in buttons.values())
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert buttons["bold"].isChecked()  # on before the first letter, as in Word
    type_text(editor, "fet")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not buttons["bold"].isChecked()
    type_text(editor, " vanlig")
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    editor.moveCursor(editor.textCursor().MoveOperation.Right)
    assert buttons["bold"].isChecked() and not buttons["italic"].isChecked()
    qtbot.mouseClick(buttons["italic"], Qt.MouseButton.LeftButton)  # the button works too
    assert buttons["italic"].isChecked()
    assert page.markdown() == "***fet*** vanlig"
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert buttons["bullets"].isChecked() and not buttons["numbers"].isChecked()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    assert not buttons["bullets"].isChecked()


def test_a_typed_list_is_spaced_as_it_will_look_after_reload(window, qtbot):
    """A list typed with Ctrl+Shift+8 and ended with Enter twice is spaced like the same text
    when the case is opened again (tight items, space before and after the list); the typed
    items each had a paragraph's space and the paragraph after the list had none."""
    from .conftest import type_text

    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    assert window.new_case("lund-kommun", motion=False)
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    editor.setFocus()
    type_text(editor, "Före listan.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_8, shift_ctrl)
    for text in ("ett", "två", "tre"):
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # an empty item: the list ends, as in Word
    type_text(editor, "Efter listan.")
    doc = editor.document()

    def margins():
        return [(doc.findBlockByNumber(i).blockFormat().topMargin(),
                 doc.findBlockByNumber(i).blockFormat().bottomMargin())
                for i in range(doc.blockCount())]

    typed = margins()
    window.flush_editors()
    markdown = window.case.sections["bedomning"]
    assert markdown == "Före listan.\n\n- ett\n- två\n- tre\n\nEfter listan."
    window.state.set_section_text("bedomning", markdown)  # what a reload shows
    assert typed == margins(), (typed, margins())
    window.undo()  # the reload
    window.undo()  # "listan." (typing is undone per word)
    window.undo()  # "Efter"
    window.undo()  # the Enter that ended the list
    assert window.section_pages["bedomning"].markdown().endswith("- tre")


def test_a_restored_new_case_is_called_what_it_was(make_window, answers):
    """An unsaved case restored after a crash is "Namnlöst ärende (återställt)", like the
    new case it was; it was "Återställt ärende (återställt)"."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    assert window.new_case("malmo-stad", motion=False)
    window.state.set_section_text("arendet", "Text som inte får försvinna.")
    assert window.autosave()
    window.autosave_timer.stop()
    window.hide()  # the crash: gone without closing
    fresh = make_window()
    answers["question"] = [QMessageBox.StandardButton.Yes]
    assert fresh.offer_restore()
    assert fresh.windowTitle().startswith("Namnlöst ärende (återställt)")
    assert "Återställt ärende" not in fresh.windowTitle()


def test_a_new_case_puts_the_cursor_in_its_title(window, qtbot, monkeypatch):
    """Nytt från profil (Ctrl+N), Skapa, type: the text is the case's title, as a new Word
    document takes typing at once; the focus stayed in the step list and typing went
    nowhere."""
    from tillit_desk.gui import dialogs

    from .conftest import type_text

    def create(dialog):
        dialog.profile.setCurrentIndex(dialog.profile.findData("malmo-stad"))
        return dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.NewCaseDialog, "exec", create)
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.profile.id == "malmo-stad"
    assert window.navigator.current_id() == "__case__"
    type_text(QApplication.focusWidget(), "Svar på motion om laddstolpar")
    assert window.case.document.title == "Svar på motion om laddstolpar"


def test_from_the_step_list_tab_or_enter_goes_into_the_step(window, qtbot):
    """Arrow to a step, then Tab or Enter: the cursor is in that step's text (or its first
    field), ready to type; Tab went to the help pane and Enter did nothing."""
    from .conftest import type_text

    _painted(window, qtbot)
    nav = window.navigator
    window.go_to("sammanfattning")
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.section_pages["sammanfattning"].editor
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Up)  # Förslag till beslut, below its decision builder
    qtbot.keyClick(nav, Qt.Key.Key_Return)
    sid = nav.current_id()
    assert sid == "forslag_till_beslut"
    editor = window.section_pages[sid].editor
    assert QApplication.focusWidget() is editor
    type_text(editor, "x")
    assert "x" in editor.toPlainText()
    window.go_to("__case__")
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.case_form.profile_box
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not window.case_form.profile_box  # backwards: out


def test_ctrl_wheel_zooms_the_text(window, qtbot):
    """Ctrl + mouse wheel zooms as in Word (the same zoom as Ctrl+plus, kept in the
    settings); it did nothing in the editor."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    before = editor.document().defaultFont().pointSizeF()

    def wheel(notches):
        event = QWheelEvent(QPointF(40, 40), QPointF(editor.mapToGlobal(QPoint(40, 40))),
                            QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(editor.viewport(), event)

    wheel(2)
    assert window.zoom == 120
    assert editor.document().defaultFont().pointSizeF() > before
    assert window.settings.zoom_percent == 120
    wheel(-2)
    assert window.zoom == 100


def test_ctrl_s_while_typing_in_a_table_cell_saves_the_text(make_window, answers, tmp_path,
                                                            qtbot):
    """Type a name in Underskrifter or an att-sats and press Ctrl+S before leaving the cell:
    the file has the text, as in Word (it was saved without it, and the window said saved)."""
    import json

    from .conftest import type_text

    window = make_window()
    assert window.new_case("malmo-stad", motion=True)
    path = tmp_path / "svar.tillit"
    assert window._save_to(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.go_to("__case__")
    signatures = window.case_form.lists["signatures"]
    qtbot.mouseClick(signatures.buttons["add"], Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "Anna Andersson")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["signatories"][-1]["name"] == "Anna Andersson"
    window.go_to("__motion__")
    yrkanden = window.motion_page.yrkanden
    qtbot.mouseClick(yrkanden.buttons["add"], Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "att kommunen bygger")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert json.loads(path.read_text(encoding="utf-8"))["motion"]["yrkanden"] == [
        "att kommunen bygger"]
    assert not window.isWindowModified()
    cell = QApplication.focusWidget()
    assert cell is not None
    type_text(cell, " mer")  # still in the cell, typing on
    QApplication.processEvents()
    window.flush_editors()
    assert window.case.motion.yrkanden == ["att kommunen bygger mer"]


def test_closing_while_typing_in_a_cell_asks_to_save(window, answers, qtbot):
    """Text typed in a list's cell counts as a change when the window closes (or another
    case opens): it asked nothing and the text was lost."""
    from PySide6.QtWidgets import QMessageBox

    from .conftest import type_text

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.go_to("__case__")
    signatures = window.case_form.lists["signatures"]
    qtbot.mouseClick(signatures.buttons["add"], Qt.MouseButton.LeftButton)
    window.set_dirty(False)  # as if saved with the new, empty row: only the typing is new
    type_text(QApplication.focusWidget(), "Anna Andersson")
    answers["exec"] = [QMessageBox.StandardButton.Cancel]
    assert not window.close()
    assert answers["seen"] and "Vill du spara" in answers["seen"][-1]
    assert window.case.signatories[-1].name == "Anna Andersson"


def test_alt_letters_of_the_menus_open_the_menus_from_the_forms(window, qtbot):
    """Alt+A opens Arkiv and Alt+H Hjälp as in Word, also with the cursor in Ärendeuppgifter,
    Motion or the Granskning pane: the forms' own Alt letters (D&atum, &Handläggare,
    &Ställd till, &Status, &Granskare) took them over."""
    from PySide6.QtWidgets import QLabel, QMenu

    _painted(window, qtbot)
    window.review.show_pane()
    window.go_to("__motion__")
    menus = {a.text().replace("&", "")[a.text().index("&")].lower(): a.text()
             for a in window.menuBar().actions() if "&" in a.text()}
    pages = [window.case_form, window.motion_page, window.review.pane]
    for page in pages:
        for label in page.findChildren(QLabel):
            text = label.text()
            if "&" in text and label.buddy() is not None:
                letter = text[text.index("&") + 1].lower()
                assert letter not in menus, (text, menus[letter])
    window.go_to("__case__")
    window.case_form.organisation.setFocus()
    qtbot.keyClick(window.case_form.organisation, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup.title() == "&Arkiv"
    popup.close()


def test_every_menu_entry_has_its_own_alt_letter(window):
    """Alt+A, S saves, as in Word: within a menu no two entries share a letter (pressing it
    only moved between them: Öppna &senaste / &Spara, Ån&gra / &Gör om, …) and none lacks
    one (Importera motion…, Ändringar från Word)."""
    clashes = []

    def walk(menu, path):
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.text() or not action.isVisible():
                continue
            text = action.text()
            if action.menu() is not None:
                walk(action.menu(), [*path, text])
            if "&" not in text:
                clashes.append((path, text, "ingen bokstav"))
                continue
            letters.setdefault(text[text.index("&") + 1].lower(), []).append(text)
        clashes.extend((path, texts) for texts in letters.values() if len(texts) > 1)

    for top in window.menuBar().actions():
        walk(top.menu(), [top.text()])
    assert clashes == []


def test_a_phrase_marks_what_the_motion_lacks(window, qtbot):
    """"Motionen i korthet" on a motion without names or date says so, as the motion import
    does ("[motionärer saknas] har den [datum saknas] lämnat …"); it read " har den  lämnat en
    motion", and a "*" in the title turned into italics."""
    from tillit_desk.case import Motion

    assert window.new_case("generic", motion=True)
    window.case.motion = Motion(title="Fler *laddstolpar*", yrkanden=["att kommunen bygger"])
    window.set_case(window.case, None)
    window.go_to("sammanfattning")
    spec = window.profile.section("sammanfattning")
    phrase = next(p for p in spec.phrases if p.label == "Motionen i korthet")
    assert window.insert_phrase(phrase)
    qtbot.waitUntil(lambda: "motion" in window.section_pages["sammanfattning"].markdown(),
                    timeout=10000)
    window.flush_editors()
    text = window.case.sections["sammanfattning"]
    assert text.startswith("[motionärer saknas] har den [datum saknas] lämnat en motion")
    assert "”Fler \\*laddstolpar\\*”" in text  # printed as written


def test_spell_checker_ready_does_not_hide_what_the_user_is_told(window, qtbot):
    """"Stavningskontrollen är klar att använda." waits for a free status bar: it replaced
    "Skapar PDF: …" (and "PDF-exporten avbröts.") while LibreOffice ran."""
    window.interaction.status("Skapar PDF: /tmp/svar.pdf", 0)
    qtbot.waitUntil(lambda: window.review.checks.speller is not None, timeout=20000)
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == "Skapar PDF: /tmp/svar.pdf"
    window.statusBar().clearMessage()
    window.interaction.note("Stavningskontrollen är klar att använda.")
    assert window.statusBar().currentMessage() == "Stavningskontrollen är klar att använda."


def test_the_review_steps_help_points_the_right_way(window, qtbot):
    """The help under Granska och exportera names the list Att åtgärda, which stands above
    it; it said "Varningarna nedan" about a list above the text."""
    window.go_to("__review__")
    QApplication.processEvents()
    page = window.review_page
    text = window.help_pane.findChild(type(window.preview)).toPlainText()
    assert "Att åtgärda" in text and "nedan" not in text
    top_of_help = window.help_pane.mapToGlobal(window.help_pane.rect().topLeft()).y()
    assert page.warnings.mapToGlobal(page.warnings.rect().topLeft()).y() < top_of_help


def test_f12_is_spara_som_as_in_word(window, qtbot, monkeypatch, tmp_path):
    """F12 opens Spara som, as in Word (also from the editor); it did nothing."""
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def choose(*_args, **_kwargs):
        asked.append(True)
        return str(tmp_path / "svar.tillit"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F12)
    assert asked and (tmp_path / "svar.tillit").exists()


def test_ctrl_pgdown_puts_the_cursor_in_the_step_it_shows(window, qtbot):
    """Typing, then Ctrl+PgDown to Beslutsunderlag: the cursor is in that list, the one on
    screen; it stayed in the case's title field (scrolled out of view) and the next keys
    changed the title unseen."""
    from .conftest import type_text

    _painted(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.new_case("malmo-stad", motion=False)
    title = window.case.document.title
    ctrl = Qt.KeyboardModifier.ControlModifier
    seen = []
    for _ in range(4):  # Sammanfattning, Förslag till beslut, Beslutsunderlag, Beslutsplanering
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ctrl)
        sid = window.navigator.current_id()
        focus = QApplication.focusWidget()
        seen.append(sid)
        if sid in window.section_pages:
            assert focus is window.section_pages[sid].editor, sid
        else:
            kind = window.profile.section(sid).kind
            assert focus is window.case_form.lists[kind].table, sid
        type_text(focus, "x")
    assert seen[2:] == ["underlag", "beslutsplanering"]
    assert window.case.document.title == title


def test_right_click_on_the_last_letter_of_a_misspelt_word_offers_the_fixes(window, qtbot):
    """Right-clicking anywhere on a red-underlined word gives the suggestions, as in Word;
    on the right half of its last letter (the cursor position after the word) it gave only
    Qt's own entries."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    assert window.new_case("generic", motion=False)
    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    editor.setPlainText("Kommunen har skrivt ett förslag.")
    qtbot.waitUntil(lambda: any(c.selectedText() == "skrivt"
                                for c, _f in getattr(editor.marks, "placed", [])),
                    timeout=30000)
    found = editor.document().find("skrivt")
    end = QTextCursor(editor.document())
    end.setPosition(found.selectionEnd())
    rect = editor.cursorRect(end)
    on_last_letter = QPoint(rect.left() - 2, rect.center().y())
    entries = [a.text() for a in editor.context_menu(on_last_letter).actions()]
    assert "Lägg till i ordlista" in entries
    after_word = QPoint(rect.left() + 6, rect.center().y())  # over the space: not the word
    entries = [a.text() for a in editor.context_menu(after_word).actions()]
    assert "Lägg till i ordlista" not in entries


def test_a_finding_outside_the_texts_puts_the_cursor_in_its_field(window, qtbot):
    """Click "Diarienummer saknas" and the cursor is in Diarienummer; "Underskrifter saknas"
    and it is in the Underskrifter list (the step was shown but the focus stayed in the
    pane, so the user had to find the field)."""
    _painted(window, qtbot)
    assert window.new_case("malmo-stad", motion=True)
    window.review.show_pane()
    pane = window.review.pane
    qtbot.waitUntil(lambda: any("Underskrifter" in i.text(0) for i in pane.finding_items()),
                    timeout=15000)

    def click(words):
        item = next(i for i in pane.finding_items() if words in i.text(0))
        pane.tree.scrollToItem(item)
        qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=pane.tree.visualItemRect(item).center())
        return QApplication.focusWidget()

    assert click("Diarienummer saknas") is window.case_form.dnr
    assert click("Underskrifter saknas") is window.case_form.lists["signatures"].table


def test_the_manual_fits_its_window(qtbot):
    """Hjälp → Användarhandbok: the screenshots are scaled to the window, so the manual reads
    without scrolling sideways (the 1280 px pictures made a horizontal scroll bar)."""
    from PySide6.QtGui import QTextImageFormat

    from tillit_desk.gui.about import ManualDialog

    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    browser = dialog.browser
    assert browser.horizontalScrollBar().maximum() == 0
    images = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                images.append(QTextImageFormat(fmt))
            it += 1
        block = block.next()
    assert len(images) >= 5
    assert all(0 < image.width() <= browser.viewport().width() for image in images)


def test_word_changes_without_any_says_so_instead_of_an_empty_panel(window):
    """Arkiv → Ändringar från Word on a case with no changes from Word says how to get
    them; it opened an empty 280 px panel ("Inga ändringar från Word.") that squeezed the
    text below its usable width."""
    from tillit_desk.gui import word_import

    window.findChild(type(window.import_motion_action), "word_changes").trigger()
    panel = window.findChild(word_import.SuggestionsPanel)
    assert panel is None or not panel.isVisible()
    message = window.statusBar().currentMessage()
    assert "Inga ändringar från Word" in message and "Importera från Word" in message
