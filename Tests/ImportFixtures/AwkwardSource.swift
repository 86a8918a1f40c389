// say "hi" \ \(boom) #{x}  	tab   ‮rtl ü 日本 😀 é
import OEEDSL

/// The `weird "db"` database. Each schema lives in its own file
/// (`AwkwardSource+<Schema>.swift`); this file holds the database-scoped
/// objects (partition functions and schemes) and the schema list.
public enum AwkwardSource {
    public static let database: Database = Database(
        "weird \"db\"",
        "say \"hi\" \\ \\(boom) #{x} \n\ttab \u{2028} \u{202E}rtl ü 日本 😀 e\u{301}"
    ) {
        PartitionFunction(
            "pf_values", .int, .left, .values([.int(10), .int(20)]),
            "ints")
        PartitionFunction(
            "pf day", .date, .right, .days(from: "2026-01-01", count: 3))
            .rolling(.day, ahead: 2, retain: 5, expire: .switch(to: "arch\"ive"))
        PartitionScheme(
            "ps_values", function: "pf_values", allTo: "FG1")
        PartitionScheme(name: "ps_two", function: "pf day", filegroups: ["A", "B"], description: nil)

        defaultSchema
        defaultSchema2
        schema
    }
}
