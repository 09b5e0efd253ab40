"""Report downloads (#6), included by dashboard/urls.py (final URLs under /dasbor/laporan/)."""

from django.urls import path

from sejuk.dashboard import views_reports

urlpatterns: list = [
    path("laporan/harian.pdf", views_reports.daily_report_pdf, name="daily_report_pdf"),
    path("laporan/harian.xlsx", views_reports.daily_report_xlsx, name="daily_report_xlsx"),
    path("laporan/mingguan.pdf", views_reports.weekly_report_pdf, name="weekly_report_pdf"),
    path("laporan/mingguan.xlsx", views_reports.weekly_report_xlsx, name="weekly_report_xlsx"),
]
