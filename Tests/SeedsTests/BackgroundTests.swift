import Testing
@testable import Seeds

struct BackgroundTests {
    struct Failure: Error, Equatable {}

    @Test func theValueAndTheErrorComeBackAsOftenAsAsked() throws {
        let value = Background { (1...1000).reduce(0, +) }
        #expect(try value.value() == 500_500)
        #expect(try value.value() == 500_500)
        let failing = Background<Int> { throw Failure() }
        #expect(throws: Failure()) { try failing.value() }
        #expect(throws: Failure()) { try failing.value() }
    }

    static func depth(_ n: Int) -> Int {
        var pad = (n, n, n, n, n, n, n, n)  // ~64 bytes a frame at least
        return withUnsafeMutableBytes(of: &pad) { $0.count } > 0 && n > 0 ? 1 + depth(n - 1) : 0
    }

    /// Validation recurses along self-references: the worker has the main thread's stack.
    @Test func theWorkerHasADeepStack() throws {
        #expect(try Background { Self.depth(40_000) }.value() == 40_000)
    }
}
