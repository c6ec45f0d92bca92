import LinkagesDomain

/// A place the focus can be on the intake form.
public enum FormField: Hashable, Sendable {
    case question(String)
    case member(Int, MemberField)
    case addMember
    case finish

    /// How the draft remembers the focus.
    var key: String {
        switch self {
        case .question(let id): return "question:\(id)"
        case .member(let index, let field): return field.key(index)
        case .addMember: return "addMember"
        case .finish: return "finish"
        }
    }

    init?(key: String) {
        if key.hasPrefix("question:") {
            self = .question(String(key.dropFirst("question:".count)))
        } else if key == "addMember" {
            self = .addMember
        } else if key == "finish" {
            self = .finish
        } else {
            let parts = key.split(separator: ".")
            guard parts.count == 3, parts[0] == "member", let index = Int(parts[1]),
                  let field = MemberField(rawValue: String(parts[2])) else { return nil }
            self = .member(index, field)
        }
    }

    /// The key validation problems are filed under.
    var problemKey: String {
        switch self {
        case .question(let id): return id
        case .member(let index, let field): return field.key(index)
        case .addMember, .finish: return ""
        }
    }
}

/// The sections and fields of the form, built from the question bank and the draft.
struct FormLayout {
    let bank: QuestionBank

    /// The bank's sections, then the outcome.
    var sectionCount: Int { bank.sections.count + 1 }
    var outcomeIndex: Int { bank.sections.count }

    func title(of section: Int) -> String {
        section == outcomeIndex ? "Outcome" : bank.sections[section].shortTitle
    }

    func fields(in section: Int, draft: IntakeDraft) -> [FormField] {
        guard section < bank.sections.count else { return [.finish] }
        let bankSection = bank.sections[section]
        var fields: [FormField] = []
        if bankSection.includesMembers == true {
            for index in draft.members.indices {
                fields += MemberField.allCases.map { .member(index, $0) }
            }
            fields.append(.addMember)
        }
        return fields + bankSection.questions.map { .question($0.id) }
    }

    func section(of field: FormField, draft: IntakeDraft) -> Int? {
        (0..<sectionCount).first { fields(in: $0, draft: draft).contains(field) }
    }

    /// The field `delta` steps from `field`, moving into the next or previous section at the ends.
    func field(from field: FormField, by delta: Int, draft: IntakeDraft) -> (section: Int, field: FormField) {
        var flat: [(Int, FormField)] = []
        for section in 0..<sectionCount {
            flat += fields(in: section, draft: draft).map { (section, $0) }
        }
        let index = flat.firstIndex { $0.1 == field } ?? 0
        let target = min(max(0, index + delta), flat.count - 1)
        return flat[target]
    }

    func question(_ field: FormField) -> Question? {
        if case .question(let id) = field { return bank.question(id) }
        return nil
    }

    /// What kind of input a field takes.
    func kind(of field: FormField) -> QuestionKind? {
        switch field {
        case .question(let id): return bank.question(id)?.kind
        case .member(_, .relationship), .member(_, .sex): return .choice
        case .member(_, .dateOfBirth): return .date
        case .member: return .text
        case .addMember, .finish: return nil
        }
    }

    func choices(for field: FormField) -> [Choice] {
        switch field {
        case .question(let id):
            return bank.question(id).map(bank.choices(for:)) ?? []
        case .member(_, .relationship):
            return bank.relationships.map { Choice(id: $0.rawValue, label: $0.displayName) }
        case .member(_, .sex):
            return bank.sexes.map { Choice(id: $0.rawValue, label: $0.rawValue.capitalizedFirst) }
        default:
            return []
        }
    }

    /// How complete a section is, for the section list.
    func mark(of section: Int, draft: IntakeDraft, problems: [FieldProblem]) -> String {
        guard section < bank.sections.count else { return "" }
        let keys = Set(fields(in: section, draft: draft).map(\.problemKey))
        if problems.contains(where: { keys.contains($0.fieldKey) }) { return "!" }
        let bankSection = bank.sections[section]
        var required = bankSection.questions.filter { !$0.isOptional }.map { !(draft.answers[$0.id] ?? "").isBlank }
        if bankSection.includesMembers == true {
            required.append(draft.members.contains { !$0.firstName.isBlank && !$0.lastName.isBlank })
        }
        let answered = required.filter { $0 }.count
        if answered == required.count { return "✓" }
        return answered == 0 ? "·" : "\(answered)/\(required.count)"
    }
}


extension IntakeDraft {
    /// The text or choice a field holds.
    func value(of field: FormField) -> String {
        switch field {
        case .question(let id): return answers[id] ?? ""
        case .member(let index, let memberField):
            guard members.indices.contains(index) else { return "" }
            let member = members[index]
            switch memberField {
            case .firstName: return member.firstName
            case .lastName: return member.lastName
            case .dateOfBirth: return member.dateOfBirth
            case .relationship: return member.relationship
            case .sex: return member.sex
            case .cin: return member.cin
            case .ssn: return member.ssn
            }
        case .addMember, .finish: return ""
        }
    }

    mutating func set(_ value: String, for field: FormField) {
        switch field {
        case .question(let id): answers[id] = value
        case .member(let index, let memberField):
            guard members.indices.contains(index) else { return }
            switch memberField {
            case .firstName: members[index].firstName = value
            case .lastName: members[index].lastName = value
            case .dateOfBirth: members[index].dateOfBirth = value
            case .relationship: members[index].relationship = value
            case .sex: members[index].sex = value
            case .cin: members[index].cin = value
            case .ssn: members[index].ssn = value
            }
        case .addMember, .finish: break
        }
    }
}
