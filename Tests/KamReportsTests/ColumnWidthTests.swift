import KamPolicy
import Testing
@testable import KamReports

/// The width estimator's rules, one by one (SPEC §5: column widths that fit CJK text).
@Suite struct ColumnWidthTests {
    @Test func wideAndFullwidthCountTwo() {
        #expect(ColumnWidth.units("客户名称") == 8)
        #expect(ColumnWidth.units("ＡＢ，") == 6)        // fullwidth forms
        #expect(ColumnWidth.units("HG01 华东") == 9)
        #expect(ColumnWidth.units("カナ한글") == 8)
    }

    @Test func combiningMarksCountNothingAndLinesAreMeasuredApart() {
        #expect(ColumnWidth.units("e\u{301}") == 1)
        #expect(ColumnWidth.units("短\n长一些的行") == 10)
    }

    @Test func numbersAreMeasuredAsDisplayed() {
        #expect(DisplayedNumber.text(1_234_567.5, format: "#,##0.00") == "1,234,567.50")
        #expect(DisplayedNumber.text(-1_000, format: "#,##0.00") == "-1,000.00")
        #expect(DisplayedNumber.text(0.123, format: "0.0%") == "12.3%")
        #expect(DisplayedNumber.text(-0.0004, format: "0.0%") == "0.0%")
        #expect(DisplayedNumber.text(2.5, format: "0") == "3")
        #expect(DisplayedNumber.text(1.2, format: "0.00") == "1.20")
        #expect(DisplayedNumber.text(42, format: nil) == "42")
        #expect(Cell.ratio(1.5).displayText == "150.0%")
        #expect(Cell.hundredths(123_456).displayText == "1234.56")
        #expect(Cell.money(123_456_789).displayText == "1,234,567.89")
    }

    /// The count without the text (money and integers) is the text's count, at every length,
    /// sign and grouping boundary and at the extremes.
    @Test func displayUnitsCountWhatDisplayTextShows() {
        var values: [Int64] = [0, 1, -1, 99, -99, 100, -100, 101, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        var cells = values.flatMap { [Cell.money($0), Cell.integer(Int($0))] }
        cells += [.text("客户 A"), .id("00123"), .ratio(-0.125), .ratio(nil), .hundredths(-120), .blank,
                  .date(LocalDate(daysSinceEpoch: 20_000))]
        if let time = TimeOfDay(hour: 1, minute: 1) {
            cells.append(.dateTime(LocalDateTime(date: LocalDate(daysSinceEpoch: 20_000), time: time)))
        }
        for cell in cells {
            #expect(cell.displayUnits == ColumnWidth.units(cell.displayText), "\(cell): \(cell.displayText)")
        }
    }

    /// The byte-by-byte count of ASCII text and the shortcuts for Latin and CJK agree with the
    /// rules: controls count 0, a line break starts a new line, any other ASCII character 1.
    @Test func asciiAndCommonScalarsCountByTheRules() {
        #expect(ColumnWidth.units("1,234.50") == 8)
        #expect(ColumnWidth.units("a\tb") == 2)
        #expect(ColumnWidth.units("abc\r\nde") == 3)
        #expect(ColumnWidth.units("") == 0)
        #expect(ColumnWidth.units("é中") == 3)
        for value in [0x20, 0x7E, 0x2FF, 0x4E00, 0x9FFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected = ColumnWidth.isZeroWidth(scalar) ? 0 : ColumnWidth.isWide(scalar) ? 2 : 1
            #expect(ColumnWidth.weight(scalar) == expected)
        }
    }

    @Test func widthsArePaddedFlooredAndCapped() {
        #expect(ColumnWidth.fit(["1,234,567.50"]) == 14)
        #expect(ColumnWidth.fit(["A"]) == ColumnWidth.minimum)
        #expect(ColumnWidth.fit([String(repeating: "客", count: 60)]) == ColumnWidth.maximum)
        // Bold labels: 30 units × 1.1 = 33, + 2.
        #expect(ColumnWidth.fit(["半年度高层拜访 已完成 / 待完成"], bold: true) == 35)
        // A header needs room for bold text and the filter button, on two lines at most:
        // 客户 / 名称 = 4 → 4.4 → 5, + 2 + 2; 环比 splits into 2 + 2 too.
        #expect(ColumnWidth.fit(header: "客户名称", cells: ["甲"]) == 9)
        #expect(ColumnWidth.fit(header: "环比", cells: ["-12.5%"]) == 8)
        // A类未达标客户数 (15 units) over two-digit counts: A类未达 / 标客户数 = 7 / 8 → 8.8 → 9, + 4.
        #expect(ColumnWidth.fit(header: "A类未达标客户数", cells: ["12"]) == 13)
        #expect(ColumnWidth.headerWidth("A类未达标客户数", lines: 1) == 21)
        // Latin text breaks only at a space, hyphen or slash: SHA-256 → SHA- / 256.
        #expect(ColumnWidth.twoLineUnits("SHA-256") == 4)
        #expect(ColumnWidth.twoLineUnits("Total") == 5)
    }
}
