"""Writes the candidates in the current view (filtered and sorted), with reviews, to CSV or XLSX."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from screener.errors import ScreenerError
from screener.export import TABLE_COLUMNS, neutralise_cell, table_row, write_csv_file

from .candidate_proxy import CandidateProxyModel
from .decisions import VERDICT_LABELS

ExportRow = dict[str, object]
EXPORT_COLUMNS = (*TABLE_COLUMNS, "decision", "note")
EXPORT_FILTERS = "CSV, for any spreadsheet (*.csv);;Excel workbook (*.xlsx)"


def view_rows(proxy: CandidateProxyModel) -> list[ExportRow]:
    """The engine's table rows plus the reviewer's decision and note, in the order the user sees them."""
    model = proxy.candidate_model()
    rows = []
    for proxy_row in range(proxy.rowCount()):
        source_row = proxy.source_row(proxy_row)
        review = model.review(source_row)
        rows.append(
            {**table_row(model.candidate(source_row)), "decision": VERDICT_LABELS[review.verdict], "note": review.note}
        )
    return rows


def write_xlsx(path: Path, rows: Sequence[ExportRow]) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Candidates")
    sheet.append(list(EXPORT_COLUMNS))
    for row in rows:
        sheet.append([neutralise_cell(row[column]) for column in EXPORT_COLUMNS])
    workbook.save(path)


def write_export(path: Path, rows: Sequence[ExportRow]) -> int:
    """Write in the format the file name asks for; returns the number of candidates written."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv_file(rows, path, EXPORT_COLUMNS)
    elif suffix == ".xlsx":
        write_xlsx(path, rows)
    else:
        raise ScreenerError(f"Cannot export to “{path.name}”: choose a name ending in .csv or .xlsx.")
    return len(rows)
