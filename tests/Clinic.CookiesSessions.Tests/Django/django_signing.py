# Runs django.core.signing operations for the Clinic.CookiesSessions tests with Debian's python3-django.
# Input (stdin): {"secret_key": str, "fallbacks": [str], "hashing": "sha256"|"sha1", "ops": [{"op": ..., ...}]}
# Output (stdout): a JSON list with one {"ok": value} or {"error": exception class name} per operation.
import json
import sys
from unittest import mock

from django.conf import settings

request = json.load(sys.stdin)
settings.configure(
    SECRET_KEY=request["secret_key"],
    INSTALLED_APPS=["django.contrib.sessions"],
    DEFAULT_HASHING_ALGORITHM=request.get("hashing", "sha256"),
)
import django  # noqa: E402

django.setup()
from django.core import signing  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402


def at(now):
    return mock.patch("django.core.signing.time.time", return_value=now)


def run(op):
    kind = op["op"]
    now = op.get("now", 1700000000)
    with at(now):
        if kind == "sign":
            return signing.Signer(op["key"], salt=op.get("salt"), sep=op.get("sep", ":")).sign(op["value"])
        if kind == "unsign":
            return signing.Signer(op["key"], salt=op.get("salt"), sep=op.get("sep", ":")).unsign(op["value"])
        if kind == "ts_sign":
            return signing.TimestampSigner(op["key"], salt=op.get("salt")).sign(op["value"])
        if kind == "ts_unsign":
            return signing.TimestampSigner(op["key"], salt=op.get("salt")).unsign(op["value"], max_age=op.get("max_age"))
        if kind == "dumps":
            return signing.dumps(op["value"], key=op.get("key"), salt=op.get("salt", "django.core.signing"),
                                 compress=op.get("compress", False))
        if kind == "loads":
            return signing.loads(op["value"], key=op.get("key"), salt=op.get("salt", "django.core.signing"),
                                 max_age=op.get("max_age"))
        if kind == "set_signed_cookie":
            response = HttpResponse()
            response.set_signed_cookie(op["name"], op["value"], salt=op.get("salt", ""))
            return response.cookies[op["name"]].value
        if kind == "get_signed_cookie":
            http_request = HttpRequest()
            http_request.COOKIES[op["name"]] = op["value"]
            return http_request.get_signed_cookie(op["name"], salt=op.get("salt", ""), max_age=op.get("max_age"))
        if kind == "session_db_encode":
            from django.contrib.sessions.backends.db import SessionStore
            return SessionStore().encode(op["value"])
        if kind == "session_cookie_encode":
            from django.contrib.sessions.backends.signed_cookies import SessionStore
            store = SessionStore()
            store.update(op["value"])
            return store._get_session_key()
        if kind == "session_cookie_decode":
            from django.contrib.sessions.backends.signed_cookies import SessionStore
            return dict(SessionStore(session_key=op["value"]).load())
        raise ValueError("unknown op " + kind)


results = []
for operation in request["ops"]:
    try:
        results.append({"ok": run(operation)})
    except signing.BadSignature as error:
        results.append({"error": type(error).__name__})
json.dump(results, sys.stdout)
