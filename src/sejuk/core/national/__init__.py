"""A national-scale synthetic data set for benchmarks (`sejuk generate_national`, issue #4).

plan (pure: sizes, units on real regions) -> people (units, officers, logins) -> figures ->
activities (with officers, figures, themes) -> incidents, written by `writers` (COPY on
PostgreSQL, executemany on SQLite) in one transaction; `cleanup` finds and removes it again.
See bench/README.md for commands and measured times.
"""
