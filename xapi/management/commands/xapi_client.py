"""Creates an LRS client and prints its key and secret as one JSON object
(the secret is shown only here; it is stored hashed)."""

import json

from django.core.management.base import BaseCommand

from xapi.models import Client


class Command(BaseCommand):
    help = "Create an xAPI LRS client; prints its key and secret as JSON."

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, name: str, **options):
        client = Client(name=name[:200])
        secret = client.set_new_secret()
        client.save()
        self.stdout.write(json.dumps({"key": client.key, "secret": secret}))
