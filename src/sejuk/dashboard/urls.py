from django.urls import include, path

from sejuk.core import views as core_views
from sejuk.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("satuan/", core_views.home, name="units"),
    path("satuan/<slug:code>/", views.unit, name="unit"),
    path("wilayah/<str:code>/", views.region, name="region"),
    path("peta/", views.map_page, name="map"),
    path("peta/lapisan.json", views.map_data, name="map_data"),
    path("peta/unggah/", views.geometry_upload, name="geometry_upload"),
    path("kinerja/", views.scorecard, name="scorecard"),
    path("netralitas/", views.neutrality, name="neutrality"),
    # The report downloads (daily/weekly PDF and XLSX) under /dasbor/laporan/, built beside these pages.
    path("", include("sejuk.dashboard.urls_reports")),
]
