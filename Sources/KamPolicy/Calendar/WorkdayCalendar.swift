/// Which days are working days, for the optional shift of deadlines (config `shift_to_workday`).
/// China moves weekends around public holidays (调休), so a listed workday wins over the weekend.
public struct WorkdayCalendar: Sendable, Equatable {
    public var shiftToWorkday: Bool
    public var holidays: Set<LocalDate>
    public var workdays: Set<LocalDate>

    public init(shiftToWorkday: Bool = false, holidays: Set<LocalDate> = [], workdays: Set<LocalDate> = []) {
        self.shiftToWorkday = shiftToWorkday
        self.holidays = holidays
        self.workdays = workdays
    }

    public func isWorkingDay(_ d: LocalDate) -> Bool {
        if workdays.contains(d) { return true }
        if holidays.contains(d) { return false }
        return d.weekday <= 5
    }

    /// The deadline as it applies: the date itself, or with the shift on, the first working day
    /// on or after it.
    public func deadline(for d: LocalDate) -> LocalDate {
        guard shiftToWorkday else { return d }
        var day = d
        // A year of consecutive holidays is a config error, not a reason to loop forever.
        var steps = 0
        while !isWorkingDay(day) && steps < 366 {
            day = day.adding(days: 1)
            steps += 1
        }
        return day
    }
}
