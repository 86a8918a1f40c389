import OEEDSL

/// The `plant` database. Each schema lives in its own file
/// (`ImportedFixture+<Schema>.swift`); this file holds the database-scoped
/// objects (partition functions and schemes) and the schema list.
public enum ImportedFixture {
    public static let database: Database = Database(
        "plant"
    ) {
        sales
    }
}
