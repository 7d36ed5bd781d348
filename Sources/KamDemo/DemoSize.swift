import KamPolicy

/// How big a demo workspace is. The defaults make a workspace that runs in seconds; the
/// benchmarks raise them.
public struct DemoSize: Sendable {
    /// Customers per subsidiary.
    public var customers: Int
    /// Average sales lines per active customer and month.
    public var linesPerCustomerMonth: Int
    /// The last month with data; 27 months up to it are generated.
    public var through: YearMonth
    public var months: Int
    /// Subsidiaries, split between the two lines: the four hand-styled ones first, then more
    /// in the same four ERP styles in turn (the group-scale benchmark uses 20).
    public var subsidiaries: Int

    public init(customers: Int = 60, linesPerCustomerMonth: Int = 3, through: YearMonth = YearMonth(year: 2026, month: 10),
                months: Int = 27, subsidiaries: Int = 4) {
        self.customers = customers
        self.subsidiaries = subsidiaries
        self.linesPerCustomerMonth = linesPerCustomerMonth
        self.through = through
        self.months = months
    }
}
