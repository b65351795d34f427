"""Measure the screener against labelled CVs: `python -m screener.eval LABELS_OR_DIR ...`.

A labels file (a folder's `labels.json` by default) is `{"as_of": "YYYY-MM-DD", "dir": optional folder of
the PDFs relative to the labels file, "files": {"name.pdf": {"name", "held": [ids], "planned": [ids],
"expired": [ids], "traps": [...], "degrees": [{"level", "technical", "status"}], "years", "role_fit"}}}`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from screener.batch import screen_files
from screener.catalogue import Catalogue, load_catalogue
from screener.models import Candidate, GateOutcome
from screener.pdftext import Backend
from screener.profiles import DEGREE_RANK, Requirement, RoleProfile, default_profiles, evaluate_gates
from screener.settings import Settings

ROLES = ("tpm", "pm", "technical", "other")
OUTCOMES: tuple[GateOutcome, ...] = ("pass", "fail", "unknown")
YEARS_TOLERANCE = 1.5
GATE_PROFILES: tuple[RoleProfile, ...] = default_profiles()


@dataclass
class Tally:
    """Running counts over every labelled file."""

    files: int = 0
    errors: list[str] = field(default_factory=list)
    cert_tp: int = 0
    cert_fp: int = 0
    cert_fn: int = 0
    traps_as_held: list[str] = field(default_factory=list)
    certs_missed: list[str] = field(default_factory=list)
    certs_spurious: list[str] = field(default_factory=list)
    degrees_total: int = 0
    degrees_right: int = 0
    degrees_spurious: int = 0
    names_right: int = 0
    names_wrong: list[str] = field(default_factory=list)
    year_errors: list[float] = field(default_factory=list)
    roles: Counter[tuple[str, str]] = field(default_factory=Counter)
    axis_pairs: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: {"management": [], "technical": []}
    )
    gates: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (profile, label, screener)


def _same_name(found: str | None, expected: str | None) -> bool:
    fold = " ".join((found or "").split()).casefold()
    return fold == " ".join((expected or "").split()).casefold()


def _tally_certs(tally: Tally, candidate: Candidate, label: dict[str, Any], file: str) -> None:
    held = {c.cert_id for c in candidate.held_certifications}
    expected = set(label.get("held", []))
    tally.cert_tp += len(held & expected)
    tally.cert_fn += len(expected - held)
    tally.certs_missed += [f"{file}: {cert_id}" for cert_id in sorted(expected - held)]
    false_held = held - expected
    tally.cert_fp += len(false_held)
    tally.certs_spurious += [f"{file}: {cert_id}" for cert_id in sorted(false_held)]
    if false_held and (label.get("traps") or label.get("planned") or label.get("expired")):
        tally.traps_as_held += [f"{file}: {cert_id}" for cert_id in sorted(false_held)]


def _tally_degrees(tally: Tally, candidate: Candidate, label: dict[str, Any]) -> None:
    found = Counter((d.level, d.technical) for d in candidate.degrees)
    expected = Counter((d["level"], d["technical"]) for d in label.get("degrees", []))
    tally.degrees_total += sum(expected.values())
    tally.degrees_right += sum((found & expected).values())
    tally.degrees_spurious += sum((found - expected).values())


def _labelled_degree(label: dict[str, Any], requirement: Requirement, technical_only: bool) -> GateOutcome:
    degrees = label.get("degrees", [])
    if not degrees:
        return "unknown"
    needed = DEGREE_RANK[requirement.level]
    meets = any(
        d["status"] == "completed" and DEGREE_RANK[d["level"]] >= needed and (d["technical"] or not technical_only)
        for d in degrees
    )
    return "pass" if meets else "fail"


def labelled_gate(label: dict[str, Any], requirement: Requirement, catalogue: Catalogue) -> GateOutcome | None:
    """What the labels say about a must-have, or None when they do not record what it needs."""
    held = set(label.get("held", []))
    kind = requirement.kind
    if kind == "held_pm_certification":
        pm_ids = {c.id for c in catalogue.certifications if c.category in ("management", "agile")}
        return "pass" if held & pm_ids else "fail"
    if kind == "held_certification":
        return "pass" if requirement.certification in held else "fail"
    if kind in ("degree_min_level", "technical_degree_min_level"):
        return _labelled_degree(label, requirement, technical_only=kind == "technical_degree_min_level")
    if kind == "years_total_min":
        years = label.get("years")
        return "unknown" if years is None else "pass" if float(years) >= requirement.years else "fail"
    if kind == "any_of":
        options = [labelled_gate(label, option, catalogue) for option in requirement.any_of]
        if "pass" in options:
            return "pass"
        return None if None in options else "unknown" if "unknown" in options else "fail"
    return None  # years managing or in technical roles, keywords: the labels do not record them


def _tally_gates(tally: Tally, candidate: Candidate, label: dict[str, Any], catalogue: Catalogue) -> None:
    for profile in GATE_PROFILES:
        for requirement, found in zip(profile.must_haves, evaluate_gates(candidate, profile), strict=True):
            expected = labelled_gate(label, requirement, catalogue)
            if expected is not None:
                tally.gates[(profile.name, expected, found.outcome)] += 1


def tally_file(
    tally: Tally, candidate: Candidate, label: dict[str, Any], file: str, catalogue: Catalogue | None = None
) -> None:
    tally.files += 1
    _tally_gates(tally, candidate, label, catalogue or load_catalogue())
    if candidate.status != "ok" or candidate.scores is None:
        tally.errors.append(f"{file}: {candidate.error}")
        return
    _tally_certs(tally, candidate, label, file)
    _tally_degrees(tally, candidate, label)
    if _same_name(candidate.contact.name, label.get("name")):
        tally.names_right += 1
    else:
        tally.names_wrong.append(f"{file}: found {candidate.contact.name!r}, expected {label.get('name')!r}")
    if label.get("years") is not None:
        tally.year_errors.append(abs((candidate.years_experience or 0.0) - float(label["years"])))
    role = label.get("role_fit")
    if role:
        tally.roles[(role, candidate.scores.role_fit)] += 1
        tally.axis_pairs["management"].append((float(role in ("tpm", "pm")), candidate.scores.management))
        tally.axis_pairs["technical"].append((float(role in ("tpm", "technical")), candidate.scores.technical))


def _ranks(values: Sequence[float]) -> list[float]:
    """Average ranks, ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Spearman's rank correlation, or None when either side has no spread."""
    if len(pairs) < 2:
        return None
    xs, ys = _ranks([p[0] for p in pairs]), _ranks([p[1] for p in pairs])
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread = (sum((x - mean_x) ** 2 for x in xs) * sum((y - mean_y) ** 2 for y in ys)) ** 0.5
    return cov / spread if spread else None


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def report(tally: Tally) -> str:
    """The figures, one per line, then the confusion matrix and what went wrong."""
    precision = tally.cert_tp / max(tally.cert_tp + tally.cert_fp, 1)
    recall = tally.cert_tp / max(tally.cert_tp + tally.cert_fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    role_total = sum(tally.roles.values())
    role_right = sum(n for (truth, found), n in tally.roles.items() if truth == found)
    years = tally.year_errors
    within = sum(e <= YEARS_TOLERANCE for e in years)
    out = [
        f"files: {tally.files}, not screened: {len(tally.errors)}",
        f"held certifications: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} "
        f"(tp {tally.cert_tp}, fp {tally.cert_fp}, fn {tally.cert_fn})",
        f"traps reported as held: {len(tally.traps_as_held)}",
        f"degrees (level and technical flag): {_share(tally.degrees_right, tally.degrees_total)}, "
        f"spurious: {tally.degrees_spurious}",
        f"names: {_share(tally.names_right, tally.files - len(tally.errors))}",
        f"years: MAE {sum(years) / max(len(years), 1):.2f}, within ±{YEARS_TOLERANCE}: {_share(within, len(years))}",
        f"role fit agreement: {_share(role_right, role_total)}",
    ]
    for axis, pairs in tally.axis_pairs.items():
        rho = spearman(pairs)
        out.append(f"rank correlation, {axis}: {'n/a' if rho is None else f'{rho:.3f}'}")
    out += _gate_report(tally)
    out.append("role fit confusion (rows: label, columns: screener)")
    out.append(f"{'':>10} " + " ".join(f"{r:>9}" for r in ROLES))
    out += [f"{truth:>10} " + " ".join(f"{tally.roles[(truth, found)]:>9}" for found in ROLES) for truth in ROLES]
    problems_by_kind = (
        ("not screened", tally.errors),
        ("traps as held", tally.traps_as_held),
        ("certification missed", tally.certs_missed),
        ("certification not in labels", tally.certs_spurious),
        ("wrong name", tally.names_wrong),
    )
    for title, problems in problems_by_kind:
        out += [f"{title}: {problem}" for problem in problems[:20]]
    return "\n".join(out)


def _gate_report(tally: Tally) -> list[str]:
    """Per default profile: agreement on the must-haves the labels can decide, and the confusion counts."""
    out = []
    for profile in GATE_PROFILES:
        counts = {(truth, found): n for (name, truth, found), n in tally.gates.items() if name == profile.name}
        right = sum(n for (truth, found), n in counts.items() if truth == found)
        cells = ", ".join(
            f"{truth}→{found} {counts[(truth, found)]}" for truth in OUTCOMES for found in OUTCOMES
            if counts.get((truth, found)) and truth != found
        )  # fmt: skip
        out.append(
            f"gates, {profile.name}: agreement {_share(right, sum(counts.values()))}"
            + (f"; disagreements (label→screener): {cells}" if cells else "")
        )
    return out


def _labels_file(path: Path) -> Path:
    return path / "labels.json" if path.is_dir() else path


def evaluate(label_paths: Sequence[Path], workers: int | None = None, backend: Backend = "pdfium") -> Tally:
    """Screen every labelled file and tally the results against the labels."""
    tally = Tally()
    catalogue = load_catalogue()
    for labels_path in map(_labels_file, label_paths):
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        folder = (labels_path.parent / labels.get("dir", ".")).resolve()
        if not folder.is_dir():
            print(f"skipping {labels_path}: {folder} is not present", file=sys.stderr)
            continue
        settings = Settings(catalogue, date.fromisoformat(labels["as_of"]), backend)
        files = [folder / name for name in labels["files"]]
        for candidate in screen_files(files, settings, workers=workers):
            name = Path(candidate.file).name
            tally_file(tally, candidate, labels["files"][name], name, catalogue)
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m screener.eval", description=__doc__)
    parser.add_argument("labels", nargs="+", type=Path, help="labels.json files, or folders that hold one")
    parser.add_argument(
        "--backend", choices=("pdfium", "pdfplumber"), default="pdfium", help="PDF reader to evaluate (default: pdfium)"
    )
    parser.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    args = parser.parse_args(argv)
    print(report(evaluate(args.labels, workers=args.workers, backend=args.backend)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
