import Yams
import Foundation

/// A YAML node with the key path that led to it, so that every error can name the key.
struct ConfigNode {
    let node: Node
    let key: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, key: key, message: message)
    }

    private func child(_ n: Node, _ name: String) -> ConfigNode {
        ConfigNode(node: n, key: key.isEmpty ? name : "\(key).\(name)", file: file)
    }

    /// The mapping's entries by key; unknown or repeated keys are errors.
    func mapping(allowed: [String]) throws(ConfigError) -> [String: ConfigNode] {
        guard case .mapping(let m) = node else { throw error("must be a mapping (key: value)") }
        var result: [String: ConfigNode] = [:]
        for (k, v) in m {
            guard case .scalar(let ks) = k else { throw error("keys must be plain names") }
            let name = ks.string
            let entry = child(v, name)
            guard allowed.contains(name) else {
                throw ConfigError(file: file, line: k.mark?.line, key: entry.key,
                                  message: "unknown key; allowed here: \(allowed.joined(separator: ", "))")
            }
            guard result[name] == nil else {
                throw ConfigError(file: file, line: k.mark?.line, key: entry.key, message: "key given twice")
            }
            result[name] = entry
        }
        return result
    }

    /// A mapping with arbitrary keys (e.g. `columns`, `terms_factor`), in file order.
    func pairs() throws(ConfigError) -> [(String, ConfigNode)] {
        guard case .mapping(let m) = node else { throw error("must be a mapping (key: value)") }
        var seen: Set<String> = []
        var result: [(String, ConfigNode)] = []
        for (k, v) in m {
            guard case .scalar(let ks) = k else { throw error("keys must be plain values") }
            guard seen.insert(ks.string).inserted else {
                throw ConfigError(file: file, line: k.mark?.line, key: "\(key).\(ks.string)", message: "key given twice")
            }
            result.append((ks.string, child(v, ks.string)))
        }
        return result
    }

    func sequence() throws(ConfigError) -> [ConfigNode] {
        guard case .sequence(let s) = node else { throw error("must be a list") }
        return s.enumerated().map { i, n in ConfigNode(node: n, key: "\(key)[\(i)]", file: file) }
    }

    var scalar: Node.Scalar? {
        if case .scalar(let s) = node { return s }
        return nil
    }

    func string() throws(ConfigError) -> String {
        guard let s = scalar else { throw error("must be a single value, not a list or mapping") }
        return s.string
    }

    func int(in range: ClosedRange<Int>? = nil) throws(ConfigError) -> Int {
        let text = try string()
        guard let v = Int(text) else { throw error("must be a whole number, got `\(text)`") }
        if let range, !range.contains(v) {
            throw error("must be between \(range.lowerBound) and \(range.upperBound), got \(v)")
        }
        return v
    }

    func double(in range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double {
        let text = try string()
        guard let v = Double(text), v.isFinite else { throw error("must be a number, got `\(text)`") }
        if let range, !range.contains(v) {
            throw error("must be between \(range.lowerBound) and \(range.upperBound), got \(text)")
        }
        return v
    }

    func bool() throws(ConfigError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("must be true or false")
        }
    }

    /// A non-negative decimal with at most `places` decimals, as an integer in units of
    /// 10^-places: yuan → fen (places 2), a factor → hundredths. No binary floating point.
    func decimal(places: Int) throws(ConfigError) -> Int64 {
        let text = try string()
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              parts.count == 1 || (1...places).contains(parts[1].count) || parts[1].allSatisfy({ $0 == "0" }),
              let whole = Int64(parts[0]), whole < Int64.max / 1_000_000 else {
            throw error("must be a non-negative number with at most \(places) decimals, got `\(text)`")
        }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1].prefix(places)).padding(toLength: places, withPad: "0", startingAt: 0)
            fraction = Int64(digits) ?? 0
        }
        return whole * scale + fraction
    }
}
