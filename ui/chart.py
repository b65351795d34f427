"""The score map: every candidate in the current view as a point, management (y) against technical (x)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from screener.models import RoleFit

from .candidate_proxy import CandidateProxyModel
from .engine import Thresholds
from .labels import ROLE_FIT_LABELS

# Point colours are fixed so a role fit looks the same in light and dark palettes; they match the overlays.
ROLE_FIT_COLOURS: dict[RoleFit, QColor] = {
    "tpm": QColor(140, 70, 210),
    "pm": QColor(235, 130, 20),
    "technical": QColor(40, 120, 230),
    "other": QColor(128, 128, 128),
}
_QUADRANT_LABELS: dict[tuple[bool, bool], tuple[str, RoleFit]] = {
    # (strong management, strong technical) -> label
    (True, True): ("TPM", "tpm"),
    (True, False): ("PM", "pm"),
    (False, True): ("Technical specialist", "technical"),
    (False, False): ("Other", "other"),
}
_POINT_RADIUS = 4.0
_HIT_RADIUS = 8.0
_TICKS = (0, 25, 50, 75, 100)
_FRAME_GAP = _POINT_RADIUS * 2  # between the frame and scores 0 and 100
_LABEL_INSET = 6.0
# Dots that would cover one another are set around the first on a sunflower spiral: evenly packed, each one
# a dot's width from its neighbours, so every candidate can be seen and clicked.
_SPREAD_STEP = _POINT_RADIUS * 1.9
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_TOOLTIP_NAMES = 8


@dataclass(frozen=True)
class _Point:
    source_row: int
    technical: float
    management: float
    role_fit: RoleFit


def _place(plot: QRectF, technical: float, management: float) -> QPointF:
    """Where a pair of scores (0-100) sits in the plot area."""
    return QPointF(plot.left() + plot.width() * technical / 100.0, plot.bottom() - plot.height() * management / 100.0)


def _spread(places: list[QPointF]) -> list[QPointF]:
    """The places, those falling on one spot (within a dot's radius) moved apart around the first of them."""
    spots: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, where in enumerate(places):
        spots[round(where.x() / _POINT_RADIUS), round(where.y() / _POINT_RADIUS)].append(index)
    spread = list(places)
    for crowd in spots.values():
        centre = places[crowd[0]]
        for rank, index in enumerate(crowd[1:], 1):
            distance, angle = _SPREAD_STEP * math.sqrt(rank), rank * _GOLDEN_ANGLE
            spread[index] = centre + QPointF(distance * math.cos(angle), distance * math.sin(angle))
    return spread


class ScoreChart(QWidget):
    """Follows the proxy, so the map shows exactly the candidates the list shows."""

    candidate_clicked = Signal(int)  # source row

    def __init__(
        self, proxy: CandidateProxyModel, thresholds: Thresholds | None, parent: QWidget | None = None
    ) -> None:
        """`thresholds` come from the catalogue; None (no engine loaded) draws no quadrants."""
        super().__init__(parent)
        self._proxy = proxy
        self._thresholds = thresholds
        self._points: list[_Point] | None = None  # rebuilt lazily on the next paint after the view changes
        self._places: tuple[QRectF, list[QPointF]] | None = None  # where the points are drawn, for a plot area
        self._selected = QPersistentModelIndex()  # follows the candidate when the list is sorted
        self.setMinimumSize(QSize(320, 280))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._view_changed)

    def set_thresholds(self, thresholds: Thresholds | None) -> None:
        """Redraw the quadrants after the catalogue's `scoring.thresholds` change."""
        self._thresholds = thresholds
        self.update()

    def set_selected_row(self, source_row: int) -> None:
        if source_row != self.selected_row():
            self._selected = QPersistentModelIndex(self._proxy.candidate_model().index(source_row, 0))
            self.update()

    def selected_row(self) -> int:
        """The source-model row of the highlighted candidate, or -1."""
        return self._selected.row()

    def point_position(self, source_row: int) -> QPointF | None:
        """Where a candidate is drawn, or None when it is not on the map (filtered out or not scored)."""
        for point, where in zip(self._current_points(), self._point_places(), strict=True):
            if point.source_row == source_row:
                return where
        return None

    def _view_changed(self) -> None:
        self._points = self._places = None
        self.update()

    def _point_places(self) -> list[QPointF]:
        """Where each point of `_current_points` is drawn, crowds spread; kept until the view or size changes."""
        plot = self._plot_rect()
        if self._places is None or self._places[0] != plot:
            places = [_place(plot, point.technical, point.management) for point in self._current_points()]
            self._places = (plot, _spread(places))
        return self._places[1]

    def _current_points(self) -> list[_Point]:
        if self._points is None:
            model = self._proxy.candidate_model()
            self._points = []
            for proxy_row in range(self._proxy.rowCount()):
                source_row = self._proxy.source_row(proxy_row)
                scores = model.candidate(source_row).scores
                if scores is not None:
                    self._points.append(_Point(source_row, scores.technical, scores.management, scores.role_fit))
        return self._points

    def _plot_rect(self) -> QRectF:
        """Where scores 0-100 map to; the frame sits a dot's width outside, so no dot is cut by it."""
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("100") + metrics.height() + 12 + _FRAME_GAP
        bottom = metrics.height() * 2 + 10 + _FRAME_GAP
        right = metrics.height() + _FRAME_GAP
        return QRectF(self.rect()).adjusted(left, metrics.height() + _FRAME_GAP, -right, -bottom)

    def _points_at(self, position: QPointF) -> list[_Point]:
        """The points under the mouse, nearest first."""
        near: list[tuple[float, int, _Point]] = []
        for index, (point, where) in enumerate(zip(self._current_points(), self._point_places(), strict=True)):
            distance = (where.x() - position.x()) ** 2 + (where.y() - position.y()) ** 2
            if distance <= _HIT_RADIUS**2:
                near.append((distance, index, point))
        return [point for _distance, _index, point in sorted(near)]

    # Painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_axes(painter)
        self._draw_thresholds(painter)
        self._draw_points(painter)
        self._draw_quadrant_labels(painter)  # last: a crowd of dots along an axis must not hide them

    def _draw_axes(self, painter: QPainter) -> None:
        plot = self._plot_rect()
        frame = plot.adjusted(-_FRAME_GAP, -_FRAME_GAP, _FRAME_GAP, _FRAME_GAP)
        palette = self.palette()
        metrics = self.fontMetrics()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(frame)
        for tick in _TICKS:
            x, y = _place(plot, tick, 0).x(), _place(plot, 0, tick).y()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(x - 20, frame.bottom() + 2, 40, metrics.height()), Qt.AlignmentFlag.AlignCenter, str(tick)
            )
            painter.drawText(
                QRectF(frame.left() - 44, y - metrics.height() / 2, 40, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
        painter.drawText(
            QRectF(plot.left(), frame.bottom() + metrics.height() + 4, plot.width(), metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            "Technical depth",
        )
        painter.save()
        painter.translate(metrics.height() / 2 + 2, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            "Management skill",
        )
        painter.restore()

    def _draw_thresholds(self, painter: QPainter) -> None:
        if self._thresholds is None:
            return
        plot = self._plot_rect()
        threshold = _place(plot, self._thresholds.technical, self._thresholds.management)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(threshold.x(), plot.top() - _FRAME_GAP), QPointF(threshold.x(), plot.bottom() + _FRAME_GAP)
        )
        painter.drawLine(
            QPointF(plot.left() - _FRAME_GAP, threshold.y()), QPointF(plot.right() + _FRAME_GAP, threshold.y())
        )

    def _draw_quadrant_labels(self, painter: QPainter) -> None:
        if self._thresholds is None:
            return
        plot = self._plot_rect()
        threshold = _place(plot, self._thresholds.technical, self._thresholds.management)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        backing = self.palette().color(QPalette.ColorRole.Base)
        backing.setAlpha(215)
        for (strong_management, strong_technical), (label, role_fit) in _QUADRANT_LABELS.items():
            left = threshold.x() + _LABEL_INSET if strong_technical else plot.left()
            right = plot.right() if strong_technical else threshold.x() - _LABEL_INSET
            top = plot.top() if strong_management else threshold.y() + _LABEL_INSET
            bottom = threshold.y() - _LABEL_INSET if strong_management else plot.bottom()
            align = (Qt.AlignmentFlag.AlignRight if strong_technical else Qt.AlignmentFlag.AlignLeft) | (
                Qt.AlignmentFlag.AlignTop if strong_management else Qt.AlignmentFlag.AlignBottom
            )
            text = painter.boundingRect(QRectF(left, top, right - left, bottom - top), align, label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backing)
            painter.drawRoundedRect(text.adjusted(-3, -1, 3, 1), 3, 3)
            painter.setPen(ROLE_FIT_COLOURS[role_fit])
            painter.drawText(text, align, label)
        painter.setFont(self.font())

    def _draw_points(self, painter: QPainter) -> None:
        selected_row = self.selected_row()
        selected = None
        by_role_fit: dict[RoleFit, list[QPointF]] = {role_fit: [] for role_fit in ROLE_FIT_COLOURS}
        for point, where in zip(self._current_points(), self._point_places(), strict=True):
            if point.source_row == selected_row:
                selected = (point, where)
            else:
                by_role_fit[point.role_fit].append(where)
        for role_fit, positions in by_role_fit.items():
            # One call per colour: a round pen as wide as a dot draws 10,000 candidates in a few milliseconds.
            colour = QColor(ROLE_FIT_COLOURS[role_fit])
            colour.setAlpha(190)
            painter.setPen(QPen(colour, _POINT_RADIUS * 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPoints(positions)
        if selected is not None:
            # Drawn last, larger and ringed in the palette's highlight, so it is never hidden under others.
            point, where = selected
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(ROLE_FIT_COLOURS[point.role_fit])
            painter.drawEllipse(where, _POINT_RADIUS * 1.8, _POINT_RADIUS * 1.8)

    # Interaction ------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        under = self._points_at(event.position())
        if under and event.button() == Qt.MouseButton.LeftButton:
            self.candidate_clicked.emit(under[0].source_row)
        super().mousePressEvent(event)

    def tooltip_at(self, position: QPointF) -> str:
        """Every candidate under the mouse, nearest first, with role fit and scores; "" where there is none."""
        under = self._points_at(position)
        model = self._proxy.candidate_model()
        lines = [
            f"{model.name(point.source_row)}: {ROLE_FIT_LABELS[point.role_fit]}, "
            f"management {point.management:.0f}, technical {point.technical:.0f}"
            for point in under[:_TOOLTIP_NAMES]
        ]
        if len(under) > _TOOLTIP_NAMES:
            lines.append(f"… and {len(under) - _TOOLTIP_NAMES} more")
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
