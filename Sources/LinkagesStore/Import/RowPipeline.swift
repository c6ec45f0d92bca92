import Foundation
import LinkagesCSV
import LinkagesDomain
import LinkagesMatching

/// A person read from a row, with what the writer needs worked out beforehand on the reading
/// thread, so that the writing thread does little but write.
struct PreparedPerson: Sendable {
    var person: ExtractPerson
    /// The person's terms in the lookup's name index.
    var lookupTerms: String
    /// "Last, First": the family's name when this person starts or names a household's family
    /// (empty otherwise).
    var familyName: String
    /// The date of birth as stored.
    var dateOfBirth: String?
    /// The household and person the row belongs to, and what it changes there.
    var placement: RowPlacement
    /// The row's line in the file.
    var line: Int

    init(_ person: ExtractPerson, placement: RowPlacement, line: Int) {
        self.person = person
        self.placement = placement
        self.line = line
        lookupTerms = LookupTerms.terms(first: person.firstName, middle: person.middleName ?? "", last: person.lastName)
        familyName = placement.opensHousehold || placement.namesFamily
            ? (person.lastName.isEmpty || person.firstName.isEmpty ? person.lastName + person.firstName
                : person.lastName + ", " + person.firstName)
            : ""
        dateOfBirth = person.dateOfBirth?.iso
    }
}

/// The reading thread's ``RowPlacer``, in a box only that thread changes, so that its maps
/// change in place instead of being copied.
private final class PlacerBox: @unchecked Sendable {
    var placer: RowPlacer

    init(_ placer: consuming RowPlacer) {
        self.placer = placer
    }
}

/// Reads and checks an extract's rows on a second thread while the import writes the previous
/// batch: on two cores the reading and the writing overlap.
final class RowPipeline: @unchecked Sendable {
    /// A row read and checked: a person to write, or what is wrong with it.
    enum Item: Sendable {
        case person(PreparedPerson)
        case problems(line: Int, [ExtractFieldError])
        case wrongWidth(line: Int, fields: Int)
        /// A row of empty cells, as spreadsheets leave below the data (`,,,,`).
        case emptyRow(line: Int)
    }

    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity = 8
    /// The share of the file read, for the progress bar.
    private(set) var fractionRead = 0.0

    /// Starts reading `reader` from its second record (the header has been read), placing each
    /// row's person with `placer`.
    init(reader: CSVReader, columns: [ExtractColumn: Int], program: Program, headerWidth: Int, placer: consuming RowPlacer,
         batchSize: Int = 2_000) {
        // A re-import's maps hold every stored person: handed over, never copied.
        let placing = PlacerBox(consume placer)
        // The reader is handed over: from here on only the reading thread touches it.
        nonisolated(unsafe) let reader = reader
        let positions = ColumnPositions(columns)
        Thread.detachNewThread { [self] in
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do {
                while let record = try reader.next() {
                    batch.append(Self.item(record, columns: positions, program: program, headerWidth: headerWidth, placer: &placing.placer))
                    if batch.count == batchSize {
                        guard put(batch, fraction: reader.fractionRead) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                _ = put(batch, fraction: 1)
                finish(nil)
            } catch {
                finish(error)
            }
        }
    }

    static func item(_ record: CSVRecord, columns: ColumnPositions, program: Program, headerWidth: Int,
                     placer: inout RowPlacer) -> Item {
        let fields = record.fields
        if fields.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { return .emptyRow(line: record.line) }
        guard fields.count == headerWidth else { return .wrongWidth(line: record.line, fields: fields.count) }
        let value = { (column: ExtractColumn) in columns.value(column, in: fields) }
        var damage: [ExtractFieldError] = []
        if placer.knowsZeroPaddedIds {
            let caseNumber = value(.caseNumber).trimmingCharacters(in: .whitespaces)
            damage = placer.spreadsheetDamage(
                personId: value(.personId).trimmingCharacters(in: .whitespaces),
                householdKey: caseNumber.isEmpty ? value(.referralId).trimmingCharacters(in: .whitespaces) : caseNumber,
                householdColumn: caseNumber.isEmpty && program == .childWelfare ? .referralId : .caseNumber)
        }
        switch ExtractRowReader.read(value, program: program) {
        case .person(var person) where damage.isEmpty:
            placer.locate(&person)
            let placement = placer.place(&person)
            return .person(PreparedPerson(person, placement: placement, line: record.line))
        case .person: return .problems(line: record.line, damage)
        case .problems(let problems): return .problems(line: record.line, damage + problems)
        }
    }

    private func put(_ batch: [Item], fraction: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        fractionRead = fraction
        condition.broadcast()
        return true
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch of rows, nil at the end; throws what stopped the reading (a malformed record).
    func next() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reading thread early (the import failed).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
