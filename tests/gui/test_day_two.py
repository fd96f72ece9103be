"""What the Word user's first day left open (the helper after test_day_one): Tab in a list,
the Att åtgärda list that leads to its place, comments signed with the user's name, Alt
letters on the status menu, save errors in plain Swedish, status messages that stay. Each
test was seen failing before its fix."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from ooxml_schema import schema_errors
from PySide6.QtCore import Qt

from tillit_desk.example import load_example
from tillit_desk.export.docx import render_docx
from tillit_desk.fileformat import load_case, save_case

TAB = Qt.Key.Key_Tab
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _open_with(make_window, qtbot, tmp_path, sid: str, markdown: str, name: str = "lista.tillit"):
    case = load_example()
    case.sections[sid] = markdown
    path = tmp_path / name
    save_case(case, path)
    window = make_window([str(path)])
    window.go_to(sid)
    editor = window.section_pages[sid].editor
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return window, editor, path


def _cursor_in(editor, text: str) -> None:
    cursor = editor.document().find(text)
    assert not cursor.isNull(), text
    cursor.clearSelection()
    editor.setTextCursor(cursor)


def test_tab_in_a_list_item_nests_it_and_shift_tab_takes_it_back(make_window, tmp_path, qtbot):
    """As in Word: Tab in a list item makes it an item one level down (one undo step each),
    Shift+Tab a level up; the nesting is saved, shown in the preview and exported as real
    Word numbering levels. Tab used to leave the text for the next field."""
    window, editor, path = _open_with(make_window, qtbot, tmp_path, "bedomning",
                                      "1. Ettan\n2. Tvåan\n3. Trean")
    _cursor_in(editor, "Tvåan")
    assert editor.hasFocus()
    qtbot.keyClick(editor, TAB)
    assert editor.hasFocus()
    window.flush_editors()
    assert window.case.sections["bedomning"] == "1. Ettan\n   1. Tvåan\n2. Trean"
    qtbot.keyClick(editor, TAB, SHIFT)
    window.flush_editors()
    assert window.case.sections["bedomning"] == "1. Ettan\n2. Tvåan\n3. Trean"
    qtbot.keyClick(editor, TAB)
    _cursor_in(editor, "Trean")
    qtbot.keyClick(editor, TAB)
    qtbot.keyClick(editor, TAB)  # under Tvåan: a third level
    qtbot.keyClick(editor, TAB)  # no fourth: the DOCX has three (it would print at the third)
    window.flush_editors()
    assert window.case.sections["bedomning"] == "1. Ettan\n   1. Tvåan\n      1. Trean"
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # one Tab, one undo step
    window.flush_editors()
    assert window.case.sections["bedomning"] == "1. Ettan\n   1. Tvåan\n   2. Trean"

    assert window.save()
    reopened = make_window([str(path)])
    assert load_case(path).case.sections["bedomning"] == "1. Ettan\n   1. Tvåan\n   2. Trean"
    reopened.go_to("bedomning")
    doc = reopened.section_pages["bedomning"].editor.document()
    assert doc.find("Tvåan").block().textList().format().indent() == 2

    reopened.show_preview(True)
    reopened.refresh()
    preview = reopened.preview.document()
    ett, tva = preview.find("Ettan").block(), preview.find("Tvåan").block()
    assert tva.textList() is not None and ett.textList() is not None
    assert tva.textList().format().indent() > ett.textList().format().indent()

    data, _ = render_docx(reopened.case, reopened.profile)
    assert schema_errors(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
    levels = {t: document.xpath(f"string(//w:p[w:r/w:t='{t}']//w:ilvl/@w:val)", namespaces=W)
              for t in ("Ettan", "Tvåan", "Trean")}
    assert levels == {"Ettan": "0", "Tvåan": "1", "Trean": "1"}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        numbering = etree.fromstring(zf.read("word/numbering.xml"))
    num_id = document.xpath("string(//w:p[w:r/w:t='Tvåan']//w:numId/@w:val)", namespaces=W)
    abstract = numbering.xpath(f"string(//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val)",
                               namespaces=W)
    formats = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:numFmt"
                              "/@w:val", namespaces=W)
    assert formats[:2] == ["decimal", "decimal"]  # a numbered list nested in a numbered one


def test_tab_outside_a_list_still_moves_on(make_window, tmp_path, qtbot):
    window, editor, _ = _open_with(make_window, qtbot, tmp_path, "bedomning", "Vanlig text.")
    _cursor_in(editor, "text")
    qtbot.keyClick(editor, TAB)
    assert not editor.hasFocus()
    window.flush_editors()
    assert window.case.sections["bedomning"] == "Vanlig text."


def test_shift_tab_takes_the_items_below_along_as_its_own(make_window, qtbot, tmp_path):
    """The items after an outdented one stay at their level and hang under it, as in Word."""
    window, editor, _ = _open_with(make_window, qtbot, tmp_path, "bedomning",
                                   "- Alfa\n  - Beta\n  - Gamma\n- Delta")
    _cursor_in(editor, "Beta")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    window.flush_editors()
    assert window.case.sections["bedomning"] == "- Alfa\n- Beta\n  - Gamma\n- Delta"
    cursor = editor.document().find("Beta")
    cursor.setPosition(editor.document().find("Delta").position(), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)  # Beta … Delta selected: Tab nests them all
    qtbot.keyClick(editor, TAB)
    window.flush_editors()
    assert window.case.sections["bedomning"] == "- Alfa\n  - Beta\n    - Gamma\n  - Delta"


def _warning_item(window, words: str):
    from tillit_desk.steps import STEP_REVIEW

    window.go_to(STEP_REVIEW)
    window.refresh()
    box = window.review_page.warnings
    items = [box.item(i) for i in range(box.count()) if words in box.item(i).text()]
    assert items, [box.item(i).text() for i in range(box.count())]
    box.scrollToItem(items[0])
    return box, items[0]


def test_att_atgarda_double_click_goes_to_the_section(make_window, qtbot, tmp_path):
    """A line in Att åtgärda leads to what it is about, as the review pane's findings do."""
    required = next(s for s in load_example_profile_sections() if s.required)
    window, _, _ = _open_with(make_window, qtbot, tmp_path, required.id, "")
    box, item = _warning_item(window, "är tomt")
    rect = box.visualItemRect(item)
    # a real double-click: press, release, then QTest's press + double-click
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(box.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_step() == required.id
    qtbot.waitUntil(window.section_pages[required.id].editor.hasFocus)


def test_att_atgarda_enter_goes_to_the_field(make_window, qtbot, tmp_path):
    case = load_example()
    case.document.diarienummer = "KS\u00072024/12"  # a control character: cleaned on export
    path = tmp_path / "falt.tillit"
    save_case(case, path)
    window = make_window([str(path)])
    box, item = _warning_item(window, "Diarienummer")
    box.setCurrentItem(item)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(window.case_form.dnr.hasFocus)


def load_example_profile_sections():
    from tillit_desk.profiles import ProfileRegistry

    return ProfileRegistry().get(load_example().profile).text_sections()


def _comment_by_click(window, qtbot, text: str):
    from tillit_desk.review import workflow as W

    window.review.show_pane()
    window.go_to("arendet")
    pane = window.review.pane
    pane.new_comment.setPlainText(text)
    qtbot.mouseClick(pane.add, Qt.MouseButton.LeftButton)
    return W.comments(window.case, section="arendet")[-1], pane


def test_a_comment_is_signed_with_the_login_name_before_any_is_set(window, qtbot,
                                                                   monkeypatch):
    """As Word signs with the Office user name: no name in Inställningar is the login name,
    never "Okänd"."""
    monkeypatch.setenv("LOGNAME", "vesna.casitovski")
    assert window.settings.name == ""
    comment, pane = _comment_by_click(window, qtbot, "Förklara begreppet.")
    assert comment.author == "vesna.casitovski"
    assert pane.comments.item(pane.comments.count() - 1).text().startswith("vesna.casitovski,")
    assert pane.author.placeholderText().endswith("vesna.casitovski")


def test_a_comment_is_signed_with_the_name_from_installningar(window, qtbot, monkeypatch):
    monkeypatch.setenv("LOGNAME", "vesna.casitovski")
    window.settings.name = "Vesna Casitovski"
    comment, _ = _comment_by_click(window, qtbot, "Förklara begreppet.")
    assert comment.author == "Vesna Casitovski"


def test_installningar_says_where_the_name_is_used(window, qtbot, monkeypatch):
    from tillit_desk.gui.dialogs import SettingsDialog

    monkeypatch.setenv("LOGNAME", "vesna.casitovski")
    dialog = SettingsDialog(window, window.settings, window.registry)
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.name_note
    assert note.isVisible()
    assert "kommentarer" in note.text() and "Vår referens" in note.text()
    assert "vesna.casitovski" in note.text()


def test_status_submenu_has_alt_letters(window, qtbot):
    """Alt+G, S, K sets the section Klar för granskning, as Word's menus go by letter; the
    submenu's entries had none (it is filled when first shown, so the menu test missed it)."""
    from PySide6.QtWidgets import QApplication, QMenu

    from tillit_desk.review import workflow as W

    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.title() == "&Granskning"
    qtbot.keyClick(menu, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu)
    status = QApplication.activePopupWidget()
    texts = [a.text() for a in status.actions()]
    letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(letters) == len(texts) == len(set(letters)), texts
    qtbot.keyClick(status, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert W.section_status(window.case, "arendet") == W.KLAR


def test_section_shape_messages_quote_like_the_rest(window, qtbot):
    """Avsnitt → Lägg till / Markera som inte relevant say ”…” as the rest of the window does
    (they said "…")."""
    from .test_section_shapes import _in_dialog

    assert window.new_case("malmo-stad", False)
    window.go_to("ekonomiska_konsekvenser")
    window.section_shapes.actions["not_relevant"].trigger()
    message = window.statusBar().currentMessage()
    assert "som ”Förslaget medför inga ekonomiska konsekvenser.”" in message, message
    _in_dialog(qtbot, "Stadskontorets förslag")
    window.section_shapes.actions["add"].trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Avsnittet ”Stadskontorets förslag” är tillagt."), message


PYTHON_WORDS = ("Error", "Errno", "errno", "Traceback", "directory", "too long", "codec",
                "surrogate", "Exception")


def _plain_swedish(message: str) -> None:
    assert not any(word in message for word in PYTHON_WORDS), message


def test_a_failed_save_says_what_happened_and_what_to_do(window, answers, tmp_path):
    """Saving where a file stands in for a folder: the OS said "Not a directory" and the
    window passed it on; the message is Swedish, says what to do, and that the text is safe."""
    (tmp_path / "inte-en-mapp").write_text("x", encoding="utf-8")
    window.case.sections["bedomning"] = "Min text."
    window.set_dirty(True)
    assert window.files.save_to(tmp_path / "inte-en-mapp" / "ärende.tillit") is False
    message = answers["warnings"][-1]
    _plain_swedish(message)
    assert "Spara som" in message and "finns kvar" in message
    assert window.isWindowModified()

    long_name = tmp_path / ("å" * 300 + ".tillit")
    assert window.files.save_to(long_name) is False
    message = answers["warnings"][-1]
    _plain_swedish(message)
    assert "namn" in message


def test_a_failed_autosave_is_told_in_swedish_and_never_raises(window, answers, qtbot):
    """The autosave folder cannot be made (a file has its name): the timer's autosave raised
    FileExistsError out of a Qt slot; now the status bar says it in Swedish."""
    from tillit_desk.paths import app_paths

    folder = app_paths().autosave_dir
    folder.parent.mkdir(parents=True, exist_ok=True)
    if folder.is_dir():
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()
    folder.write_text("inte en mapp", encoding="utf-8")
    window.files._autosaver = None  # the window made its autosaver at start: a fresh one
    window.case.sections["bedomning"] = "Min text."
    window.set_dirty(True)
    window.files.autosave_pending = True
    assert window.autosave() is False
    message = window.statusBar().currentMessage()
    assert message.startswith("Autosparningen misslyckades"), message
    _plain_swedish(message)
    assert "Ctrl+S" in message


def test_a_failed_export_says_what_to_do(window, answers, tmp_path):
    (tmp_path / "inte-en-mapp").write_text("x", encoding="utf-8")
    assert window.export_docx(tmp_path / "inte-en-mapp" / "ut.docx") is None
    message = answers["warnings"][-1]
    _plain_swedish(message)
    assert "annan plats" in message


def test_background_news_never_replaces_what_the_user_waits_on(window, qtbot):
    """"Skapar PDF: …" stays while background work reports (an autosave that failed, the
    spell checker ready); a message of the user's own shows, and when it expires the awaited
    one is back; the background news is shown once the bar is free, not lost."""
    from tillit_desk.paths import app_paths

    bar = window.statusBar()
    window.interaction.busy("Skapar PDF: /tmp/svar.pdf")  # as ExportFlow.export_pdf says it
    folder = app_paths().autosave_dir
    folder.parent.mkdir(parents=True, exist_ok=True)
    if folder.is_dir():
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()
    folder.write_text("inte en mapp", encoding="utf-8")
    window.files._autosaver = None
    window.set_dirty(True)
    window.files.autosave_pending = True
    assert window.autosave() is False  # background: the timer's autosave failed
    window.review._speller_ready()  # background: the spell checker is ready
    assert bar.currentMessage() == "Skapar PDF: /tmp/svar.pdf"

    window.interaction.status("Versionen ”x” är sparad i ärendet.", 200)  # the user's own
    assert bar.currentMessage() == "Versionen ”x” är sparad i ärendet."
    qtbot.waitUntil(lambda: bar.currentMessage() == "Skapar PDF: /tmp/svar.pdf", timeout=3000)

    window.interaction.done("PDF sparad: /tmp/svar.pdf", 200)
    assert bar.currentMessage() == "PDF sparad: /tmp/svar.pdf"
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Autosparningen misslyckades"),
                    timeout=3000)
    bar.clearMessage()  # as when it expires
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Stavningskontrollen"),
                    timeout=3000)
