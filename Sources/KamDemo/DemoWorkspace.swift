import Foundation
import KamPolicy

/// `kam demo DIR`: a ready workspace — config, drop folders for two business lines with two
/// subsidiaries each, and 27 months of deterministic synthetic drops of every kind, written
/// the way four different ERPs write them.
public struct DemoWorkspace {
    public let root: URL
    public let size: DemoSize

    public init(root: URL, size: DemoSize = DemoSize()) {
        self.root = root
        self.size = size
    }

    static let subsidiaries = [
        DemoSubsidiary(code: "HG01", name: "华东化工有限公司", line: "chem", style: .plainUTF8, quarterlySalesFiles: true, seed: 11),
        DemoSubsidiary(code: "HG02", name: "华南化工有限公司", line: "chem", style: .excelGB18030, quarterlySalesFiles: false, seed: 12),
        DemoSubsidiary(code: "YY01", name: "华北医药有限公司", line: "pharma", style: .bomCRLF, quarterlySalesFiles: false, seed: 21),
        DemoSubsidiary(code: "YY02", name: "西南医药有限公司", line: "pharma", style: .customColumns, quarterlySalesFiles: false, seed: 22),
    ]

    /// The first four, then more in the same styles, alternating lines, up to `size.subsidiaries`.
    var subsidiaries: [DemoSubsidiary] {
        let base = Self.subsidiaries
        guard size.subsidiaries > base.count else { return Array(base.prefix(max(size.subsidiaries, 1))) }
        var result = base
        let cities = ["江苏", "浙江", "山东", "河南", "湖北", "湖南", "广西", "福建", "安徽", "江西", "四川", "重庆",
                      "陕西", "山西", "河北", "辽宁", "吉林", "云南", "贵州", "甘肃"]
        for i in base.count..<size.subsidiaries {
            let model = base[i % base.count]
            let number = result.filter { $0.line == model.line }.count + 1
            let prefix = model.line == "chem" ? "HG" : "YY"
            let code = prefix + (number < 10 ? "0\(number)" : "\(number)")
            let kind = model.line == "chem" ? "化工" : "医药"
            result.append(DemoSubsidiary(code: code, name: "\(cities[i % cities.count])\(kind)有限公司", line: model.line,
                                         style: model.style, quarterlySalesFiles: model.quarterlySalesFiles,
                                         seed: model.seed + UInt64(100 * i)))
        }
        return result
    }

    public var configPath: URL { root.appendingPathComponent("config/kam.yaml") }

    /// Writes the workspace. Existing drop files of the same names are replaced.
    public func create() throws {
        let fm = FileManager.default
        for folder in ["config", "drop", "reports", "var"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o750])
        }
        try Data(config.utf8).write(to: configPath)
        let first = size.through.adding(months: -(size.months - 1))
        for sub in subsidiaries {
            let folder = root.appendingPathComponent("drop/\(sub.code)")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            var generator = DemoDrops(subsidiary: sub, size: size, firstMonth: first)
            for file in generator.files() {
                let url = folder.appendingPathComponent(file.name)
                try Data(sub.encode(file.text)).write(to: url)
                try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(file.receivedUnix))],
                                     ofItemAtPath: url.path)
            }
        }
    }

    /// Config lines for subsidiaries beyond the first four.
    var extraSubsidiaries: String {
        subsidiaries.dropFirst(Self.subsidiaries.count).map { sub in
            let columns = sub.style == .customColumns ? ", columns: {amount: 含税金额}" : ""
            return "  - {code: \(sub.code), name: \(sub.name), line: \(sub.line)\(columns)}\n"
        }.joined()
    }

    var config: String {
        """
        # kam demo workspace: two business lines, two subsidiaries each.
        # Every key not given here takes the default of SPEC §7; see config/kam.yaml in the
        # kam repository for the fully commented example.
        timezone: Asia/Shanghai
        run_at: "07:00"
        since: 2025-01
        paths: {drop: ../drop, reports: ../reports, data: ../var}
        business_lines:
          - {code: chem, name: 化工, cadence: quarterly}
          - {code: pharma, name: 医药, cadence: monthly}
        subsidiaries:
          - {code: HG01, name: 华东化工有限公司, line: chem}
          # Excel on Chinese Windows: GB18030, Chinese headers, detected automatically.
          - {code: HG02, name: 华南化工有限公司, line: chem, encoding: auto}
          # UTF-8 with BOM and CRLF.
          - {code: YY01, name: 华北医药有限公司, line: pharma}
          # An ERP that calls the amount column 含税金额 and writes no cost.
          - {code: YY02, name: 西南医药有限公司, line: pharma, columns: {amount: 含税金额}}
        \(extraSubsidiaries)
        """
    }
}
