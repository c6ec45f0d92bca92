/// Where each canonical column sits in a file's rows, found by array index rather than by
/// hashing: an import asks for about twenty columns of every row, and a column's hash is its
/// name's (the enum's raw value), which took a tenth of the reading thread's time.
public struct ColumnPositions: Sendable {
    /// The field index of each column, by the column's place in `ExtractColumn.allCases`; -1
    /// when the file does not have it.
    private var fieldIndex: [Int]

    public init(_ positions: [ExtractColumn: Int]) {
        fieldIndex = Array(repeating: -1, count: ExtractColumn.allCases.count)
        for (column, field) in positions { fieldIndex[column.ordinal] = field }
    }

    /// The column's value in a row's fields; empty when the file does not have the column.
    public func value(_ column: ExtractColumn, in fields: [String]) -> String {
        let index = fieldIndex[column.ordinal]
        return index >= 0 && index < fields.count ? fields[index] : ""
    }
}

extension ExtractColumn {
    /// The column's place in `allCases` (declaration order).
    var ordinal: Int {
        switch self {
        case .personId: 0
        case .caseNumber: 1
        case .cin: 2
        case .ssn: 3
        case .firstName: 4
        case .middleName: 5
        case .lastName: 6
        case .dob: 7
        case .sex: 8
        case .street: 9
        case .city: 10
        case .zip: 11
        case .phone: 12
        case .relationship: 13
        case .programStatus: 14
        case .components: 15
        case .aidBegin: 16
        case .aidEnd: 17
        case .welfareToWorkStatus: 18
        case .referralId: 19
        case .serviceComponent: 20
        case .referralDate: 21
        case .role: 22
        case .serviceStatus: 23
        case .serviceEnd: 24
        }
    }
}
