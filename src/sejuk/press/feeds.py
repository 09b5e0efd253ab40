"""The Atom feed of published releases (newest first)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from sejuk.press.models import PressRelease
from sejuk.press.writing.render import paragraphs

FEED_SIZE = 50


class PublishedReleasesFeed(Feed):
    feed_type = Atom1Feed
    title = "Sejuk – Rilis cooling system Polri"
    subtitle = "Rilis pers kegiatan cooling system yang telah dipublikasikan."

    def link(self):
        return reverse("press:public")

    def items(self):
        return (
            PressRelease.objects.published()
            .select_related("unit")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: PressRelease) -> str:
        return item.title

    def item_description(self, item: PressRelease) -> str:
        # Plain text paragraphs; the syndication framework escapes them.
        return "\n\n".join(paragraphs(item.body))

    def item_link(self, item: PressRelease) -> str:
        return reverse("press:public_detail", args=[item.pk])

    def item_pubdate(self, item: PressRelease):
        return item.published_at

    def item_updateddate(self, item: PressRelease):
        return item.updated_at

    def item_author_name(self, item: PressRelease) -> str:
        return f"Humas {item.unit.display_name}"
