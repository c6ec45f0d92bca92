extension CalendarDate {
    /// The date `count` working days after this one: weekends and the given holidays do not
    /// count, and the day itself is not the first working day.
    ///
    /// Counties observe different holidays; none are built in.
    public func adding(workingDays count: Int, holidays: Set<CalendarDate> = []) -> CalendarDate {
        var date = self
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            if !date.isWeekend && !holidays.contains(date) { remaining -= 1 }
        }
        return date
    }
}
