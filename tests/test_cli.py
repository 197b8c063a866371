"""End to end: the installed command converts files and folders and prints records."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from meeting_extractor.schema import validate_record

REPORT = ("Hà Nội, ngày 6/12/2019\n\nSáng 5/12, tại Hà Nội, Bộ Khoa học và Công nghệ phối hợp với "
          "UBND thành phố Hà Nội tổ chức Hội nghị “Đổi mới sáng tạo trong doanh nghiệp” lần thứ hai. "
          "Tham dự Hội nghị có hơn 200 đại biểu đến từ 30 tỉnh, thành phố.\n")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("meeting-extractor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "meeting_extractor.cli"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_convert_folder_recursively_writes_one_valid_record_per_input(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(REPORT, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(REPORT.replace("lần thứ hai", "lần thứ ba"), encoding="utf-8")
    (src / "notes.md.bak").write_text("not an input", encoding="utf-8")
    out = tmp_path / "out"
    res = run_cli("convert", str(src), "--out", str(out))
    assert res.returncode == 0, res.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["_report.json", "a.json", "sub/b.json"]
    for name in ("a.json", "sub/b.json"):
        data = json.loads((out / name).read_text(encoding="utf-8"))
        validate_record(data)
        assert data["source"]["path"].endswith(name.replace(".json", ".txt"))
        assert len(data["source"]["sha256"]) == 64
    report = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    assert report["converted"] == 2 and report["failed"] == 0
    assert not list(out.rglob("*.tmp"))


def test_convert_reports_a_bad_file_and_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    out = tmp_path / "out"
    res = run_cli("convert", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"),
                  "--out", str(out))
    assert res.returncode == 1
    assert "bad.txt" in res.stderr and "binary" in res.stderr
    assert "missing.txt" in res.stderr
    assert (out / "good.json").exists() and not (out / "bad.json").exists()
    report = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    assert report["converted"] == 1 and report["failed"] == 2


def test_extract_prints_one_record(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT, encoding="utf-8")
    res = run_cli("extract", str(f), "--reference-date", "2019-12-06")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    validate_record(data)
    assert data["source"]["chars"] == len(REPORT)


def test_extract_of_an_unreadable_path_is_a_clear_error(tmp_path):
    res = run_cli("extract", str(tmp_path / "nope.txt"))
    assert res.returncode == 1
    assert "nope.txt" in res.stderr and "cannot be read" in res.stderr
    assert "Traceback" not in res.stderr


def test_bad_reference_date_is_a_usage_error(tmp_path):
    res = run_cli("extract", str(tmp_path / "x.txt"), "--reference-date", "5/12/2019")
    assert res.returncode == 2
    assert "ISO date" in res.stderr


def test_convert_resumes_reports_and_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.md").write_text(REPORT.replace("lần thứ hai", "lần thứ ba"), encoding="utf-8")
    out = tmp_path / "out"
    first = run_cli("convert", str(tmp_path), "--out", str(out), "--workers", "2")
    assert first.returncode == 0, first.stderr
    assert "2 converted, 0 failed" in first.stderr
    again = run_cli("convert", str(tmp_path), "--out", str(out))
    assert again.returncode == 0 and "0 converted, 2 up to date, 0 failed" in again.stderr
    forced = run_cli("convert", str(tmp_path), "--out", str(out), "--force", "--workers", "0")
    assert forced.returncode == 0 and "2 converted, 0 failed" in forced.stderr


def test_convert_jsonl_in_and_out(tmp_path):
    lines = [{"id": "x1", "text": REPORT}, {"id": 7, "text": REPORT.replace("Hà Nội", "Huế")}]
    src = tmp_path / "items.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out"
    res = run_cli("convert", str(src), "--out", str(out), "--jsonl")
    assert res.returncode == 0, res.stderr
    records = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["path"].rsplit("#", 1)[1] for r in records] == ["x1", "7"]
    for r in records:
        validate_record(r)
        assert r["source"]["format"] == "jsonl"


def test_progress_bar_only_on_request_or_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    quiet = run_cli("convert", str(tmp_path / "a.txt"), "--out", str(tmp_path / "q"))
    assert "converting" not in quiet.stderr and "file/s" not in quiet.stderr
    shown = run_cli("convert", str(tmp_path / "a.txt"), "--out", str(tmp_path / "p"), "--progress")
    assert shown.returncode == 0 and "converting" in shown.stderr and "1/1" in shown.stderr


def test_convert_usage_errors(tmp_path):
    assert run_cli("convert", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "-1").returncode == 2
    res = run_cli("convert", str(tmp_path), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1")
    assert res.returncode == 2 and "--engine dask" in res.stderr
