import Foundation
import OEEModel

/// Checks seed files against the model without a database: table and
/// columns exist, required columns are present, every value parses as its
/// column type, NOT NULL values are present, keys are unique, CHECK
/// constraints that can be evaluated hold, self-references form a tree
/// (and its depth / path / is_leaf columns agree with it).
/// Every problem is reported; valid rows are kept so later checks (foreign
/// keys against the database) still run.
public struct SeedValidator: Sendable {
    public var model: Database

    public init(model: Database) {
        self.model = model
    }

    public struct Outcome: Sendable {
        public var tables: [SeedTable]
        public var diagnostics: [SeedDiagnostic]
    }

    public func validate(_ files: [SeedFile]) -> Outcome {
        var diagnostics: [SeedDiagnostic] = []
        var tables: [QualifiedName: SeedTable] = [:]
        var order: [QualifiedName] = []
        for file in files {
            guard let table = model.table(file.table) else {
                diagnostics.append(.init(file: file.path, line: file.headerLine, column: nil,
                                         message: "the model has no table \(file.table); a seed file is named after the table it loads (schema.table.csv)"))
                continue
            }
            guard table.primaryKey != nil else {
                diagnostics.append(.init(file: file.path, line: file.headerLine, column: nil,
                                         message: "\(file.table) has no primary key; seed rows are matched on the primary key"))
                continue
            }
            guard let columns = header(file, table, &diagnostics) else { continue }
            if var existing = tables[file.table] {
                guard Set(existing.columnNames) == Set(columns.compactMap { $0?.name }) else {
                    diagnostics.append(.init(file: file.path, line: file.headerLine, column: nil,
                                             message: "loads \(file.table) like \(existing.files[0]) but with other columns; files loading one table need the same columns"))
                    continue
                }
                existing.files.append(file.path)
                existing.rows += rows(file, table, columns, into: existing.columnNames, &diagnostics)
                tables[file.table] = existing
            } else {
                let seeded = columns.compactMap { $0 }
                var seed = SeedTable(name: file.table, table: table, files: [file.path], columns: seeded, rows: [])
                seed.rows = rows(file, table, columns, into: seed.columnNames, &diagnostics)
                tables[file.table] = seed
                order.append(file.table)
            }
        }
        var result: [SeedTable] = []
        for name in order {
            guard var seed = tables[name] else { continue }
            uniqueness(seed, &diagnostics)
            seed.rows = SelfReference.parentsFirst(seed, &diagnostics)
            TreeRule.check(seed, &diagnostics)
            result.append(seed)
        }
        return Outcome(tables: result, diagnostics: diagnostics.sorted())
    }

    /// Maps header fields to columns; nil when the file cannot be loaded at all.
    func header(_ file: SeedFile, _ table: Table, _ diagnostics: inout [SeedDiagnostic]) -> [Column?]? {
        var columns: [Column?] = []
        var seen: Set<String> = []
        var usable = true
        func report(_ column: String?, _ message: String) {
            diagnostics.append(.init(file: file.path, line: file.headerLine, column: column, message: message))
        }
        for (i, name) in file.header.enumerated() {
            guard !name.isEmpty else {
                report(String(i + 1), "the header names no column here")
                columns.append(nil)
                usable = false
                continue
            }
            guard let column = table.column(named: name) else {
                let known = table.columns.filter { $0.computed == nil }.map(\.name).joined(separator: ", ")
                report(name, "\(file.table) has no column '\(name)'; its columns: \(known)")
                columns.append(nil)
                usable = false
                continue
            }
            if !seen.insert(name).inserted {
                report(name, "column '\(name)' appears twice in the header")
                usable = false
            }
            if column.computed != nil {
                report(name, "'\(name)' is a computed column; it cannot be seeded")
                usable = false
            }
            columns.append(column)
        }
        for key in table.primaryKey?.columns.map(\.column) ?? [] where !seen.contains(key) {
            report(nil, "missing key column '\(key)': seed rows are matched on the primary key of \(file.table)")
            usable = false
        }
        for c in table.columns where !seen.contains(c.name) && !c.isNullable && c.defaultConstraint == nil && c.identity == nil && c.computed == nil {
            report(nil, "missing column '\(c.name)': it is NOT NULL and has no default")
            usable = false
        }
        return usable ? columns : nil
    }

    /// Parses the data records of a file into rows ordered like `target`.
    func rows(_ file: SeedFile, _ table: Table, _ columns: [Column?], into target: [String], _ diagnostics: inout [SeedDiagnostic]) -> [SeedRow] {
        let position = Dictionary(uniqueKeysWithValues: target.enumerated().map { ($1, $0) })
        // What each header field needs per cell, looked up once per file: its
        // place in `target` and the column's name, type and nullability
        // (copying a `Column` per cell cost more than parsing the cell).
        struct Slot: Sendable { var index: Int; var name: String; var type: SQLType; var isNullable: Bool; var isText: Bool }
        let slots: [Slot?] = columns.map { column in
            guard let column, let index = position[column.name] else { return nil }
            return Slot(index: index, name: column.name, type: column.type, isNullable: column.isNullable, isText: column.type.family == .text)
        }
        let headerCount = columns.count
        @Sendable func validate(_ records: ArraySlice<CSVRecord>) -> (rows: [SeedRow], diagnostics: [SeedDiagnostic]) {
        var rows: [SeedRow] = []
        var diagnostics: [SeedDiagnostic] = []
        rows.reserveCapacity(records.count)
        for record in records {
            guard record.fields.count == slots.count else {
                diagnostics.append(.init(file: file.path, line: record.line, column: nil,
                                         message: "has \(record.fields.count) field(s); the header has \(headerCount)"))
                continue
            }
            var values = [SeedValue](repeating: .null, count: target.count)
            var valid = true
            var linesBefore = 0  // line breaks inside earlier (quoted) fields of the record
            for index in slots.indices {
                let field = record.fields[index]
                // Only a quoted field can hold a line break.
                defer { if field.isQuoted { linesBefore += field.text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } } }
                guard let column = slots[index] else { continue }
                let slot = column.index
                func report(_ message: String, line: Int? = nil) {
                    diagnostics.append(.init(file: file.path, line: line ?? record.line, column: column.name, message: message))
                    valid = false
                }
                if let refused = Self.refusedCharacter(in: field.text) {
                    report(refused.message, line: record.line + linesBefore + refused.lineOffset)
                    continue
                }
                let value: SeedValue
                if field.text.isEmpty && (!field.isQuoted || !column.isNullable || !column.isText) {
                    if !column.isNullable {
                        report("is empty, but '\(column.name)' is NOT NULL")
                        continue
                    }
                    value = .null
                } else {
                    switch SeedValueParser.parse(field.text, as: column.type) {
                    case .success(let v): value = v
                    case .failure(let e):
                        report(e.message)
                        continue
                    }
                }
                values[slot] = value
            }
            let row = SeedRow(file: file.path, line: record.line, values: values)
            if valid { valid = checks(row, table, target, &diagnostics) }
            if valid { rows.append(row) }
        }
        return (rows, diagnostics)
        }
        // Records are independent: a big file is validated in parts on every
        // core, the parts' rows and diagnostics put back in record order.
        let records = file.records
        let parts = records.count < 8_192 ? 1 : max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        guard parts > 1 else {
            let (rows, found) = validate(records[...])
            diagnostics += found
            return rows
        }
        let results = PartResults<(rows: [SeedRow], diagnostics: [SeedDiagnostic])>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lower = records.count * p / parts, upper = records.count * (p + 1) / parts
            results.set(p, validate(records[lower..<upper]))
        }
        var rows: [SeedRow] = []
        rows.reserveCapacity(records.count)
        for part in results.values {
            rows += part.rows
            diagnostics += part.diagnostics
        }
        return rows
    }

    /// A character no engine stores as written: NUL (U+0000). PostgreSQL
    /// refuses it in any text value ("invalid byte sequence"), and SQL
    /// Server's ODBC drivers end the string there, silently. Other control
    /// characters (tab, line breaks, U+0001…U+001F) are stored by both
    /// engines as they are and stay allowed.
    static func refusedCharacter(in text: String) -> (message: String, lineOffset: Int)? {
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(0) }) ?? text.utf8.contains(0) else { return nil }
        var lineOffset = 0
        var character = 1
        for scalar in text.unicodeScalars {
            if scalar == "\u{0}" {
                return ("holds a NUL character (U+0000) at character \(character) of the value; PostgreSQL refuses it and SQL Server's drivers cut the value there; remove it from the file", lineOffset)
            }
            if scalar == "\n" { lineOffset += 1; character = 1 } else { character += 1 }
        }
        return nil
    }

    /// Evaluates the table's CHECK constraints that only read literal-valued
    /// columns; false is an error, unknown (NULL or not evaluable) passes.
    func checks(_ row: SeedRow, _ table: Table, _ columns: [String], _ diagnostics: inout [SeedDiagnostic]) -> Bool {
        guard !table.checks.isEmpty else { return true }
        var values: [String: SeedValue] = [:]
        for (name, value) in zip(columns, row.values) { values[name] = value }
        for c in table.columns where values[c.name] == nil {
            if case .literal(let l)? = c.defaultConstraint?.expression { values[c.name] = CheckEvaluator.value(l) }
        }
        var ok = true
        for check in table.checks where CheckEvaluator.evaluate(check.expression, values) == .false {
            let column = check.expression.referencedColumns.first { columns.contains($0) }
            let shown = check.expression.referencedColumns.compactMap { c in values[c].map { "\(c)=\($0.display)" } }.joined(separator: ", ")
            diagnostics.append(.init(file: row.file, line: row.line, column: column,
                                     message: "violates \(check.name) (\(shown))"))
            ok = false
        }
        return ok
    }

    /// Duplicate primary keys and unique-constraint values within the seed.
    /// NULLs count as equal, as SQL Server's unique constraints treat them.
    func uniqueness(_ seed: SeedTable, _ diagnostics: inout [SeedDiagnostic]) {
        var constraints: [(name: String, columns: [String])] = []
        if let pk = seed.table.primaryKey { constraints.append((pk.name, pk.columns.map(\.column))) }
        constraints += seed.table.uniqueConstraints.map { ($0.name, $0.columns.map(\.column)) }
        for (name, columns) in constraints {
            guard let indexes = seed.indexes(of: columns) else { continue }
            var first: [SeedKey: SeedRow] = [:]
            first.reserveCapacity(seed.rows.count)
            for row in seed.rows {
                let key = seed.values(of: row, at: indexes)
                if let earlier = first[key] {
                    let what = name == seed.table.primaryKey?.name ? "duplicate key" : "duplicate value for \(name)"
                    diagnostics.append(.init(file: row.file, line: row.line, column: columns[0],
                                             message: "\(what) \(key.describe(columns)); first at \(earlier.file):\(earlier.line)"))
                } else {
                    first[key] = row
                }
            }
        }
    }
}

/// One result per part of a ``DispatchQueue/concurrentPerform(iterations:execute:)``:
/// each part writes only its own slot, read after every part is done.
final class PartResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: Value) { slots[i] = value }

    var values: [Value] { (0..<count).map { slots[$0]! } }
}
