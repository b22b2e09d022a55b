"""Security measures Django 5.2 leaves to the project: a Content-Security-Policy and login throttling."""
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .ratelimit import client_id

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # Bar heights are set per element (style="--h: 40%"); no inline <style> or script is allowed.
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Referrer-Policy", "same-origin")
        return response


def failure_key(request, username: str) -> str:
    return f"login-failures:{client_id(request)}:{username.lower()[:150]}"


class ThrottledLoginMixin:
    """After GAOXIN_LOGIN_ATTEMPTS failures for one user name from one client, refuse for a while."""

    def clean(self):
        username = self.data.get("username", "")
        key = failure_key(self.request, username) if self.request else None
        if key and cache.get(key, 0) >= settings.GAOXIN_LOGIN_ATTEMPTS:
            minutes = settings.GAOXIN_LOGIN_LOCKOUT_SECONDS // 60
            raise ValidationError(_("登录失败次数过多，请 %(minutes)d 分钟后再试。") % {"minutes": minutes}, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            if key:
                cache.add(key, 0, timeout=settings.GAOXIN_LOGIN_LOCKOUT_SECONDS)
                cache.incr(key)
            raise


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass
