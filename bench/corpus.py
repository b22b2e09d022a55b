"""A deterministic corpus of realistic articles, built from the seed pages and the gazetteer.

Article N is a pure function of N (its own RNG is seeded with N), so the first 1,000 articles
of the 100k corpus are the 1k corpus, a database can grow from one size to the next, and two
runs on two machines index the same text.

The text is the seed pages' cleaned paragraphs, with every park name replaced by the article's
own parks and recombined into ~2,000 characters, plus sentences naming people with their roles
and quoted programmes, written the way the extraction finds them in real news.
"""
import datetime
import random
import re
from dataclasses import dataclass, field
from itertools import accumulate

from .env import ROOT

SEED_PAGES = ROOT / "fixtures" / "raw"
WORLD_SEED = "gaoxin-bench-world"
PARK_SLOT = "\ue000"  # where a park name stood in a seed paragraph (a private-use character)
TARGET_CHARS, SPREAD_CHARS, MIN_CHARS, MAX_CHARS = 2000, 450, 900, 3600
YEARS = range(2010, 2027)
PEOPLE_PER_PARK = 10

SOURCES = (
    "人民日报", "新华社", "科技日报", "经济日报", "光明日报", "中国高新网", "工业和信息化部火炬中心",
    "中国科技网", "央视网", "澎湃新闻", "第一财经", "21世纪经济报道", "每日经济新闻", "四川日报",
    "重庆日报", "新华日报", "浙江日报", "解放日报", "南方日报", "湖北日报", "大众日报", "河北日报",
    "陕西日报", "中国产业园区招商网", "学习强国",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红建国志海波宁燕云飞鹏辉亮林峰文博宇浩晨凯斌毅俊松晓雪梅琳婷倩颖瑞"
OFFICIAL_ROLES = ("党工委书记", "党工委副书记", "管委会主任", "管委会副主任", "科技创新局局长", "组织部部长")
COMPANY_ROLES = ("董事长", "总经理", "党支部书记")
COMPANY_WORDS = ("芯源", "智造", "光电", "生物", "新材", "数智", "氢能", "云链", "精工", "微纳")
PROGRAMMES = {
    "党建": ("红色引擎", "党建联盟", "先锋领航", "红色代办", "两新党建", "党群连心", "支部建在链上"),
    "产业": ("强链补链", "产业倍增", "智造升级", "链主培育", "专精特新"),
    "人才": ("英才安居", "青年人才", "海外引才", "工匠培育"),
    "营商环境": ("一网通办", "首席服务官", "企业服务直通车", "拿地即开工"),
    "科技创新": ("双孵化", "科创券", "揭榜挂帅", "概念验证", "中试熟化"),
}
PROGRAMME_SUFFIXES = ("工程", "行动", "计划", "项目", "机制")
TITLE_VERBS = ("召开", "举办", "推进", "启动", "发布", "深化", "加快")
TITLE_TOPICS = (
    "党建引领高质量发展大会", "科技创新大会", "营商环境优化提升行动", "人才发展大会", "产业集群党建工作会议",
    "新质生产力发展论坛", "招商引资推介会", "数字经济项目签约仪式", "二次创业动员大会", "主题党日活动",
)


@dataclass(frozen=True)
class Park:
    full_name: str
    short_name: str
    province: str
    city: str
    macro_regions: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.short_name or self.full_name


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    organisation: str


@dataclass(frozen=True)
class Programme:
    name: str
    category: str


@dataclass
class ArticleSpec:
    number: int
    title: str
    paragraphs: list[str]
    published: datetime.date
    precision: str  # "day" | "month" | "year"
    source: str
    author: str
    parks: list[tuple[Park, str, int]]  # (park, "subject" | "mention", times named)
    people: list[Person] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Seeds:
    """The seed pages' cleaned text, with park names cut out as slots."""

    paragraphs: tuple[str, ...]
    titles: tuple[str, ...]
    sentences: tuple[str, ...]  # short, quote-free sentences, for what people are quoted as saying


def load_seeds(parks: list[Park]) -> Seeds:
    """Clean the seed pages with the project's own cleaner, as an ingest would."""
    from archive.cleaning import clean_page

    names = sorted({n for park in parks for n in (park.full_name, park.short_name) if n}, key=len, reverse=True)
    park_names = re.compile("|".join(map(re.escape, names)))
    paragraphs, titles = [], []
    for path in sorted(SEED_PAGES.glob("*.txt")):
        for article in clean_page(path.read_bytes(), path.name, {}).articles:
            titles.append(park_names.sub(PARK_SLOT, article.title))
            paragraphs += [park_names.sub(PARK_SLOT, p) for p in article.paragraphs if len(p) >= 40]
    sentences = [
        s + "。"
        for p in paragraphs
        for s in p.split("。")
        if 12 <= len(s) <= 60 and not re.search(f"[“”{PARK_SLOT}]", s)
    ]
    return Seeds(tuple(paragraphs), tuple(t for t in titles if PARK_SLOT in t), tuple(sentences))


class World:
    """The fixed cast every article draws from: parks, people, programmes and sources."""

    def __init__(self, parks: list[Park]):
        rng = random.Random(WORLD_SEED)
        self.parks = parks
        # News attention is skewed: a few zones (中关村, 成都, 两江…) get most of the coverage.
        order = list(range(len(parks)))
        rng.shuffle(order)
        self.park_weights = _zipf(len(parks), order, exponent=0.9)
        self.park_cum_weights = list(accumulate(self.park_weights))
        self.people = self._people(rng)
        self.programmes = [
            Programme(f"{stem}{suffix}", category)
            for category, stems in PROGRAMMES.items()
            for stem in stems
            for suffix in PROGRAMME_SUFFIXES
        ]
        rng.shuffle(self.programmes)
        self.programme_cum_weights = list(accumulate(_zipf(len(self.programmes), range(len(self.programmes)), 1.0)))
        self.source_cum_weights = list(accumulate(_zipf(len(SOURCES), range(len(SOURCES)), 0.8)))

    def _people(self, rng) -> list[list[Person]]:
        seen, people = set(), []
        for park in self.parks:
            cast = []
            while len(cast) < PEOPLE_PER_PARK:
                name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                if name in seen:
                    continue
                seen.add(name)
                if rng.random() < 0.7:
                    cast.append(Person(name, rng.choice(OFFICIAL_ROLES), park.name))
                else:
                    company = f"{park.city.split(';')[0].removesuffix('市')}{rng.choice(COMPANY_WORDS)}科技有限公司"
                    cast.append(Person(name, rng.choice(COMPANY_ROLES), company))
            people.append(cast)
        return people

    def most_quoted_person(self) -> Person:
        """The person the fixed query set searches for: the first of the busiest park's cast."""
        busiest = max(range(len(self.parks)), key=self.park_weights.__getitem__)
        return self.people[busiest][0]


def _zipf(count: int, order, exponent: float) -> list[float]:
    """Zipf-like weights: the item at rank r (in `order`) weighs 1 / (r + 1) ** exponent."""
    weights = [0.0] * count
    for rank, index in enumerate(order):
        weights[index] = 1.0 / (rank + 1) ** exponent
    return weights


def load_parks() -> list[Park]:
    from archive.gazetteer import read_gazetteer

    return [
        Park(row["full_name"], row["short_name"], row["province"], row["city"], tuple(row["macro_regions"]))
        for row in read_gazetteer()
    ]


def article(number: int, seeds: Seeds, world: World) -> ArticleSpec:
    rng = random.Random(f"gaoxin-bench:{number}")
    home = rng.choices(range(len(world.parks)), cum_weights=world.park_cum_weights)[0]
    park = world.parks[home]
    mentioned = {i for i in rng.choices(range(len(world.parks)), cum_weights=world.park_cum_weights, k=rng.choice((0, 1, 1, 2)))}
    mentioned.discard(home)
    others = [world.parks[i] for i in sorted(mentioned)]
    cast = world.people[home]
    people = list(dict.fromkeys(rng.choices(cast, weights=[1 / (k + 1) for k in range(len(cast))], k=rng.choice((0, 1, 1, 2)))))
    programmes = list(
        dict.fromkeys(rng.choices(world.programmes, cum_weights=world.programme_cum_weights, k=rng.choice((0, 1, 1, 2))))
    )
    published, precision = _date(rng)

    mentions = {park.name: 0, **{other.name: 0 for other in others}}

    def fill(template: str) -> str:
        parts = template.split(PARK_SLOT)
        text = parts[0]
        for part in parts[1:]:
            name = rng.choice(others).name if others and rng.random() < 0.3 else park.name
            mentions[name] += 1
            text += name + part
        return text

    extras = [f"{p.organisation}{p.role}{p.name}表示，“{rng.choice(seeds.sentences)}”" for p in people]
    for programme in programmes:
        mentions[park.name] += 1
        extras.append(f"{park.name}推出“{programme.name}”，{rng.choice(seeds.sentences)}")
    when = f"{published.month}月{published.day}日" if precision == "day" else "近日"
    event = f"{rng.choice(TITLE_VERBS)}{rng.choice(TITLE_TOPICS)}"
    mentions[park.name] += 1
    # Seed paragraphs in a shuffled order, none twice: a real article does not repeat itself.
    drawn = iter(rng.sample(seeds.paragraphs, len(seeds.paragraphs)))
    paragraphs = [f"{when}，{park.name}{event}。{fill(next(drawn))}"]
    target = min(MAX_CHARS, max(MIN_CHARS, int(rng.gauss(TARGET_CHARS, SPREAD_CHARS))))
    length = len(paragraphs[0])
    while length < target:
        paragraph = extras.pop(0) if extras and rng.random() < 0.35 else fill(next(drawn))
        paragraphs.append(paragraph)
        length += len(paragraph)
    paragraphs += extras  # every chosen person and programme is named somewhere

    title = fill(rng.choice(seeds.titles)) if rng.random() < 0.3 else f"{park.name}{event}"
    links = [(park, "subject", max(1, mentions[park.name]))]
    links += [(other, "mention", mentions[other.name]) for other in others if mentions[other.name]]
    return ArticleSpec(
        number=number,
        title=title[:300],
        paragraphs=paragraphs,
        published=published,
        precision=precision,
        source=SOURCES[rng.choices(range(len(SOURCES)), cum_weights=world.source_cum_weights)[0]],
        author=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        parks=links,
        people=people,
        programmes=programmes,
    )


def _date(rng) -> tuple[datetime.date, str]:
    """Coverage grows over the years; most pages give a day, some only a month or a year."""
    year = rng.choices(YEARS, weights=[1 + (y - YEARS.start) * 0.25 for y in YEARS])[0]
    day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    precision = rng.choices(("day", "month", "year"), weights=(85, 10, 5))[0]
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, precision


class Corpus:
    """Seeds and world loaded once; articles generated on demand."""

    def __init__(self):
        self.parks = load_parks()
        self.world = World(self.parks)
        self.seeds = load_seeds(self.parks)

    def article(self, number: int) -> ArticleSpec:
        return article(number, self.seeds, self.world)

    def articles(self, start: int, stop: int):
        return (self.article(n) for n in range(start, stop))
