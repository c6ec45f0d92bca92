import PropertyBased

/// Runs `body` on `count` inputs drawn from `generator` with a fixed seed: the same inputs on
/// every run, so a property test is deterministic and a failure can be replayed.
public func forAll<Value>(
    _ generator: Generator<Value, some Sequence>, count: Int = 300, seed: UInt64 = 2026,
    _ body: (Value) -> Void
) {
    var random = Xoshiro(seed: (seed, 0x9E37_79B9, 0x7F4A_7C15, 0x94D0_49BB))
    for _ in 0..<count {
        body(generator.run(using: &random))
    }
}
