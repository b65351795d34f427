"""The CV generator writes readable PDFs whose labels match what they print, the same for the same seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from cvgen.__main__ import write_set
from cvgen.corpus import TRAPS, eval_corpus
from cvgen.render import render
from cvgen.spec import LAYOUTS, PRODUCERS, CVSpec, labels_for

LABEL_KEYS = {"name", "email", "phone", "held", "planned", "expired", "traps", "degrees", "years", "role_fit"}


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.fixture(scope="module")
def corpus() -> dict[str, CVSpec]:
    return eval_corpus(40, seed=3)


def test_every_layout_and_producer_writes_a_pdf_that_shows_the_name(corpus: dict[str, CVSpec], tmp_path: Path) -> None:
    for layout in LAYOUTS:
        for producer in PRODUCERS:
            name, spec = next((n, s) for n, s in corpus.items() if (s.layout, s.producer) == (layout, producer))
            render(spec, tmp_path / name)
            assert spec.name in pdf_text(tmp_path / name), (layout, producer)


def test_labels_have_the_documented_keys_and_known_values(corpus: dict[str, CVSpec]) -> None:
    for spec in corpus.values():
        labels = labels_for(spec).to_json()
        assert set(labels) == LABEL_KEYS
        assert labels["role_fit"] in {"tpm", "pm", "technical", "other"}
        assert not set(labels["held"]) & (set(labels["planned"]) | set(labels["expired"]))
        for degree in labels["degrees"]:
            assert set(degree) == {"level", "technical", "status"}


def test_forty_cvs_carry_every_trap(corpus: dict[str, CVSpec]) -> None:
    carried = {trap for spec in corpus.values() for trap in spec.traps}
    assert carried == {trap.description for trap in TRAPS}


def test_the_same_seed_gives_the_same_corpus_and_bytes(tmp_path: Path) -> None:
    first, second = eval_corpus(8, seed=11), eval_corpus(8, seed=11)
    assert first == second
    assert eval_corpus(8, seed=12) != first
    for run in ("a", "b"):
        write_set(first, tmp_path / run)
    for name in first:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "labels.json").read_bytes() == (tmp_path / "b" / "labels.json").read_bytes()


def test_generator_does_not_import_qt() -> None:
    # A fresh interpreter: pytest-qt has already imported Qt into this one.
    probe = "import sys, cvgen.__main__; print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2]
    )
    assert result.stdout.strip() == "False"
