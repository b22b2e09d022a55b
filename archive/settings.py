"""Settings for Gaoxin Archive.

Everything that differs between a laptop and a server comes from the environment:
DATABASE_URL (default: SQLite under var/), GAOXIN_DATA_DIR, GAOXIN_INDEX_PATH,
GAOXIN_INDEX_PROCS, GAOXIN_POSTINGS_CACHE_MB, DJANGO_SECRET_KEY, DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS.
"""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("GAOXIN_DATA_DIR", BASE_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
# Production mode (DJANGO_DEBUG=0) refuses to start without its own key and host list.
PRODUCTION = not DEBUG
if PRODUCTION and not (os.environ.get("DJANGO_SECRET_KEY") and os.environ.get("DJANGO_ALLOWED_HOSTS")):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("With DJANGO_DEBUG=0, set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS in the environment.")
# The development key only ever signs local sessions.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # search before haystack: its rebuild_index (build aside, then swap) replaces haystack's.
    "search",
    "haystack",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "archive.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.security.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several gunicorn workers write through admin saves; wait for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
# Serve straight from static/ when collectstatic has not run (tests, a fresh checkout).
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/search/saved/"
LOGOUT_REDIRECT_URL = "/"

HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "search.backend.ArchiveWhooshEngine",
        "PATH": os.environ.get("GAOXIN_INDEX_PATH", str(DATA_DIR / "whoosh_index")),
    },
}
HAYSTACK_SIGNAL_PROCESSOR = "search.signals.ArticleSignalProcessor"
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
GAOXIN_USER_DICT = Path(os.environ.get("GAOXIN_USER_DICT", DATA_DIR / "userdict.txt"))
# Processes that analyse and write a full index rebuild; default: every core this process may use.
GAOXIN_INDEX_PROCS = int(os.environ.get("GAOXIN_INDEX_PROCS", "0")) or len(os.sched_getaffinity(0))
# Memory each process may give to the decoded postings of frequent words (search.postings).
GAOXIN_POSTINGS_CACHE_MB = int(os.environ.get("GAOXIN_POSTINGS_CACHE_MB", "48"))

# Requests per client per minute; 0 switches a limit off.
GAOXIN_RATE_LIMITS = {
    "search": int(os.environ.get("GAOXIN_SEARCH_RATE", "240")),
    "api": int(os.environ.get("GAOXIN_API_RATE", "120")),
    "export": int(os.environ.get("GAOXIN_EXPORT_RATE", "20")),
}
GAOXIN_TRUST_X_FORWARDED_FOR = os.environ.get("GAOXIN_TRUST_X_FORWARDED_FOR") == "1"

# Login throttling: this many failures per user name and client lock that pair out for a while.
GAOXIN_LOGIN_ATTEMPTS = int(os.environ.get("GAOXIN_LOGIN_ATTEMPTS", "5"))
GAOXIN_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("GAOXIN_LOGIN_LOCKOUT_SECONDS", "900"))

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    # Served over HTTPS behind a proxy that sets X-Forwarded-Proto (see the README's Operations).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = os.environ.get("GAOXIN_SSL_REDIRECT", "1") == "1"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("GAOXIN_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]
    LOGGING["root"]["level"] = "INFO"

# Rate limits and login throttling count per machine, not per gunicorn worker: a file cache is
# shared by all workers without another server to run.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
    }
}
