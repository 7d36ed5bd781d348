/// SPEC §10: 5 failed logins for a name within 15 minutes lock it for 15 minutes — counted per
/// name (not per address, which a proxy or an office NAT shares), in the store, so a restart of
/// `kam serve` does not reset it.
enum LoginThrottle {
    static let failures = 5
    static let window: Int64 = 15 * 60
    static let lock: Int64 = 15 * 60

    /// When the lock on a name ends, or nil when it is not locked at `now`. `recent` are the
    /// name's failure times, newest first.
    static func lockedUntil(recent: [Int64], now: Int64) -> Int64? {
        guard recent.count >= failures else { return nil }
        // Any run of 5 failures within 15 minutes locks for 15 minutes from its 5th.
        for i in 0...(recent.count - failures) {
            let fifth = recent[i], first = recent[i + failures - 1]
            if fifth - first <= window, now < fifth + lock { return fifth + lock }
        }
        return nil
    }
}
