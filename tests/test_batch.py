"""Batch conversion: every input kind, resume, fault isolation, time limits, the local pool and Dask."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import needs_legacy_fonts

from meeting_extractor import convert
from meeting_extractor.batch import JSONL_NAME, PARTS_DIR, REPORT_NAME, convert_dask
from meeting_extractor.reading import MAX_BYTES
from meeting_extractor.schema import validate_record
from meeting_extractor.tasks import SLOW_ENV

from makers import cp1258_bytes, docx_bytes, html_page, legacy_bytes, pdf_bytes

REPORT = ("Hà Nội, ngày 6/12/2019\n\nSáng 5/12, tại Hà Nội, Bộ Khoa học và Công nghệ phối hợp với "
          "UBND thành phố Hà Nội tổ chức Hội nghị “Đổi mới sáng tạo trong doanh nghiệp” lần thứ {n}. "
          "Tham dự Hội nghị có hơn {m} đại biểu đến từ 30 tỉnh, thành phố.\n")


def report(n: int) -> str:
    return REPORT.format(n=n, m=100 + n)


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a run wrote, but the run report (which has timings)."""
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != REPORT_NAME}


def read_report(out: Path) -> dict:
    return json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))


def cli(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("meeting-extractor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "meeting_extractor.cli"]
    return cmd + list(args)


def run_cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cli(*args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})


@pytest.fixture
def mixed(tmp_path) -> Path:
    """A folder with every kind of input, good and bad."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(report(1), encoding="utf-8")
    (src / "b.md").write_text("# Tin\n\n" + report(2), encoding="utf-8")
    (src / "c.html").write_text(html_page(report(3)), encoding="utf-8")
    (src / "d.docx").write_bytes(docx_bytes(report(4).split("\n")))
    (src / "e.pdf").write_bytes(pdf_bytes([report(5)]))
    (src / "sub" / "f.txt").write_bytes(legacy_bytes(report(6), "tcvn3"))
    (src / "sub" / "g.txt").write_bytes(legacy_bytes(report(7), "vni"))
    (src / "sub" / "h.txt").write_bytes(cp1258_bytes(report(8)))
    (src / "sub" / "i.txt").write_bytes(report(9).encode("utf-16"))
    (src / "batch.jsonl").write_text(
        json.dumps({"id": "one", "text": report(10)}, ensure_ascii=False) + "\n\n"
        + json.dumps({"id": 2, "text": report(11)}, ensure_ascii=False) + "\n"
        + "not json\n"
        + json.dumps({"id": "x/../y", "text": ""}) + "\n"
        + json.dumps({"id": "one", "text": "again"}) + "\n", encoding="utf-8")
    (src / "z-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (src / "z-corrupt.docx").write_bytes(b"PK\x03\x04 broken")
    (src / "z-empty.txt").write_bytes(b"")
    with open(src / "z-huge.txt", "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    (src / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    return src


GOOD = ["a.json", "b.json", "c.json", "d.json", "e.json", "sub/f.json", "sub/g.json", "sub/h.json", "sub/i.json",
        "batch/one.json", "batch/2.json", "batch/x_.._y.json", "z-empty.json"]
BAD = {"batch.jsonl:4": "not a line of JSON", "batch.jsonl:6": "same output name", "z-binary.txt": "binary",
       "z-corrupt.docx": "not a readable .docx", "z-huge.txt": "larger than"}


def check_mixed_run(src: Path, out: Path, rep) -> None:
    assert sorted(outputs(out)) == sorted(GOOD)
    assert (rep.inputs, rep.converted, rep.skipped, rep.failed) == (len(GOOD) + len(BAD), len(GOOD), 0, len(BAD))
    assert not rep.ok and rep.status == "complete"
    errors = {Path(e.path).name if "jsonl:" not in e.path else e.path.split("/")[-1]: e.reason for e in rep.errors}
    for name, reason in BAD.items():
        assert reason in errors[name], (name, errors)
    formats = {}
    for rel, data in outputs(out).items():
        record = json.loads(data)
        validate_record(record)
        formats[rel] = (record["source"]["format"], record["source"]["conversion"])
    assert formats["c.json"] == ("html", None) and formats["d.json"] == ("docx", None)
    assert formats["e.json"] == ("pdf", None)
    assert formats["sub/f.json"] == ("txt", "tcvn3") and formats["sub/g.json"] == ("txt", "vni")
    assert formats["sub/h.json"] == ("txt", "nfc") and formats["batch/one.json"] == ("jsonl", None)
    one = json.loads(outputs(out)["batch/one.json"])
    assert one["source"]["path"].endswith("batch.jsonl#one") and one["event"]["edition"] == 10
    disk = read_report(out)
    assert disk["converted"] == len(GOOD) and disk["failed"] == len(BAD) and disk["status"] == "complete"
    assert disk["durations"]["files_per_second"] > 0 and len(disk["errors"]) == len(BAD)
    assert not list(out.rglob("*.tmp"))


@needs_legacy_fonts
def test_every_input_kind_in_one_batch_on_the_local_pool(mixed, tmp_path):
    out = tmp_path / "out"
    rep = convert(mixed, out, workers=2)
    check_mixed_run(mixed, out, rep)


@needs_legacy_fonts
def test_pool_in_process_and_serial_outputs_are_byte_identical(mixed, tmp_path):
    a = convert(mixed, tmp_path / "pool", workers=2)
    b = convert(mixed, tmp_path / "serial", workers=0)
    assert outputs(tmp_path / "pool") == outputs(tmp_path / "serial")
    assert (a.converted, a.failed, [e.reason for e in a.errors]) == (b.converted, b.failed, [e.reason for e in b.errors])


@needs_legacy_fonts
def test_rerun_skips_what_is_up_to_date_and_redoes_what_changed(mixed, tmp_path):
    out = tmp_path / "out"
    convert(mixed, out, workers=2)
    first = outputs(out)
    again = convert(mixed, out, workers=2)
    assert (again.converted, again.skipped, again.failed) == (0, len(GOOD), len(BAD))
    assert outputs(out) == first

    (mixed / "a.txt").write_text(report(41), encoding="utf-8")  # new bytes: redone
    (mixed / "z-binary.txt").write_text(report(42), encoding="utf-8")  # now good: done
    (mixed / "sub" / "f.txt").write_bytes(b"\x00\x01 now broken")  # now bad: its stale output goes
    third = convert(mixed, out, workers=2)
    assert (third.converted, third.skipped) == (2, len(GOOD) - 2)
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["event"]["edition"] == 41
    assert (out / "z-binary.json").exists() and not (out / "sub" / "f.json").exists()

    forced = convert(mixed, out, workers=2, force=True)
    assert forced.skipped == 0 and forced.converted == len(GOOD)

    dated = convert(mixed, out, workers=2, reference_date="2019-12-06")
    assert dated.skipped == 0, "records made with other options are not up to date"


@needs_legacy_fonts
def test_jsonl_output_is_in_input_order_and_resumable(mixed, tmp_path):
    per_file = tmp_path / "files"
    convert(mixed, per_file, workers=0)
    out = tmp_path / "lines"
    rep = convert(mixed, out, workers=2, jsonl=True)
    assert rep.converted == len(GOOD)
    lines = (out / JSONL_NAME).read_text(encoding="utf-8").splitlines()
    order = ["a", "b", "batch/one", "batch/2", "batch/x_.._y", "c", "d", "e", "sub/f", "sub/g", "sub/h", "sub/i",
             "z-empty"]
    expected = [json.dumps(json.loads((per_file / f"{rel}.json").read_text(encoding="utf-8")), ensure_ascii=False,
                           separators=(",", ":")) for rel in order]
    assert lines == expected
    before = (out / JSONL_NAME).read_bytes()
    (out / PARTS_DIR / "c.json").unlink()  # as if the run had died before it
    again = convert(mixed, out, workers=2, jsonl=True)
    assert (again.converted, again.skipped) == (1, len(GOOD) - 1)
    assert (out / JSONL_NAME).read_bytes() == before


def test_time_limit_stops_a_slow_input_and_the_batch_goes_on(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"r{i}.txt").write_text(report(i), encoding="utf-8")
    (src / "r-hang.txt").write_text(report(9), encoding="utf-8")
    monkeypatch.setenv(SLOW_ENV, "60:hang")
    started = time.monotonic()
    rep = convert(src, tmp_path / "out", workers=2, time_limit=2)
    assert time.monotonic() - started < 30
    assert (rep.converted, rep.failed) == (4, 1)
    assert "r-hang.txt" in rep.errors[0].path and "time limit" in rep.errors[0].reason


def test_preload_loads_the_tables_before_the_first_report():
    # in a fresh process: the OCR repair's model and reading table (clean text never loads them) and
    # the OCR'd law-name fallback's tables (only a report naming an unlisted law does) are loaded
    code = ("import sys\n"
            "from meeting_extractor import preload, ocr_repair, legal_find\n"
            "print(ocr_repair._model.cache_info().currsize, legal_find._law_alias_index.cache_info().currsize,"
            " 'difflib' in sys.modules)\n"
            "preload()\n"
            "print(ocr_repair._model.cache_info().currsize, ocr_repair._precomputed.cache_info().currsize,"
            " legal_find._law_alias_index.cache_info().currsize, 'difflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert [line.split() for line in out.splitlines()] == [["0", "0", "False"], ["1", "1", "1", "True"]]


def test_preload_leaves_no_garbage_for_the_collector():
    # in a fresh process: the garbage of loading (reference cycles of the pattern compilers) is
    # collected by preload() itself, and the collector's counts start afresh
    code = ("import gc\n"
            "from meeting_extractor import preload\n"
            "preload()\n"
            "print(gc.get_count()[1:], gc.collect())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(0,", "0)", "0"]


def test_a_worker_stuck_where_no_signal_reaches_is_killed(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"r{i}.txt").write_text(report(i), encoding="utf-8")
    (src / "r-stuck.txt").write_text(report(9), encoding="utf-8")
    monkeypatch.setenv(SLOW_ENV, "60:stuck:nosignal")
    started = time.monotonic()
    rep = convert(src, tmp_path / "out", workers=2, time_limit=1)
    assert time.monotonic() - started < 30
    assert (rep.converted, rep.failed) == (4, 1)
    assert "r-stuck.txt" in rep.errors[0].path and "worker was killed" in rep.errors[0].reason


def test_a_worker_that_crashes_fails_only_its_input(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"r{i}.txt").write_text(report(i), encoding="utf-8")
    (src / "r-crash.txt").write_text(report(9), encoding="utf-8")
    monkeypatch.setenv(SLOW_ENV, "0:crash:crash")
    rep = convert(src, tmp_path / "out", workers=2)
    assert (rep.converted, rep.failed) == (6, 1)
    assert "r-crash.txt" in rep.errors[0].path and "worker process died" in rep.errors[0].reason


def test_missing_paths_and_clashing_names_are_errors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "r.txt").write_text(report(1), encoding="utf-8")
    (tmp_path / "b" / "r.txt").write_text(report(2), encoding="utf-8")
    (tmp_path / "a" / "r.md").write_text(report(3), encoding="utf-8")
    rep = convert([tmp_path / "a", tmp_path / "b", tmp_path / "nope"], tmp_path / "out", workers=1)
    assert rep.converted == 1 and rep.failed == 3
    reasons = sorted(e.reason for e in rep.errors)
    assert reasons[0] == "no such file or folder"
    assert all("same output name" in r for r in reasons[1:])


# --- killed and resumed -------------------------------------------------------------------

def _processes_mentioning(marker: str) -> list[int]:
    found = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if marker.encode() in (d / "cmdline").read_bytes():
                    found.append(int(d.name))
            except OSError:
                pass
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and SIGKILL")
def test_sigkill_mid_batch_then_rerun_gives_the_uninterrupted_outputs(tmp_path):
    src = tmp_path / "in"
    (src / "part").mkdir(parents=True)
    n = 240
    for i in range(n):
        folder = src / "part" if i % 3 == 0 else src
        (folder / f"r{i:03d}.txt").write_text(report(i), encoding="utf-8")
    reference = tmp_path / "reference"
    assert convert(src, reference, workers=2).ok

    out = tmp_path / "killed-run"
    proc = subprocess.Popen(cli("convert", str(src), "--out", str(out), "--workers", "2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, SLOW_ENV: "0.05"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.rglob("r*.json"))) < 40:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    done = len(list(out.rglob("r*.json")))
    assert 40 <= done < n, "the kill landed mid-batch"
    assert read_report(out)["status"] == "running"
    time.sleep(0.5)
    assert _processes_mentioning(str(out)) == [], "no worker outlives the killed run"

    res = run_cli("convert", str(src), "--out", str(out), "--workers", "2")
    assert res.returncode == 0, res.stderr
    rep = read_report(out)
    assert rep["status"] == "complete" and rep["skipped"] == done and rep["converted"] + rep["skipped"] == n
    assert outputs(out) == outputs(reference)  # byte for byte, and no temporary file left behind


# --- Dask ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@needs_legacy_fonts
def test_dask_cluster_outputs_and_report_match_the_local_pool(mixed, tmp_path, dask_client):
    assert len(dask_client.nthreads()) == 2
    local = convert(mixed, tmp_path / "local", workers=2)
    out = tmp_path / "dask"
    rep = convert_dask(mixed, out, scheduler=dask_client)
    check_mixed_run(mixed, out, rep)
    assert outputs(out) == outputs(tmp_path / "local")
    assert [(e.path, e.reason) for e in rep.errors] == [(e.path, e.reason) for e in local.errors]
    assert read_report(out)["options"]["engine"] == "dask"
    again = convert_dask(mixed, out, scheduler=dask_client)
    assert (again.converted, again.skipped) == (0, len(GOOD))


def test_dask_time_limit_inside_a_task(tmp_path, dask_client, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(report(1), encoding="utf-8")
    (src / "hang.txt").write_text(report(2), encoding="utf-8")
    monkeypatch.setenv(SLOW_ENV, "30:hang")
    env = {SLOW_ENV: "30:hang", "PYTEST_CURRENT_TEST": "dask worker"}
    dask_client.run(lambda: os.environ.update(env))  # a lambda travels by value, with `env`
    try:
        started = time.monotonic()
        rep = convert_dask(src, tmp_path / "out", scheduler=dask_client, time_limit=2)
        assert time.monotonic() - started < 20
    finally:
        dask_client.run(lambda: os.environ.pop(SLOW_ENV, None))
    assert (rep.converted, rep.failed) == (1, 1) and "time limit" in rep.errors[0].reason


def test_cli_dask_engine_starts_its_own_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"r{i}.txt").write_text(report(i), encoding="utf-8")
    res = run_cli("convert", str(src), "--out", str(tmp_path / "out"), "--engine", "dask", "--workers", "2")
    assert res.returncode == 0, res.stderr
    assert read_report(tmp_path / "out")["converted"] == 3
    convert(src, tmp_path / "local", workers=0)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "local")
