/// The `--json` form of a ``SeedReport``, byte for byte what `JSONEncoder`
/// writes with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`
/// (a test compares the two): two-space indents, `"key" : value`, keys in
/// code-point order, nil optionals left out, empty arrays as `[` blank line `]`.
///
/// Hand-written because a first load lists every inserted row (50,000 rows
/// are 8 MB of JSON), and Codable's keyed containers spent more time on
/// them than the load itself.
extension SeedReport {
    public func jsonBytes() -> [UInt8] {
        var w = JSONReportWriter()
        w.out.reserveCapacity(1024 + tables.reduce(0) { $0 + $1.changes.count * 160 })
        w.object(0) { o in
            if let database { o.field("database") { $0.string(database) } }
            if let dialect { o.field("dialect") { $0.string(dialect) } }
            o.field("dryRun") { $0.bool(dryRun) }
            o.field("errors") { w in
                w.array(errors, 1) { w, e, level in
                    w.object(level) { o in
                        if let column = e.column { o.field("column") { $0.string(column) } }
                        o.field("file") { $0.string(e.file) }
                        o.field("line") { $0.int(e.line) }
                        o.field("message") { $0.string(e.message) }
                    }
                }
            }
            if let failure { o.field("failure") { $0.string(failure) } }
            o.field("ok") { $0.bool(ok) }
            o.field("prune") { $0.bool(prune) }
            o.field("sets") { w in w.array(sets, 1) { w, s, _ in w.string(s) } }
            o.field("tables") { w in
                w.array(tables, 1) { w, t, level in
                    w.object(level) { o in
                        o.field("changes") { w in
                            // The key columns' order, found once per table (every row has the same keys).
                            var keyOrder: [String] = []
                            w.array(t.changes, level + 1) { w, change, level in
                                w.object(level) { o in
                                    o.field("action") { $0.string(change.action) }
                                    if let columns = change.columns {
                                        o.field("columns") { w in
                                            w.array(columns, level + 1) { w, c, level in
                                                w.object(level) { o in
                                                    o.field("column") { $0.string(c.column) }
                                                    if let new = c.new { o.field("new") { $0.string(new) } }
                                                    if let old = c.old { o.field("old") { $0.string(old) } }
                                                }
                                            }
                                        }
                                    }
                                    o.field("key") { w in
                                        if keyOrder.count != change.key.count || !keyOrder.allSatisfy({ change.key.index(forKey: $0) != nil }) {
                                            keyOrder = JSONReportWriter.sorted(Array(change.key.keys))
                                        }
                                        w.object(level + 1) { o in
                                            for name in keyOrder {
                                                let value = change.key[name]!
                                                o.field(name) { w in if let value { w.string(value) } else { w.null() } }
                                            }
                                        }
                                    }
                                    if let source = change.source { o.field("source") { $0.string(source) } }
                                }
                            }
                        }
                        o.field("deleted") { $0.int(t.deleted) }
                        o.field("extra") { $0.int(t.extra) }
                        o.field("files") { w in w.array(t.files, level + 1) { w, f, _ in w.string(f) } }
                        o.field("inserted") { $0.int(t.inserted) }
                        o.field("rows") { $0.int(t.rows) }
                        o.field("table") { $0.string(t.table) }
                        o.field("unchanged") { $0.int(t.unchanged) }
                        o.field("updated") { $0.int(t.updated) }
                    }
                }
            }
        }
        return w.out
    }
}

/// Pretty-printed JSON into a byte buffer; see ``SeedReport/jsonBytes()``.
struct JSONReportWriter {
    var out: [UInt8] = []

    /// Keys as `JSONEncoder`'s `.sortedKeys` orders them: by code point.
    static func sorted(_ keys: [String]) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    mutating func indent(_ level: Int) {
        for _ in 0..<(level * 2) { out.append(0x20) }
    }

    mutating func null() { out += [0x6E, 0x75, 0x6C, 0x6C] }
    mutating func bool(_ b: Bool) { out += Array((b ? "true" : "false").utf8) }
    mutating func int(_ v: Int) { out += Array(String(v).utf8) }

    mutating func string(_ s: String) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case ..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    /// `[` items `]`, each item on its own line at `level + 1`.
    mutating func array<T>(_ items: [T], _ level: Int, _ item: (inout JSONReportWriter, T, Int) -> Void) {
        out.append(0x5B)
        out.append(0x0A)
        for (i, element) in items.enumerated() {
            if i > 0 { out += [0x2C, 0x0A] }
            indent(level + 1)
            item(&self, element, level + 1)
        }
        out.append(0x0A)
        indent(level)
        out.append(0x5D)
    }

    /// `{` fields `}` at `level`; fields must be written in sorted order.
    mutating func object(_ level: Int, _ body: (inout Fields) -> Void) {
        var fields = Fields(writer: self, level: level)
        self = JSONReportWriter()
        fields.writer.out.append(0x7B)
        body(&fields)
        fields.writer.out += fields.count == 0 ? [0x0A, 0x0A] : [0x0A]
        fields.writer.indent(level)
        fields.writer.out.append(0x7D)
        self = fields.writer
    }

    struct Fields {
        var writer: JSONReportWriter
        let level: Int
        var count = 0

        mutating func field(_ name: String, _ value: (inout JSONReportWriter) -> Void) {
            writer.out += count == 0 ? [0x0A] : [0x2C, 0x0A]
            count += 1
            writer.indent(level + 1)
            writer.string(name)
            writer.out += [0x20, 0x3A, 0x20]
            value(&writer)
        }
    }
}
