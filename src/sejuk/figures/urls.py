from django.urls import path

from sejuk.figures import views

app_name = "figures"
urlpatterns = [
    path("", views.figure_list, name="list"),
    path("baru/", views.figure_create, name="create"),
    path("<int:pk>/", views.figure_detail, name="detail"),
    path("<int:pk>/gabung/<int:duplicate_pk>/", views.figure_merge, name="merge"),
]
