"""Build hook: the OCR word repair (src/meeting_extractor/ocr_repair.py) compiled with mypyc.

The module stays plain, type-annotated Python, and it is the only source: mypyc turns it into a
C extension that runs the same code without the interpreter's dispatch (a first pass over OCR'd
text runs ~9% fewer instructions; see the README's section on speed). A wheel carries the
extension next to the source; an editable install (`make test`, `make demo`) builds it into
src/meeting_extractor/, with a note of the source it was built from (`ocr_repair.compiled`, which
tests/test_ocr_repair.py checks, so a stale build fails the tests instead of running old code).

Where it cannot be compiled (no C compiler, a mypy too new for the annotations), or with
MEETING_EXTRACTOR_PURE_PYTHON=1, the package installs as pure Python, which gives the same
records: the build says so and goes on.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "meeting_extractor"
MODULE = "ocr_repair"  # (the one module compiled; its extension files all begin with its name)
SOURCE = f"{PACKAGE}/{MODULE}.py"
PURE_ENV = "MEETING_EXTRACTOR_PURE_PYTHON"


def source_note(src: Path) -> str:
    """What an in-place build was compiled from: the source's path and sha256."""
    return f"{SOURCE} {hashlib.sha256((src / SOURCE).read_bytes()).hexdigest()}\n"


def compile_extensions(src: Path, work: Path) -> list[Path]:
    """Compile SOURCE (a path relative to `src`) with mypyc; the built extension files, under
    work/lib (their paths there relative to it are their places in the package)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    cwd = os.getcwd()
    os.chdir(src)  # (mypyc names a module by its path from here)
    try:
        # (the other modules are read for their types only: what mypy would say of them is not asked)
        options = ["--cache-dir", str(work / "mypy"), "--follow-imports", "silent", "--ignore-missing-imports"]
        extensions = mypycify([*options, SOURCE], target_dir=str(work / "c"))
        dist = Distribution({"name": PACKAGE, "ext_modules": extensions})
        build_ext = dist.get_command_obj("build_ext")
        build_ext.build_lib, build_ext.build_temp = str(work / "lib"), str(work / "tmp")
        dist.run_command("build_ext")
    finally:
        os.chdir(cwd)
    return sorted(p for p in (work / "lib").rglob("*") if p.suffix in (".so", ".pyd"))


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if os.environ.get(PURE_ENV):
            return
        src = Path(self.root) / "src"
        note = src / PACKAGE / f"{MODULE}.compiled"
        if version == "editable":  # (a build of other sources must not outlive them)
            for old in [*(src / PACKAGE).glob(f"{MODULE}*.so"), *(src / PACKAGE).glob(f"{MODULE}*.pyd"), note]:
                old.unlink(missing_ok=True)
        work = Path(tempfile.mkdtemp(prefix="meeting-extractor-mypyc-"))
        try:
            built = compile_extensions(src, work)
        except BaseException as exc:  # (no compiler; mypy refusing the annotations exits): pure Python
            self.app.display_warning(f"meeting-extractor: the OCR repair was not compiled ({exc!r}); "
                                     "installing it as pure Python (the same records, slower)")
            shutil.rmtree(work, ignore_errors=True)
            return
        lib = work / "lib"
        if version == "editable":  # the package is imported from src/: the extension goes there
            for path in built:
                shutil.copy2(path, src / path.relative_to(lib))
            note.write_text(source_note(src), encoding="utf-8")
            shutil.rmtree(work, ignore_errors=True)
        else:  # (the wheel is written after this hook: the files stay until `finalize`)
            for path in built:
                build_data["force_include"][str(path)] = str(path.relative_to(lib))
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            self._work = work

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
