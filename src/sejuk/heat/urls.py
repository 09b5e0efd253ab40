from django.urls import path

from sejuk.heat import views

app_name = "heat"
urlpatterns = [
    path("", views.heat_list, name="list"),
    path("<str:code>/", views.area, name="area"),
]
