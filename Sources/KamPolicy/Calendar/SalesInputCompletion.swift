/// When a period's sales input became complete (SPEC §8 "Visits and submissions"): a quarter of a
/// subsidiary that sends month files is the set of its months' files, so it arrived only when its
/// last missing month did. Judging the quarter by one month's time would call a quarter on time
/// whose September came after the deadline.
public enum SalesInputCompletion {
    /// The latest of the months' first-seen times, or nil while any month has none. `firstSeen(m)`
    /// is when the first accepted file covering month m (a month file or a quarter file) was
    /// received; rejected files do not count. With one quarter file every month has its time.
    public static func completedAt<Time: Comparable>(months: [YearMonth], firstSeen: (YearMonth) -> Time?) -> Time? {
        var latest: Time?
        for month in months {
            guard let seen = firstSeen(month) else { return nil }
            if latest.map({ seen > $0 }) ?? true { latest = seen }
        }
        return latest
    }
}
