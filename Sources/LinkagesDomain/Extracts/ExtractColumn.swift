/// The canonical columns of a program extract (docs/import-formats.md). A file whose header uses
/// these names needs no mapping; other headers are mapped onto them.
public enum ExtractColumn: String, CaseIterable, Sendable {
    // Both programs
    case personId = "person_id"
    case caseNumber = "case_number"
    case cin
    case ssn
    case firstName = "first_name"
    case middleName = "middle_name"
    case lastName = "last_name"
    case dob
    case sex
    case street
    case city
    case zip
    case phone
    case relationship
    // CalWORKs
    case programStatus = "program_status"
    case components
    case aidBegin = "aid_begin"
    case aidEnd = "aid_end"
    case welfareToWorkStatus = "wtw_status"
    // Child Welfare
    case referralId = "referral_id"
    case serviceComponent = "service_component"
    case referralDate = "referral_date"
    case role
    /// Whether the component is still open: how an extract says a referral or case ended.
    case serviceStatus = "service_status"
    case serviceEnd = "service_end"

    static let shared: [ExtractColumn] = [
        .personId, .caseNumber, .cin, .ssn, .firstName, .middleName, .lastName, .dob, .sex, .street, .city, .zip,
        .phone, .relationship,
    ]

    /// The columns an extract from `program` may have, in the documented order.
    public static func columns(for program: Program) -> [ExtractColumn] {
        switch program {
        case .calworks: return shared + [.programStatus, .components, .aidBegin, .aidEnd, .welfareToWorkStatus]
        case .childWelfare: return shared + [.referralId, .serviceComponent, .referralDate, .role, .serviceStatus, .serviceEnd]
        }
    }
}
