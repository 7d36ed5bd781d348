import Foundation
import Testing

/// SPEC §8 "Incomplete data", through the built `kam`: HG01 delivered Q3 but not Q4. Its 2026Q4
/// 客户销售报表 and 化工's 2026Q4 汇总分析表 must not read as real results: red banner on 概览,
/// 【数据不完整】 in the printed headers, blank figures, 未报送 — and once Q4 arrives, a revision
/// without any of it.
@Suite(.serialized) struct IncompleteDataEndToEndTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    static func read(_ workbook: URL, _ script: String) throws -> String {
        let r = try KamBinary.run(python, ["-c", """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            \(script)
            """, workbook.path])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func aMissingQuarterIsFlaggedAndBlankedThenARevisionClearsIt() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        try HostileInputEndToEndTests.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        // Q1 and Q2 were reported with no sales (header-only files cover their months: not missing).
        for q in ["2026Q1", "2026Q2"] {
            try HostileInputEndToEndTests.write("date,customer_id,customer_name,amount,cost\n", ws, "drop/HG01/sales_\(q).csv")
        }
        let r = try KamBinary.kam("run", "--config", config, "--as-of", "2027-01-08T08:00")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let sales = ws.appendingPathComponent("reports/2026Q4/subsidiary/HG01_2026Q4_客户销售报表.xlsx")
        let out = try Self.read(sales, """
            ov = wb["概览"]
            print(ov["A2"].value)
            print(ov["A2"].fill.fgColor.rgb)
            labels = {ov.cell(row=i, column=1).value: ov.cell(row=i, column=2).value for i in range(1, 30)}
            print("本期销售额", labels.get("本期销售额"))
            print("同比", labels.get("同比"))
            print("上期销售额", labels.get("上期销售额"))
            rk = wb["客户排名"]
            row = [c.value for c in rk[2]]
            print("row", row[0], row[3], row[4], row[10], row[11])
            print("header", rk.oddHeader.left.text)
            print("potential", wb["潜力客户"].max_row, "changes", wb["等级变动"].max_row)
            """)
        #expect(out.contains("数据不完整：HG01 销售明细 2026-10、HG01 销售明细 2026-11、HG01 销售明细 2026-12"), "\(out)")
        #expect(out.contains("FFC00000"), "the banner is red: \(out)")
        #expect(out.contains("本期销售额 None") && out.contains("同比 None") && out.contains("上期销售额 500"), "\(out)")
        // Rank, 本期销售额, 近12月销售额 and 等级 blank; 上期销售额 stands.
        #expect(out.contains("row None None 500 None None"), "\(out)")
        #expect(out.contains("header 【数据不完整】HG01"), "\(out)")
        #expect(out.contains("potential 1 changes 1"), "no rows under the header: \(out)")

        // A subsidiary's own quarter input missing (SPEC §8: "a quarter kind is missing when no
        // accepted file for that quarter exists"): HG01 never sent receivables or customer files.
        for (name, banner) in [("HG01_2026Q4_客户资信报表", "数据不完整：HG01 应收账款 2026Q4"),
                               ("HG01_2026Q4_客户档案维护情况", "数据不完整：HG01 客户档案 2026Q4")] {
            let out = try Self.read(ws.appendingPathComponent("reports/2026Q4/subsidiary/\(name).xlsx"), """
                print(wb["概览"]["A2"].value)
                print(wb[wb.sheetnames[1]].oddHeader.left.text)
                """)
            #expect(out.contains(banner), "\(name): \(out)")
            #expect(out.contains("【数据不完整】HG01"), "\(name): \(out)")
        }

        let line = ws.appendingPathComponent("reports/2026Q4/management/化工_2026Q4_汇总分析表.xlsx")
        let lineOut = try Self.read(line, """
            ov = wb["概览"]
            print(ov["A2"].value)
            print([c.value for c in wb["分公司汇总"][2]])
            """)
        #expect(lineOut.contains("数据不完整："), "\(lineOut)")
        #expect(lineOut.contains("['HG01', '测试化工有限公司', None, None, None, None, None, None, None, None, None, None, '未报送', None]"),
                "\(lineOut)")

        // Q4 arrives: revision 2 of both, with no banner and real figures.
        try HostileInputEndToEndTests.write("date,customer_id,customer_name,amount,cost\n2026-11-03,H1,乙公司,800.00,100.00\n", ws,
                                            "drop/HG01/sales_2026Q4.csv")
        let again = try KamBinary.kam("run", "--config", config, "--as-of", "2027-01-08T08:00")
        #expect(again.stdout.contains("HG01_2026Q4_客户销售报表.xlsx (revision 2)"), "\(again.stdout)")
        let revised = try Self.read(sales, """
            ov = wb["概览"]
            print(ov["A2"].value, ov["A3"].value)
            print(wb["客户排名"].oddHeader.left.text)
            print([c.value for c in wb["客户排名"][2]][:4])
            """)
        #expect(!revised.contains("数据不完整"), "\(revised)")
        // Ids are text in the text format `@`, and Excel is told not to flag them (SPEC §8 Workbooks).
        let ids = try KamBinary.run(Self.python, ["-c", """
            import openpyxl, sys, zipfile, re
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["客户排名"]
            print("format", ws["B2"].number_format, ws["B2"].data_type)
            xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet2.xml").decode()
            print(re.findall(r'<ignoredError [^>]*>', xml))
            """, sales.path])
        #expect(ids.stdout.contains("format @ s"), "\(ids.stdout)\(ids.stderr)")
        #expect(ids.stdout.contains("numberStoredAsText=\"1\"") && ids.stdout.contains("sqref=\"B2:B2\""), "\(ids.stdout)")
        #expect(revised.contains("[1, 'H1', '乙公司', 800]"), "\(revised)")
    }
}
