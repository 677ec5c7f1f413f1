import base64
import json

import pytest

from xapi.models import Client


class LRS:
    """A Django test client speaking xAPI to /xapi/ as one LRS client."""

    def __init__(self, client, key: str, secret: str):
        self.client = client
        token = base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.headers = {
            "HTTP_AUTHORIZATION": f"Basic {token}",
            "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
        }

    def get(self, path: str, params=None, **headers):
        return self.client.get(
            f"/xapi/{path}", params or {}, **{**self.headers, **headers}
        )

    def post(self, path: str, data, content_type="application/json", **headers):
        body = data if isinstance(data, (bytes, str)) else json.dumps(data)
        return self.client.generic(
            "POST",
            f"/xapi/{path}",
            body,
            content_type=content_type,
            **{**self.headers, **headers},
        )

    def put(self, path: str, data, content_type="application/json", **headers):
        body = data if isinstance(data, (bytes, str)) else json.dumps(data)
        return self.client.generic(
            "PUT",
            f"/xapi/{path}",
            body,
            content_type=content_type,
            **{**self.headers, **headers},
        )

    def delete(self, path: str, **headers):
        return self.client.generic(
            "DELETE", f"/xapi/{path}", **{**self.headers, **headers}
        )


def make_client(name: str = "test") -> tuple[Client, str]:
    lrs_client = Client(name=name)
    secret = lrs_client.set_new_secret()
    lrs_client.save()
    return lrs_client, secret


@pytest.fixture
def lrs(db, client):
    lrs_client, secret = make_client()
    return LRS(client, lrs_client.key, secret)


def statement(**overrides) -> dict:
    data = {
        "actor": {"objectType": "Agent", "mbox": "mailto:learner@example.org"},
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": {"en-US": "completed"},
        },
        "object": {"id": "https://academy.example/activities/lesson-1"},
    }
    data.update(overrides)
    return data
