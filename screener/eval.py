"""Measure the screener against labelled CVs: `python -m screener.eval [LABELS_OR_DIR ...]`.

Two label formats are read (a folder's `labels.json` by default):
- a generated set: `{"as_of": "YYYY-MM-DD", "dir": optional folder of the PDFs relative to the labels file,
  "files": {"name.pdf": {"name", "held": [ids], "planned": [ids], "expired": [ids], "traps": [...],
  "degrees": [{"level", "technical", "status"}], "years", "role_fit"}}}`;
- the real CVs (`../shared/real-cvs/labels.json`, read by default when present): a list of
  `{"file", "cv_date": "YYYY-MM", "name", "held", "planned", "expired", "traps", "degrees", "years", "role_fit",
  ...}`, the PDFs in `pdfs/` beside it. Each CV's "Present" is the last day of its `cv_date`, and the figures
  are those of the reference scorer beside the labels (`score.py`), number for number.
"""

from __future__ import annotations

import argparse
import calendar
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
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
REAL_CV_LABELS = Path(__file__).resolve().parents[2] / "shared" / "real-cvs" / "labels.json"
# The reference scorer's families: the variants of one credential (PRINCE2 Foundation, Practitioner) count once.
PM_FAMILY = {
    "pmp": "PMP", "capm": "CAPM", "pgmp": "PgMP", "pmi_acp": "PMI-ACP", "prince2": "PRINCE2",
    "prince2_foundation": "PRINCE2", "prince2_practitioner": "PRINCE2", "csm": "CSM", "psm": "PSM", "safe": "SAFe",
    "comptia_project_plus": "CompTIA Project+",
}  # fmt: skip
# Levels the reference scorer ranks; a diploma or "other" level is left out of the degree figures.
_LEVEL_RANK = {str(level): rank for level, rank in DEGREE_RANK.items() if rank > 0}
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
    # lower(), not casefold(): the reference scorer compares so, and its figures must be matched exactly.
    return " ".join((found or "").split()).lower() == " ".join((expected or "").split()).lower()


def precision_recall_f1(right: int, wrong: int, missed: int) -> tuple[float, float, float]:
    """Nothing reported counts as fully precise, nothing expected as fully recalled (as the reference scorer has it)."""
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = right / (right + missed) if right + missed else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


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
    precision, recall, f1 = precision_recall_f1(tally.cert_tp, tally.cert_fp, tally.cert_fn)
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


@dataclass
class ReferenceTally:
    """The reference scorer's counts over real CVs: held PM-family certifications, then figures that agree."""

    files: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    not_held_as_held: int = 0  # planned, expired or a trap in the labels, held by the screener
    agreed: Counter[str] = field(default_factory=Counter)
    counted: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)

    def f1(self) -> float:
        return precision_recall_f1(self.right, self.wrong, self.missed)[2]

    def share(self, figure: str) -> float:
        """The share of the files counted for a figure on which screener and labels agree."""
        return self.agreed[figure] / max(self.counted[figure], 1)

    def compare(self, figure: str, agrees: bool, disagreement: str) -> None:
        self.counted[figure] += 1
        if agrees:
            self.agreed[figure] += 1
        else:
            self.disagreements.append(disagreement)


def _pm_families(cert_ids: Iterable[str]) -> set[str]:
    return {PM_FAMILY[cert_id] for cert_id in cert_ids if cert_id in PM_FAMILY}


def _reference_certs(tally: ReferenceTally, candidate: Candidate, label: dict[str, Any], file: str) -> None:
    found = _pm_families(c.cert_id for c in candidate.held_certifications)
    expected = _pm_families(label["held"])
    not_held = _pm_families(cert_id for key in ("planned", "expired", "traps") for cert_id in label[key])
    tally.right += len(expected & found)
    tally.wrong += len(found - expected)
    tally.missed += len(expected - found)
    tally.not_held_as_held += len((found & not_held) - expected)
    if found != expected:
        tally.disagreements.append(f"{file}: held PM certifications: want {sorted(expected)}, got {sorted(found)}")


def _degree_summary(degrees: Iterable[tuple[str, bool, str | None]]) -> tuple[bool, int]:
    """Whether a degree is technical, and the top level's rank, over the degrees not still in progress."""
    finished = [(level, technical) for level, technical, status in degrees if status != "in_progress"]
    return any(technical for _, technical in finished), max((_LEVEL_RANK.get(lv, 0) for lv, _ in finished), default=0)


def _reference_degrees(tally: ReferenceTally, candidate: Candidate, label: dict[str, Any], file: str) -> None:
    ranked = [
        (d["level"], bool(d["technical"]), d.get("status")) for d in label["degrees"] if d["level"] in _LEVEL_RANK
    ]
    if not ranked:
        return  # a CV with only diplomas or no degree says nothing about these figures
    expected = _degree_summary(ranked)
    found = _degree_summary((d.level, d.technical, d.status) for d in candidate.degrees)
    for figure, want, got in zip(("technical degree", "top degree level"), expected, found, strict=True):
        tally.compare(figure, want == got, f"{file}: {figure}: want {want}, got {got}")


def tally_reference(tally: ReferenceTally, candidate: Candidate, label: dict[str, Any], file: str) -> None:
    """Count one real CV as the reference scorer does, each disagreement in its words."""
    tally.files += 1
    if candidate.status != "ok":
        tally.disagreements.append(f"{file}: not read: {candidate.error}")
    _reference_certs(tally, candidate, label, file)
    _reference_degrees(tally, candidate, label, file)
    if label["years"] is not None:
        years = candidate.years_experience
        within = years is not None and abs(years - label["years"]) <= YEARS_TOLERANCE
        tally.compare("years", within, f"{file}: years: want {label['years']}, got {years}")
    scores = candidate.scores
    fit = scores.role_fit if scores else None
    axes = f"management {scores.management if scores else None}, technical {scores.technical if scores else None}"
    want_fit = label["role_fit"]
    tally.compare("role fit", fit == want_fit.lower(), f"{file}: role fit: want {want_fit}, got {fit} ({axes})")
    name = candidate.contact.name
    tally.compare("name", _same_name(name, label["name"]), f"{file}: name: want {label['name']!r}, got {name!r}")


def reference_report(tally: ReferenceTally, errors: int = 200) -> str:
    """What the reference scorer prints: the first `errors` disagreements, then three lines of figures."""

    def share(figure: str) -> str:
        agreed, counted = tally.agreed[figure], tally.counted[figure]
        return f"{agreed}/{counted} ({100 * agreed / max(counted, 1):.0f}%)"

    return "\n".join(
        [
            *(f"  {disagreement}" for disagreement in tally.disagreements[:errors]),
            f"held PM certifications: F1 {tally.f1():.3f} (right {tally.right}, wrong {tally.wrong}, "
            f"missed {tally.missed}); planned/expired/trap reported as held: {tally.not_held_as_held}",
            f"technical-degree flag: {share('technical degree')}; top degree level: {share('top degree level')}",
            f"years within 1.5: {share('years')}; role fit: {share('role fit')}; name: {share('name')}",
        ]
    )


@dataclass(frozen=True)
class LabelledFile:
    """One labelled CV: the PDF, its labels, and the day "Present" means in it (None: today)."""

    path: Path
    label: dict[str, Any]
    as_of: date | None


@dataclass(frozen=True)
class LabelledSet:
    """The files one labels file lists; `real` for the real CVs' format, else a generated set's."""

    labels_path: Path
    real: bool
    folder: Path
    files: tuple[LabelledFile, ...]


def last_day(cv_date: str | None) -> date | None:
    """The last day of a "YYYY-MM" month: what "Present" means in a CV written then."""
    if not cv_date:
        return None
    year, month = map(int, cv_date.split("-")[:2])
    return date(year, month, calendar.monthrange(year, month)[1])


def load_labelled_set(path: Path) -> LabelledSet:
    """A labels file (or the `labels.json` in a folder), in either format."""
    labels_path = path / "labels.json" if path.is_dir() else path
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    if isinstance(labels, list):
        folder = labels_path.parent / "pdfs"
        real = tuple(LabelledFile(folder / entry["file"], entry, last_day(entry.get("cv_date"))) for entry in labels)
        return LabelledSet(labels_path, True, folder, real)
    folder = (labels_path.parent / labels.get("dir", ".")).resolve()
    as_of = date.fromisoformat(labels["as_of"])
    generated = tuple(LabelledFile(folder / name, entry, as_of) for name, entry in labels["files"].items())
    return LabelledSet(labels_path, False, folder, generated)


def screen_labelled(
    files: Sequence[LabelledFile], catalogue: Catalogue, workers: int | None = None, backend: Backend = "pdfium"
) -> list[Candidate]:
    """Each file's result, in the files' order: one batch per reference date, as the reference scorer runs."""
    by_date: dict[date | None, list[Path]] = defaultdict(list)
    for labelled in files:
        by_date[labelled.as_of].append(labelled.path)
    found: dict[str, Candidate] = {}
    for as_of, paths in by_date.items():
        settings = Settings(catalogue, as_of, backend)
        found.update((c.file, c) for c in screen_files(sorted(paths), settings, workers=workers))
    return [found[str(labelled.path)] for labelled in files]


@dataclass
class Evaluation:
    """The tallies of one run: generated sets' and real CVs' are kept apart, as their figures differ."""

    generated: Tally = field(default_factory=Tally)
    real: ReferenceTally = field(default_factory=ReferenceTally)


def evaluate(label_paths: Sequence[Path], workers: int | None = None, backend: Backend = "pdfium") -> Evaluation:
    """Screen every labelled file and tally the results against the labels."""
    evaluation = Evaluation()
    catalogue = load_catalogue()
    for labelled_set in map(load_labelled_set, label_paths):
        if not labelled_set.folder.is_dir():
            print(f"skipping {labelled_set.labels_path}: {labelled_set.folder} is not present", file=sys.stderr)
            continue
        candidates = screen_labelled(labelled_set.files, catalogue, workers, backend)
        for labelled, candidate in zip(labelled_set.files, candidates, strict=True):
            if labelled_set.real:
                tally_reference(evaluation.real, candidate, labelled.label, labelled.path.name)
            else:
                tally_file(evaluation.generated, candidate, labelled.label, labelled.path.name, catalogue)
    return evaluation


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m screener.eval", description=__doc__)
    parser.add_argument(
        "labels",
        nargs="*",
        type=Path,
        help="labels.json files, or folders that hold one (default: ../shared/real-cvs/labels.json when present)",
    )
    parser.add_argument(
        "--backend", choices=("pdfium", "pdfplumber"), default="pdfium", help="PDF reader to evaluate (default: pdfium)"
    )
    parser.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    parser.add_argument("--errors", type=int, default=200, help="real-CV disagreements to print (default: 200)")
    args = parser.parse_args(argv)
    paths = args.labels or ([REAL_CV_LABELS] if REAL_CV_LABELS.is_file() else [])
    if not paths:
        parser.error(f"no labels given, and {REAL_CV_LABELS} is not present")
    evaluation = evaluate(paths, workers=args.workers, backend=args.backend)
    if evaluation.generated.files:
        print(report(evaluation.generated))
    if evaluation.real.files:
        print(reference_report(evaluation.real, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
