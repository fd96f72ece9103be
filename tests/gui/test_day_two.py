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
    window.flush_editors()
    assert window.case.sections["bedomning"] == "1. Ettan\n   1. Tvåan\n      1. Trean"
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
