import LinkagesDomain

/// The demo county's staff. Phone numbers use 555-01xx, which is reserved for fiction.
enum DemoStaff {
    static let workers: [Worker] = [
        Worker(name: "Ana Ruiz", program: .calworks, office: "Central", role: .caseworker, phone: "559-555-0142", email: "aruiz@county.example"),
        Worker(name: "David Kim", program: .calworks, office: "South", role: .caseworker, phone: "559-555-0143", email: "dkim@county.example"),
        Worker(name: "Lorena Castañeda", program: .calworks, office: "West", role: .caseworker, phone: "559-555-0144", email: "lcastaneda@county.example"),
        Worker(name: "Rosa Delgado", program: .calworks, office: "Central", role: .liaison, phone: "559-555-0145", email: "rdelgado@county.example"),
        Worker(name: "Patricia Owens", program: .calworks, office: "Central", role: .supervisor, phone: "559-555-0146", email: "powens@county.example"),
        Worker(name: "Marcus Bell", program: .childWelfare, office: "Central", role: .caseworker, phone: "559-555-0150", email: "mbell@county.example"),
        Worker(name: "Linh Tran", program: .childWelfare, office: "Central", role: .caseworker, phone: "559-555-0151", email: "ltran@county.example"),
        Worker(name: "Gabriel Soto", program: .childWelfare, office: "South", role: .caseworker, phone: "559-555-0152", email: "gsoto@county.example"),
        Worker(name: "Denise Walker", program: .childWelfare, office: "Central", role: .liaison, phone: "559-555-0153", email: "dwalker@county.example"),
        Worker(name: "Robert Chen", program: .childWelfare, office: "Central", role: .supervisor, phone: "559-555-0154", email: "rchen@county.example"),
        Worker(name: "Karen López", program: .childWelfare, office: "Central", role: .trainer, phone: "559-555-0160", email: "klopez@county.example"),
    ]
}

/// The demo's workers once saved, found by role and program.
struct StaffDirectory {
    var workers: [Worker]

    func caseworkers(_ program: Program) -> [Worker] {
        workers.filter { $0.program == program && $0.role == .caseworker }
    }

    func named(_ name: String) -> Worker {
        workers.first { $0.name == name }!
    }

    func caseworker(_ program: Program, office: String, using random: inout SeededGenerator) -> Worker {
        let local = caseworkers(program).filter { $0.office == office }
        return local.isEmpty ? random.pick(caseworkers(program)) : random.pick(local)
    }
}
