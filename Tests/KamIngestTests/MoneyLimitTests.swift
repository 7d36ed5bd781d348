import Testing
@testable import KamIngest
@testable import KamPolicy

/// SPEC §8: one line is at most ±1,000,000,000,000.00 yuan, in every money column of every
/// kind; every sum ingest forms is overflow-checked, and a file whose sums cannot be
/// represented is refused whole with a file-level error, never a crash (issue 13).
@Suite struct MoneyLimitTests {
    static let limit = "1,000,000,000,000.00"
    static let maxLine = "999999999999.99"
    static let lineReason = "金额超出范围(单行金额不能超过 ±1,000,000,000,000.00 元)"

    /// Each money column, as (file name, header, row with `{V}` in the column, column).
    static let columns: [(String, String, String, String)] = [
        ("sales_2026-09.csv", "date,customer_id,customer_name,amount,cost", "2026-09-01,C1,甲,{V},0", "amount"),
        ("sales_2026-09.csv", "date,customer_id,customer_name,amount,cost", "2026-09-01,C1,甲,1,{V}", "cost"),
        ("receivables_2026Q3.csv", "customer_id,receivable,overdue,collected", "C1,{V},0,0", "receivable"),
        ("receivables_2026Q3.csv", "customer_id,receivable,overdue,collected", "C1,0,{V},0", "overdue"),
        ("receivables_2026Q3.csv", "customer_id,receivable,overdue,collected", "C1,0,0,{V}", "collected"),
        ("approvals_2026Q3.csv", "customer_id,approved_limit", "C1,{V}", "approved_limit"),
    ]

    @Test(arguments: 0..<columns.count)
    func oneLineIsAtMostATrillionYuanInEveryMoneyColumn(column index: Int) {
        let (fileName, header, row, column) = Self.columns[index]
        for ok in ["\"1,000,000,000,000.00\"", "1000000000000", "-1000000000000.00", "(1000000000000)", "￥-999999999999.99"] {
            let f = CheckedFile.read(Array("\(header)\n\(row.replacingOccurrences(of: "{V}", with: ok))\n".utf8),
                                     fileName: fileName, settings: ReadSettings())
            #expect(f.isAccepted(maxBadRows: 0), "\(column) \(ok): \(f.check.diagnostics)")
        }
        for bad in ["1000000000000.01", "-1000000000000.01", "(1000000000000.01)", "\"1,000,000,000,001\"", "¥1000000000001",
                    "999999999999999.99", "9223372036854775807", "99999999999999999999999"] {
            let f = CheckedFile.read(Array("\(header)\n\(row.replacingOccurrences(of: "{V}", with: bad))\n".utf8),
                                     fileName: fileName, settings: ReadSettings(maxBadRows: 1))
            #expect(f.check.badRows == 1, "\(column) \(bad)")
            #expect(!f.check.fileRejected)
            #expect(f.check.diagnostics.first?.line == 2)
            #expect(f.check.diagnostics.first?.column == column)
            #expect(f.check.diagnostics.first?.reason == Self.lineReason, "\(column) \(bad)")
        }
    }

    @Test func theGrammarsAgreeOnTheLimit() {
        #expect(AmountGrammar.parse(Self.limit) == .success(AmountGrammar.lineLimit))
        #expect(AmountGrammar.parse("-" + Self.limit) == .success(-AmountGrammar.lineLimit))
        #expect(AmountGrammar.parse("1,000,000,000,000.01") == .failure(.outOfRange))
        for text in ["1000000000000.01", "100000000000000", "-1000000000000.01"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { ByteText.fastAmount($0) } == nil, "\(text)")
            #expect(Array(text.utf8).withUnsafeBufferPointer { ByteText.amount($0) } == .failure(.outOfRange), "\(text)")
        }
    }

    /// Found by `HostileTextFuzzTests`: the integer part was bounded by `Int64.max / 100`, so
    /// `92233720368547758.08` passed it and `integer * 100 + 8` trapped — a crash on one cell.
    @Test(arguments: ["92233720368547758.08", "92233720368547758.99", "(92,233,720,368,547,758.08)", "-92233720368547758.08",
                      "￥92233720368547758.8", "92233720368547758", "9223372036854775807.99"])
    func anAmountNearInt64MaxIsOutOfRangeNotACrash(text: String) {
        #expect(AmountGrammar.parse(text) == .failure(.outOfRange))
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteText.amount($0) } == .failure(.outOfRange))
        for (fileName, header, row, _) in Self.columns {
            let f = CheckedFile.read(Array("\(header)\n\(row.replacingOccurrences(of: "{V}", with: "\"\(text)\""))\n".utf8),
                                     fileName: fileName, settings: ReadSettings())
            #expect(f.check.badRows == 1)
            #expect(f.check.diagnostics.first?.reason == Self.lineReason)
        }
    }

    static let overflowReason = SumOverflow.fileMagnitude.reason

    /// 100,000 × 999,999,999,999.99 yuan for one customer-month is ~1e19 fen, past Int64.
    @Test func aSalesFileWhoseSumsOverflowIsRefusedWholeNotACrash() throws {
        var text = "date,customer_id,customer_name,amount\n"
        text.reserveCapacity(100_000 * 40)
        for _ in 0..<100_000 { text += "2026-09-01,C1,甲,\(Self.maxLine)\n" }
        // Also an ordinary bad row, listed after the file's problem.
        text += "2026-09-01,C1,甲,x\n"
        let f = CheckedFile.read(Array(text.utf8), fileName: "sales_2026-09.csv", settings: ReadSettings(maxBadRows: 1_000_000))
        #expect(f.check.fileRejected)
        #expect(!f.isAccepted(maxBadRows: 1_000_000))
        // 92,233 lines fit (9,223,299,999,999,907,767 fen); the next does not: line 92,235.
        let first = try #require(f.check.diagnostics.first)
        #expect(first == Diagnostic(line: 92_235, column: "amount", value: Self.maxLine, reason: Self.overflowReason))
        #expect(first.reason.contains("整个文件被拒绝"))
        #expect(f.check.diagnostics.count == 2)
        #expect(f.check.diagnostics.last?.line == 100_002)
        #expect(f.totals.isEmpty)
        guard case .sales(let s)? = f.records else { Issue.record("not sales"); return }
        #expect(s.months.isEmpty && s.orderedMonths.isEmpty && s.sumsOverflowed)
        // The receipt says so, and lists no total.
        let receipt = Receipt(subsidiary: "HG01", fileName: "sales_2026-09.csv", sha256: "-", receivedAt: "-", accepted: false, file: f)
        #expect(!receipt.rows.contains { $0.first?.hasSuffix("合计(元)") == true })
        #expect(receipt.summaryLine.contains("金额合计超出可计算的范围"))
    }

    @Test func signsDoNotCancelInTheBudget() {
        // Net zero, but 1e19 fen of magnitudes: no sum over part of the file is safe.
        var text = "date,customer_id,customer_name,amount\n"
        for i in 0..<100_000 { text += "2026-09-01,C\(i % 7),甲,\(i % 2 == 0 ? "" : "-")\(Self.maxLine)\n" }
        let f = CheckedFile.read(Array(text.utf8), fileName: "sales_2026-09.csv", settings: ReadSettings())
        #expect(f.check.fileRejected)
        #expect(f.check.diagnostics.first?.reason == Self.overflowReason)
    }

    @Test func justUnderTheBudgetIsAccepted() {
        var text = "date,customer_id,customer_name,amount,cost\n"
        for i in 0..<46_116 { text += "2026-09-01,C\(i % 3),甲,\(Self.maxLine),-\(Self.maxLine)\n" }
        let f = CheckedFile.read(Array(text.utf8), fileName: "sales_2026-09.csv", settings: ReadSettings())
        #expect(f.isAccepted(maxBadRows: 0), "\(f.check.diagnostics.prefix(2))")
        let each: Fen = 99_999_999_999_999
        #expect(f.totals.first?.fen == 46_116 * each)
        #expect(f.totals.last?.fen == -46_116 * each)
    }

    @Test func quarterSnapshotsWhoseSumsOverflowAreRefusedWhole() throws {
        let receivables = "customer_id,receivable,overdue,collected\n" + (0..<100_000).map { "C\($0),\(Self.maxLine),0,0\n" }.joined()
        let r = CheckedFile.read(Array(receivables.utf8), fileName: "receivables_2026Q3.csv", settings: ReadSettings(maxBadRows: 10))
        #expect(r.check.fileRejected)
        #expect(r.check.diagnostics.first == Diagnostic(line: 92_235, column: "receivable", value: Self.maxLine, reason: Self.overflowReason))
        #expect(r.totals.isEmpty)
        if case .receivables(let records)? = r.records { #expect(records.isEmpty) } else { Issue.record("not receivables") }
        let approvals = "customer_id,approved_limit\n" + (0..<100_000).map { "C\($0),\(Self.maxLine)\n" }.joined()
        let a = CheckedFile.read(Array(approvals.utf8), fileName: "approvals_2026Q3.csv", settings: ReadSettings(maxBadRows: 10))
        #expect(a.check.fileRejected)
        #expect(a.check.diagnostics.first?.line == 92_235)
        #expect(a.check.diagnostics.first?.column == "approved_limit")
        #expect(a.totals.isEmpty)
    }

    /// The aggregator's own sums are checked too, whatever its caller admitted.
    @Test func theAggregatorRefusesASumItCannotHold() {
        var aggregate = SalesAggregator()
        let id = Array("C1".utf8), name = Array("甲".utf8)
        func add(_ amount: Fen, cost: Fen = 0, id: [UInt8] = id) -> Bool {
            id.withUnsafeBufferPointer { i in name.withUnsafeBufferPointer { n in
                aggregate.add(id: i, month: 24_320, amount: amount, cost: cost, date: 20260901, sequence: 1, name: n)
            } }
        }
        #expect(add(Fen.max - 10))
        #expect(!add(11))
        #expect(add(10))
        #expect(add(0, cost: Fen.min))
        #expect(!add(-1, cost: -1))
        // Two byte forms of one id (é precomposed and decomposed) merge into one key: checked too.
        var merging = SalesAggregator()
        for (form, amount) in [("\u{E9}", Fen.max - 5), ("e\u{301}", Fen(6))] {
            let bytes = Array(form.utf8)
            _ = bytes.withUnsafeBufferPointer { i in name.withUnsafeBufferPointer { n in
                merging.add(id: i, month: 24_320, amount: amount, cost: 0, date: 20260901, sequence: 1, name: n)
            } }
        }
        guard case .failure(let problem) = merging.months() else { Issue.record("merged past Int64"); return }
        #expect(problem == .customerMonth(customerID: "\u{E9}", month: YearMonth(year: 2026, month: 9)))
    }
}
