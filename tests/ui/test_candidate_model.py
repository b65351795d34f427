"""The list's model and proxy: Qt's model rules, sorting by value, filters, and reviews."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_factories import cert, make_candidate, make_error

from ui.candidate_model import CandidateTableModel, Column
from ui.candidate_proxy import CandidateFilter, CandidateProxyModel
from ui.decisions import InMemoryDecisionStore, Review


@pytest.fixture
def proxy() -> CandidateProxyModel:
    model = CandidateTableModel(InMemoryDecisionStore())
    model.append_candidates(
        [
            make_candidate("Grace Hopper", management=80, technical=100, role_fit="tpm", certifications=[cert("PMP")]),
            make_candidate("Alan Turing", management=9, technical=85, role_fit="technical"),
            make_candidate(
                "Peggy Smith", management=75, technical=20, role_fit="pm", certifications=[cert("CSM", "agile")]
            ),
            make_candidate(
                "Ken Thompson",
                management=30,
                technical=9.5,
                role_fit="other",
                certifications=[cert("AWS", "technical")],
            ),
        ]
    )
    model.append_candidates([make_error("/cvs/scan.pdf", "the file has no text layer (a scan?)")])
    proxy = CandidateProxyModel()
    proxy.setSourceModel(model)
    return proxy


def shown_names(proxy: CandidateProxyModel) -> list[str]:
    return [proxy.index(row, Column.NAME).data() for row in range(proxy.rowCount())]


def test_models_follow_qt_rules(qtmodeltester: ModelTester, proxy: CandidateProxyModel) -> None:
    qtmodeltester.check(proxy.candidate_model())
    qtmodeltester.check(proxy)


def test_models_follow_qt_rules_while_sorted_rows_arrive(
    qtmodeltester: ModelTester, proxy: CandidateProxyModel
) -> None:
    qtmodeltester.check(proxy)  # keeps watching the signals below
    proxy.set_filter(CandidateFilter(min_technical=15))
    proxy.sort(Column.TECHNICAL, Qt.SortOrder.DescendingOrder)
    proxy.candidate_model().append_candidates([make_candidate("Linus Torvalds", technical=95)])
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy.candidate_model())
    assert shown_names(proxy) == ["Alan Turing", "Grace Hopper", "Linus Torvalds", "Peggy Smith", "scan.pdf"]


def test_appending_inserts_rows_without_a_reset(qtbot: QtBot, proxy: CandidateProxyModel) -> None:
    model = proxy.candidate_model()
    with qtbot.waitSignal(model.rowsInserted) as inserted, qtbot.assertNotEmitted(model.modelReset):
        model.append_candidates([make_candidate("Linus Torvalds"), make_candidate("Barbara Liskov")])
    assert inserted.args is not None and inserted.args[1:] == [5, 6]


def test_technical_score_sorts_by_value_not_text(proxy: CandidateProxyModel) -> None:
    proxy.sort(Column.TECHNICAL, Qt.SortOrder.DescendingOrder)
    # As text "9.5" would come before "85" and "100"; the unscored file goes last.
    assert shown_names(proxy) == ["Grace Hopper", "Alan Turing", "Peggy Smith", "Ken Thompson", "scan.pdf"]


def test_rows_arriving_join_the_sort_order_and_selection_follows_its_row(proxy: CandidateProxyModel) -> None:
    proxy.sort(Column.TECHNICAL, Qt.SortOrder.DescendingOrder)
    followed = QPersistentModelIndex(proxy.index(1, Column.NAME))  # Alan Turing, as a selection holds him
    proxy.candidate_model().append_candidates([make_candidate("Linus Torvalds", technical=95)])
    assert shown_names(proxy)[:3] == ["Grace Hopper", "Linus Torvalds", "Alan Turing"]
    assert followed.row() == 2 and followed.data() == "Alan Turing"


@pytest.mark.parametrize("order", [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder])
def test_rows_arriving_in_batches_take_the_places_a_full_sort_gives_them(qtbot: QtBot, order: Qt.SortOrder) -> None:
    model = CandidateTableModel(InMemoryDecisionStore())
    model.sort(Column.TECHNICAL, order)
    # Few distinct scores, so most rows tie: a tie keeps arrival order, as a stable sort does.
    arrivals = [make_candidate(f"Candidate {i:02d}", technical=float(i * 7 % 5 * 10)) for i in range(40)]
    with qtbot.assertNotEmitted(model.layoutChanged):
        for start in range(0, len(arrivals), 7):
            model.append_candidates(arrivals[start : start + 7])
    expected = sorted(arrivals, key=lambda c: c.scores.technical if c.scores else -1.0,
                      reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip
    assert model.candidates() == expected


def test_role_fit_sort_ranks_tpm_first(proxy: CandidateProxyModel) -> None:
    proxy.sort(Column.ROLE_FIT, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, Column.ROLE_FIT).data() for r in range(4)] == ["TPM", "PM", "Technical specialist", "Other"]


def test_text_filter_matches_certifications_and_files(proxy: CandidateProxyModel) -> None:
    proxy.set_filter(CandidateFilter(text="csm"))
    assert shown_names(proxy) == ["Peggy Smith"]
    proxy.set_filter(CandidateFilter(text="SCAN"))
    assert shown_names(proxy) == ["scan.pdf"]


@pytest.mark.parametrize(
    ("candidate_filter", "expected"),
    [
        (CandidateFilter(role_fit="pm"), {"Grace Hopper", "Peggy Smith"}),  # every TPM is a PM, too
        (CandidateFilter(role_fit="tpm"), {"Grace Hopper"}),
        (CandidateFilter(pm_certified=True), {"Grace Hopper", "Peggy Smith"}),
        (CandidateFilter(min_technical=50), {"Grace Hopper", "Alan Turing"}),
        (CandidateFilter(min_management=70, min_technical=50), {"Grace Hopper"}),
    ],
)
def test_quick_filters_keep_unreadable_files_in_view(
    proxy: CandidateProxyModel, candidate_filter: CandidateFilter, expected: set[str]
) -> None:
    proxy.set_filter(candidate_filter)
    assert set(shown_names(proxy)) == expected | {"scan.pdf"}
    error_row = shown_names(proxy).index("scan.pdf")
    assert "no text layer" in proxy.index(error_row, Column.STATUS).data()


def test_decision_filter_follows_new_decisions(proxy: CandidateProxyModel) -> None:
    proxy.set_filter(CandidateFilter(verdict="shortlist"))
    assert shown_names(proxy) == []
    proxy.candidate_model().set_review(1, Review("shortlist", "strong systems background"))
    assert shown_names(proxy) == ["Alan Turing"]
    assert proxy.index(0, Column.DECISION).data() == "Shortlist"


def test_a_review_shows_on_every_copy_of_the_same_cv(qtbot: QtBot) -> None:
    model = CandidateTableModel(InMemoryDecisionStore())
    model.append_candidates(
        [
            make_candidate("Ada", file="/a/ada.pdf", sha256="same"),
            make_candidate("Ada", file="/b/ada.pdf", sha256="same"),
        ]
    )
    with qtbot.waitSignals([model.dataChanged, model.dataChanged]):
        model.set_review(0, Review("maybe"))
    assert [model.index(row, Column.DECISION).data() for row in (0, 1)] == ["Maybe", "Maybe"]


def test_a_cv_written_long_ago_is_flagged_beside_its_years() -> None:
    old = dataclasses.replace(make_candidate("Old Cv"), as_of=date(2019, 8, 31), as_of_source="pdf")
    recent = dataclasses.replace(make_candidate("New Cv"), as_of=date.today(), as_of_source="pdf")
    model = CandidateTableModel(InMemoryDecisionStore())
    model.append_candidates([old, recent])
    years = [model.index(row, Column.YEARS) for row in range(2)]
    assert [model.data(index) for index in years] == ["8.0 · 2019", "8.0"]
    tooltip = model.data(years[0], Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Years as of Aug 2019, from the PDF: this CV is more than a year old"
