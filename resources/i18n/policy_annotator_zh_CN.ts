<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjudicationPanel</name>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="97"/>
        <source>List the disagreements</source>
        <translation>列出分歧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="112"/>
        <source>Keep first</source>
        <translation>保留第一位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="113"/>
        <source>Keep second</source>
        <translation>保留第二位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="114"/>
        <source>Both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="115"/>
        <source>Neither</source>
        <translation>都不保留</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="161"/>
        <source>%1 of %n disagreement(s) decided</source>
        <translation>
            <numerusform>已裁决 %1 / %n 处分歧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="162"/>
        <source>%n agreed span(s) not yet accepted</source>
        <translation>
            <numerusform>%n 个一致标注尚未接受</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="163"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="167"/>
        <source>other code</source>
        <translation>编码不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="168"/>
        <source>other ends</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="169"/>
        <source>first only</source>
        <translation>仅第一位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="170"/>
        <source>second only</source>
        <translation>仅第二位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="171"/>
        <source>several spans</source>
        <translation>多个标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/adjudication_panel.py" line="101"/>
        <source>Accept every span both coded alike</source>
        <translation>接受双方一致的全部标注</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="40"/>
        <source>Agreement report</source>
        <translation>一致性报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="52"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="55"/>
        <source>Only articles every analyst coded</source>
        <translation>仅限每位分析员都编码过的文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="68"/>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="69"/>
        <source>Confusion</source>
        <translation>混淆表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="70"/>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="86"/>
        <source>Computing the agreement of %1…</source>
        <translation>正在计算 %1 的一致性…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="107"/>
        <source>%n article(s); spans: %2. n/a: not defined by the data. Percent agreement is not chance-corrected.</source>
        <translation>
            <numerusform>%n 篇文章；标注数：%2。n/a：数据无法定义该值。百分比一致率未做机遇校正。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="130"/>
        <source>Not every analyst finished the set (%1): the figures cover the %n article(s) all of them coded.</source>
        <translation>
            <numerusform>并非每位分析员都完成了这组文章（%1）：数值只涵盖所有人都编码过的 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="120"/>
        <source>%1 coded %2 of %3</source>
        <translation>%1 编码了 %3 篇中的 %2 篇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="99"/>
        <source>Figures ready; the confusion table and the disagreements are being worked out…</source>
        <translation>数值已算出；混淆表和分歧仍在计算中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="125"/>
        <source>Coverage: %1.</source>
        <translation>覆盖情况：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="139"/>
        <source>Not every analyst finished the set (%1): an article one of them has not coded counts as disagreement.</source>
        <translation>并非每位分析员都完成了这组文章（%1）：某人未编码的文章会计为分歧。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="152"/>
        <source>F1, exact spans</source>
        <translation>F1（边界完全一致）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="153"/>
        <source>F1, overlapping spans</source>
        <translation>F1（标注重叠）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="154"/>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="155"/>
        <source>Fleiss&apos; κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="156"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="157"/>
        <source>Percent agreement</source>
        <translation>百分比一致率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="158"/>
        <source>Krippendorff&apos;s uα (characters)</source>
        <translation>Krippendorff uα（逐字）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="189"/>
        <source>All codes</source>
        <translation>全部编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="204"/>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="219"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/agreement_dialog.py" line="219"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
</context>
<context>
    <name>AnalystActions</name>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="64"/>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="64"/>
        <source>Name stored with every new span:</source>
        <translation>随每个新标注保存的名字：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="79"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="87"/>
        <source>Analyst: %1</source>
        <translation>分析员：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="88"/>
        <source> · only my spans</source>
        <translation> · 仅显示我的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="123"/>
        <source>&amp;Analyst</source>
        <translation>分析员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="124"/>
        <source>&amp;Other analyst…</source>
        <translation>其他分析员(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/analyst_actions.py" line="125"/>
        <source>Show only &amp;my spans (blind double coding)</source>
        <translation>仅显示我的标注（盲法双重编码）(&amp;M)</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="175"/>
        <source>%n span(s) no longer match the text at their offsets and are not shown (ids: %2)</source>
        <translation>
            <numerusform>%n 个标注与其位置上的文字不再相符，未予显示（编号：%2）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="209"/>
        <source>Cannot read the spans of the article</source>
        <translation>无法读取本文的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="235"/>
        <source>Cannot tag: %1</source>
        <translation>无法标注：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="238"/>
        <source>That span is already tagged with this category</source>
        <translation>该标注已属此类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="260"/>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="280"/>
        <source>Select a span first (double click it, or tag a passage)</source>
        <translation>请先选中一个标注（双击它，或先标注一段文字）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="265"/>
        <source>Cannot move the span: %1</source>
        <translation>无法调整标注边界：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/annotation_controller.py" line="310"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>AnnotationImportRunner</name>
    <message>
        <location filename="../../desktop/ui/exchange/annotation_import.py" line="65"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/annotation_import.py" line="66"/>
        <source>Import annotations</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/annotation_import.py" line="72"/>
        <source>Importing %1…
stored up to line %2</source>
        <translation>正在导入 %1…
已保存到第 %2 行</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="220"/>
        <source>Filter by text…</source>
        <translation>按文字筛选…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="224"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="276"/>
        <source>Sample: %1  ×</source>
        <translation>样本：%1  ×</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="277"/>
        <source>Click to list every article again</source>
        <translation>点击以重新列出所有文章</translation>
    </message>
</context>
<context>
    <name>ArticlePanel</name>
    <message>
        <location filename="../../desktop/ui/panes/article_panel.py" line="57"/>
        <source>Article note (saved when you leave the box):</source>
        <translation>文章备注（离开输入框时保存）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_panel.py" line="58"/>
        <source>Add field…</source>
        <translation>添加字段…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_panel.py" line="59"/>
        <source>Memo on this article: sampling, doubts, context</source>
        <translation>关于本文的备忘：抽样、疑问、背景</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_panel.py" line="103"/>
        <source>e.g. 2025-03-01</source>
        <translation>如 2025-03-01</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_panel.py" line="110"/>
        <source>Column in exported files: %1</source>
        <translation>导出文件中的列名：%1</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="123"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="123"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="123"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="123"/>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/article_list.py" line="123"/>
        <source>Analysts</source>
        <translation>分析员</translation>
    </message>
</context>
<context>
    <name>BatchesDialog</name>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="45"/>
        <source>Recent batches</source>
        <translation>最近的批量标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="50"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="51"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="53"/>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="54"/>
        <source>Tagged</source>
        <translation>已标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="55"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="58"/>
        <source>Undo batch</source>
        <translation>撤销该批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="59"/>
        <source>Redo batch</source>
        <translation>重做该批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="67"/>
        <source>Undoing a batch removes its spans that are as it made them.</source>
        <translation>撤销批次只删除仍保持原样的该批次标注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="80"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="80"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="82"/>
        <source>%1 tagged, %2 skipped</source>
        <translation>标注 %1 处，跳过 %2 处</translation>
    </message>
</context>
<context>
    <name>CategoryBar</name>
    <message>
        <location filename="../../desktop/ui/panes/category_bar.py" line="45"/>
        <source>Tag selection:</source>
        <translation>标注所选：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/category_bar.py" line="50"/>
        <source>Tag the selected text as %1</source>
        <translation>将所选文字标注为%1</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="33"/>
        <source>Edit code</source>
        <translation>编辑编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="33"/>
        <source>New code</source>
        <translation>新建编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="37"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="43"/>
        <source>automatic (1–9, 0 in tree order)</source>
        <translation>自动（按树的顺序分配 1–9、0）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="47"/>
        <source>Codable (untick for a heading that only groups codes)</source>
        <translation>可编码（仅用于归类的标题请取消勾选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="50"/>
        <source>When to use this code, and when not: what an analyst reads to decide</source>
        <translation>何时使用此编码、何时不用：编码员据以判断的规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="57"/>
        <source>Chinese label</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="58"/>
        <source>English label</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="59"/>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="68"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="60"/>
        <source>Key</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="62"/>
        <source>Coding rule</source>
        <translation>编码规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="94"/>
        <source>A code needs a Chinese label.</source>
        <translation>编码需要中文名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="96"/>
        <source>The colour must be written #rrggbb.</source>
        <translation>颜色须写作 #rrggbb。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/category_dialog.py" line="98"/>
        <source>The key %1 is already set on another code.</source>
        <translation>快捷键 %1 已被另一个编码使用。</translation>
    </message>
</context>
<context>
    <name>CodebookActions</name>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="58"/>
        <source>Add code…</source>
        <translation>添加编码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="59"/>
        <source>Add sub-code…</source>
        <translation>添加子编码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="60"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="61"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="62"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="83"/>
        <source>Cannot read the codebook</source>
        <translation>无法读取编码表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="91"/>
        <source>Select a code in the codebook first</source>
        <translation>请先在编码表中选择一个编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="105"/>
        <source>There is no other code to choose</source>
        <translation>没有其他编码可选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="119"/>
        <source>Codebook not changed</source>
        <translation>编码表未更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="161"/>
        <source>Cannot move the code: a code cannot go under its own sub-codes</source>
        <translation>无法移动编码：编码不能移到自己的子编码之下</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="172"/>
        <source>Merge code</source>
        <translation>合并编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="173"/>
        <source>Merge “%1” into (its spans and sub-codes go there):</source>
        <translation>将“%1”合并到（其标注和子编码都移到该处）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="190"/>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="203"/>
        <source>Delete code</source>
        <translation>删除编码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="192"/>
        <source>“%1” has %n span(s). Move them to another code, or delete them with it?</source>
        <translation>
            <numerusform>“%1”有 %n 个标注。把它们移到另一个编码，还是随编码一起删除？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="196"/>
        <source>Move spans…</source>
        <translation>移动标注…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="197"/>
        <source>Delete spans</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_actions.py" line="203"/>
        <source>Move its spans to:</source>
        <translation>将其标注移到：</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_panel.py" line="129"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_panel.py" line="129"/>
        <source>Key</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/codebook/codebook_panel.py" line="129"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>CodingProgress</name>
    <message>
        <location filename="../../desktop/ui/window/coding_progress.py" line="36"/>
        <source>Done %1 / %2</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/coding_progress.py" line="38"/>
        <source>Sample %1: </source>
        <translation>样本 %1：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/coding_progress.py" line="40"/>
        <source> · %1 in progress</source>
        <translation> · %1 篇处理中</translation>
    </message>
</context>
<context>
    <name>CodingRound</name>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="91"/>
        <source>Draw a double-coding &amp;sample…</source>
        <translation>抽取双重编码样本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="92"/>
        <source>A&amp;greement report…</source>
        <translation>一致性报告(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="93"/>
        <source>Adjudication</source>
        <translation>裁决</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="129"/>
        <source>No sample drawn</source>
        <translation>未抽取样本</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review/coding_round.py" line="133"/>
        <source>Sample “%1”: %n article(s), listed now</source>
        <translation>
            <numerusform>样本“%1”：%n 篇文章，已列出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="182"/>
        <source>Cannot adjudicate</source>
        <translation>无法裁决</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="222"/>
        <source>Decided already: undo the decision first (Ctrl+Z)</source>
        <translation>已裁决：请先撤销该裁决（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="252"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>CommandWords</name>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="49"/>
        <source>Tag %1 as %2</source>
        <translation>将 %1 标为 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="49"/>
        <source>Accept %1 as %2</source>
        <translation>接受 %1 为 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="52"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="55"/>
        <source>Change %1 to %2</source>
        <translation>将 %1 改为 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="60"/>
        <source>Edit the note of %1</source>
        <translation>编辑 %1 的备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="62"/>
        <source>Move the ends of %1</source>
        <translation>移动 %1 的边界</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="64"/>
        <source>Mark the article %1</source>
        <translation>将文章标为%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="66"/>
        <source>Edit the article&apos;s note</source>
        <translation>编辑文章备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="69"/>
        <source>Set %1 to %2</source>
        <translation>将%1设为 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="74"/>
        <source>Tag %n hit(s) of %1 as %2</source>
        <translation>
            <numerusform>将 %1 的 %n 处命中标为 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="79"/>
        <source>Take back %n tagged hit(s)</source>
        <translation>
            <numerusform>撤回 %n 处已标注的命中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="81"/>
        <source>Add the code %1</source>
        <translation>添加编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="83"/>
        <source>Edit the code %1</source>
        <translation>编辑编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="85"/>
        <source>Move the code %1</source>
        <translation>移动编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="88"/>
        <source>Merge the code %1 into %2</source>
        <translation>将编码 %1 合并到 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="90"/>
        <source>Delete the code %1</source>
        <translation>删除编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="92"/>
        <source>Reject the suggestion %1</source>
        <translation>拒绝建议 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="101"/>
        <source>Accept %n span(s) both analysts coded alike</source>
        <translation>
            <numerusform>接受两位分析员一致的 %n 个标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="103"/>
        <location filename="../../desktop/ui/window/command_words.py" line="104"/>
        <source>keep %1&apos;s spans</source>
        <translation>保留 %1 的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="105"/>
        <source>keep both analysts&apos; spans</source>
        <translation>保留两位分析员的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="106"/>
        <source>keep neither analyst&apos;s spans</source>
        <translation>两位分析员的标注都不保留</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="109"/>
        <source>Decide a disagreement: %1</source>
        <translation>裁决分歧：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="115"/>
        <source>Removed %n span(s)</source>
        <translation>
            <numerusform>已移除 %n 个标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="117"/>
        <source>kept %n changed since</source>
        <translation>
            <numerusform>保留了 %n 个此后改动过的标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="119"/>
        <source>Added %n span(s)</source>
        <translation>
            <numerusform>已添加 %n 个标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="121"/>
        <source>skipped %n tagged already</source>
        <translation>
            <numerusform>跳过 %n 个已标注的</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="123"/>
        <source>%n could not be put back: their ids are taken</source>
        <translation>
            <numerusform>%n 个无法恢复：其编号已被占用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window/command_words.py" line="125"/>
        <source>%n deleted already</source>
        <translation>
            <numerusform>%n 个已被删除</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/command_words.py" line="126"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CorpusDocks</name>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="97"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="98"/>
        <source>&amp;Search all articles…</source>
        <translation>搜索全部文章(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="99"/>
        <source>Recent &amp;batches of tagged hits…</source>
        <translation>最近的批量标注(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="100"/>
        <source>Suggestion &amp;rules…</source>
        <translation>建议规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="164"/>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="234"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="167"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="174"/>
        <source>%n hit(s) so far, counting…</source>
        <translation>
            <numerusform>已找到 %n 处命中，仍在计数…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="180"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处命中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="180"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="181"/>
        <source>%1 in %2</source>
        <translation>%1，分布于 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="193"/>
        <source>Search index ready (%n article(s))</source>
        <translation>
            <numerusform>检索索引已就绪（%n 篇文章）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="196"/>
        <source>Indexing for search: %1 / %n article(s)</source>
        <translation>
            <numerusform>正在建立检索索引：%1 / %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/corpus_docks.py" line="243"/>
        <source>Nothing to tag: %n hit(s) tagged already</source>
        <translation>
            <numerusform>无可标注：%n 处命中已标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="183"/>
        <source> — the first %1 are listed; Tag all hits tags every one</source>
        <translation> — 列出前 %1 处；“标注全部结果”会标注每一处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="184"/>
        <source>No hits</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="237"/>
        <source>Nothing tagged</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="245"/>
        <source>Select hits first (or Tag all hits)</source>
        <translation>请先选择结果（或标注全部结果）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="260"/>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="286"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="296"/>
        <source>Suggestion rules</source>
        <translation>建议规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_docks.py" line="300"/>
        <source>Rules file: %1 (read again when suggestions are shown)</source>
        <translation>规则文件：%1（显示建议时重新读取）</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="45"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="46"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="47"/>
        <source>Recent databases</source>
        <translation>最近的数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="52"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="52"/>
        <location filename="../../desktop/ui/window/database_actions.py" line="59"/>
        <source>Databases (*.db)</source>
        <translation>数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="59"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_actions.py" line="68"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>DatabaseSafety</name>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="83"/>
        <source>Restore &amp;backup…</source>
        <translation>恢复备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="98"/>
        <source>Changes are not saved</source>
        <translation>更改未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="106"/>
        <source>This database file was replaced or removed while open; changes are no longer saved.</source>
        <translation>此数据库文件在打开期间被替换或移除；更改将不再保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="130"/>
        <source>Cannot open the database again</source>
        <translation>无法重新打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="136"/>
        <source>The database was closed and opened again: %1</source>
        <translation>数据库已关闭并重新打开：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="174"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/database_safety.py" line="174"/>
        <source>Wait for the import to finish first.</source>
        <translation>请先等待导入完成。</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="81"/>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="82"/>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="83"/>
        <source>Import &amp;annotations…</source>
        <translation>导入标注(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="85"/>
        <source>Export %1…</source>
        <translation>导出 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="92"/>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="92"/>
        <source>Articles (*.txt *.md)</source>
        <translation>文章 (*.txt *.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="99"/>
        <source>Import a folder of articles</source>
        <translation>导入文章文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="151"/>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="196"/>
        <source>Import annotations</source>
        <translation>导入标注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="181"/>
        <source>The file gives other colours for %n code(s):</source>
        <translation>
            <numerusform>文件中有 %n 个编码的颜色与本库不同：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="182"/>
        <source>Ours were kept. Take the file&apos;s colours instead?</source>
        <translation>已保留本库的颜色。是否改用文件中的颜色？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="183"/>
        <source>Codebook colours</source>
        <translation>编码表颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="189"/>
        <source>Colours not changed</source>
        <translation>颜色未更改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="229"/>
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="148"/>
        <source>Annotations (%1);;All files (*)</source>
        <translation>标注文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="209"/>
        <source>Nothing exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="214"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="224"/>
        <location filename="../../desktop/ui/exchange/exchange_actions.py" line="227"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="38"/>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="42"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="42"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="62"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="63"/>
        <source>Add the article&apos;s status</source>
        <translation>加上文章状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="64"/>
        <source>Add the article&apos;s hash, encoding, converter and import time</source>
        <translation>加上文章的哈希、编码、转换器和导入时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="65"/>
        <source>Neutralise cells a spreadsheet would run as formulas (=, +, -, @)</source>
        <translation>防止电子表格把单元格当作公式执行（=、+、-、@）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="96"/>
        <source>Tick at least one category.</source>
        <translation>请至少勾选一个类别。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="98"/>
        <source>Tick at least one article status.</source>
        <translation>请至少勾选一种文章状态。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="71"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="53"/>
        <source>Whose spans</source>
        <translation>谁的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="55"/>
        <source>Of what the spans sheet holds</source>
        <translation>与标注表相同的范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="56"/>
        <source>Of the whole corpus (the same layers)</source>
        <translation>整个语料（相同的层）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="57"/>
        <source>None</source>
        <translation>不要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="59"/>
        <source>Report sheets</source>
        <translation>报表工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="81"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="100"/>
        <source>doccano holds one layer per task: choose one analyst&apos;s spans or the study layer.</source>
        <translation>doccano 每个任务只能容纳一层：请选择一位分析员的标注或研究层。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../desktop/ui/widgets/file_dialogs.py" line="39"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/file_dialogs.py" line="41"/>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/panes/find_bar.py" line="36"/>
        <source>Find in this article (Traditional or Simplified)</source>
        <translation>在本文中查找（繁体或简体均可）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/find_bar.py" line="37"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
</context>
<context>
    <name>FoldingBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/folding_bar.py" line="33"/>
        <source>More ▾</source>
        <translation>更多 ▾</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../desktop/ui/exchange/import_dialog.py" line="65"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_dialog.py" line="66"/>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_dialog.py" line="73"/>
        <source>Importing %1 of %2
%3</source>
        <translation>正在导入第 %1 篇，共 %2 篇
%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_dialog.py" line="84"/>
        <source>%1 imported, %2 duplicate, %3 failed</source>
        <translation>导入 %1 篇，重复 %2 篇，失败 %3 篇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_dialog.py" line="97"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
<context>
    <name>LayerBox</name>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="77"/>
        <source>Only my spans (%1, blind coding)</source>
        <translation>仅我的标注（%1，盲编码）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="79"/>
        <source>Study layer (consensus, else %1)</source>
        <translation>研究层（共识，否则 %1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="81"/>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="84"/>
        <source>Every layer, side by side</source>
        <translation>所有层，并列</translation>
    </message>
</context>
<context>
    <name>LayerChoice</name>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="112"/>
        <source>Counting:</source>
        <translation>统计：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="113"/>
        <source>Whose spans the codebook, the article list, reports and exports count</source>
        <translation>编码本、文章列表、报表和导出所统计的标注来自谁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="152"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
</context>
<context>
    <name>LearningPanel</name>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="89"/>
        <source>Learn from my coding</source>
        <translation>从我的编码中学习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="92"/>
        <source>A model per code learns from the coding units of the articles you marked done, on this computer; its suggestions join the others (Show suggestions)</source>
        <translation>每个编码一个模型，在本机从您标为完成的文章的编码单元中学习；它的建议与其他建议一同显示（显示建议）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="96"/>
        <source>Least sure articles first</source>
        <translation>最没把握的文章在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="98"/>
        <source>List the articles the model is least sure of first, so each one coded teaches it most</source>
        <translation>把模型最没把握的文章排在前面，使每编码一篇都让它学到最多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="100"/>
        <source>Precision at least</source>
        <translation>精确率至少</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="101"/>
        <source>Train now</source>
        <translation>立即训练</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="104"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="105"/>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="105"/>
        <source>Coding units coded with it (sub-codes included)</source>
        <translation>用它编码的编码单元（含下级编码）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="106"/>
        <source>Prec.</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="106"/>
        <source>Precision: of the units suggested, the share coded with it</source>
        <translation>精确率：建议的单元中确用此编码的比例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="107"/>
        <source>Rec.</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="107"/>
        <source>Recall: of the units coded with it, the share suggested</source>
        <translation>召回率：用此编码的单元中被建议的比例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="108"/>
        <source>F1: the harmonic mean of precision and recall</source>
        <translation>F1：精确率与召回率的调和平均</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="109"/>
        <source>Thr.</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="109"/>
        <source>Threshold: the probability a unit needs to be suggested</source>
        <translation>阈值：单元被建议所需的概率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="167"/>
        <source>imprecise</source>
        <translation>不够精确</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="108"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="117"/>
        <source>Figures from cross-validation by article. A code is suggested once it has %1 coded units in %2 articles and its suggestions reach the precision asked for.</source>
        <translation>数值来自按文章分组的交叉验证。一个编码在 %2 篇文章中有 %1 个已编码单元、且其建议达到所要求的精确率后才会被建议。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="166"/>
        <source>too few</source>
        <translation>太少</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="174"/>
        <source>Suggested where its probability reaches %1; %2 units in %3 articles</source>
        <translation>概率达到 %1 处给出建议；%3 篇文章中的 %2 个单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="181"/>
        <source>Not suggested: %1 coded units in %2 articles (it needs %3 in %4)</source>
        <translation>不建议：%2 篇文章中有 %1 个已编码单元（需要 %4 篇文章中的 %3 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_panel.py" line="188"/>
        <source>Not suggested: on articles it did not see, its suggestions never reached the precision asked for</source>
        <translation>不建议：在它未见过的文章上，它的建议始终达不到所要求的精确率</translation>
    </message>
</context>
<context>
    <name>LearningView</name>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="83"/>
        <source>Learning</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="117"/>
        <source>Learning reads the database from another process: it needs a database file</source>
        <translation>学习由另一个进程读取数据库：需要一个数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="197"/>
        <location filename="../../desktop/ui/search/learning_view.py" line="292"/>
        <source>Learning failed: %1</source>
        <translation>学习失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="204"/>
        <source>Nothing to learn from yet: mark the articles you finished done (Ctrl+Shift+D)</source>
        <translation>尚无可学习的内容：请把已完成的文章标为完成（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="215"/>
        <source>Off: nothing is learned or sent anywhere</source>
        <translation>已关闭：不学习，也不向任何地方发送内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="217"/>
        <source>Learning from %1&apos;s done articles…</source>
        <translation>正在从 %1 已完成的文章中学习…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/learning_view.py" line="224"/>
        <source>Learned from %1&apos;s coding: %2 units of %3 done articles in %4 s; learns again after %5 more units</source>
        <translation>已从 %1 的编码中学习：%3 篇已完成文章的 %2 个单元，用时 %4 秒；再完成 %5 个单元后重新学习</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="32"/>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="39"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="40"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="41"/>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="42"/>
        <source>&amp;Codebook</source>
        <translation>编码表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="43"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="44"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/window_menus.py" line="16"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="170"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="171"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="172"/>
        <source>&amp;Delete selected span</source>
        <translation>删除选中的标注(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="173"/>
        <source>Edit &amp;note of selected span…</source>
        <translation>编辑所选标注的备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="174"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="175"/>
        <source>&amp;Re-process with the current pipeline…</source>
        <translation>用当前流程重新处理(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="176"/>
        <source>Extend span end</source>
        <translation>标注终点后移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="177"/>
        <source>Shorten span end</source>
        <translation>标注终点前移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="178"/>
        <source>Extend span start</source>
        <translation>标注起点前移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="179"/>
        <source>Shorten span start</source>
        <translation>标注起点后移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="180"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="181"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="182"/>
        <source>&amp;Reset zoom</source>
        <translation>还原大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="183"/>
        <source>&amp;Next article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="184"/>
        <source>&amp;Previous article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="185"/>
        <source>Next article &amp;to do</source>
        <translation>下一篇待处理(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="186"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="191"/>
        <source>Mark %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="195"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="196"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="197"/>
        <source>Import flags</source>
        <translation>导入提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="198"/>
        <source>Codebook</source>
        <translation>编码表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="199"/>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="201"/>
        <source>Read-only: this database file or its folder cannot be written; changes will not be saved.</source>
        <translation>只读：无法写入此数据库文件或其所在文件夹，所做的修改不会被保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="203"/>
        <source>Simplified (OpenCC t2s, cleaned)</source>
        <translation>简体（OpenCC t2s，已清理）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="309"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="325"/>
        <source>Cannot open the article</source>
        <translation>无法打开文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="329"/>
        <source>No article left to do</source>
        <translation>没有待处理的文章了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/main_window.py" line="369"/>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="88"/>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="96"/>
        <source>Cannot re-process</source>
        <translation>无法重新处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="104"/>
        <source>Re-processed: %1 spans moved</source>
        <translation>已重新处理：%1 个标注位置已更新</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/widgets/messages.py" line="35"/>
        <source>… %1 more lines: Show Details</source>
        <translation>…… 另有 %1 行：见“显示详情”</translation>
    </message>
</context>
<context>
    <name>PaneMenu</name>
    <message>
        <location filename="../../desktop/ui/panes/pane_menu.py" line="38"/>
        <source>Tag as %1</source>
        <translation>标注为“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/pane_menu.py" line="48"/>
        <source>Select “%1”</source>
        <translation>选中“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/pane_menu.py" line="53"/>
        <source>Edit note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/pane_menu.py" line="56"/>
        <source>Delete selected span</source>
        <translation>删除所选标注</translation>
    </message>
</context>
<context>
    <name>PassageModel</name>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="75"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="75"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="75"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="75"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="76"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="76"/>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="76"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PassagesDock</name>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="52"/>
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="53"/>
        <source>&amp;Passages of a code…</source>
        <translation>某一编码的段落(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="71"/>
        <source>Passages of %1</source>
        <translation>段落：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="80"/>
        <location filename="../../desktop/ui/search/passages_dock.py" line="133"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="97"/>
        <source>That span is no longer there</source>
        <translation>该标注已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="116"/>
        <location filename="../../desktop/ui/search/passages_dock.py" line="130"/>
        <source>Export passages</source>
        <translation>导出段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/passages_dock.py" line="116"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/passages_dock.py" line="135"/>
        <source>Wrote %n passage(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个段落写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressRunner</name>
    <message>
        <location filename="../../desktop/ui/exchange/background_import.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="44"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="45"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="46"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="47"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="48"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="49"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="50"/>
        <source>Article no.</source>
        <translation>文章编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="51"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="52"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="53"/>
        <source>Unit text</source>
        <translation>单元文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="54"/>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="55"/>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="56"/>
        <source>(no value)</source>
        <translation>（无值）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="61"/>
        <source>Study layer (%1)</source>
        <translation>研究层（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="62"/>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/report_words.py" line="67"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/report_words.py" line="68"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="69"/>
        <source>%1 in %2</source>
        <translation>%1，分布于 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="71"/>
        <source>Whether each code occurs in each article (1 or 0)</source>
        <translation>各编码在各文章中是否出现（1 或 0）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="72"/>
        <source>Spans per article and code</source>
        <translation>每篇文章、每个编码的标注数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="74"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="75"/>
        <source>Articles per code and %1</source>
        <translation>按编码和%1统计的文章数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="75"/>
        <source>Spans per code and %1</source>
        <translation>按编码和%1统计的标注数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="79"/>
        <source>Articles holding both codes (on the diagonal: articles holding the code)</source>
        <translation>同时含两个编码的文章数（对角线：含该编码的文章数）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="81"/>
        <source>Coding units holding both codes (on the diagonal: units holding the code)</source>
        <translation>同时含两个编码的编码单元数（对角线：含该编码的单元数）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="83"/>
        <source>One row per coded unit and analyst</source>
        <translation>每个已编码单元、每位分析员一行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/report_words.py" line="84"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="170"/>
        <source>Choose a report and press Show: it counts the spans of the layer chosen in the status bar.</source>
        <translation>选择一种报表，然后点击“显示”：报表统计状态栏中所选层的标注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="172"/>
        <source>Once per article</source>
        <translation>每篇文章只计一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="173"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="174"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="176"/>
        <source>Frequencies</source>
        <translation>频次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="177"/>
        <source>Code × article matrix</source>
        <translation>编码 × 文章矩阵</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="178"/>
        <source>Crosstab by metadata</source>
        <translation>按元数据交叉表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="179"/>
        <source>Co-occurrence</source>
        <translation>共现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="180"/>
        <source>Coding table</source>
        <translation>编码表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="199"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="203"/>
        <source>Per coding unit</source>
        <translation>按编码单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/reports_panel.py" line="204"/>
        <source>Per article</source>
        <translation>按文章</translation>
    </message>
</context>
<context>
    <name>ReprocessDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="26"/>
        <source>Re-process article</source>
        <translation>重新处理文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="32"/>
        <source>(the Simplified text stays as it is)</source>
        <translation>（简体文本不变）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="34"/>
        <source>Re-process</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="46"/>
        <source>The current pipeline gives this article exactly what it has: nothing to do.</source>
        <translation>当前流程得到的结果与本文现有内容完全相同，无需处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="48"/>
        <source>Converter: %1 → %2</source>
        <translation>转换器：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="51"/>
        <source>Simplified text: %1 → %2 characters</source>
        <translation>简体文本：%1 → %2 字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="56"/>
        <source>Title: %1 → %2</source>
        <translation>标题：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="58"/>
        <source>Spans: %1 of %2 move to new offsets (their original text stays the same).</source>
        <translation>标注：%2 个中有 %1 个移到新位置（原文不变）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="65"/>
        <source>%n span(s) would fall in text the new pipeline removes; nothing can be re-processed.</source>
        <translation>
            <numerusform>%n 个标注会落在新流程删除的文字中；无法重新处理。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/reprocess_dialog.py" line="70"/>
        <source>Re-processing clears the undo history of the window.</source>
        <translation>重新处理会清空窗口的撤销记录。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="38"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="41"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="42"/>
        <source>as last opened</source>
        <translation>上次打开时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="43"/>
        <source>older version&apos;s copy (not checked)</source>
        <translation>旧版本的副本（未检查）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="47"/>
        <source>The database is replaced by the backup you choose. The file it replaces is not deleted: it is renamed beside it (…before-restore-DATE).</source>
        <translation>数据库将被所选备份替换。被替换的文件不会删除，而是在原位置改名保存（…before-restore-日期）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="51"/>
        <source>There is no backup of this database yet.</source>
        <translation>此数据库还没有备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="55"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="55"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="55"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="68"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/restore_dialog.py" line="94"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
</context>
<context>
    <name>RetrievalPanel</name>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="157"/>
        <source>Passage or note holds…</source>
        <translation>段落或备注包含…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="158"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="159"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="164"/>
        <source>In article order</source>
        <translation>按文章顺序</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="165"/>
        <source>By code</source>
        <translation>按编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="166"/>
        <source>By analyst</source>
        <translation>按分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="167"/>
        <source>By passage text</source>
        <translation>按段落文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="168"/>
        <source>Noted first</source>
        <translation>有备注的在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="182"/>
        <source>All codes</source>
        <translation>全部编码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="202"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/retrieval_panel.py" line="233"/>
        <source>Change to</source>
        <translation>改为</translation>
    </message>
</context>
<context>
    <name>RoundChoice</name>
    <message>
        <location filename="../../desktop/ui/review/round_choice.py" line="31"/>
        <source>First analyst (reference)</source>
        <translation>第一位分析员（参照）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/round_choice.py" line="32"/>
        <source>Second analyst</source>
        <translation>第二位分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/round_choice.py" line="33"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/round_choice.py" line="35"/>
        <location filename="../../desktop/ui/review/round_choice.py" line="43"/>
        <source>Every article either coded</source>
        <translation>任一方标注过的全部文章</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="115"/>
        <source>Suggestion rules</source>
        <translation>建议规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="116"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="116"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="116"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="116"/>
        <source>Accepted share</source>
        <translation>接受比例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="120"/>
        <source>Strings tagged elsewhere</source>
        <translation>其他文章中已标注的字符串</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="120"/>
        <source>Learned from your coding</source>
        <translation>从您的编码中学习所得</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/corpus_dialogs.py" line="130"/>
        <source>Edit rules file…</source>
        <translation>编辑规则文件…</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="41"/>
        <source>Draw a double-coding sample</source>
        <translation>抽取双重编码样本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="42"/>
        <source>double coding</source>
        <translation>双重编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="46"/>
        <source>(not stratified)</source>
        <translation>（不分层）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="50"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="51"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="52"/>
        <source>Seed (the same seed draws the same sample)</source>
        <translation>随机种子（相同种子抽出相同样本）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/coding_round.py" line="53"/>
        <source>Stratified by</source>
        <translation>分层依据</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="117"/>
        <source>Search every article (Traditional or Simplified; &quot;a phrase&quot;)</source>
        <translation>搜索全部文章（繁体或简体；&quot;短语&quot;）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="118"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="119"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="120"/>
        <source>Coded by analyst…</source>
        <translation>由分析员编码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="121"/>
        <source>Metadata field=value…</source>
        <translation>元数据 字段=值…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="122"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="122"/>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="122"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="124"/>
        <source>Tag selected hits</source>
        <translation>标注所选结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="125"/>
        <source>Tag all hits</source>
        <translation>标注全部结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="126"/>
        <source>Recent batches…</source>
        <translation>最近的批量标注…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="129"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="135"/>
        <source>the hit</source>
        <translation>命中文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="136"/>
        <source>its clause</source>
        <translation>所在分句</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="137"/>
        <source>its sentence</source>
        <translation>所在句子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="142"/>
        <source>With any code</source>
        <translation>含任意编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/search_panel.py" line="143"/>
        <source>Without…</source>
        <translation>不含…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/window/shortcuts_dialog.py" line="42"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/shortcuts_dialog.py" line="44"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/shortcuts_dialog.py" line="44"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../../desktop/ui/panes/span_list.py" line="138"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/span_list.py" line="139"/>
        <source>Edit note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/span_list.py" line="193"/>
        <source>Change to %1</source>
        <translation>改为%1</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../desktop/ui/panes/span_list.py" line="66"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/span_list.py" line="66"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/span_list.py" line="66"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>StudyDocks</name>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="74"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="75"/>
        <source>Coding &amp;units in the margin</source>
        <translation>页边显示编码单元(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="97"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="110"/>
        <source>Cannot read the article</source>
        <translation>无法读取文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="130"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="146"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="151"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="156"/>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="73"/>
        <source>Article data</source>
        <translation>文章信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="146"/>
        <source>Field name (e.g. province):</source>
        <translation>字段名（如 批次、省份）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="149"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="149"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="150"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="150"/>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="151"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="156"/>
        <source>Choices, separated by commas:</source>
        <translation>选项，用逗号分隔：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="163"/>
        <source>Cannot add the field</source>
        <translation>无法添加字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="190"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="229"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="193"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="208"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="235"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="212"/>
        <source> — the first %1 rows; Export CSV writes them all</source>
        <translation> — 仅显示前 %1 行；导出 CSV 包含全部行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="218"/>
        <location filename="../../desktop/ui/reports/study_docks.py" line="232"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reports/study_docks.py" line="218"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reports/study_docks.py" line="237"/>
        <source>Wrote %n row(s) to %1</source>
        <translation>
            <numerusform>已将 %n 行写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionView</name>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="73"/>
        <source>Show &amp;suggestions</source>
        <translation>显示建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="75"/>
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="76"/>
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="77"/>
        <source>Accept the suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="78"/>
        <source>Reject the suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="98"/>
        <source>Suggestion rules</source>
        <translation>建议规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="122"/>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="130"/>
        <source>Cannot read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="179"/>
        <source>No suggestions in this article</source>
        <translation>本文没有建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="202"/>
        <source>tagged elsewhere %1</source>
        <translation>他处已标注 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="204"/>
        <source>learned from your coding, probability %1</source>
        <translation>从您的编码中学习所得，概率 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="205"/>
        <source>rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="209"/>
        <source>Suggested: %1 (%2)</source>
        <translation>建议：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="214"/>
        <source>Suggestion %1 (%2): Enter accepts, Backspace rejects, Tab goes on</source>
        <translation>建议：%1（%2）：回车接受，退格拒绝，Tab 下一条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="234"/>
        <source>No suggestion here: Tab goes to the next one</source>
        <translation>此处没有建议：按 Tab 转到下一条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search/suggestion_view.py" line="260"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <location filename="../../desktop/ui/window/workspaces.py" line="112"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/workspaces.py" line="113"/>
        <source>Search &amp;&amp; retrieve</source>
        <translation>检索与提取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/workspaces.py" line="114"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/workspaces.py" line="115"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="99"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="19"/>
        <source>to do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="20"/>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="21"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="28"/>
        <source>mojibake</source>
        <translation>乱码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="29"/>
        <source>replacement character</source>
        <translation>替换字符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="30"/>
        <source>missing digits</source>
        <translation>缺失数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="31"/>
        <source>wrong code page, read again</source>
        <translation>编码错误，已重新解码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="44"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="45"/>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="46"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="47"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="48"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="49"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="50"/>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="51"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="59"/>
        <source>REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)</source>
        <translation>REFI-QDA 项目（MAXQDA、NVivo、ATLAS.ti、QualCoder）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="60"/>
        <source>Excel workbook (spans, articles, reports)</source>
        <translation>Excel 工作簿（标注、文章、报表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/labels.py" line="68"/>
        <source>UTF-8 with BOM (Excel)</source>
        <translation>带 BOM 的 UTF-8（Excel）</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="45"/>
        <source>every analyst&apos;s spans</source>
        <translation>所有分析员的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="48"/>
        <source>each layer side by side: %1</source>
        <translation>各层并列：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="51"/>
        <source>the study layer (consensus on adjudicated articles, else %1&apos;s spans)</source>
        <translation>研究层（已裁决的文章用共识，其余用 %1 的标注）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="55"/>
        <source>the study layer (consensus, else %1)</source>
        <translation>研究层（共识，否则 %1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="57"/>
        <source>the consensus</source>
        <translation>共识层</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/layer_choice.py" line="58"/>
        <source>%1&apos;s spans</source>
        <translation>%1 的标注</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="147"/>
        <source>Not undone: “%1” (it stays on the list; try again)</source>
        <translation>未能撤销：“%1”（仍在撤销列表中，请稍后再试）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="148"/>
        <source>Not redone: “%1” (it stays on the list; try again)</source>
        <translation>未能重做：“%1”（仍在列表中，请稍后再试）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="149"/>
        <source>“%1” can no longer be undone</source>
        <translation>“%1”已无法撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="150"/>
        <source>“%1” can no longer be redone</source>
        <translation>“%1”已无法重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="174"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="175"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="177"/>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="177"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="180"/>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window/undo.py" line="180"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
</TS>
