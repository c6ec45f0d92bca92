import LinkagesDomain
import PropertyBased
import PropertyTesting
import Testing

@Suite("Task hours as workers type them")
struct TaskTimeTests {
    func parsed(_ text: String) -> TaskTime? { try? TaskTime.parse(text).get() }

    @Test("weekdays, ranges, dates and 12-hour clocks read; the canonical form is the same every time",
          arguments: [
              ("Mon-Fri 9:00-12:00", "Mon-Fri 9:00-12:00"),
              ("mon wed fri 9-12", "Mon,Wed,Fri 9:00-12:00"),
              ("Tue,Thu 1pm-3:30pm", "Tue,Thu 13:00-15:30"),
              ("monday-wednesday,sat 8:30-9:15", "Mon-Wed,Sat 8:30-9:15"),
              ("12/03/2026 10:00-11:30", "12/03/2026 10:00-11:30"),
              ("2026-12-03 12am-12pm", "12/03/2026 0:00-12:00"),
          ])
    func reads(_ typed: String, _ canonical: String) {
        #expect(parsed(typed)?.description == canonical)
    }

    @Test("what cannot be read is said in one sentence naming the part that is wrong")
    func refuses() {
        #expect(TaskTime.parse("9:00-12:00") == .failure(.shape))
        #expect(TaskTime.parse("Mon-Fri 9-25") == .failure(.hours("9-25")))
        #expect(TaskTime.parse("Mon-Fri 9:5-10") == .failure(.hours("9:5-10")))
        #expect(TaskTime.parse("Funday 9-10") == .failure(.days("Funday")))
        #expect(TaskTime.parse("Fri-Mon 9-10") == .failure(.days("Fri-Mon")))
        #expect(TaskTime.parse("02/30/2026 9-10") == .failure(.days("02/30/2026")))
        #expect(TaskTime.parse("Mon 12:00-9:00") == .failure(.backwards))
        #expect(TaskTime.parse("Mon 13pm-14pm") == .failure(.hours("13pm-14pm")))
        #expect(TaskTimeError.days("Funday").description.contains("“Funday”"))
    }

    @Test("any weekly or one-day time written out reads back the same")
    func roundTrip() {
        forAll(Gen.int(in: 0...Int(Int32.max))) { seed in
            let mask = seed % 127 + 1
            let days = Set(Weekday.allCases.filter { mask & (1 << ($0.rawValue - 1)) != 0 })
            let start = (seed / 127) % 1439
            let end = start + 1 + (seed / 7) % (1439 - start)
            let kind: TaskTime.Days = seed % 5 == 0 ? .once(CalendarDate(dayNumber: 739_000 + seed % 3_000)) : .weekly(days)
            guard let time = TaskTime(days: kind, start: ClockTime(hour: start / 60, minute: start % 60)!,
                                      end: ClockTime(hour: end / 60, minute: end % 60)!) else {
                Issue.record("a valid time was refused")
                return
            }
            #expect(TaskTime.parse(time.description) == .success(time))
        }
    }
}
