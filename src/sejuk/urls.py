from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from sejuk.api import api
from sejuk.core.api_errors import unknown_endpoint
from sejuk.dashboard import views as dashboard_views

urlpatterns = [
    # The API first: phones and gateways call it far more often than people open pages, and each
    # pattern before it is tried on every call.
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", unknown_endpoint),
    path("", dashboard_views.home, name="home"),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("wilayah/", include("sejuk.regions.urls")),
    path("satuan/", include("sejuk.units.urls")),
    path("kegiatan/", include("sejuk.activities.urls")),
    path("tokoh/", include("sejuk.figures.urls")),
    path("insiden/", include("sejuk.incidents.urls")),
    path("pemilihan/", include("sejuk.elections.urls")),
    path("rilis/", include("sejuk.press.urls")),
    path("suhu/", include("sejuk.heat.urls")),
    path("notifikasi/", include("sejuk.heat.notification_urls")),
    path("dasbor/", include("sejuk.dashboard.urls")),
    path("publik/", dashboard_views.public, name="public"),
    path("admin/", admin.site.urls),
]
