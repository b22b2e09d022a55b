import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# Load jieba's dictionary (~1.5 s, ~80 MB) as each worker starts, not on its first search.
from search.analysis import segmenter  # noqa: E402

segmenter()
