import Foundation

/// A value worked out on another thread while the caller does something
/// else: `oeedb seed` reads and validates the seed files while the database
/// connects and returns its rows, and writes the `--json` report while the
/// database runs the load. Two cores do in parallel what one did in turn;
/// the results are the same.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read after it.
    private var result: Result<Value, any Error>?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        // The main thread's stack: validation recurses along self-references.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits until the work is done; its value, or rethrows its error.
    public func value() throws -> Value {
        done.wait()
        done.signal()  // later calls return at once
        return try result!.get()
    }
}
