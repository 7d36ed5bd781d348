import KamPolicy

/// A date's three numbers as read, before `LocalDate` decides whether the day exists.
struct LocalDateValue {
    let year: Int
    let month: Int
    let day: Int

    var date: LocalDate? { LocalDate(year: year, month: month, day: day) }
}
