"""Whether hostile markup survived unescaped into a response, judged by parsing it as a browser would."""
from html.parser import HTMLParser


class LiveMarkupFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.found.append("<script>alert…")


def live_markup(body: str) -> list[str]:
    """Event-handler attributes, javascript: links and scripts that call alert: the shapes the
    hostile test input takes. Escaped text such as &lt;img onerror=…&gt; is not markup."""
    finder = LiveMarkupFinder()
    finder.feed(body)
    return finder.found
