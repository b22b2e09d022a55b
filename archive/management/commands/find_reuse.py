from django.core.management.base import BaseCommand
from django.db import transaction

from archive.models import Article
from archive.reuse import THRESHOLD, Text, clusters
from search.signals import reindex_articles


class Command(BaseCommand):
    help = "Group articles that share most of their text (reposts), for 'also published as' and collapsed search."

    def add_arguments(self, parser):
        parser.add_argument("--threshold", type=float, default=THRESHOLD, help=f"shared 5-gram share (default {THRESHOLD})")

    def handle(self, *args, **options):
        rows = Article.objects.visible().values_list("pk", "title", "body", "published", "reuse_cluster")
        texts, before = [], {}
        for pk, title, body, published, cluster in rows.iterator():
            texts.append(Text(pk, f"{title}\n{body}", published))
            before[pk] = cluster
        after = clusters(texts, options["threshold"])
        changed = [pk for pk in before if before[pk] != after.get(pk)]
        with transaction.atomic():
            for pk in changed:
                # update() skips the per-save reindex; the changed articles are reindexed once below.
                Article.objects.filter(pk=pk).update(reuse_cluster=after.get(pk))
        reindex_articles(changed)
        groups = len(set(after.values()))
        self.stdout.write(f"reuse: {len(after)} articles in {groups} groups of shared text; {len(changed)} changed")
