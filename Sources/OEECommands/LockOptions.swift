import ArgumentParser

/// `--lock-timeout`: how long a command waits for another runner's session
/// lock (migrate, undo, partitions maintain take the same lock).
struct LockOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another runner's lock (0 = do not wait; at most 86400).", valueName: "seconds"))
    var lockTimeout: Int = 60

    var milliseconds: Int { lockTimeout * 1000 }

    func validate() throws {
        guard (0...86_400).contains(lockTimeout) else {
            throw ValidationError("--lock-timeout \(lockTimeout): give the seconds to wait for another runner's lock, from 0 (do not wait) to 86400")
        }
    }
}
