import Foundation
import Testing
@testable import XLSXWriter

/// SPEC §8: text written to a workbook never carries a character XML 1.0 forbids; each becomes
/// U+FFFD, and every text entry of the wrapper goes through the one replacement.
@Suite struct XMLSafeTextTests {
    /// Every C0 control but tab, LF and CR, then U+FFFE and U+FFFF.
    static let forbidden: [Unicode.Scalar] = (0..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) }
        .compactMap { Unicode.Scalar(UInt32($0)) } + ["\u{FFFE}", "\u{FFFF}"]

    @Test func everyForbiddenCharacterBecomesTheReplacementCharacter() {
        for scalar in Self.forbidden {
            let text = "客户" + String(Character(scalar)) + "A"
            #expect(XMLSafeText.sanitized(text) == "客户\u{FFFD}A", "U+\(String(scalar.value, radix: 16))")
        }
        #expect(XMLSafeText.sanitized("\u{0}\u{0B}\u{FFFE}\u{FFFF}") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func allowedTextIsLeftAsItIs() {
        let allowed = ["", "ABC", "上海浦东", "tab\there", "line\nbreak", "cr\rlf\r\n", "\u{FFFD}", "\u{FFFC}", "\u{FFFD}\u{FFFD}",
                       "（全角）￥１２３", "\u{10FFFD}", "\u{7F}\u{80}\u{9F}", "e\u{301}", "👨‍👩‍👧",
                       "=HYPERLINK(\"http://x\",\"y\")", "\u{EF}\u{BF}"] +
            // Noncharacters other than U+FFFE/U+FFFF are allowed by XML 1.0 (Swift refuses them as literals).
            [0xFDD0, 0x10FFFF, 0xEFFFF, 0x1FFFE].compactMap { Unicode.Scalar(UInt32($0)).map { String(Character($0)) } }
        for text in allowed {
            #expect(!XMLSafeText.needsReplacement(text), "\(Array(text.unicodeScalars))")
            #expect(XMLSafeText.sanitized(text) == text)
        }
    }

    /// A byte scan that is not confused by the forbidden sequences' bytes elsewhere: `EF BF BD`
    /// (U+FFFD) and `EF BF BC` next to the end of the text, and a forbidden one at the very end.
    @Test func theByteScanFindsOnlyWholeForbiddenSequences() {
        #expect(!XMLSafeText.needsReplacement("a\u{FFFD}"))
        #expect(!XMLSafeText.needsReplacement("\u{FFFC}"))
        #expect(XMLSafeText.needsReplacement("a\u{FFFF}"))
        #expect(XMLSafeText.needsReplacement("\u{FFFE}"))
        #expect(XMLSafeText.needsReplacement(String(repeating: "客", count: 1000) + "\u{1F}"))
        // A Substring-backed or bridged String takes the same answer through the fallback path.
        let slice = "xx\u{0B}yy".dropFirst()
        #expect(XMLSafeText.sanitized(String(slice)) == "x\u{FFFD}yy")
    }

    @Test func sheetNamesReplaceForbiddenCharactersToo() {
        #expect(SheetName.sanitized("HG01\u{0B}化工\u{FFFF}") == "HG01\u{FFFD}化工\u{FFFD}")
        // U+FFFD is one UTF-16 unit like what it replaces: the 31-unit cut is unchanged.
        #expect(SheetName.sanitized(String(repeating: "\u{0}", count: 40)) == String(repeating: "\u{FFFD}", count: 31))
    }

    /// A sheet name is an XML attribute: a tab or line break in it would be read back as a space
    /// and no longer match the chart ranges naming the sheet, so the sanitiser replaces them and
    /// the workbook refuses them.
    @Test func sheetNamesHoldNoTabsOrLineBreaks() throws {
        #expect(SheetName.sanitized("a\tb\nc\r\nd\u{2028}e") == "a_b_c_d_e")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kam-tab-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "a\tb") }
        let sheet = try workbook.addWorksheet(named: "a\u{0B}b")
        #expect(sheet.name == "a\u{FFFD}b")
        try workbook.close()
    }

    /// Every call into libxlsxwriter that passes text does so through `withXMLSafeCString`; only
    /// the file's own path (not XML) uses a plain `withCString`. A new entry that forgets the
    /// replacement fails here rather than in a customer's workbook.
    @Test func everyTextEntryOfTheWrapperGoesThroughTheReplacement() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/XLSXWriter").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 5)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            for line in lines where line.contains(".withCString") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let allowed = line.contains("path.withCString") || line.contains("XMLSafeText.sanitized(self).withCString")
                #expect(allowed, "\(file.lastPathComponent): \(line)")
            }
        }
    }
}
