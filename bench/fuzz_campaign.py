"""A long fuzzing run: screen thousands of mutated CV PDFs and count how each one ended.

    python bench/fuzz_campaign.py [--cases 2000] [--seed 1] [--workers 2]

Mutates generated CVs (byte flips, truncations, splices), screens them through the batch with the
default worker limits, and prints the counts of ok / error / crash / hang / memory, the time taken,
and any exception the batch raised (there should be none).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from cvgen.__main__ import write_set
from cvgen.corpus import eval_corpus
from cvgen.mutate import Mutation, MutationKind, mutate
from screener.batch import screen_files
from screener.models import Candidate
from screener.settings import Settings

KINDS: tuple[MutationKind, ...] = ("flip", "truncate", "splice")


def random_mutations(rng: random.Random) -> list[Mutation]:
    return [
        Mutation(rng.choice(KINDS), rng.random(), rng.choice((1, 8, 64, 4096)), rng.randint(0, 255))
        for _ in range(rng.randint(1, 3))
    ]


def outcome(candidate: Candidate) -> str:
    reason = candidate.error or ""
    if candidate.status != "error":
        return candidate.status
    if "crashed" in reason:
        return "crash"
    if "took longer" in reason:
        return "hang"
    if "memory" in reason:
        return "memory"
    return "error"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        originals_dir = Path(scratch) / "originals"
        write_set(eval_corpus(40, args.seed), originals_dir)
        originals = [path.read_bytes() for path in sorted(originals_dir.glob("*.pdf"))]
        mutants = Path(scratch) / "mutants"
        mutants.mkdir()
        files = []
        for case in range(args.cases):
            data = mutate(rng.choice(originals), random_mutations(rng), donor=rng.choice(originals))
            files.append(mutants / f"case {case:05d}.pdf")
            files[-1].write_bytes(data)
        started = time.perf_counter()
        results = screen_files(files, Settings(), workers=args.workers)
        elapsed = time.perf_counter() - started
    counts.update(outcome(candidate) for candidate in results)
    print(f"cases: {args.cases}  rows: {len(results)}  seed: {args.seed}  workers: {args.workers}")
    print("  ".join(f"{kind}: {counts[kind]}" for kind in ("ok", "error", "crash", "hang", "memory", "duplicate")))
    print(f"time: {elapsed:.1f} s ({args.cases / elapsed:.0f} files/s)")
    reasons = Counter(c.error for c in results if outcome(c) == "error")
    for reason, count in reasons.most_common(5):
        print(f"  error {count:>5}: {reason}")
    for kind in ("crash", "hang", "memory"):
        for candidate in (c for c in results if outcome(c) == kind):
            print(f"  {kind}: {Path(candidate.file).name}: {candidate.error}")
    return 0 if len(results) == args.cases else 1


if __name__ == "__main__":
    sys.exit(main())
