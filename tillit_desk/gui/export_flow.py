"""Export from the window: DOCX on the GUI thread (about a second at most), PDF through
LibreOffice in a worker thread (``pdf_export``). Reads the case from the case-state and reports
through the interaction object; the personal-data guard is asked through ``confirm``."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from .interaction import plural

if TYPE_CHECKING:
    from ..settings import Settings
    from .case_state import CaseState
    from .interaction import Interaction
    from .pdf_export import PdfExport


def file_stem(state: CaseState) -> str:
    """A file name from the diarienummer or the title (for Spara som and exports)."""
    doc = state.case.document
    base = doc.diarienummer or doc.title or "arende"
    safe = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in base)
    return safe.strip().replace(" ", "-")[:60] or "arende"


class ExportFlow(QObject):
    def __init__(self, state: CaseState, interaction: Interaction, settings: Settings,
                 confirm: Callable[[], bool]) -> None:
        super().__init__(interaction.widget)
        self.state, self.ask, self.settings, self.confirm = state, interaction, settings, confirm
        self.pdf_jobs: list[PdfExport] = []

    def ask_path(self, suffix: str, title: str, file_filter: str) -> Path | None:
        """Save dialog next to the case file (or in the home folder), suffix enforced."""
        path = self.state.path
        default = (path.with_suffix(suffix) if path
                   else Path.home() / (file_stem(self.state) + suffix))
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getSaveFileName(self.ask.widget, title, str(default),
                                                file_filter)
        if not chosen:
            return None
        out = Path(chosen)
        return out if out.suffix.lower() == suffix else out.with_name(out.name + suffix)

    def _progress(self, i: int, n: int, msg: str) -> None:
        from PySide6.QtWidgets import QApplication

        self.ask.busy(f"{msg} ({i}/{n})")
        QApplication.processEvents()

    def export_docx(self, out: Path | None = None, confirm: bool = True,
                    announce: bool = True) -> Path | None:
        """``announce=False``: a step of the PDF export, whose temp path the user never sees."""
        if confirm and not self.confirm():  # open personal-data findings
            return None
        if out is None:
            out = self.ask_path(".docx", "Exportera DOCX", "Word-dokument (*.docx)")
            if out is None:
                return None
        self.state.flush()
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from ..export.docx import export_docx

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_docx(self.state.case, self.state.profile, out,
                                 progress=self._progress if announce else None)
        except Exception as err:  # noqa: BLE001 - told in Swedish, the case is untouched
            from .failure_text import EXPORT_ADVICE, message

            QApplication.restoreOverrideCursor()
            if announce:
                self.ask.done()  # the progress message ends with the export
            self.ask.error(message(err, EXPORT_ADVICE), "Exporten misslyckades")
            return None
        QApplication.restoreOverrideCursor()
        if announce:
            note = (f" ({plural(len(result.warnings), 'varning', 'varningar')}, "
                    "se Granska och exportera)" if result.warnings else "")
            self.ask.done(f"Exporterat till {result.path}{note}", 8000)
        return result.path

    def export_pdf(self, out: Path | None = None) -> bool:
        """DOCX first (fast), then LibreOffice in a worker thread with a cancel button. The
        result arrives through queued signals on the GUI thread (``PdfExport``)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        from ..export.pdf import MISSING_LIBREOFFICE, PdfJob, find_soffice
        from .pdf_export import PdfExport

        if not self.confirm():
            return False
        soffice = find_soffice(self.settings.soffice_path or None)
        if soffice is None:
            self.ask.error(MISSING_LIBREOFFICE, "PDF kan inte skapas")
            return False
        if out is None:
            out = self.ask_path(".pdf", "Exportera PDF", "PDF (*.pdf)")
            if out is None:
                return False
        work = Path(tempfile.mkdtemp(prefix="tillit-pdf-"))
        docx = self.export_docx(work / (out.stem + ".docx"), confirm=False, announce=False)
        if docx is None:
            shutil.rmtree(work, ignore_errors=True)
            return False
        job = PdfExport(PdfJob(docx, out, soffice=str(soffice)), work, self)
        progress = QProgressDialog("Skapar PDF med LibreOffice…", "Avbryt", 0, 0,
                                   self.ask.widget)
        progress.setWindowTitle("Exportera PDF")
        progress.setAccessibleName("PDF-export pågår")
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.canceled.connect(job.cancel)
        self.ask.busy(f"Skapar PDF: {out}")
        job.done.connect(self._pdf_done)
        job.progress = progress  # type: ignore[attr-defined]
        self.pdf_jobs.append(job)
        progress.show()
        job.start()
        return True

    def _pdf_done(self, message: str, ok: bool, cancelled: bool) -> None:
        """On the GUI thread: a slot of this object, reached through a queued signal."""
        job = self.sender()
        if job in self.pdf_jobs:
            self.pdf_jobs.remove(job)
            job.progress.reset()
            job.progress.close()
            job.progress.deleteLater()
            job.deleteLater()
        warnings = list(getattr(job.worker.job, "warnings", []) or []) if job else []
        if ok and warnings:  # template fonts this machine lacks: the PDF differs from Word
            self.ask.done(f"PDF sparad: {message}. {' '.join(warnings)}", 0)
            self.ask.information("PDF:en skrevs med andra typsnitt", "\n\n".join(warnings))
        elif ok:
            self.ask.done(f"PDF sparad: {message}", 8000)
        elif not cancelled:
            from .failure_text import EXPORT_ADVICE

            self.ask.done()
            self.ask.error(f"{message}\n\n{EXPORT_ADVICE}", "PDF-exporten misslyckades")
        else:
            self.ask.done("PDF-exporten avbröts.", 5000)

    def print_case(self, name: str) -> bool:
        """Skriv ut (Ctrl+P): the whole document as the preview shows it, through Qt's printer
        dialog (a printer, or a PDF file)."""
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..compose import compose
        from ..export.html import render_html

        self.state.flush()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(name)
        dialog = QPrintDialog(printer, self.ask.widget)
        dialog.setWindowTitle("Skriv ut")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        doc = QTextDocument()
        doc.setHtml(render_html(compose(self.state.case, self.state.profile)))
        doc.print_(printer)
        self.ask.status("Dokumentet är skickat till skrivaren.", 5000)
        return True

    def stop(self) -> None:
        """The window is closing: cancel LibreOffice and wait for the threads."""
        for job in list(self.pdf_jobs):
            job.stop()
