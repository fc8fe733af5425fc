"""The style sheet, the small sorting script and the words of the ``html`` format: data, kept
apart from the code that lays the page out."""

CSS = """
:root{--e:#c62828;--w:#b26a00;--ebg:#fde2e1;--wbg:#fff1cc;--grey:#8a8a8a;--line:#d6d6d6;--ink:#1d1d1f;--link:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fafafa}
header.run,main,section.index,section.rules{max-width:1280px;margin:0 auto;padding:0 20px}
header.run h1{font-size:24px;margin:18px 0 4px}
a{color:var(--link)}
.muted{color:#666}
section.report{background:#fff;border:1px solid var(--line);border-radius:6px;margin:18px 0;padding:4px 18px 16px;
 content-visibility:auto;contain-intrinsic-size:auto 1600px}
section.report h2{font-size:20px;margin:14px 0 6px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0 12px}
dl.meta dt{color:#666}dl.meta dd{margin:0}
.E{--c:var(--e);--bg:var(--ebg)}.W{--c:var(--w);--bg:var(--wbg)}
ol.findings{margin:4px 0 10px;padding-left:22px}
ol.findings li{margin:2px 0}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600;color:var(--c,#333);text-decoration:none}
.pos{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
h4.group{margin:10px 0 2px;font-size:15px}
table.grid{border-collapse:collapse;margin:8px 0 4px;font-size:13px;break-inside:avoid}
table.grid caption{text-align:left;font-weight:600;padding:4px 0}
table.grid th,table.grid td{border:1px solid #9a9a9a;padding:2px 6px;vertical-align:middle}
table.grid th{background:#f1f3f5;font-weight:500}
table.grid tbody th{text-align:left;min-width:14em}
table.grid td{text-align:right;min-width:3.2em;font-variant-numeric:tabular-nums}
table.grid .pad{border:0;background:none}
table.grid tr.caption th{background:#e9ecef;text-align:left}
table.grid thead th{text-align:center}
table.grid th.vertical{writing-mode:vertical-rl;text-align:center;min-width:0;letter-spacing:.3em}
table.grid th.note{font-size:11px;color:#555;font-weight:400;max-width:16em}
table.grid td.blank{color:var(--grey);font-style:italic;text-align:center;font-size:11px}
table.grid td.na{color:var(--grey);text-align:center}
table.grid td.text{color:#6a1b9a;text-align:left;font-size:12px}
table.grid td.absent{color:#bbb;text-align:center}
table.grid tr.unread th,table.grid tr.unread td{background:#eee;color:var(--grey)}
table.grid .why{display:block;font-size:11px;color:var(--grey)}
table.grid td.in{outline:2px solid var(--c);outline-offset:-2px;background:var(--bg)}
table.grid td.at{outline:3px solid var(--c);outline-offset:-3px;background:var(--bg);font-weight:700}
table.grid td.flag{outline:2px dashed var(--c);outline-offset:-2px}
p.verdict{margin:0 0 4px;font-size:13px}
p.identity{margin:2px 0 2px 0;font-size:13px}
p.identity b{color:var(--c)}
.rtext{font:13px/1.5 ui-monospace,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;border:1px solid var(--line);border-radius:4px;background:#fcfcfc}
.rtext>p{display:grid;grid-template-columns:3.6em minmax(0,1fr) minmax(12em,32%);border-bottom:1px solid #f2f2f2;margin:0}
.rtext{counter-reset:l}
.rtext>p{counter-increment:l}.rtext>p.gap{counter-increment:none}
.rtext>p::before{content:counter(l);color:#aaa;text-align:right;padding-right:8px}
.rtext>p.gap::before{content:"…"}
.rtext>p>span{white-space:pre-wrap;overflow-wrap:anywhere}
.rtext aside{font:12px/1.4 system-ui,sans-serif;padding:0 6px}
.rtext aside div{margin:1px 0;padding:1px 4px;border-left:3px solid var(--c);background:var(--bg)}
mark.hl{background:var(--bg);color:inherit;border-bottom:2px solid var(--c)}
mark.hl.E{--bg:var(--ebg)}
mark.pt{padding:0 1px}
mark:target,td:target,li:target{box-shadow:0 0 0 3px #0b57d0}
section.index table.sortable{border-collapse:collapse;font-size:13px;width:100%;background:#fff}
section.index table.sortable th,section.index table.sortable td{border:1px solid var(--line);padding:2px 6px}
section.index table.sortable th{background:#f1f3f5;cursor:pointer;position:sticky;top:0}
section.index table.sortable td.n{text-align:right;font-variant-numeric:tabular-nums}
td.v-read{color:#2e7d32}td.v-partial{color:var(--w)}td.v-unreadable{color:var(--e)}td.v-absent{color:#aaa}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin:8px 0}
.charts figure{margin:0}.charts figcaption{font-weight:600;font-size:14px}
svg text{font:11px system-ui,sans-serif;fill:#333}
svg rect.bar{fill:#5c7cfa}
section.rule{border-top:1px solid var(--line);padding:6px 0}
section.rule h3{margin:4px 0;font-size:15px}
section.rule pre{background:#f6f8fa;padding:4px 8px;white-space:pre-wrap;font-size:12px;margin:2px 0}
section.rule pre.bad{border-left:3px solid var(--e)}section.rule pre.good{border-left:3px solid #2e7d32}
@media print{
 body{background:#fff;font-size:11pt}
 section.report{content-visibility:visible;border:0;padding:0;break-before:page}
 section.index table.sortable th{position:static}
 .rtext>p{grid-template-columns:3em minmax(0,1fr) 30%}
 mark:target,td:target,li:target{box-shadow:none}
}
"""

# Sorting the index by a column: the only script, and the page works without it.
SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function(table){
  var body = table.tBodies[0];
  table.querySelectorAll('thead th').forEach(function(th, index){
    th.addEventListener('click', function(){
      var up = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('thead th').forEach(function(o){ o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      var key = function(row){ var c = row.cells[index]; return c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent; };
      var numeric = rows.every(function(row){ var v = key(row); return v !== '' && !isNaN(v); });
      rows.sort(function(a, b){
        var x = key(a), y = key(b);
        var order = numeric ? x - y : x.localeCompare(y, 'zh');
        return up ? order : -order;
      });
      rows.forEach(function(row){ body.appendChild(row); });
    });
  });
});
"""

WORDS = {
    "zh": {
        "page_title": "giarlint 检查结果", "summary": "{reports} 份报告，{findings} 条问题（错误 {E}，警告 {W}）",
        "file": "文件", "agency": "机关", "year": "年度", "format": "表格格式", "published": "公开日期",
        "source": "来源格式", "title": "标题", "findings": "问题（按章节）", "no_findings": "未发现问题。",
        "tables": "统计表", "text": "报告全文", "preamble": "标题与前言", "whole": "整份报告",
        "index": "总览", "report": "报告", "errors": "错误", "warnings": "警告", "total": "合计",
        "by_code": "各代码的问题数", "by_count": "按问题数统计的报告数", "rules": "规则说明",
        "cell": "单元格", "unread": "未读出", "missing": "表中没有此行", "not_found": "未找到此表",
        "verdict": {"read": "已读出", "partial": "部分读出", "unreadable": "未能读出", "absent": "无"},
        "layout": "版式", "blank": "空白", "identity": "勾稽关系", "bad": "错误示例", "good": "正确示例",
        "not_report": "未能作为报告读取", "text_cut": "全文过长，只显示问题所在的行及其前后几行。",
        "sort_hint": "点击列标题排序。", "none": "—", "applicant": "申请人情况", "org": "法人或其他组织",
        "item": "第二十条第（{n}）项", "content": "信息内容", "to_rule": "规则说明",
        "short_tables": ("表二", "表三", "表四"), "plain": "文本",
        "t3_note": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "column": "{}列",
    },
    "en": {
        "page_title": "giarlint results", "summary": "{reports} reports, {findings} findings ({E} errors, {W} warnings)",
        "file": "File", "agency": "Agency", "year": "Year", "format": "Form", "published": "Published",
        "source": "Source format", "title": "Title", "findings": "Findings by section", "no_findings": "No findings.",
        "tables": "Tables", "text": "Report text", "preamble": "Title and preamble", "whole": "Whole report",
        "index": "Overview", "report": "Report", "errors": "errors", "warnings": "warnings", "total": "total",
        "by_code": "Findings by code", "by_count": "Reports by number of findings", "rules": "Rules",
        "cell": "cell", "unread": "not read", "missing": "row absent from the table", "not_found": "table not found",
        "verdict": {"read": "read", "partial": "partly read", "unreadable": "not read", "absent": "absent"},
        "layout": "layout", "blank": "blank", "identity": "identity", "bad": "Bad", "good": "Good",
        "not_report": "could not be read as a report", "text_cut": "The text is too long: only the lines with "
        "findings and a few around them are shown.", "sort_hint": "Click a column heading to sort.", "none": "—",
        "applicant": "Applicants", "org": "legal persons and other organisations",
        "item": "Art. 20 item ({n})", "content": "Content", "to_rule": "rule",
        "short_tables": ("T2", "T3", "T4"), "plain": "text",
        "t3_note": "(in every column: 1 + 2 = 3 + 4)", "column": "column {}",
    },
}

TABLE_TITLES = {
    "table2": {"zh": "二、主动公开政府信息情况", "en": "2. Proactive disclosure"},
    "table3": {"zh": "三、收到和处理政府信息公开申请情况", "en": "3. Requests received and handled"},
    "table4": {"zh": "四、政府信息公开行政复议、行政诉讼情况", "en": "4. Administrative review and litigation"},
}
