"""Draws a score cell as a bar in the palette's highlight colour, with the number on top."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .candidate_model import SORT_ROLE

_BAR_OPACITY = 0.45  # light enough for the number on top to stay readable in light and dark palettes


class ScoreBarDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        score = index.data(SORT_ROLE)
        if not isinstance(score, (int, float)) or score < 0:
            super().paint(painter, option, index)
            return
        # The view's option already holds the cell's rect, state and palette; asking the model for every
        # other role (initStyleOption) would double the cost of a repaint during an import.
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        tint = index.data(Qt.ItemDataRole.BackgroundRole)  # the decision's tint, like every other cell
        if tint is not None:
            option.backgroundBrush = tint
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        bar_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight)
        area = QRectF(option.rect).adjusted(3, 4, -3, -4)
        bar = QRectF(area.left(), area.top(), area.width() * min(score, 100.0) / 100.0, area.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(_BAR_OPACITY)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar_colour)
        painter.drawRoundedRect(bar, 2, 2)
        painter.restore()

        style.drawItemText(
            painter,
            area.toRect().adjusted(0, 0, -3, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            palette,
            True,
            index.data(),
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
