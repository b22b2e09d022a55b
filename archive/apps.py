from django.apps import AppConfig
from django.db.models.signals import post_migrate


def restore_curator_group(sender, **kwargs):
    # A database flush (as between transactional tests) empties what the migration created.
    from django.contrib.auth.models import Group, Permission

    from .permissions import ensure_curator_group

    ensure_curator_group(Group, Permission)


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "档案 Archive"

    def ready(self):
        post_migrate.connect(restore_curator_group, sender=self)
