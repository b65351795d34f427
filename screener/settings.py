"""What a screening run needs besides the files: the catalogue and the reference date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from screener.catalogue import Catalogue, load_catalogue
from screener.pdftext import Backend


@dataclass(frozen=True)
class Settings:
    catalogue: Catalogue = field(default_factory=load_catalogue)
    as_of: date | None = None  # "Present" in a CV means this day; None means today
    backend: Backend = "pdfium"  # "pdfplumber" is slower; kept as the reference reader

    def reference_date(self) -> date:
        return self.as_of or date.today()
