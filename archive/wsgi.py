import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# Load the word segmenter as each worker starts, not on its first search. jieba's own
# dictionary (~0.7 s, ~80 MB) is loaded only if the worker comes to index an edit.
from search.analysis import word_cutter  # noqa: E402

word_cutter.engine()
