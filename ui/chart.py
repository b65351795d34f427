"""The score map: every candidate in the current view as a point, management (y) against technical (x)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from screener.models import RoleFit

from .candidate_proxy import CandidateProxyModel
from .engine import Thresholds
from .labels import ROLE_FIT_LABELS, display_name

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


@dataclass(frozen=True)
class _Point:
    source_row: int
    technical: float
    management: float
    role_fit: RoleFit


class ScoreChart(QWidget):
    """Follows the proxy, so the map shows exactly the candidates the list shows."""

    candidate_clicked = Signal(int)  # source row

    def __init__(self, proxy: CandidateProxyModel, thresholds: Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._thresholds = thresholds
        self._points: list[_Point] | None = None  # rebuilt lazily on the next paint after the view changes
        self._selected_row = -1
        self.setMinimumSize(QSize(320, 280))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._view_changed)

    def set_thresholds(self, thresholds: Thresholds) -> None:
        self._thresholds = thresholds
        self.update()

    def set_selected_row(self, source_row: int) -> None:
        if source_row != self._selected_row:
            self._selected_row = source_row
            self.update()

    def selected_row(self) -> int:
        return self._selected_row

    def point_position(self, source_row: int) -> QPointF | None:
        """Where a candidate is drawn, or None when it is not on the map (filtered out or not scored)."""
        for point in self._current_points():
            if point.source_row == source_row:
                return self._to_widget(point.technical, point.management)
        return None

    def _view_changed(self) -> None:
        self._points = None
        self.update()

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
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("100") + metrics.height() + 12
        bottom = metrics.height() * 2 + 10
        return QRectF(self.rect()).adjusted(left, metrics.height(), -metrics.height(), -bottom)

    def _to_widget(self, technical: float, management: float) -> QPointF:
        plot = self._plot_rect()
        return QPointF(
            plot.left() + plot.width() * technical / 100.0, plot.bottom() - plot.height() * management / 100.0
        )

    def _point_at(self, position: QPointF) -> _Point | None:
        nearest, best = None, _HIT_RADIUS**2
        for point in self._current_points():
            where = self._to_widget(point.technical, point.management)
            distance = (where.x() - position.x()) ** 2 + (where.y() - position.y()) ** 2
            if distance <= best:
                nearest, best = point, distance
        return nearest

    # Painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_axes(painter)
        self._draw_quadrants(painter)
        self._draw_points(painter)

    def _draw_axes(self, painter: QPainter) -> None:
        plot = self._plot_rect()
        palette = self.palette()
        metrics = self.fontMetrics()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(plot)
        for tick in _TICKS:
            x, y = self._to_widget(tick, 0).x(), self._to_widget(0, tick).y()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(x - 20, plot.bottom() + 2, 40, metrics.height()), Qt.AlignmentFlag.AlignCenter, str(tick)
            )
            painter.drawText(
                QRectF(plot.left() - 44, y - metrics.height() / 2, 40, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + metrics.height() + 4, plot.width(), metrics.height()),
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

    def _draw_quadrants(self, painter: QPainter) -> None:
        plot = self._plot_rect()
        threshold = self._to_widget(self._thresholds.technical, self._thresholds.management)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(threshold.x(), plot.top()), QPointF(threshold.x(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), threshold.y()), QPointF(plot.right(), threshold.y()))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        inset = 6.0
        for (strong_management, strong_technical), (label, role_fit) in _QUADRANT_LABELS.items():
            left = threshold.x() + inset if strong_technical else plot.left() + inset
            right = plot.right() - inset if strong_technical else threshold.x() - inset
            top = plot.top() + inset if strong_management else threshold.y() + inset
            bottom = threshold.y() - inset if strong_management else plot.bottom() - inset
            align = (Qt.AlignmentFlag.AlignRight if strong_technical else Qt.AlignmentFlag.AlignLeft) | (
                Qt.AlignmentFlag.AlignTop if strong_management else Qt.AlignmentFlag.AlignBottom
            )
            painter.setPen(ROLE_FIT_COLOURS[role_fit])
            painter.drawText(QRectF(left, top, right - left, bottom - top), align, label)
        painter.setFont(self.font())

    def _draw_points(self, painter: QPainter) -> None:
        selected = None
        for point in self._current_points():
            if point.source_row == self._selected_row:
                selected = point
                continue
            colour = QColor(ROLE_FIT_COLOURS[point.role_fit])
            colour.setAlpha(190)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(self._to_widget(point.technical, point.management), _POINT_RADIUS, _POINT_RADIUS)
        if selected is not None:
            # Drawn last, larger and ringed in the palette's highlight, so it is never hidden under others.
            where = self._to_widget(selected.technical, selected.management)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(ROLE_FIT_COLOURS[selected.role_fit])
            painter.drawEllipse(where, _POINT_RADIUS * 1.8, _POINT_RADIUS * 1.8)

    # Interaction ------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self._point_at(event.position())
        if point is not None and event.button() == Qt.MouseButton.LeftButton:
            self.candidate_clicked.emit(point.source_row)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = self._point_at(QPointF(event.pos()))
            if point is None:
                QToolTip.hideText()
            else:
                candidate = self._proxy.candidate_model().candidate(point.source_row)
                QToolTip.showText(
                    event.globalPos(),
                    f"{display_name(candidate)}\n{ROLE_FIT_LABELS[point.role_fit]}: "
                    f"management {point.management:.0f}, technical {point.technical:.0f}",
                    self,
                )
            return True
        return super().event(event)
