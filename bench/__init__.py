"""Benchmarks of the quiz engine (`make bench`); figures go to bench/results/."""
