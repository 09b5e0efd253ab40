from django.urls import path, re_path

from sejuk.press import views, views_import
from sejuk.press.feeds import PublishedReleasesFeed

app_name = "press"
urlpatterns = [
    path("", views.release_list, name="list"),
    path("tulis/kegiatan/", views.draft_from_activity, name="draft_activity"),
    path("tulis/harian/", views.draft_daily, name="draft_daily"),
    path("impor/", views_import.import_list, name="imports"),
    path("impor/<int:pk>/", views_import.import_detail, name="import_detail"),
    path("publik/", views.public_list, name="public"),
    path("publik/<int:pk>/", views.public_detail, name="public_detail"),
    path("feed.atom", PublishedReleasesFeed(), name="feed"),
    path("<int:pk>/", views.release_detail, name="detail"),
    path("<int:pk>/ubah/", views.release_edit, name="edit"),
    path("<int:pk>/<str:action>/", views.release_transition, name="transition"),
    re_path(r"^(?P<pk>\d+)\.(?P<fmt>txt|html|docx)$", views.download, name="download"),
]
