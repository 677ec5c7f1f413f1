"""Query budgets: a page's query count must stay the same as the data grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str, *, status: int = 200) -> int:
    # Warm once: Wagtail caches the site's root paths per process.
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == status, response
    return len(captured.captured_queries)
