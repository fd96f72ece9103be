"""Start-up time to the first painted window (Tillit Desk vs a bare PySide6 window) and peak
memory with a 100-page case open (every editor shown, preview built, checks done), without and
with the spelling dictionary. Prints figures; not a test. The package's bytecode is compiled
first, as an installed app has it (pip and PyInstaller compile it), so no timed start compiles.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--startup-only]

``--startup-only`` skips the memory runs (the start-up figures take ~1 minute on their own).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 21
LAZY = ("docx", "docxtpl", "lxml", "markdown_it", "jinja2")


def _first_paint(window, app, then) -> None:
    from PySide6.QtCore import QEvent, QObject

    class Filter(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                then()
            return False

    app._paint_filter = Filter()  # keep a reference
    app.installEventFilter(app._paint_filter)
    window.show()


def child(kind: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication([])

    def report() -> None:
        loaded = [m for m in LAZY if m in sys.modules]
        print("PAINTED", ",".join(loaded) or "-", flush=True)
        os._exit(0)

    if kind == "bare":
        from PySide6.QtWidgets import QLabel, QMainWindow

        window = QMainWindow()
        window.setCentralWidget(QLabel("Hej"))
        window.resize(1280, 800)
    else:
        from tillit_desk.gui.app import create_window

        window = create_window([])
    _first_paint(window, app, report)
    app.exec()


def memory_child(path: str, speller: bool) -> None:
    """Open the case, show every section's editor, and wait until the window is at rest: the
    preview really rendered (it is debounced and laid out in the background), the live checks
    of every editor and the full check back from their thread, and, with ``speller``, the
    dictionary loaded the way the app loads it (``ReviewChecks.load_speller``, which the app
    starts 2 s after start-up) and the case checked again with spelling. Then read the peak."""
    import resource

    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from tillit_desk.gui.app import create_window
    from tillit_desk.gui.review_live import LIVE_LIMIT

    window = create_window([path])
    review = window.review
    review.speller_timer.stop()  # loaded below, at once, when asked for
    window.show()
    app.processEvents()
    for spec in window.profile.text_sections():  # open every editor, as a user would
        window.go_to(spec.id)
        app.processEvents()

    def settle(done, limit: float = 60.0) -> None:
        """Run the event loop until ``done()`` holds, then one more second for the work Qt
        does when idle (laying out the preview and the editors in the background)."""
        end = time.monotonic() + limit
        while not done():
            if time.monotonic() > end:
                raise SystemExit("the window did not settle")
            app.processEvents()
            time.sleep(0.005)
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    def at_rest() -> bool:
        return (window.preview_renders > 0 and not window.refresh_timer.isActive()
                and review.full_done and review.idle()
                and all(sid in review.live or page.editor.document().characterCount() > LIVE_LIMIT
                        for sid, page in window.section_pages.items()))

    settle(at_rest)
    if window.preview.document().characterCount() < 100_000:
        raise SystemExit("the preview was not built")
    if speller:
        review.checks.load_speller()
        settle(lambda: review.checks.speller is not None)
        review.full_done = False
        review.run_full_check()  # what speller_ready's timer does 1.5 s later
        settle(lambda: review.full_done and review.idle())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB → MB
    print(f"PEAK {peak:.0f}", flush=True)
    os._exit(0)


def _time(kind: str) -> tuple[float, str]:
    import subprocess

    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if not line.startswith("PAINTED"):
        raise SystemExit(f"{kind}: the window did not paint ({line!r})")
    return elapsed, line.split()[1]


def hundred_page_case(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from tillit_desk.example import load_example
    from tillit_desk.fileformat import save_case

    case = load_example()
    paragraph = ("Förvaltningen har gått igenom motionens yrkanden och bedömer att arbetet "
                 "redan pågår inom ramen för kommunens program och styrande dokument. ") * 6
    page = "\n\n".join(["### Underrubrik", paragraph, "- en punkt\n- en till", paragraph])
    sections = [s for s in case.sections if s != "forslag_till_beslut"]
    for sid in sections:  # ~100 pages of ~450 words
        case.sections[sid] = "\n\n".join([page] * (100 * 2 // len(sections)))
    path = folder / "hundra-sidor.tillit"
    save_case(case, path)
    return path


def main() -> None:
    # imported here, not at the top: the timed children run this file too, and must load no
    # more than the windows they time (statistics alone pulls in decimal, fractions, random)
    import statistics
    import subprocess
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed app starts from bytecode (pip and PyInstaller compile it); a checkout in a
    # shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module in every timed
    # start. Up-to-date files are skipped, so this costs nothing the second time.
    import compileall

    compileall.compile_dir(ROOT / "tillit_desk", quiet=1)
    home = tempfile.mkdtemp(prefix="tillit-bench-")
    os.environ["TILLIT_DESK_HOME"] = home
    _time("app")  # warm the file cache once
    app_times, bare_times, loaded = [], [], ""
    for _ in range(RUNS):
        t, loaded = _time("app")
        app_times.append(t)
        bare_times.append(_time("bare")[0])
    app_t, bare_t = statistics.median(app_times), statistics.median(bare_times)
    print(f"Första målade fönster, Tillit Desk med exempelärendet: {app_t * 1000:.0f} ms "
          f"(median av {RUNS})")
    print(f"Första målade fönster, tomt PySide6-fönster:        {bare_t * 1000:.0f} ms")
    print(f"Kvot: {app_t / bare_t:.2f} (mål ≤ 1,3)")
    print(f"Inlästa vid första målningen av {', '.join(LAZY)}: {loaded}")
    if "--startup-only" in sys.argv:
        return
    path = hundred_page_case(Path(home))
    words = sum(len(t.split()) for t in __import__("json").loads(path.read_text())
                ["sections"].values())
    peaks = {}
    # "med" twice: the first start builds the compact dictionary's cache file, later starts
    # read it (TILLIT_DESK_HOME is this run's own folder, so the first one really is first).
    for kind, label in (("utan", "utan"), ("med", "med-först"), ("med", "med")):
        out = subprocess.run([sys.executable, __file__, "--memory", str(path), kind],
                             capture_output=True, text=True, cwd=ROOT).stdout
        peaks[label] = next((line.split()[1] for line in out.splitlines()
                             if line.startswith("PEAK")), "?")
    print(f"Toppminne (RSS, MB = 10^6 byte) med ett ärende på {words} ord (~{words // 450} sidor) "
          "öppet, alla avsnitt visade, förhandsvisningen byggd och granskningen klar "
          "(mål ≤ 150 MB):")
    print(f"  utan stavningsordlistan: {peaks['utan']} MB")
    print(f"  med stavningsordlistan, som appen läser in den: {peaks['med']} MB "
          f"(första starten, då ordlistans cache byggs: {peaks['med-först']} MB)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
    elif len(sys.argv) > 2 and sys.argv[1] == "--memory":
        memory_child(sys.argv[2], speller=sys.argv[3:] == ["med"])
    else:
        main()
