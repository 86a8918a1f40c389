/// Collects changes into ordered phases, so the rendered migration always runs
/// in dependency order whatever order the differ found them in.
struct PlanBuilder {
    /// The order changes run in: things are created before what depends on
    /// them and dropped after what depends on them is gone.
    enum Phase: Int, CaseIterable, Comparable {
        case createSchemas
        case createPartitions
        case dropSecurity
        case dropForeignKeys
        case dropIndexesAndConstraints
        case renames
        case dropColumnsAndTables
        case createTablesAndColumns
        case addConstraints
        case createIndexes
        case addForeignKeys
        case functions
        case createSecurity
        case partitionCleanup
        case descriptions
        case dropSchemas

        static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }

    private var phases: [[SchemaChange]] = Array(repeating: [], count: Phase.allCases.count)

    mutating func add(_ phase: Phase, _ change: SchemaChange) {
        phases[phase.rawValue].append(change)
    }

    var changes: [SchemaChange] { phases.flatMap { $0 } }
}
