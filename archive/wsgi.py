import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# Load both segmenters as each worker starts (~1 s, ~140 MB), not on its first results page:
# searching cuts words with one, snippets find the parts of long words with the other.
from search.analysis import dag_segmenter, word_cutter  # noqa: E402

word_cutter.engine()
dag_segmenter.engine()
