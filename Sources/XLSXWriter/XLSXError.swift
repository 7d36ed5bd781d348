internal import CXLSXWriter

/// A libxlsxwriter call that failed, with the call's name and the library's own message.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32
    public let message: String

    public var description: String { "\(operation) failed: \(message) (lxw_error \(code))" }

    /// A call on a workbook, sheet or chart after the workbook was closed (its memory is freed).
    public static let closedCode: Int32 = -2

    static func closed(_ what: String, path: String) -> XLSXError {
        XLSXError(operation: "\(what) of \(path)", code: closedCode,
                  message: "the workbook was already closed (written or abandoned): nothing more can be written to it")
    }
}

/// The one place every `lxw_error` is checked.
func check(_ result: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXError) {
    guard result != LXW_NO_ERROR else { return }
    let text = lxw_strerror(result).map { String(cString: $0) } ?? "unknown error"
    throw XLSXError(operation: operation(), code: Int32(bitPattern: result.rawValue), message: text)
}
