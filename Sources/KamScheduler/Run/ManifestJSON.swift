import Foundation

/// The manifest's bytes, exactly as `JSONEncoder` with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes` writes them (two-space indent, `"key" : value`, keys in code-point
/// order, an empty list as `[`, a blank line, `]`), written directly.
///
/// Why by hand: a period's manifest is rewritten after each of its deliveries, and a quarter's
/// lists every input of every workbook (950 KB at group scale), so a cold run encodes ≈ 50 MB of
/// it; `JSONEncoder` was a third of the manifest's cost and 15% of a run with nothing new
/// (BENCHMARKS.md, 2026-12-04 night). `ManifestJSONTests` holds it to `JSONEncoder`'s bytes.
enum ManifestJSON {
    static func encode(period: String, workbooks: [ManifestWriter.Entry], retired: [ManifestWriter.Entry]?) -> Data {
        encode(period: period, workbooks: workbooks.map(entryBytes), retired: retired?.map(entryBytes))
    }

    /// The same, from each workbook's object already encoded (`entryBytes`): a run rewrites a
    /// period's manifest after each delivery, and all its other entries are what they were.
    static func encode(period: String, workbooks: [[UInt8]], retired: [[UInt8]]?) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(4096 + workbooks.reduce(0) { $0 + $1.count + 8 })
        out += Array("{\n  \"period\" : ".utf8)
        string(period, into: &out)
        if let retired {
            out += Array(",\n  \"retired\" : ".utf8)
            list(retired, indent: 2, into: &out)
        }
        out += Array(",\n  \"workbooks\" : ".utf8)
        list(workbooks, indent: 2, into: &out)
        out += Array("\n}".utf8)
        return Data(out)
    }

    /// One workbook's object as either list holds it (two levels in: four spaces).
    static func entryBytes(_ e: ManifestWriter.Entry) -> [UInt8] {
        var out: [UInt8] = []
        entry(e, indent: entryIndent, into: &out)
        return out
    }

    private static let entryIndent = 4

    private static func list(_ entries: [[UInt8]], indent: Int, into out: inout [UInt8]) {
        array(entries.count, indent: indent, into: &out) { i, inner, out in
            assert(inner == entryIndent)
            out += entries[i]
        }
    }

    /// `[` … `]` around `count` items, each written by `item` at the inner indent.
    private static func array(_ count: Int, indent: Int, into out: inout [UInt8],
                              _ item: (Int, Int, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        out.append(0x0A)
        if count == 0 {
            out.append(0x0A)
        } else {
            for i in 0..<count {
                if i > 0 { out += [UInt8(ascii: ","), 0x0A] }
                spaces(indent + 2, into: &out)
                item(i, indent + 2, &out)
            }
            out.append(0x0A)
        }
        spaces(indent, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    private static func entry(_ e: ManifestWriter.Entry, indent: Int, into out: inout [UInt8]) {
        object(indent: indent, into: &out) { key, out in
            key("inputs", &out)
            array(e.inputs.count, indent: indent + 2, into: &out) { i, inner, out in input(e.inputs[i], indent: inner, into: &out) }
            key("job", &out); string(e.job, into: &out)
            key("owner", &out); string(e.owner, into: &out)
            key("path", &out); string(e.path, into: &out)
            key("reason", &out); string(e.reason, into: &out)
            key("revision", &out); out += Array(String(e.revision).utf8)
            key("sha256", &out); string(e.sha256, into: &out)
        }
    }

    private static func input(_ i: ManifestWriter.Input, indent: Int, into out: inout [UInt8]) {
        object(indent: indent, into: &out) { key, out in
            key("file", &out); string(i.file, into: &out)
            key("receivedAt", &out); out += Array(String(i.receivedAt).utf8)
            key("sha256", &out); string(i.sha256, into: &out)
            key("subsidiary", &out); string(i.subsidiary, into: &out)
        }
    }

    /// `{` … `}`; `fields` names each key through the function it is given (in sorted order),
    /// which writes the separator and indent before it.
    private static func object(indent: Int, into out: inout [UInt8],
                               _ fields: ((String, inout [UInt8]) -> Void, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "{"))
        var first = true
        fields({ name, out in
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(0x0A)
            spaces(indent + 2, into: &out)
            string(name, into: &out)
            out += [0x20, UInt8(ascii: ":"), 0x20]
        }, &out)
        out.append(0x0A)
        spaces(indent, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func spaces(_ n: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: n))
    }

    /// JSONEncoder's escaping: `"` and `\`, the five short forms, other control characters as
    /// `\u00xx` (lower-case hex); everything else, `/` and non-ASCII included, as it is.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
