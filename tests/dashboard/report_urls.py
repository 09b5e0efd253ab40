"""The product's URLs with the report downloads under /dasbor/, for as long as dashboard/urls.py does not
include them yet (tests/dashboard/test_reports.py uses this only then)."""

from django.urls import include, path

from sejuk.urls import urlpatterns as product

urlpatterns = [path("dasbor/", include("sejuk.dashboard.urls_reports")), *product]
