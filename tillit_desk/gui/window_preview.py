"""The side panel: the debounced preview, following the section being edited, and the review
pane's tab beside it.

A part of ``MainWindow`` (gui/mainwindow.py), which inherits it; it reads the window's own
attributes and never imports the window module."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Beyond this (about 45 pages) the preview shows the beginning only: Qt keeps the layout of every
# previewed paragraph, and 400 000 cost a 100-page case ~10 MB more for pages nobody reads
# on screen (the export always has the whole text).
PREVIEW_CHAR_LIMIT = 250_000


class PreviewSide:
    """The side panel."""

    def place_review_pane(self, pane: QWidget) -> None:
        """The review pane goes in a tab beside the preview."""
        self.side.addTab(pane, "Granskning")

    def show_review_pane(self, visible: bool = True) -> None:
        pane = self.review.dock
        if visible:
            self.preview_action.setChecked(True)
            self.side.setCurrentWidget(pane)
            pane.show()
        elif self.side.currentWidget() is pane:
            self.side.setCurrentWidget(self.preview)

    def show_preview(self, visible: bool) -> bool:
        """Show the preview tab (or hide the side panel); returns whether it was visible."""
        was = self.preview.isVisible()
        if visible:
            self.side.setCurrentWidget(self.preview)
        self.preview_action.setChecked(visible)
        return was

    def _side_tab_changed(self, _index: int) -> None:
        on_review = self.review.dock_built and self.side.currentWidget() is self.review.dock
        self.review.pane_shown(on_review)
        if not on_review:
            self.refresh_timer.start()  # the preview was not rendered while hidden

    def refresh(self) -> None:
        """Debounced: step states, review warnings and the preview."""
        self.flush_editors()
        self.rebuild_steps()
        from ..compose import compose

        composed = compose(self.case, self.profile)
        self.last_warnings = list(composed.warnings)
        if self._review_page is not None:
            self._review_page.set_warnings(self.last_warnings)
        self.review.refreshed()
        if self.preview.isVisible() or not self.isVisible():
            self.render_preview(composed)

    def render_preview(self, composed) -> None:
        from ..export.html import render_html

        total = 0
        for i, (_sid, block) in enumerate(composed.blocks):
            total += len(repr(block))
            if total > PREVIEW_CHAR_LIMIT:
                from ..compose import LabelLine

                composed.blocks = [*composed.blocks[:i], ("", LabelLine(
                    "Förhandsvisningen visar början av dokumentet; hela texten exporteras."))]
                break
        bar = self.preview.verticalScrollBar()
        pos = bar.value()
        self.preview.document().setDocumentMargin(18)  # a no-op after the first render
        self.preview.setHtml(render_html(composed))
        self.preview_renders += 1
        if not self._follow_pending or not self.follow_preview():
            bar.setValue(pos)

    def follow_preview(self) -> bool:
        """Scroll the preview to the heading of the section being edited (True when found).
        A step change asks for it; re-renders while typing keep the reader's place."""
        spec = self.current_spec()
        if spec is None or not spec.heading or self.preview.document().isEmpty():
            return False
        self._follow_pending = False
        block = self.preview.document().begin()
        while block.isValid():
            if block.text().strip() == spec.heading:
                layout = self.preview.document().documentLayout()
                top = layout.blockBoundingRect(block).top()
                self.preview.verticalScrollBar().setValue(max(0, int(top) - 12))
                return True
            block = block.next()
        return False

    def set_preview_visible(self, visible: bool) -> None:
        """F9: the side panel (preview, and the review pane when built) on or off."""
        self.side.setVisible(visible)
        if visible:
            self.refresh_timer.start()
