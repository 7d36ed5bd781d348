/// How often a business line reports: the chemical line quarterly, the pharma line monthly.
public enum Cadence: String, Sendable, CaseIterable {
    case monthly
    case quarterly

    /// The period a report firing in `fireMonth` covers: the previous month or quarter.
    public func reportedPeriod(firingIn fireMonth: YearMonth) -> Period {
        let previousMonth = fireMonth.adding(months: -1)
        switch self {
        case .monthly: return .month(previousMonth)
        case .quarterly: return Period.quarter(containing: previousMonth)
        }
    }
}
