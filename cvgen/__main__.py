"""Command line: write the bundled samples or a labelled evaluation set of generated CVs, as PDF or Word files.

    python -m cvgen samples DIR
    python -m cvgen eval DIR --count 500 --seed 7
    python -m cvgen eval DIR --word     (the same CVs as .docx, each layout as a Word structure: cvgen/word.py)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from cvgen.corpus import eval_corpus
from cvgen.render import render
from cvgen.samples import sample_specs
from cvgen.spec import AS_OF, CVSpec, labels_for
from cvgen.word import write_docx


def write_set(specs: Mapping[str, CVSpec], directory: Path) -> Path:
    """Renders every spec into `directory` and writes `labels.json` beside them; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    for file_name, spec in specs.items():
        if file_name.endswith(".docx"):
            write_docx(spec, directory / file_name)
        else:
            render(spec, directory / file_name)
    labels = {"as_of": AS_OF.isoformat(), "files": {name: labels_for(spec).to_json() for name, spec in specs.items()}}
    labels_path = directory / "labels.json"
    labels_path.write_text(json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return labels_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cvgen", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("samples", help="the hand-picked sample CVs").add_argument("directory", type=Path)
    evaluation = commands.add_parser("eval", help="a seeded, labelled evaluation set")
    evaluation.add_argument("directory", type=Path)
    evaluation.add_argument("--count", type=int, default=500)
    evaluation.add_argument("--seed", type=int, default=0)
    for command in commands.choices.values():
        command.add_argument("--word", action="store_true", help="write Word (.docx) files instead of PDFs")
    args = parser.parse_args(argv)
    specs = sample_specs() if args.command == "samples" else eval_corpus(args.count, args.seed)
    if args.word:
        specs = {f"{Path(name).stem}.docx": spec for name, spec in specs.items()}
    labels_path = write_set(specs, args.directory)
    print(f"wrote {len(specs)} CVs and {labels_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
