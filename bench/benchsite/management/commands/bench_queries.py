"""Count the SQL queries of one request to each benched endpoint (in-process, Django's test client)."""

import json
import uuid

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sejuk.accounts.tokens import issue_token


class Command(BaseCommand):
    help = "Print the queries per request of the bench endpoints as JSON (--verbose: the SQL too)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="bench.klari.1")
        parser.add_argument("--password", default="sejuk-bench")
        parser.add_argument("--body", required=True, help="JSON body of the activity submission")
        parser.add_argument("--show-sql", action="store_true")

    def handle(self, *args, username, password, body, show_sql, **options):
        _, key = issue_token(username, password, "bench-queries")
        client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
        requests = {
            "auth": lambda: client.get("/api/v1/units"),
            "bare": lambda: client.post("/bench/bare", body, content_type="application/json"),
            "submit": lambda: client.post(
                "/api/v1/activities",
                body,
                content_type="application/json",
                headers={"Idempotency-Key": f"bench-q-{uuid.uuid4().hex}"},
            ),
        }
        result = {}
        for name, send in requests.items():
            send()  # warm: token last_used_at, caches
            with CaptureQueriesContext(connection) as queries:
                response = send()
            assert response.status_code in (200, 201), (name, response.status_code, response.content[:300])
            result[name] = {"queries": len(queries)}
            if show_sql:
                result[name]["sql"] = [q["sql"] for q in queries.captured_queries]
        self.stdout.write(json.dumps(result, indent=2 if show_sql else None))
