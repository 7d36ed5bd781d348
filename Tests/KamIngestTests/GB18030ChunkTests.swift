import Foundation
import Testing
@testable import KamIngest

/// GB18030 text is converted chunk by chunk into the scanner's window. Whatever room the window
/// has left — even less than one character — the conversion must go on and lose nothing: a
/// regression test for a hang on 5–6 KB GB18030 customer files (the window's last few bytes).
@Suite struct GB18030ChunkTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    @Test func everyFileSizeAroundTheWindowReadsWhole() throws {
        // Sizes step by one byte (an ASCII pad) across the scanner's first window sizes, with
        // two-byte Chinese text that grows by half when converted to UTF-8.
        for rows in [60, 130] {
            var base = "客户编码,客户名称,行业,区域,地址\r\n"
            for i in 0..<rows { base += "C\(i),华南化工客户\(i)有限公司,化工,广东,广州市天河区某路\(i)号\r\n" }
            for pad in 0..<160 {
                let text = base + "CX,末行客户\(String(repeating: "x", count: pad)),化工,广东,地址\r\n"
                guard let data = text.data(using: Self.gb18030) else { Issue.record("cannot encode"); return }
                let file = CustomersFile.read([UInt8](data), settings: ReadSettings())
                #expect(file.check.encoding == .gb18030)
                #expect(file.records.count == rows + 1, "\(data.count) bytes")
                #expect(file.records.last?.customerID == "CX")
            }
        }
    }
}
