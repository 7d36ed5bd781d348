import Testing
import XLSXWriter

/// Sheet names and header/footer text that come from configuration must reach libxlsxwriter in
/// a form it accepts and that prints as written.
@Suite struct SheetNameTests {
    @Test func forbiddenCharactersBecomeUnderscores() {
        #expect(SheetName.sanitized("HG01 [化工]/华东:一*部?\\") == "HG01 _化工__华东_一_部__")
    }

    @Test func longNamesAreCutAt31UTF16Units() {
        let name = String(repeating: "客", count: 40)
        #expect(SheetName.sanitized(name) == String(repeating: "客", count: 31))
        // A character outside the BMP is two UTF-16 units and is not split.
        let astral = String(repeating: "a", count: 30) + "𠀀"
        #expect(SheetName.sanitized(astral) == String(repeating: "a", count: 30))
    }

    @Test func apostrophesAtTheEndsAndEmptyNames() {
        #expect(SheetName.sanitized("'概览'") == "概览")
        #expect(SheetName.sanitized("''") == "Sheet")
        #expect(SheetName.sanitized("客户排名") == "客户排名")
    }

    @Test func headerTextDoublesAmpersandsAndIsCut() {
        #expect(HeaderFooterText.literal("A&B 化工") == "A&&B 化工")
        #expect(HeaderFooterText.limited(String(repeating: "x", count: 300)).count == 255)
        // A cut that would leave a lone `&` drops it rather than start a control code.
        let codes = String(repeating: "x", count: 254) + "&&"
        #expect(HeaderFooterText.limited(codes) == String(repeating: "x", count: 254))
    }
}
