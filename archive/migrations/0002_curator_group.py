from django.contrib.auth.management import create_permissions
from django.db import migrations

from archive.permissions import ensure_curator_group


def create_curator_group(apps, schema_editor):
    archive = apps.get_app_config("archive")
    archive.models_module = True  # permissions are normally created after migrations; make them now
    create_permissions(archive, apps=apps, verbosity=0)
    ensure_curator_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="curator").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]
