from django.urls import path

from sejuk.incidents import views, views_public

app_name = "incidents"
urlpatterns = [
    path("", views.incident_list, name="list"),
    path("baru/", views.incident_create, name="create"),
    path("lapor/", views_public.tip_create, name="tip"),
    path("<int:pk>/", views.incident_detail, name="detail"),
    path("<int:pk>/<str:action>/", views.incident_transition, name="transition"),
    path("<int:pk>/bukti/<int:evidence_id>/<str:variant>/", views.evidence_file, name="evidence"),
]
