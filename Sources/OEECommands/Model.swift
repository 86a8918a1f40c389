import ArgumentParser

extension Oeedb {
    /// `oeedb model …`: the schema model itself.
    public struct Model: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Inspect the schema model: validate it, export it as JSON.",
            subcommands: [Export.self, Check.self]
        )

        public init() {}
    }
}
