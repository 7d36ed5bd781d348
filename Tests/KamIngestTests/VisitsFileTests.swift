import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct VisitsFileTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)

    func read(_ text: String) -> VisitsFile { VisitsFile.read(Array(text.utf8), period: q3, settings: ReadSettings()) }

    @Test func readsVisitsWithAnyPurposeKept() {
        let f = read("日期,客户编码,拜访人,职务,拜访目的,备注\n2026/7/1 09:30,C1,王五,公司领导,客情建设,年中\n20260930,C1,赵六,销售代表,喝茶,\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.records == [
            VisitRecord(date: LocalDate(year: 2026, month: 7, day: 1)!, customerID: "C1", visitor: "王五", role: .leader,
                        purpose: "客情建设", notes: "年中"),
            VisitRecord(date: LocalDate(year: 2026, month: 9, day: 30)!, customerID: "C1", visitor: "赵六", role: .representative,
                        purpose: "喝茶", notes: ""),
        ])
    }

    @Test func roleMustBeOneOfThree() {
        let f = read("date,customer_id,visitor,role\n2026-08-01,C1,王五,经理\n2026-08-01,C1,王五,\n")
        #expect(f.check.badRows == 2)
        #expect(f.check.diagnostics.map(\.column) == ["role", "role"])
        #expect(f.check.diagnostics.first?.value == "经理")
    }

    @Test func datesMustLieInTheQuarter() {
        let f = read("date,customer_id,visitor,role\n2026-06-30,C1,王五,销售主管\n2026-10-01,C1,王五,销售主管\n2026-13-01,C1,王五,销售主管\n")
        #expect(f.check.badRows == 3)
        #expect(f.check.diagnostics[0].reason.contains("期间 2026Q3"))
        #expect(f.check.diagnostics[1].reason.contains("期间"))
        #expect(f.check.diagnostics[2].reason.contains("日期不存在"))
    }

    /// The shapes `ByteText.date` reads for the quarter kinds (a slash date, a time after it)
    /// say what `DateGrammar` says, right or wrong.
    @Test func slashDatesAndTimesReadAsTheDateGrammarReadsThem() {
        let f = read("date,customer_id,visitor,role\n 2026/8/1 ,C1,王五,销售主管\n2026/9/30 23:59:59,C1,王五,销售主管\n"
                     + "2026/2/30,C1,王五,销售主管\n2026/8/1 9:3,C1,王五,销售主管\n2026/8/1x,C1,王五,销售主管\n2026/6/30 08:00,C1,王五,销售主管\n")
        #expect(f.records.map(\.date) == [LocalDate(year: 2026, month: 8, day: 1)!, LocalDate(year: 2026, month: 9, day: 30)!])
        #expect(f.check.diagnostics.map(\.reason) == [DateGrammar.reason(for: "2026/2/30"), DateGrammar.formatReason,
                                                      DateGrammar.formatReason, "日期不在文件的期间 2026Q3 内"])
        #expect(f.check.diagnostics.map(\.value) == ["2026/2/30", "2026/8/1 9:3", "2026/8/1x", "2026/6/30 08:00"])
    }

    @Test func visitorIsRequiredAndRepeatVisitsAreNotDuplicates() {
        let f = read("date,customer_id,visitor,role\n2026-08-01,C1,,销售代表\n2026-08-01,C1,甲,销售代表\n2026-08-01,C1,甲,销售代表\n")
        #expect(f.check.badRows == 1)
        #expect(f.check.diagnostics.first?.reason == "拜访人为空")
        #expect(f.records.count == 2)
    }
}
