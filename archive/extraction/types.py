"""The extraction contract: cleaned text and known entities in, entity mentions out. No Django here."""
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class ParkEntry:
    """A gazetteer park as extraction sees it."""

    key: int | str  # Park primary key (or any stable id in tests)
    full_name: str
    short_name: str
    aliases: tuple[str, ...] = ()
    province: str = ""
    city: str = ""
    kind: str = "hitech_zone"

    def names(self):
        return sorted({n for n in (self.full_name, self.short_name, *self.aliases) if n}, key=len, reverse=True)

    @classmethod
    def from_row(cls, key, row: dict) -> "ParkEntry":
        """From a dict with Park's fields, e.g. one of `archive.gazetteer.read_gazetteer()`."""
        return cls(key, row["full_name"], row["short_name"], tuple(row.get("aliases", ())), row["province"], row["city"], row["kind"])


@dataclass
class ParkMention:
    key: int | str
    name: str  # short name
    full_name: str
    province: str
    city: str
    salience: str  # "subject" | "mention"
    count: int


@dataclass
class FigureMention:
    name: str
    role: str = ""
    organisation: str = ""
    quote: str = ""


@dataclass
class InitiativeMention:
    name: str
    park: str = ""  # short name of the park that runs it, if known
    category: str = "其他"


@dataclass
class Extraction:
    parks: list[ParkMention] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)
    initiatives: list[InitiativeMention] = field(default_factory=list)
    proposed_parks: list[str] = field(default_factory=list)

    def to_dict(self):
        return asdict(self)
