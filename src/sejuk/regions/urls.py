from django.urls import path

from sejuk.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.region_search, name="search"),
    path("<str:code>/", views.region_detail, name="detail"),
]
