/// 付款方式 and its limit factor (SPEC §4.2, §8 Credit).
public enum PaymentTerms {
    /// The terms on the latest receivables snapshot with quarter end ≤ B that lists the customer,
    /// trimmed; nil when no such snapshot lists it.
    public static func at(basisMonth: YearMonth, customer: String, receivables: [Period: [String: ReceivableRecord]]) -> String? {
        let candidates = receivables.keys.filter { $0.lastMonth <= basisMonth }.sorted { $0.lastMonth > $1.lastMonth }
        for quarter in candidates {
            if let record = receivables[quarter]?[customer] { return record.paymentTerms.trimmedSpaces }
        }
        return nil
    }

    /// The factor in hundredths; unknown, empty or absent terms use 1.0 (100).
    public static func factorHundredths(_ terms: String?, settings: CreditSettings) -> Int64 {
        guard let terms = terms?.trimmedSpaces, !terms.isEmpty else { return 100 }
        if let f = settings.termsFactorHundredths[terms] { return f }
        return settings.termsFactorHundredths.first { $0.key.trimmedSpaces == terms }?.value ?? 100
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (ASCII and the ideographic space).
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
