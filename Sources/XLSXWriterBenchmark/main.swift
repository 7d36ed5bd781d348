// Measures what the Swift wrapper costs over calling libxlsxwriter directly: the same N×M
// cells (numbers with a `#,##0.00` format alternating with strings with a bordered format)
// written once through `XLSXWriter` and once through raw `CXLSXWriter` calls, alternately,
// best of several runs. Both write in constant-memory mode and both include `workbook_close`
// (where zlib spends most of the time), and the write phase is also reported alone.
//
// usage: swift run -c release XLSXWriterBenchmark [ROWS] [COLUMNS] [RUNS]
import CXLSXWriter
import Foundation
import XLSXWriter

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = arguments.count > 0 ? arguments[0] : 200_000
let columns = arguments.count > 1 ? arguments[1] : 10
let runs = arguments.count > 2 ? arguments[2] : 3
let cells = rows * columns

/// Strings made before timing, so neither side pays for building them.
let names = (0..<1_000).map { "客户\($0) 华东化工有限公司" }
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kam-xlsx-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

/// (seconds writing cells, seconds in total including close).
typealias Timing = (write: Double, total: Double)

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func throughWrapper(_ path: String) throws -> Timing {
    let clock = ContinuousClock()
    let start = clock.now
    let workbook = try Workbook(path: path, constantMemory: true)
    let sheet = try workbook.addWorksheet(named: "数据")
    let money = CellStyle(numberFormat: "#,##0.00", border: true)
    let text = CellStyle(border: true)
    for r in 0..<rows {
        for c in 0..<columns {
            if c % 2 == 0 {
                try sheet.write(Double(r * columns + c) * 1.25, row: r, column: c, style: money)
            } else {
                try sheet.write(names[(r + c) % names.count], row: r, column: c, style: text)
            }
        }
    }
    let written = clock.now
    try workbook.close()
    let end = clock.now
    return (seconds(written - start), seconds(end - start))
}

struct RawFailure: Error { let what: String }

func raw(_ path: String) throws -> Timing {
    let clock = ContinuousClock()
    let start = clock.now
    var options = lxw_workbook_options()
    options.constant_memory = 1
    guard let workbook = path.withCString({ workbook_new_opt($0, &options) }),
          let sheet = "数据".withCString({ workbook_add_worksheet(workbook, $0) }),
          let money = workbook_add_format(workbook), let text = workbook_add_format(workbook)
    else { throw RawFailure(what: "setup") }
    format_set_num_format(money, "#,##0.00")
    format_set_border(money, UInt8(LXW_BORDER_THIN.rawValue))
    format_set_border(text, UInt8(LXW_BORDER_THIN.rawValue))
    for r in 0..<rows {
        for c in 0..<columns {
            let result: lxw_error
            if c % 2 == 0 {
                result = worksheet_write_number(sheet, lxw_row_t(r), lxw_col_t(c), Double(r * columns + c) * 1.25, money)
            } else {
                result = names[(r + c) % names.count].withCString {
                    worksheet_write_string(sheet, lxw_row_t(r), lxw_col_t(c), $0, text)
                }
            }
            if result != LXW_NO_ERROR { throw RawFailure(what: "write") }
        }
    }
    let written = clock.now
    guard workbook_close(workbook) == LXW_NO_ERROR else { throw RawFailure(what: "close") }
    let end = clock.now
    return (seconds(written - start), seconds(end - start))
}

var bestRaw: Timing = (.infinity, .infinity)
var bestWrapper: Timing = (.infinity, .infinity)
for run in 0..<runs {
    let r = try raw(directory.appendingPathComponent("raw\(run).xlsx").path)
    let w = try throughWrapper(directory.appendingPathComponent("wrapper\(run).xlsx").path)
    bestRaw = (min(bestRaw.write, r.write), min(bestRaw.total, r.total))
    bestWrapper = (min(bestWrapper.write, w.write), min(bestWrapper.total, w.total))
}

func rate(_ s: Double) -> String { "\(Int((Double(cells) / s / 1000).rounded()))k cells/s" }
func time(_ s: Double) -> String { String(format: "%.3f s", s) }
func percent(_ x: Double) -> String { "\(Int((100 * x).rounded()))%" }
print("\(rows) rows × \(columns) columns = \(cells) cells, best of \(runs)")
print("raw C    write \(time(bestRaw.write)) (\(rate(bestRaw.write))), with close \(time(bestRaw.total)) (\(rate(bestRaw.total)))")
print("wrapper  write \(time(bestWrapper.write)) (\(rate(bestWrapper.write))), with close \(time(bestWrapper.total)) (\(rate(bestWrapper.total)))")
print("wrapper / raw: \(percent(bestRaw.total / bestWrapper.total)) of raw cells/s with close, "
      + "\(percent(bestRaw.write / bestWrapper.write)) for the write phase alone")
