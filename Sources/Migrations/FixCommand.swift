/// A command a message tells the user to run, quoted as messages quote
/// commands: `FixCommand.quoted("repair --version \(v)")` → `'oeedb repair --version 4'`.
/// Messages whose command carries a value use this instead of a literal, and
/// the OEECommands tests parse every such call's command (values filled in)
/// with the real command line, as they do the literal ones.
public enum FixCommand {
    public static func quoted(_ arguments: String) -> String { "'oeedb \(arguments)'" }
}
