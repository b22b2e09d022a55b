"""Chinese unless the reader chose otherwise: the language switch's cookie decides, not the browser."""
from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Django's LocaleMiddleware would follow Accept-Language and show English to most foreign
    browsers; the archive's default is Chinese, and English is one click away."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
