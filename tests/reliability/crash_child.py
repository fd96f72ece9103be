"""Child process for the crash tests: saves (or exports) forever until it is SIGKILLed.

Usage: crash_child.py save|export|autosave TARGET
It alternates between two known versions so that the parent can tell old from new.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tillit_desk.case import Case


def version(n: int) -> Case:
    case = Case(profile="generic")
    case.document.title = f"Version {n}"
    # large enough that a write takes several syscalls
    case.sections = {"arendet": (f"Stycke {n}. " * 4000), "bedomning": f"Slut {n}"}
    return case


def main() -> None:
    mode, target = sys.argv[1], Path(sys.argv[2])
    if mode == "autosave":  # target is the autosave folder; the draft of one session
        from tillit_desk.autosave import Autosaver

        saver = Autosaver(target, session="krasch")
        cases = [version(1), version(2)]
        print("ready", flush=True)
        i = 0
        while True:
            saver.save(cases[i % 2], target.parent / "fall.tillit")
            i += 1
    if mode == "save":
        from tillit_desk.fileformat import save_case

        cases = [version(1), version(2)]
        print("ready", flush=True)
        i = 0
        while True:
            save_case(cases[i % 2], target)
            i += 1
    else:
        from tillit_desk.export.docx import export_docx
        from tillit_desk.profiles import ProfileRegistry

        profile = ProfileRegistry().get("generic")
        cases = [version(1), version(2)]
        print("ready", flush=True)
        i = 0
        while True:
            export_docx(cases[i % 2], profile, target)
            i += 1


if __name__ == "__main__":
    main()
