"""Per-client request budgets (a fixed window per minute in Django's cache)."""
import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse


def client_id(request) -> str:
    # Behind a reverse proxy set GAOXIN_TRUST_X_FORWARDED_FOR so clients are told apart.
    if getattr(settings, "GAOXIN_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(scope: str):
    """Refuse a client's requests beyond settings.GAOXIN_RATE_LIMITS[scope] per minute with 429."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limit = settings.GAOXIN_RATE_LIMITS.get(scope)
            if limit:
                window = int(time.time() // 60)
                key = f"ratelimit:{scope}:{client_id(request)}:{window}"
                cache.add(key, 0, timeout=61)
                try:
                    used = cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, timeout=61)
                    used = 1
                if used > limit:
                    response = JsonResponse(
                        {"error": "rate_limited", "detail": f"more than {limit} requests a minute; try again shortly"},
                        status=429,
                    )
                    response["Retry-After"] = str(60 - int(time.time()) % 60)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
