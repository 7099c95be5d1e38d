/// A self-contained HTML page: the style sheet inside, no script, no font, image or link to fetch.
public enum HTMLPage {
    /// The whole document for `body`, titled `title`.
    public static func document(title: String, body: Markup) -> String {
        let page: Markup = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Kaohe">
        <title>\(title)</title>
        <style>\(Markup(raw: style))</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
        return page.html
    }

    /// The style sheet: a sans-serif reading face for reports, the serif 仿宋 look for notices, A4 when
    /// printed. Only locally installed fonts are named.
    static let style = """
    :root{--ink:#222;--muted:#6b6b6b;--rule:#b9b4aa;--red:#c0392b;--amber:#d68910;--green:#1e8449;--blue:#1f5f99;--paper:#fff;--desk:#efece6}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--desk);color:var(--ink);font:14px/1.65 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
    .page{max-width:1060px;margin:24px auto;background:var(--paper);padding:36px 48px 40px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
    h1{font-size:26px;text-align:center;margin:6px 0 4px;letter-spacing:1px}
    h2{font-size:18px;margin:30px 0 10px;padding:2px 0 4px 10px;border-left:5px solid var(--red);border-bottom:1px solid #e5e1d9}
    h3{font-size:15px;margin:16px 0 6px}
    p{margin:6px 0}
    .subtitle{text-align:center;color:var(--muted);margin:0 0 12px}
    .masthead{text-align:center;color:var(--red);font-size:30px;font-weight:bold;letter-spacing:3px;margin:4px 0}
    .docno{text-align:center;margin:4px 0 2px;font-size:15px}
    .docno small{color:var(--muted);font-size:12px}
    .redline{border:0;border-top:3px solid var(--red);margin:8px 0 18px}
    .headline{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0 6px}
    .kpi{flex:1 1 180px;border:1px solid #e2ddd3;border-radius:6px;padding:10px 14px;background:#fbfaf7}
    .kpi .label{color:var(--muted);font-size:12.5px}
    .kpi .value{font-size:24px;font-weight:bold;line-height:1.3}
    .kpi .note{font-size:12.5px;color:var(--muted)}
    .kpi.alert .value{color:var(--red)}
    .kpi.good .value{color:var(--green)}
    .lead{font-size:15px;background:#fbf6ec;border:1px solid #eadfc8;border-radius:6px;padding:10px 16px;margin:12px 0}
    .lead ul{margin:4px 0;padding-left:22px}
    .scroll{overflow-x:auto;margin:8px 0}
    table{border-collapse:collapse;width:100%;font-size:13px}
    caption{caption-side:top;text-align:left;color:var(--muted);font-size:12.5px;padding:2px 0 6px}
    th,td{border:1px solid var(--rule);padding:4px 6px;vertical-align:top}
    th{background:#f3efe6;font-weight:bold;text-align:center;white-space:nowrap}
    td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    td.c{text-align:center;white-space:nowrap}
    td.name{min-width:9em}
    td.reasons{min-width:16em}
    td.dept{white-space:nowrap}
    td.reasons ul{margin:0;padding-left:16px}
    tr.home td{background:#fbeae7;font-weight:bold}
    tr.gap td{text-align:center;color:var(--muted)}
    tr.group td{background:#f7f4ee;font-weight:bold;color:#5a4a2a}
    td .muted{font-size:12px}
    .badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;color:#fff;white-space:nowrap}
    .badge.supervision{background:var(--red)}
    .badge.warning{background:var(--amber)}
    .badge.ok{background:var(--green)}
    .state-behind{color:var(--red);font-weight:bold}
    .state-ahead{color:var(--green)}
    .neg{color:var(--red)}
    .pos{color:var(--green)}
    .muted{color:var(--muted)}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:14px 18px;margin:8px 0}
    figure{margin:0;border:1px solid #e5e1d9;border-radius:6px;padding:8px 10px 6px;background:#fff;break-inside:avoid}
    figcaption{font-size:13.5px;font-weight:bold;margin:0 0 4px}
    figcaption .muted{font-weight:normal;font-size:12.5px}
    svg.chart{display:block;width:100%;height:auto;max-width:560px;font-family:inherit}
    svg.bar{display:inline-block;vertical-align:middle}
    .pair{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:18px;align-items:start}
    .footnote{color:var(--muted);font-size:12px;margin-top:26px;border-top:1px solid #e5e1d9;padding-top:8px}
    .toc{font-size:13px;color:var(--muted)}
    .toc a{color:var(--blue);text-decoration:none;margin-right:10px}
    .notice{font-family:"FangSong","STFangsong","Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif;font-size:16px;line-height:1.8}
    .notice h1{font-family:"Noto Sans CJK SC","Source Han Sans SC","SimHei","Microsoft YaHei",sans-serif;font-size:24px;margin:18px 0 14px}
    .notice table{font-size:13px;line-height:1.5;font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
    .notice th{white-space:normal}
    .notice th:first-child,.notice th:last-child{white-space:nowrap}
    .notice td.num{white-space:normal}
    .notice td.reasons{min-width:14em}
    .notice .addressee{margin-top:14px}
    .notice .body{text-indent:2em}
    .signature{margin:36px 0 0 auto;width:16em;text-align:center}
    .index li{margin:3px 0}
    @media (max-width:720px){.page{padding:18px 14px;margin:0}.pair{grid-template-columns:1fr}.charts{grid-template-columns:1fr}}
    @media print{
      @page{size:A4;margin:16mm 14mm}
      body{background:#fff}
      .page{box-shadow:none;margin:0;padding:0;max-width:none}
      .page + .page{break-before:page}
      .scroll{overflow:visible}
      h2{break-after:avoid}
      tr,figure{break-inside:avoid}
      .toc{display:none}
    }
    """
}
