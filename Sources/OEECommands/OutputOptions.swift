import ArgumentParser

/// Output format for commands that also serve machines.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|json`, the one convention of every command with machine
/// output; `--json` is its alias.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat?

    @Flag(name: .long, help: "Same as --format json.")
    var json = false

    var isJSON: Bool { json || format == .json }

    func validate() throws {
        if json, format == .text {
            throw ValidationError("--json and --format text contradict each other; pass one of them")
        }
    }
}
