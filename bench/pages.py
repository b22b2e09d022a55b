"""Raw scraped pages for the ingest figure: a generated article wrapped in the noise of the seeds.

The mix follows fixtures/raw: site furniture before and after the text (navigation, spam
titles, meta lines, share prompts, editor lines, ICP footers, contact blocks, related-article
teasers), some pages in traditional script and some encoded as GBK.
"""
import random
from dataclasses import dataclass

import opencc

from .corpus import ArticleSpec

TRADITIONAL_SHARE = 0.12
GBK_SHARE = 0.15
SPAM_LINE = "最新日韩欧美一区二区三区-日韩黄色片在线免费观看-日本人妻少妇免费观看-国产精品美女禄体视频网站"
BREADCRUMBS = ("您当前位置: 首页 > 工作交流", "当前位置：首页 > 新闻中心 > 正文内容", "您的位置：首页 > 园区动态")
FOOTERS = (
    "扫一扫关注公众号",
    "版权所有 © {source} 京ICP备05034026号-9京公网安备 11010202000532号",
    "地址：北京市海淀区万寿路27号院    邮编：100036 联系电话：010-68209024 传真：010-68209025",
    "产业招商/厂房土地租售：400 0123 021",
    "【打印】 【关闭窗口】",
)
_to_traditional = opencc.OpenCC("s2t")


@dataclass
class RawPage:
    name: str
    data: bytes
    encoding: str  # "utf-8" | "gbk"
    script: str  # "simplified" | "traditional"


def render(spec: ArticleSpec) -> RawPage:
    rng = random.Random(f"gaoxin-bench-page:{spec.number}")
    lines = []
    if rng.random() < 0.1:
        lines.append(SPAM_LINE)
    if rng.random() < 0.7:
        lines += [spec.source, rng.choice(BREADCRUMBS)]
    lines.append(spec.title)
    if rng.random() < 0.8:
        lines.append(f"发布时间：{spec.published.isoformat()}  来源：{spec.source}")
    lines.append(f"◎本报记者 {spec.author}")
    lines += spec.paragraphs
    if rng.random() < 0.5:
        lines.append(f"（责任编辑：{spec.author[0]}{spec.author[-1]}）")
    lines += [f.format(source=spec.source) for f in rng.sample(FOOTERS, rng.randint(1, 3))]
    if rng.random() < 0.3:
        lines += ["相关阅读", f"{spec.parks[0][0].name}召开年度工作会议", "高新区产业集群党建经验交流会举行"]
    text = "\n\n".join(lines) + "\n"

    script = "traditional" if rng.random() < TRADITIONAL_SHARE else "simplified"
    if script == "traditional":
        text = _to_traditional.convert(text)
    encoding = "gbk" if rng.random() < GBK_SHARE else "utf-8"
    if encoding == "gbk":
        text = text.replace("©", "Copyright")  # GBK has no ©; such sites spell it out
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a character GBK lacks: the site would have served UTF-8
        encoding, data = "utf-8", text.encode("utf-8")
    return RawPage(f"bench-page-{spec.number:07d}.txt", data, encoding, script)
