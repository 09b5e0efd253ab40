from django.urls import include, path

from sejuk.activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("baru/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/<str:action>/", views.activity_transition, name="transition"),
    path("<int:pk>/foto/<int:photo_id>/<str:variant>/", views.photo_file, name="photo"),
    path("", include("sejuk.activities.urls_reports")),
]
