import Dispatch
import Foundation

/// Two independent pieces of work run at the same time, each result (or
/// error) kept apart so the caller reports them in its own order. `generate`
/// reads the model and the migration directory at once, and plans the undo
/// script beside the forward plan: on a 2-core machine this halves the
/// time spent decoding two 13 MB snapshots at 2,000 tables.
public enum Parallel {
    public static func both<A, B>(_ a: () throws -> A, _ b: () throws -> B) -> (Result<A, any Error>, Result<B, any Error>) {
        let box = Box<A, B>()
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                let work = Work(a: a, b: b)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { box.a = Result { try work.a() } } else { box.b = Result { try work.b() } }
                }
            }
        }
        return (box.a!, box.b!)
    }

    /// Each slot is written by one thread only, and read after both joined.
    private final class Box<A, B>: @unchecked Sendable {
        var a: Result<A, any Error>?
        var b: Result<B, any Error>?
    }

    private struct Work<A, B>: @unchecked Sendable {
        let a: () throws -> A
        let b: () throws -> B
    }
}
