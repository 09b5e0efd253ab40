from django.urls import include, path

from benchsite.views import bare_insert

urlpatterns = [
    path("bench/bare", bare_insert),
    path("", include("sejuk.urls")),
]
