import OEEDSL

/// The canonical schema as parts, for a plant's own package to compose with:
///
///     import OEEDSL
///     import OEESchema
///
///     let plant = Database("oee") {
///         OEECanonical.objects          // partition functions, schemes, ref/fact/agg/sec
///         Schema("plant") { Table("line_note") { … } }
///     }
public enum OEECanonical {
    /// The canonical database as it is.
    public static var database: Database { OEESchema.database }

    /// Every database-level declaration of the canonical schema (partition
    /// functions and schemes first, then the schemas), for a `Database` body.
    public static var objects: [DatabaseElement] {
        let db = OEESchema.database
        return db.partitionFunctions.map(DatabaseElement.partitionFunction)
            + db.partitionSchemes.map(DatabaseElement.partitionScheme)
            + db.schemas.map(DatabaseElement.schema)
    }

    /// The canonical schemas alone.
    public static var schemas: [Schema] { OEESchema.database.schemas }
}
