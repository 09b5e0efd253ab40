"""Coverage pages and exports (kept apart from the intake pages in urls.py)."""

from django.urls import path

from sejuk.activities import views_reports

urlpatterns: list = [
    path("cakupan/", views_reports.coverage, name="coverage"),
    path("ekspor/kegiatan.csv", views_reports.export_activities_csv, name="export_activities_csv"),
    path("ekspor/kegiatan.xlsx", views_reports.export_activities_xlsx, name="export_activities_xlsx"),
    path("ekspor/tokoh.csv", views_reports.export_figures_csv, name="export_figures_csv"),
    path("ekspor/tokoh.xlsx", views_reports.export_figures_xlsx, name="export_figures_xlsx"),
]
