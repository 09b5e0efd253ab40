"""Situation reports (#6): the daily report per unit and the weekly summary for Polres and Polda.

`data.py` and `weekly.py` collect a report's content through the one door (`restrict`), as plain
dataclasses; `pdf.py` renders them through an HTML template with WeasyPrint (charts as inline SVG
from `svg.py`, nothing fetched from the network) and `xlsx.py` writes one sheet per section. Views
(`dashboard/views_reports.py`) and the `sejuk report` command call the same functions.
"""
