import LinkagesDomain

extension WelfareToWorkStatus {
    /// A generated parent's Welfare-to-Work standing, read off the case number's digits so that
    /// it draws nothing from the random stream (the rest of the generated county stays as it
    /// was): about one case in ten is in sanction, one in ten in non-compliance.
    static func demo(ofCase caseNumber: String) -> WelfareToWorkStatus {
        let digits = caseNumber.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.map { Int($0) - 0x30 }
        switch digits.reduce(0, { ($0 * 7 + $1) % 100 }) {
        case 0..<10: return .sanction
        case 10..<20: return .nonCompliance
        case 20..<24: return .curingSanction
        case 24..<34: return .exempt
        default: return .registered
        }
    }
}
