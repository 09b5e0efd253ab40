"""Mounted at /notifikasi/ by sejuk/urls.py; the pages live in heat.views."""

from django.urls import path

from sejuk.heat import views

app_name = "notifications"
urlpatterns = [
    path("", views.notifications, name="list"),
    path("<int:pk>/buka/", views.notification_open, name="open"),
    path("baca-semua/", views.notifications_read_all, name="read_all"),
]
