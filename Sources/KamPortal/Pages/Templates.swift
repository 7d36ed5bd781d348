/// The pages' mustache templates, compiled into the binary: `kam serve` needs no template folder
/// beside it wherever it is installed. `{{x}}` is HTML-escaped; `{{{body}}}` only ever holds a
/// page these templates rendered.
enum Templates {
    static let layout = """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · 大客户报表</title>
    <style>
    body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f6f7f9}
    header{background:#1f4e79;color:#fff;padding:.6em 1em;display:flex;flex-wrap:wrap;gap:.8em;align-items:center}
    header a{color:#fff;text-decoration:none}
    header .who{margin-left:auto;font-size:.9em}
    header form{display:inline;margin:0}
    main{padding:1em;max-width:1100px;margin:auto}
    h1{font-size:1.3em} h2{font-size:1.1em;margin-top:1.5em}
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
    table{border-collapse:collapse;background:#fff;min-width:100%}
    th,td{border:1px solid #d0d4da;padding:.35em .5em;text-align:left;font-size:.92em;white-space:nowrap}
    th{background:#eef1f5}
    td.wrap{white-space:normal;word-break:break-all}
    .ontime{background:#d9f2d9}.late{background:#ffe7b3}.missing{background:#f8c9c9}.pending{background:#eef1f5}
    .ok{color:#17692a;font-weight:bold}.bad{color:#b00020;font-weight:bold}
    .mono{font-family:monospace;font-size:.8em}
    form.box{background:#fff;padding:1em;border:1px solid #d0d4da;max-width:28em}
    label{display:block;margin:.5em 0 .2em}
    input,select,button{font-size:1em;padding:.35em;max-width:100%}
    button{background:#1f4e79;color:#fff;border:0;padding:.45em 1.2em;border-radius:3px}
    .note{color:#555;font-size:.9em}
    .error{background:#f8c9c9;padding:.6em;border-radius:3px}
    </style>
    </head>
    <body>
    <header>
    <strong>大客户报表</strong>
    {{#caller}}
    <a href="/">首页</a><a href="/reports">报表</a><a href="/receipts">回执</a>
    {{#canUpload}}<a href="/upload">上传</a>{{/canUpload}}
    {{#isAdmin}}<a href="/admin">管理</a>{{/isAdmin}}
    <span class="who">{{name}}（{{scopeLabel}}）
    <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">退出</button></form></span>
    {{/caller}}
    </header>
    <main>
    {{{body}}}
    </main>
    </body>
    </html>
    """

    static let login = """
    <h1>登录</h1>
    {{#message}}<p class="error">{{message}}</p>{{/message}}
    <form class="box" method="post" action="/login">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="name">用户名</label><input id="name" name="name" autocomplete="username" value="{{name}}" required>
    <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
    <p><button type="submit">登录</button></p>
    </form>
    """

    static let homeSubsidiary = """
    <h1>{{subsidiaryName}} 首页</h1>
    <h2>报送要求与状态</h2>
    <div class="scroll"><table id="deadlines">
    <tr><th>截止时间</th><th>期间</th><th>数据</th><th>状态</th></tr>
    {{#cells}}<tr class="{{tone}}"><td>{{dueBy}}</td><td>{{period}}</td><td>{{kind}}</td><td>{{label}}</td></tr>{{/cells}}
    </table></div>
    <h2>最近的回执</h2>
    {{> receiptTable}}
    <h2>最近的报表</h2>
    {{> workbookTable}}
    """

    static let homeGroup = """
    <h1>{{heading}}</h1>
    {{#matrices}}
    <h2>{{title}}</h2>
    <div class="scroll"><table class="matrix">
    <tr><th>分公司</th>{{#columns}}<th>{{.}}</th>{{/columns}}</tr>
    {{#rows}}<tr><td>{{subsidiary}}</td>{{#cells}}<td class="{{tone}}">{{label}}</td>{{/cells}}</tr>{{/rows}}
    </table></div>
    {{/matrices}}
    {{^matrices}}<p class="note">没有需要报送的数据。</p>{{/matrices}}
    <h2>资信预警（各公司最新客户资信报表）</h2>
    <div class="scroll"><table id="credit">
    <tr><th>分公司</th><th>季度</th><th>超限</th><th>预警</th><th>无额度</th></tr>
    {{#credit}}<tr><td>{{subsidiary}}</td><td>{{period}}</td>{{#note}}<td colspan="3">{{note}}</td>{{/note}}{{^note}}<td class="{{overTone}}">{{overLimit}}</td><td>{{warning}}</td><td>{{noLimit}}</td>{{/note}}</tr>{{/credit}}
    </table></div>
    <h2>最近的运行</h2>
    <div class="scroll"><table id="runs">
    <tr><th>编号</th><th>开始</th><th>截至</th><th>接收</th><th>退回</th><th>生成</th><th>失败</th><th>结束</th></tr>
    {{#runs}}<tr><td>{{id}}</td><td>{{started}}</td><td>{{asOf}}</td><td>{{accepted}}</td><td>{{rejected}}</td><td>{{delivered}}</td><td>{{failed}}</td><td>{{finished}}</td></tr>{{/runs}}
    </table></div>
    {{#hasFailures}}
    <h2>失败的作业</h2>
    <div class="scroll"><table><tr><th>作业</th><th>对象</th><th>期间</th><th>原因</th></tr>
    {{#failures}}<tr><td>{{job}}</td><td>{{owner}}</td><td>{{period}}</td><td class="wrap">{{error}}</td></tr>{{/failures}}
    </table></div>
    {{/hasFailures}}
    """

    static let receiptTable = """
    <div class="scroll"><table class="receipts">
    <tr><th>分公司</th><th>文件</th><th>期间</th><th>接收时间</th><th>结果</th><th>行数</th><th>回执</th></tr>
    {{#receipts}}<tr><td>{{subsidiary}}</td><td class="wrap">{{fileName}}</td><td>{{period}}</td><td>{{receivedAt}}</td>
    <td class="{{resultClass}}">{{result}}</td><td>{{rows}}</td><td>{{#href}}<a href="{{href}}">下载</a>{{/href}}</td></tr>{{/receipts}}
    </table></div>
    {{^receipts}}<p class="note">暂无。</p>{{/receipts}}
    """

    static let workbookTable = """
    <div class="scroll"><table class="workbooks">
    <tr><th>期间</th><th>报表</th><th>版本</th><th>状态</th><th>原因</th><th>生成时间</th><th>SHA-256</th></tr>
    {{#workbooks}}<tr><td>{{period}}</td><td class="wrap"><a href="{{href}}">{{name}}</a></td><td>第{{revision}}版</td><td>{{state}}</td>
    <td class="wrap">{{reason}}</td><td>{{deliveredAt}}</td><td class="mono">{{sha256}}</td></tr>{{/workbooks}}
    </table></div>
    {{^workbooks}}<p class="note">暂无。</p>{{/workbooks}}
    """

    static let reports = """
    <h1>报表</h1>
    {{> workbookTable}}
    {{#hasManifests}}<h2>清单</h2><ul>{{#manifests}}<li><a href="{{href}}">{{path}}</a></li>{{/manifests}}</ul>{{/hasManifests}}
    """

    static let receipts = """
    <h1>回执</h1>
    {{> receiptTable}}
    """

    static let upload = """
    <h1>上传数据文件（{{subsidiary}}）</h1>
    <form class="box" method="post" action="/upload?csrf={{csrf}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="file">CSV 文件（按“类型_期间.csv”命名，如 sales_2026-09.csv；或在下面选择类型和期间）</label>
    <input id="file" name="file" type="file" accept=".csv,text/csv" required>
    <label for="kind">类型（可选）</label>
    <select id="kind" name="kind"><option value="">按文件名</option>{{#kinds}}<option value="{{code}}">{{code}} {{name}}</option>{{/kinds}}</select>
    <label for="period">期间（可选，YYYY-MM 或 YYYYQn）</label><input id="period" name="period" placeholder="2026-09 或 2026Q3">
    <p><button type="submit">上传并检查</button></p>
    <p class="note">文件不超过 {{maxMB}} MB。检查与 kam validate 相同；通过的文件放入报送目录，由下一次运行读取。</p>
    </form>
    """

    static let receipt = """
    <h1>回执：{{fileName}}</h1>
    <p id="verdict" class="{{verdictClass}}">{{verdict}}</p>
    {{#placedAs}}<p>已放入报送目录：<span class="mono">{{placedAs}}</span>，下一次运行时读取。</p>{{/placedAs}}
    <div class="scroll"><table id="receipt">
    {{#facts}}<tr><th>{{label}}</th><td class="wrap">{{value}}</td></tr>{{/facts}}
    </table></div>
    {{#hasProblems}}
    <h2>错误（{{problemCount}}）</h2>
    <div class="scroll"><table id="problems"><tr><th>行号</th><th>列</th><th>值</th><th>原因</th></tr>
    {{#problems}}<tr><td>{{line}}</td><td>{{column}}</td><td class="wrap">{{value}}</td><td class="wrap">{{reason}}</td></tr>{{/problems}}
    </table></div>
    {{/hasProblems}}
    <p><a href="/upload">继续上传</a></p>
    """

    static let admin = """
    <h1>管理</h1>
    <h2>用户</h2>
    <div class="scroll"><table id="users"><tr><th>用户名</th><th>范围</th><th>邮箱</th><th>状态</th></tr>
    {{#users}}<tr><td>{{name}}</td><td>{{scope}}</td><td>{{email}}</td><td>{{state}}</td></tr>{{/users}}
    </table></div>
    <h2>失败的作业</h2>
    <div class="scroll"><table><tr><th>作业</th><th>对象</th><th>期间</th><th>原因</th></tr>
    {{#failures}}<tr><td>{{job}}</td><td>{{owner}}</td><td>{{period}}</td><td class="wrap">{{error}}</td></tr>{{/failures}}
    </table></div>
    <h2>访问记录（最近 200 条）</h2>
    <div class="scroll"><table id="access"><tr><th>时间</th><th>用户</th><th>操作</th><th>对象</th><th>地址</th><th>结果</th></tr>
    {{#access}}<tr><td>{{at}}</td><td>{{user}}</td><td>{{action}}</td><td class="wrap">{{what}}</td><td>{{address}}</td><td>{{outcome}}</td></tr>{{/access}}
    </table></div>
    """

    static let notFound = """
    <h1>未找到</h1>
    <p>没有这个页面或文件。</p>
    <p><a href="/">返回首页</a></p>
    """
}
