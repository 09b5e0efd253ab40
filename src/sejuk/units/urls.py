from django.urls import path

from sejuk.units import views

app_name = "units"
urlpatterns = [
    path("<slug:code>/", views.unit_detail, name="detail"),
]
