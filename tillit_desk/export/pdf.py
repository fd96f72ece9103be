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


class PdfJob:
    """One conversion. ``run()`` blocks; ``cancel()`` may be called from any thread."""

    def __init__(self, docx: Path, out: Path | None = None, *, pdfa: bool = False,
                 soffice: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.docx = Path(docx)
        self.out = Path(out) if out else self.docx.with_suffix(".pdf")
        self.pdfa = pdfa
        self.soffice = soffice
        self.timeout = timeout
        self._proc: subprocess.Popen | None = None
        self._cancelled = threading.Event()
        self._lock = threading.Lock()

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
        binary = find_soffice(self.soffice)
        if binary is None:
            raise PdfError(MISSING_LIBREOFFICE)
        if not self.docx.is_file():
            raise PdfError(f"Filen {self.docx} finns inte.")
        filter_name = "pdf"
        if self.pdfa:
            filter_name = ('pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long",'
                           '"value":"2"}}')
        with tempfile.TemporaryDirectory(prefix="tillit-pdf-") as work:
            work_dir = Path(work)
            profile_url = (work_dir / "lo-profile").resolve().as_uri()
            cmd = [str(binary), f"-env:UserInstallation={profile_url}", "--headless",
                   "--norestore", "--nologo", "--convert-to", filter_name,
                   "--outdir", str(work_dir / "out"), str(self.docx.resolve())]
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
            produced = work_dir / "out" / (self.docx.stem + ".pdf")
            if self._proc.returncode != 0 or not produced.is_file():
                detail = (err_out or b"").decode("utf-8", "replace").strip()[:300]
                raise PdfError("LibreOffice kunde inte göra en PDF av dokumentet"
                               + (f": {detail}" if detail else "."))
            data = produced.read_bytes()
        atomic_write(self.out, lambda fh: fh.write(data), keep_backup=False, error_cls=PdfError)
        return self.out


def convert_to_pdf(docx: Path, out: Path | None = None, *, pdfa: bool = False,
                   soffice: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Path:
    return PdfJob(docx, out, pdfa=pdfa, soffice=soffice, timeout=timeout).run()
