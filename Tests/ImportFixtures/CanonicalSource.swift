import OEEDSL

// Placeholder: the import tests write this file (OEEDB_RECORD_IMPORT=1).
public enum CanonicalSource {
    public static let database: Database = Database(name: "placeholder")
}
