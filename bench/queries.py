"""The fixed query set every system answers: five queries, each alone and with three facets chosen."""
from dataclasses import dataclass, field

# A province, a year and an initiative category: three different kinds of facet at once.
ACTIVE_FACETS = {"region": ["江苏省"], "year": ["2021"], "initiative_category": ["党建"]}


@dataclass(frozen=True)
class Query:
    kind: str  # "one word", "two words", "phrase", "traditional", "person"
    q: str
    filters: dict = field(default_factory=dict)

    @property
    def faceted(self) -> bool:
        return bool(self.filters)

    @property
    def label(self) -> str:
        return f"{self.kind}{' + 3 facets' if self.faceted else ''}"

    def params(self):
        from search.params import SearchParams

        return SearchParams(q=self.q, filters={name: list(values) for name, values in self.filters.items()})

    def url(self) -> str:
        """The canonical URL, so the page answers at once instead of redirecting."""
        return f"/search/?{self.params().query_string()}"


def query_set(person: str) -> list[Query]:
    plain = [
        Query("one word", "党建"),  # the archive's commonest subject: matches most of the corpus
        Query("two words", "新能源 项目"),
        Query("phrase", '"高质量发展"'),
        Query("traditional", "黨建引領"),  # folded to 党建引领, an unspaced run: a phrase
        Query("person", person),
    ]
    return plain + [Query(q.kind, q.q, ACTIVE_FACETS) for q in plain]
