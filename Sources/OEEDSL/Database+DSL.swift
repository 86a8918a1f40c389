extension Database {
    /// Declares a database:
    ///
    ///     Database("oee") {
    ///         PartitionFunction("pf_month", .datetime2(3), .right, .months(from: "2025-01-01", count: 24))
    ///         PartitionScheme("ps_month", function: "pf_month")
    ///         Schema("ref", "Hierarchy and master data") { … }
    ///     }
    public init(_ name: String, _ description: String? = nil, @DatabaseBuilder _ content: () -> [DatabaseElement]) {
        self.init(name: name, description: description)
        for element in content() {
            switch element {
            case .schema(let s): schemas.append(s)
            case .partitionFunction(let f): partitionFunctions.append(f)
            case .partitionScheme(let s): partitionSchemes.append(s)
            }
        }
    }
}

extension Schema {
    /// Declares a schema and the tables, functions and policies it owns.
    public init(_ name: String, _ description: String? = nil, @SchemaBuilder _ content: () -> [SchemaElement]) {
        self.init(name: name, description: description)
        for element in content() {
            switch element {
            case .table(let t): tables.append(t)
            case .function(let f): functions.append(f)
            case .securityPolicy(let p): securityPolicies.append(p)
            }
        }
    }
}
