"""Bench-only Django site: the product plus a bare insert endpoint, for bench/bench_api_submit.py.

Never installed with the product; gunicorn loads it with DJANGO_SETTINGS_MODULE=benchsite.settings
and bench/ on PYTHONPATH.
"""
