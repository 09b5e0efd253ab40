"""Reports as PDF (#6): an HTML template rendered by WeasyPrint, with nothing fetched from anywhere.

The template inlines its stylesheet and its charts (SVG), and names a system font (DejaVu Sans,
Debian's `fonts-dejavu-core`), so the document needs no URL at all. WeasyPrint would otherwise load
any `http(s)://` or `file://` address a template (or a value in it) names; `OfflineFetcher` refuses
every address but `data:` and stops the rendering if one is tried, so a report can never make the
server call out or read a local file.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

DAILY_TEMPLATE = "dashboard/reports/daily.html"
WEEKLY_TEMPLATE = "dashboard/reports/weekly.html"


class RefusedURL(FatalURLFetchingError):
    """A report tried to load an address; reports load nothing."""


class OfflineFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=True)

    def fetch(self, url: str, headers=None):
        if not url.lower().startswith("data:"):
            raise RefusedURL(f"Laporan tidak memuat alamat luar / reports load no address: {url[:80]}")
        return super().fetch(url, headers)


def render_html(template: str, report) -> str:
    return render_to_string(template, {"report": report})


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, base_url=None, url_fetcher=OfflineFetcher()).write_pdf()


def daily_pdf(report) -> bytes:
    return html_to_pdf(render_html(DAILY_TEMPLATE, report))


def weekly_pdf(report) -> bytes:
    return html_to_pdf(render_html(WEEKLY_TEMPLATE, report))
