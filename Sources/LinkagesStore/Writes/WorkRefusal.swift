/// A change to a plan, a team meeting, a staffing or a change notice that cannot be made, in one sentence.
public struct WorkRefusal: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
