import Foundation

/// The plain `local@domain` address check of config and MIME headers. Deliberately narrower
/// than RFC 5322 (no quoted local parts, no comments): an address kam writes into a header
/// must not be able to carry a line break, an angle bracket or a second address.
public enum MailAddress {
    static let localSpecials = Set("!#$%&'*+-/=?^_`{|}~.")

    /// True for `local@domain` with an ASCII local part and a dotted-or-single-label hostname.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 253,
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        guard local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || localSpecials.contains($0)) }) else { return false }
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        }
        return true
    }

    /// The address inside `Name <addr>`, or the text itself when it is a bare address.
    public static func address(in text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(text[text.index(after: open)..<close])
    }
}
