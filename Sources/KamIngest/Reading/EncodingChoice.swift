/// How a subsidiary's files are decoded (config `encoding`): detected, or forced for an ERP
/// whose output detection gets wrong. A UTF-8 BOM always wins.
public enum EncodingChoice: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030
}

/// The encoding a file was actually read with; recorded in its receipt.
public enum DetectedEncoding: String, Sendable {
    case utf8BOM = "utf-8-bom"
    case utf8 = "utf-8"
    case gb18030
}
