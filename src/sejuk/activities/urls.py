from django.urls import include, path

app_name = "activities"
urlpatterns = [
    path("", include("sejuk.activities.urls_reports")),
]
