import OEEDSL

// Placeholder: the import tests write this file (OEEDB_RECORD_IMPORT=1).
public enum AwkwardSource {
    public static let database: Database = Database(name: "placeholder")
}
