"""The decision log of a session: who did what to which candidate, and what the tool showed them at that moment.

Entries are appended by the session (screener.store) and never edited, except that a deleted candidate's
entries lose everything about the person and read "deleted candidate".
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from screener.export import ROLE_FIT_LABELS, ReportColumn
from screener.models import Candidate, GateOutcome, GateResult, RoleFit

__all__ = [
    "DELETED_CANDIDATE",
    "LOG_COLUMNS",
    "LogAction",
    "LogEntry",
    "Snapshot",
    "candidate_label",
    "current_user",
    "format_log",
    "log_rows",
    "snapshot_from_json",
    "snapshot_of",
    "snapshot_to_json",
]

DELETED_CANDIDATE = "deleted candidate"
LogAction = Literal["decision", "note", "reveal", "removal", "restore", "profile", "settings"]


@dataclass(frozen=True)
class Snapshot:
    """What the tool said about a candidate when a decision was made on them."""

    management: float
    technical: float
    role_fit: RoleFit
    profile: str = ""  # the role profile the list was ranked by; "" for none
    gates: tuple[GateResult, ...] = ()


@dataclass(frozen=True)
class LogEntry:
    """One line of the log; `sha256` is "" for a change to the whole session and for a deleted candidate."""

    at: str
    user: str
    action: LogAction
    candidate: str
    sha256: str
    detail: str
    snapshot: Snapshot | None = None


def current_user() -> str:
    """The operating system's name for the person at the keyboard."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment and no password entry (some containers)
        return "unknown"


def candidate_label(candidate: Candidate) -> str:
    """How the log names a candidate: their name and file, or the file alone."""
    file = Path(candidate.file).name
    return f"{candidate.contact.name} ({file})" if candidate.contact.name else file


def snapshot_of(candidate: Candidate) -> Snapshot | None:
    scores = candidate.scores
    if scores is None:
        return None
    fit = candidate.profile_fit
    return Snapshot(
        management=round(scores.management, 1),
        technical=round(scores.technical, 1),
        role_fit=scores.role_fit,
        profile=fit.profile if fit else "",
        gates=fit.gates if fit else (),
    )


def snapshot_to_json(snapshot: Snapshot | None) -> str:
    if snapshot is None:
        return ""
    return json.dumps(
        {
            "management": snapshot.management,
            "technical": snapshot.technical,
            "role_fit": snapshot.role_fit,
            "profile": snapshot.profile,
            "gates": [[g.requirement, g.outcome, g.evidence] for g in snapshot.gates],
        },
        ensure_ascii=False,
    )


def snapshot_from_json(text: str) -> Snapshot | None:
    if not text:
        return None
    stored = json.loads(text)
    return Snapshot(
        management=float(stored["management"]),
        technical=float(stored["technical"]),
        role_fit=cast(RoleFit, stored["role_fit"]),
        profile=str(stored["profile"]),
        gates=tuple(GateResult(str(r), cast(GateOutcome, o), str(e)) for r, o, e in stored["gates"]),
    )


def _gates_text(gates: Sequence[GateResult]) -> str:
    return "; ".join(f"{g.requirement}: {g.outcome}" + (f" ({g.evidence})" if g.evidence else "") for g in gates)


LOG_COLUMNS = (
    ReportColumn("at", "When (UTC)", 22),
    ReportColumn("user", "Who", 14),
    ReportColumn("action", "What", 10),
    ReportColumn("candidate", "Candidate", 30),
    ReportColumn("detail", "Detail", 34),
    ReportColumn("role_fit", "Role fit", 19),
    ReportColumn("management", "Management", 12, "0.0"),
    ReportColumn("technical", "Technical", 10, "0.0"),
    ReportColumn("profile", "Profile", 26),
    ReportColumn("gates", "Must-haves", 50),
)


def log_rows(entries: Iterable[LogEntry]) -> list[dict[str, object]]:
    """One flat row per entry, keyed as LOG_COLUMNS: what the CSV, the sheet and the app's table show."""
    rows: list[dict[str, object]] = []
    for entry in entries:
        shot = entry.snapshot
        rows.append(
            {
                "at": entry.at,
                "user": entry.user,
                "action": entry.action,
                "candidate": entry.candidate,
                "detail": entry.detail,
                "role_fit": ROLE_FIT_LABELS[shot.role_fit] if shot else "",
                "management": shot.management if shot else "",
                "technical": shot.technical if shot else "",
                "profile": shot.profile if shot else "",
                "gates": _gates_text(shot.gates) if shot else "",
            }
        )
    return rows


def format_log(entries: Sequence[LogEntry]) -> str:
    """The log as lines of text for the terminal, oldest first."""
    if not entries:
        return "The decision log is empty."
    lines = []
    for row in log_rows(entries):
        line = f"{row['at']}  {row['user']}  {row['action']:<8}  {row['candidate'] or '(session)'}"
        line += f": {row['detail']}" if row["detail"] else ""
        if row["role_fit"]:
            line += f"  [{row['role_fit']}, management {row['management']}, technical {row['technical']}"
            line += f", profile {row['profile'] or 'none'}" + (f"; {row['gates']}" if row["gates"] else "") + "]"
        lines.append(line)
    return "\n".join(lines)
