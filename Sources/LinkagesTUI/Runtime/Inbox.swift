import Foundation

/// Messages posted from other threads (effect results) for the input loop to take.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    func takeAll() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages = []
        return taken
    }
}
