import LinkagesDomain

/// Text badges for programs and tiers, so meaning never depends on colour.
enum Badges {
    static func program(_ program: Program) -> TableCell {
        TableCell(program.badge, program == .calworks ? .calworks : .childWelfare)
    }

    static func sources(_ sources: [RecordSource]) -> String {
        sources.map { $0.program?.badge ?? "[INT]" }.joined(separator: " ")
    }

    static func tierStyle(_ tier: LinkagesTier?) -> Style {
        switch tier {
        case .mutualClient: return .warning
        case .earlyIntervention: return Style(bold: true, color: .accent)
        case .primaryPrevention: return .good
        case nil: return .muted
        }
    }
}
