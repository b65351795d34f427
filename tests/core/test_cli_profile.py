"""`screener screen --profile`: gates per candidate in JSON and CSV, and the table ranked by the profile."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from screener.cli import main
from screener.profiles import default_profiles, save_profile

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_a_profile_adds_gates_to_the_json_and_csv_and_ranks_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "tpm.json"
    save_profile(default_profiles()[1], profile)
    out, table = tmp_path / "out.json", tmp_path / "out.csv"
    argv = ["screen", str(SAMPLES), "--profile", str(profile), "--as-of", "2026-11-25", "--workers", "2"]
    assert main([*argv, "--json", str(out), "--csv", str(table)]) == 0
    candidates = json.loads(out.read_text(encoding="utf-8"))["candidates"]
    assert candidates and all(c["profile"] == "Technical Project Manager" for c in candidates)
    for candidate in candidates:
        assert [set(g) for g in candidate["gates"]] == [{"requirement", "outcome", "evidence"}] * 2
        assert {g["outcome"] for g in candidate["gates"]} <= {"pass", "fail", "unknown"}
    # Must-haves known to be met rank first; an unknown one counts as not met, never above evidence.
    met = [sum(g["outcome"] == "pass" for g in c["gates"]) for c in candidates]
    assert met == sorted(met, reverse=True), "a candidate meeting more must-haves ranks above one meeting fewer"
    with table.open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert all(row["must_haves"] for row in rows)
    assert capsys.readouterr().out


def test_an_invalid_profile_is_a_usage_error_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "bad.json"
    profile.write_text(json.dumps({"schema_version": 1, "name": "X", "role": "cto", "must_haves": []}))
    assert main(["screen", str(SAMPLES), "--profile", str(profile)]) == 2
    assert "profile 'X': field 'role' must be one of tpm, pm" in capsys.readouterr().err
