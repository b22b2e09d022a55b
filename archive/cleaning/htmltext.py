"""HTML to plain text: scripts, styles and tags out, one line per block element, entities decoded."""
import re
from html.parser import HTMLParser

LOOKS_HTML = re.compile(r"<\s*(html|body|div|p|br|table|head|span|article|h[1-6])\b[^>]*>", re.I)
BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article", "header", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "title", "nav", "aside", "dd", "dt", "figcaption",
}
INVISIBLE = {"script", "style", "noscript", "template", "iframe", "svg", "head"}


def looks_like_html(text: str) -> bool:
    return len(LOOKS_HTML.findall(text[:20000])) >= 2


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in INVISIBLE:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            # Newlines inside an HTML block are just source formatting, not paragraph breaks.
            self.parts.append(re.sub(r"\s*\n\s*", " ", data))


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)
