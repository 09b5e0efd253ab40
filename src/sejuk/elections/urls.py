from django.urls import path

from sejuk.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.election_list, name="list"),
    path("kontes/<int:pk>/", views.contest_detail, name="contest"),
]
