from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.gazetteer import GAZETTEER_CSV, read_gazetteer
from archive.models import Park


class Command(BaseCommand):
    help = "Load the committed gazetteer of national high-tech zones and new areas into the database."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(GAZETTEER_CSV), help="gazetteer CSV (default: the committed copy)")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="replace fields a curator may have edited (by default existing parks are left as they are)",
        )

    def handle(self, *args, **options):
        try:
            rows = read_gazetteer(options["path"])
        except (OSError, ValueError) as error:
            raise CommandError(str(error))
        with transaction.atomic():
            created, updated = self.store(rows, options["overwrite"])
        self.stdout.write(f"parks: {created} created, {updated} updated, {len(rows) - created - updated} unchanged")

    @staticmethod
    def store(rows, overwrite):
        created = updated = 0
        for fields in rows:
            park = Park.objects.filter(full_name=fields["full_name"]).first()
            if park is None:
                Park.objects.create(**fields)
                created += 1
            elif overwrite:
                for name, value in fields.items():
                    setattr(park, name, value)
                park.save()
                updated += 1
        return created, updated
