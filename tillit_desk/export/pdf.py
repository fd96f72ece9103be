"""DOCX → PDF (or PDF/A-2b for the diarium) through LibreOffice headless.

The conversion runs in a subprocess with a timeout and can be cancelled from another thread, so a
window can offer a cancel button and stay responsive. LibreOffice gets a private profile folder:
a running LibreOffice on the desktop would otherwise swallow the request.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from ..errors import PdfError
from ..safe_write import atomic_write

DEFAULT_TIMEOUT = 120.0
MISSING_LIBREOFFICE = (
    "LibreOffice hittades inte, så PDF kan inte skapas. Installera LibreOffice (gratis) eller "
    "ange sökvägen till soffice i Arkiv → Inställningar. DOCX-exporten fungerar ändå."
)

_CANDIDATES = {
    "win32": [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}


def find_soffice(configured: str | None = None) -> Path | None:
    """The LibreOffice binary: a configured path, then PATH, then the usual install folders."""
    if configured:
        path = Path(configured)
        return path if path.is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _CANDIDATES.get(sys.platform, []):
        if Path(candidate).is_file():
            return Path(candidate)
    return None


_TAGGED = '"UseTaggedPDF":{"type":"boolean","value":"true"}'
_PDFA = '"SelectPdfVersion":{"type":"long","value":"2"}'


def filter_spec(pdfa: bool) -> str:
    """LibreOffice's PDF export filter: always tagged (structure for screen readers, as the
    accessibility requirements for public documents want), PDF/A-2b when asked."""
    options = [_TAGGED] + ([_PDFA] if pdfa else [])
    return "pdf:writer_pdf_Export:{" + ",".join(options) + "}"


class PdfJob:
    """One LibreOffice run for one or many documents. ``run()`` blocks; ``cancel()`` may be
    called from any thread. Many documents in one run (batch export) pay LibreOffice's start-up
    once."""

    def __init__(self, docx: Path | Sequence[Path], out: Path | Sequence[Path] | None = None,
                 *, pdfa: bool = False, soffice: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.docs = [Path(docx)] if isinstance(docx, str | Path) else [Path(d) for d in docx]
        if out is None:
            self.outs = [d.with_suffix(".pdf") for d in self.docs]
        elif isinstance(out, str | Path):
            self.outs = [Path(out)]
        else:
            self.outs = [Path(o) for o in out]
        if len(self.outs) != len(self.docs):
            raise ValueError("one output path per document")
        self.docx, self.out = self.docs[0], self.outs[0]
        self.pdfa = pdfa
        self.soffice = soffice
        self.timeout = timeout + 30.0 * (len(self.docs) - 1)
        self._proc: subprocess.Popen | None = None
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        # Filled by run_all() before LibreOffice starts: template fonts this machine lacks
        # (the window and the CLI show them; LibreOffice would replace them silently).
        self.warnings: list[str] = []

    def _check_fonts(self) -> None:
        import zipfile

        from .fonts import font_warnings

        found: dict[str, None] = {}
        for doc in self.docs:
            try:
                found.update(dict.fromkeys(font_warnings(doc)))
            except (OSError, zipfile.BadZipFile, ValueError, KeyError):
                continue  # not a readable DOCX: LibreOffice will say what is wrong
        self.warnings = list(found)

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:
            self._kill()

    def _kill(self) -> None:
        """Kill LibreOffice and its children (soffice starts soffice.bin, which keeps pipes)."""
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(OSError):
            if os.name == "posix":
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> Path:
        return self.run_all()[0]

    def run_all(self) -> list[Path]:
        binary = find_soffice(self.soffice)
        if binary is None:
            raise PdfError(MISSING_LIBREOFFICE)
        for doc in self.docs:
            if not doc.is_file():
                raise PdfError(f"Filen {doc} finns inte.")
        self._check_fonts()
        with tempfile.TemporaryDirectory(prefix="tillit-pdf-") as work:
            work_dir = Path(work)
            inputs = self.docs
            if len({d.stem for d in self.docs}) < len(self.docs):  # same names, other folders
                (work_dir / "in").mkdir()
                inputs = []
                for i, doc in enumerate(self.docs):
                    inputs.append(work_dir / "in" / f"{i:04d}-{doc.name}")
                    shutil.copyfile(doc, inputs[-1])
            profile_url = (work_dir / "lo-profile").resolve().as_uri()
            cmd = [str(binary), f"-env:UserInstallation={profile_url}", "--headless",
                   "--norestore", "--nologo", "--convert-to", filter_spec(self.pdfa),
                   "--outdir", str(work_dir / "out"), *(str(d.resolve()) for d in inputs)]
            env = dict(os.environ)
            env.setdefault("HOME", str(work_dir))
            with self._lock:
                if self.cancelled:
                    raise PdfError("PDF-exporten avbröts.")
                try:
                    self._proc = subprocess.Popen(
                        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        stdin=subprocess.DEVNULL, env=env, start_new_session=os.name == "posix")
                except OSError as err:
                    raise PdfError(f"LibreOffice kunde inte startas ({err}).") from err
            try:
                _out, err_out = self._proc.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired as err:
                self._kill()
                self._proc.communicate()
                raise PdfError(f"LibreOffice svarade inte inom {int(self.timeout)} sekunder; "
                               "PDF-exporten avbröts.") from err
            if self.cancelled:
                raise PdfError("PDF-exporten avbröts.")
            produced = [work_dir / "out" / (d.stem + ".pdf") for d in inputs]
            missing = [doc for doc, pdf in zip(self.docs, produced, strict=True)
                       if not pdf.is_file()]
            if self._proc.returncode != 0 or missing:
                detail = (err_out or b"").decode("utf-8", "replace").strip()[:300]
                names = ", ".join(d.name for d in missing[:5])
                raise PdfError("LibreOffice kunde inte göra en PDF av "
                               + (names or "dokumentet") + (f": {detail}" if detail else "."))
            for pdf, out in zip(produced, self.outs, strict=True):
                data = pdf.read_bytes()
                atomic_write(out, lambda fh, data=data: fh.write(data), keep_backup=False,
                             error_cls=PdfError)
        return self.outs


def convert_to_pdf(docx: Path, out: Path | None = None, *, pdfa: bool = False,
                   soffice: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Path:
    return PdfJob(docx, out, pdfa=pdfa, soffice=soffice, timeout=timeout).run()


def convert_many_to_pdf(docs: Sequence[Path], outs: Sequence[Path] | None = None, *,
                        pdfa: bool = False, soffice: str | None = None,
                        timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Many documents, one LibreOffice run (batch export for the secretary)."""
    if not docs:
        return []
    return PdfJob(list(docs), list(outs) if outs is not None else None, pdfa=pdfa,
                  soffice=soffice, timeout=timeout).run_all()
