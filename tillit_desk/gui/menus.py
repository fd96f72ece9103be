"""The main window's menu bar: which actions sit in which menu, with Word's shortcuts.

Only the layout lives here; every action calls a method of the window (or of the flow objects
it owns), so the window keeps the behaviour and this module the arrangement.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from .actions import make_action

ZOOM_STEP = 10  # per cent a step


def build_menus(window: QMainWindow) -> None:
    """``window``: the MainWindow (not imported here: no cycle between the two modules)."""
    bar = window.menuBar()
    bar.setAccessibleName("Meny")
    arkiv = bar.addMenu("&Arkiv")
    window.new_action = window._action("&Nytt från profil…", window.new_case,
                                       QKeySequence.StandardKey.New, arkiv)
    window._action("Ö&ppna…", window.open_dialog, QKeySequence.StandardKey.Open, arkiv)
    window.recent_menu = arkiv.addMenu("Öppna s&enaste")
    window.recent_menu.aboutToShow.connect(window._fill_recent)
    arkiv.addSeparator()
    # Hook for the motion import dialog (tillit_desk/gui/motion_dialog.py, built separately)
    window.import_motion_action = window._action("Importera m&otion…", window.import_motion,
                                                 None, arkiv)
    window.import_motion_action.setObjectName("import_motion")
    window._action("Importera från &Word…", window.import_word, None, arkiv).setObjectName(
        "import_word")
    window._action("Ändringar f&rån Word", window.show_word_changes, None, arkiv).setObjectName(
        "word_changes")
    arkiv.addSeparator()
    window._action("&Spara", window.save, QKeySequence.StandardKey.Save, arkiv)
    window._action("Spara so&m…", window.save_as, [QKeySequence.StandardKey.SaveAs, "F12"],
                   arkiv)  # F12 as in Word
    arkiv.addSeparator()
    window._action("Exportera &DOCX…", window.export_docx, "Ctrl+E", arkiv)
    window._action("Exportera PD&F…", window.export_pdf, "Ctrl+Shift+E", arkiv)
    window.review.file_actions(arkiv)
    window._action("Skriv &ut…", window.print_case, QKeySequence.StandardKey.Print, arkiv)
    arkiv.addSeparator()
    window._action("&Inställningar…", window.edit_settings, None, arkiv)
    arkiv.addSeparator()
    window._action("&Avsluta", window.close, QKeySequence.StandardKey.Quit, arkiv)

    edit = bar.addMenu("&Redigera")
    window._action("Ån&gra", window.undo, QKeySequence.StandardKey.Undo, edit)
    window._action("Gör &om", window.redo, ["Ctrl+Y", "Ctrl+Shift+Z"], edit)
    edit.addSeparator()
    # The focused text field does these itself when it has focus (its own shortcuts win);
    # the menu entries reach it from the mouse.
    window.edit_actions = {
        name: window._action(text, lambda n=name: window._edit_focused(n), keys, edit)
        for name, text, keys in (("cut", "Klipp &ut", "Ctrl+X"),
                                 ("copy", "&Kopiera", "Ctrl+C"),
                                 ("paste", "Klistra &in", "Ctrl+V"),
                                 ("selectAll", "&Markera allt", "Ctrl+A"))}
    edit.addSeparator()
    window._action("&Sök…", lambda: window.open_find(replace=False), "Ctrl+F", edit)
    window._action("&Ersätt…", lambda: window.open_find(replace=True), "Ctrl+H", edit)
    edit.addSeparator()
    window.phrase_menu = edit.addMenu("Infoga standard&fras")
    window.phrase_menu.aboutToShow.connect(window._fill_phrases)

    from .section_shapes import SectionShapes  # Avsnitt: the case's own section shapes

    window.section_shapes = SectionShapes(window, bar)
    window.review.build_menu(bar)
    view = bar.addMenu("&Visa")
    window.preview_action = make_action(window, "&Förhandsvisning", None, "F9", view,
                                        checkable=True, checked=True)
    window.preview_action.toggled.connect(window.set_preview_visible)
    window.help_action = make_action(window, "&Hjälppanel", None, "F1", view, checkable=True,
                                     checked=True)
    window.help_action.toggled.connect(window.help_pane.setVisible)
    view.addSeparator()
    window._action("Zooma &in", lambda: window.set_zoom(window.zoom + ZOOM_STEP),
                 ["Ctrl++", "Ctrl+="], view)
    window._action("Zooma &ut", lambda: window.set_zoom(window.zoom - ZOOM_STEP), "Ctrl+-", view)
    window._action("&Återställ zoom (100 %)", lambda: window.set_zoom(100), "Ctrl+0", view)
    view.addSeparator()
    window._action("&Nästa steg", lambda: window.navigator.move(1), "Ctrl+PgDown", view)
    window._action("F&öregående steg", lambda: window.navigator.move(-1), "Ctrl+PgUp", view)

    hjalp = bar.addMenu("&Hjälp")
    window._action("&Användarhandbok", window.show_manual, None, hjalp)
    hjalp.addSeparator()
    window._action("&Om Tillit Desk", window.show_about, None, hjalp)
    # Every action keeps QAction's default shortcut context, Qt.WindowShortcut.
