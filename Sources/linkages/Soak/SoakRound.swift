import Foundation
import LinkagesDomain
import LinkagesStore

/// The writes one soak worker makes, in turn, through the same store calls the screens use: an
/// intake draft saved (a new draft every twenty saves), a referral's next step round the closed
/// loop (a new referral once one closes), and a family opened (an audit row).
struct SoakRound {
    let database: AppDatabase
    let worker: Worker
    let index: Int
    let bank: QuestionBank
    private var draft: (id: Int64, saves: Int)?
    private var referral: Referral?
    private var families: [Int64] = []

    init(database: AppDatabase, worker: Worker, index: Int, bank: QuestionBank) {
        self.database = database
        self.worker = worker
        self.index = index
        self.bank = bank
    }

    var policy: AccessPolicy { AccessPolicy(viewer: worker, isPracticeData: true, today: Clock.today()) }

    mutating func write(turn: Int) throws -> SoakLog.Write {
        if families.isEmpty {
            families = try database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM family ORDER BY id") }
        }
        let family = families[(turn / 3 + index * 7) % families.count]
        switch turn % 3 {
        case 0: return try saveDraft()
        case 1: return try stepReferral(family: family)
        default:
            _ = try database.familyDetail(id: family, for: policy, at: Date())
            return .viewed(family)
        }
    }

    private mutating func saveDraft() throws -> SoakLog.Write {
        guard let current = draft, current.saves < 20 else {
            let id = try database.createIntakeDraft(account: worker.account ?? "", draft: IntakeDraft(bankVersion: bank.version),
                                                    at: Date())
            draft = (id, 0)
            return .draftStarted(id)
        }
        var saved = IntakeDraft(bankVersion: bank.version)
        saved.answers[SoakLog.answerKey] = SoakLog.answer(worker: index, save: current.saves + 1)
        try database.saveIntakeDraft(id: current.id, draft: saved, at: Date())
        draft = (current.id, current.saves + 1)
        return .draftSaved(current.id, save: current.saves + 1)
    }

    private mutating func stepReferral(family: Int64) throws -> SoakLog.Write {
        guard let current = referral, let id = current.id, current.status != .closed else {
            let created = try database.createReferral(
                Referral(familyId: family, fromProgram: worker.program, fromWorkerId: worker.id, toProgram: nil,
                         toProviderName: "Soak test provider", type: .housing, urgency: .routine, reason: "Soak test.", createdAt: Date()),
                by: worker, at: Date())
            referral = created
            return .referralCreated(created.id!)
        }
        let step: ReferralStep = switch current.status {
        case .draft: .send
        case .sent: .receive
        case .received: .accept
        case .accepted: .startService
        default: .close(.servicesReceived)
        }
        let next = try database.takeReferralStep(step, referralId: id, by: worker, at: Date())
        referral = next
        return .referralStep(id, next.status)
    }
}
