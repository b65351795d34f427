"""The desktop face of the screener: a PySide6 window over the Qt-free engine in `screener`."""
