"""A corpus written for the project to test learned suggestions: policy news articles whose sentences
are clauses of several policy-tool kinds, each said in many ways, among news filler that mentions
the same things without being a measure.

Each clause kind is a few frames; a frame is a list of slots, each slot a list of wordings. A
clause picks one wording per slot, so two articles rarely share a clause word for word: an
analyst's tagged strings seldom recur, while the words of a kind do. Codes follow a policy-tool
study: measures split into supply-side, demand-side and environmental ones (sub-codes of the
default ``measure``), plus targets and projects. Some filler sentences borrow a measure's words
(``资金``, ``平台``) so that a word alone does not decide.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from desktop.core.coding.importing import prepare_article
from desktop.core.models import Status
from desktop.core.store import Store

Frame = list[list[str]]

KINDS: dict[str, list[Frame]] = {
    "supply": [
        [
            ["加大", "增加", "持续加大", "进一步加大", "不断加大"],
            ["财政资金", "财政", "专项资金", "中央预算内资金"],
            ["投入", "支持力度", "投入力度"],
        ],
        [
            ["设立", "设置", "统筹安排", "安排"],
            ["专项资金", "产业发展基金", "引导基金", "补助资金"],
            ["支持", "用于扶持", "重点支持", "扶持"],
            ["企业技术改造", "新能源汽车产业", "中小企业创新", "科技成果转化"],
        ],
        [
            ["培养", "引进", "培育", "大力引进"],
            ["高层次人才", "技术技能人才", "创新团队", "紧缺专业人才"],
            ["", "，给予安家补贴", "，提供住房保障"],
        ],
        [
            ["建设", "搭建", "完善", "加快建设"],
            ["公共技术服务平台", "创新服务平台", "信息基础设施", "共性技术研发平台"],
            ["", "，为企业提供技术支撑", "，服务中小企业"],
        ],
    ],
    "demand": [
        [
            ["政府", "各级政府部门", "机关事业单位"],
            ["优先采购", "带头采购", "加大采购"],
            ["创新产品", "国产设备", "新能源汽车", "节能产品"],
        ],
        [
            ["开展", "组织开展", "深入推进", "积极开展"],
            ["应用示范", "试点示范", "示范推广", "示范应用"],
            ["", "工程", "行动"],
        ],
        [
            ["扩大", "鼓励", "支持企业"],
            ["出口", "产品出口", "开拓海外市场", "参加境外展会"],
            ["", "，给予展位费补助", "，稳定外贸订单"],
        ],
        [
            ["推行", "鼓励", "推广"],
            ["首台套应用", "政府购买服务", "服务外包", "以旧换新"],
            ["", "，扩大市场需求", "，带动消费"],
        ],
    ],
    "environment": [
        [["落实", "完善", "全面落实", "实施"], ["税收优惠政策", "减税降费政策", "企业所得税减免", "研发费用加计扣除"]],
        [
            ["提供", "给予", "落实"],
            ["贷款贴息", "融资担保", "信贷支持", "知识产权质押融资"],
            ["", "，缓解融资难题", "，降低融资成本"],
        ],
        [
            ["完善", "健全", "制定", "修订"],
            ["法规制度", "标准体系", "监管机制", "准入管理办法"],
            ["", "，规范市场秩序", "，优化营商环境"],
        ],
        [["加强", "强化", "严格"], ["知识产权保护", "市场监管", "信用体系建设", "执法检查"]],
    ],
    "target": [
        [
            ["到2025年", "到2027年", "到2030年", "至2026年底"],
            ["，全市", "，全省", "，全区", "，"],
            ["新能源汽车产量", "高新技术企业数量", "研发投入强度", "数字经济规模"],
            ["达到", "突破", "超过"],
            ["50万辆", "1000家", "3%", "5000亿元"],
        ],
        [
            ["力争", "争取", "确保"],
            ["工业增加值", "规模以上企业营业收入", "节能环保产业产值", "技术合同成交额"],
            ["年均增长", "每年增长", "增长"],
            ["8%", "10%", "12%", "15%"],
            ["以上", "左右"],
        ],
        [
            ["确保", "力争"],
            ["可再生能源", "绿色建筑", "战略性新兴产业"],
            ["占比", "比重"],
            ["提高到", "达到"],
            ["30%", "40%", "25%"],
        ],
    ],
    "project": [
        [
            ["开工建设", "推进建设", "启动实施", "加快推进"],
            ["青禾", "江北", "东湖", "临港"],
            ["智能制造产业园", "污水处理厂", "综合交通枢纽", "数据中心"],
            ["项目", "工程", "二期工程"],
        ],
        [
            ["青禾", "江北", "东湖", "临港"],
            ["光伏发电", "轨道交通", "冷链物流", "生物医药"],
            ["项目"],
            ["正式开工", "顺利投产", "完成投资20亿元", "已进入主体施工阶段"],
        ],
    ],
}
# News filler: the sentences around the measures, some using a measure's words without being one.
FILLER: list[Frame] = [
    [["记者", "本报记者", "记者日前"], ["从会上", "从市发改委", "从新闻发布会上", "从有关部门"], ["获悉", "了解到"]],
    [
        ["会议由", "发布会由"],
        ["副市长", "市政府副秘书长", "市委常委", "发改委主任"],
        ["王建国", "李明", "张华", "陈静"],
        ["主持"],
    ],
    [
        ["据了解", "据介绍", "记者注意到"],
        ["，", "，今年以来", "，上半年"],
        ["该市", "全省", "该区"],
        ["经济运行总体平稳", "天气晴好", "各项工作有序推进", "市场主体活跃"],
    ],
    [
        ["与会人员", "参会企业代表", "专家学者"],
        ["围绕", "就"],
        ["资金使用情况", "平台建设进展", "相关政策"],
        ["进行了交流", "展开讨论", "发表了意见"],
    ],
    [
        ["发布会结束后", "会后", "当天下午"],
        ["，"],
        ["记者", "参会代表", "与会人员"],
        ["参观了", "走访了", "实地察看了"],
        ["展示中心", "企业车间", "服务大厅"],
    ],
    [
        ["市民", "不少网友", "一位企业负责人"],
        ["表示", "认为", "说"],
        ["，"],
        ["这些举措很及时", "希望政策早日落地", "对前景充满信心"],
    ],
    # Past figures and opinions in a measure's or a target's words: reported, not decided.
    [
        ["据统计", "数据显示", "统计显示"],
        ["，去年", "，上年", "，今年前三季度"],
        ["全市", "该区", "全省"],
        ["财政资金投入", "专项资金", "产业发展基金规模", "新能源汽车产量"],
        ["达到", "超过", "突破"],
        ["12亿元", "3.5亿元", "20万辆"],
    ],
    [
        ["记者在", "走进", "记者来到"],
        ["创新服务平台", "公共技术服务平台", "示范基地", "数据中心"],
        ["看到", "了解到"],
        ["，"],
        ["工作人员正在调试设备", "企业负责人正在接待来访企业", "展厅里人头攒动"],
    ],
    [
        ["有企业负责人表示", "一位专家指出", "业内人士认为"],
        ["，"],
        ["税收优惠政策", "贷款贴息", "应用示范", "人才引进"],
        ["效果明显", "还需进一步细化", "让企业得到了实惠"],
    ],
]
# What was done before, in a measure's own words: a study codes what the policy decides, not this.
REPORTED_BEFORE = ["去年以来，该市已", "此前，当地已", "近年来，该区先后", "据介绍，过去三年", "上半年，全市累计"]
REPORTED_AFTER = ["，取得明显成效", "，效果逐步显现", "", "，受到企业欢迎"]
CODES = ("project", "target", "measure", "supply", "demand", "environment")


@dataclass(frozen=True)
class WrittenArticle:
    text: str
    coded: list[tuple[int, int, str]]  # (start, end, code) of every clause of a kind, in the text


def clause(chance: random.Random, frames: list[Frame]) -> str:
    frame = chance.choice(frames)
    return "".join(chance.choice(slot) for slot in frame)


def write_article(chance: random.Random, number: int) -> WrittenArticle:
    """A news report: a title line, then sentences of every kind and filler in a shuffled order."""
    kinds = [*chance.sample(["supply", "demand", "environment"], chance.randint(1, 3))]
    kinds += chance.choices(["supply", "demand", "environment"], k=chance.randint(0, 2))
    kinds += ["target"] * chance.randint(0, 2) + ["project"] * chance.randint(0, 2)
    sentences: list[tuple[str, str]] = [(kind, clause(chance, KINDS[kind])) for kind in kinds]
    sentences += [("", clause(chance, FILLER)) for _ in range(chance.randint(3, 6))]
    for _ in range(chance.randint(0, 2)):
        kind = chance.choice(["supply", "demand", "environment"])
        said = clause(chance, KINDS[kind])
        sentences.append(("", chance.choice(REPORTED_BEFORE) + said + chance.choice(REPORTED_AFTER)))
    chance.shuffle(sentences)
    text = f"关于推进产业发展的报道之{number}\n"
    coded = []
    for kind, words in sentences:
        start = len(text)
        text += words
        if kind:
            coded.append((start, len(text), kind))
        text += chance.choice("。。。；")
    return WrittenArticle(text + "\n", coded)


def add_codes(store: Store) -> None:
    """The policy-tool codes under the default ``measure``."""
    for code, label_zh, label_en in (
        ("supply", "供给型", "Supply-side"),
        ("demand", "需求型", "Demand-side"),
        ("environment", "环境型", "Environmental"),
    ):
        if code not in store.categories.ids():
            store.categories.add(code, label_zh, label_en, parent_id="measure")


def fill(
    store: Store, count: int, seed: int, analyst: str = "ana", *, done: bool = True, miss: float = 0.0
) -> list[tuple[int, WrittenArticle]]:
    """``count`` written articles, each clause of a kind tagged by ``analyst`` (but a ``miss`` share,
    as an analyst overlooks some), the article marked done when ``done``. Each article is returned
    with the clauses the analyst tagged (the ones overlooked left out)."""
    chance = random.Random(seed)
    add_codes(store)
    written = [write_article(chance, seed * 10_000 + n) for n in range(count)]
    ids = store.articles.add([prepare_article(w.text, f"learn-{seed}-{n}.txt", "utf-8") for n, w in enumerate(written)])
    coded = []
    for article_id, article in zip(ids, written, strict=True):
        document = store.document(article_id)
        assert document.article.text == article.text, "the pipeline changed a written article"
        tagged = [place for place in article.coded if chance.random() >= miss]
        for start, end, code in tagged:
            store.spans.insert(document.span_at(start, end, code, analyst))
        if done:
            store.analysts.set_status(article_id, analyst, Status.DONE)
        coded.append((article_id, WrittenArticle(article.text, tagged)))
    return coded
