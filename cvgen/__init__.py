"""Generator of labelled fictional CV PDFs for samples, evaluation, benchmarks and tests."""
