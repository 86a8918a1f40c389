import OEEModel

/// One seed CSV: the table it loads (from its file name, `ref.loss_bucket.csv`),
/// its header and its data records.
public struct SeedFile: Hashable, Sendable {
    /// The file name as given in messages (`seeds/standard/ref.loss_bucket.csv`).
    public var path: String
    public var table: QualifiedName
    /// Column names of the header record (line 1).
    public var header: [String]
    public var records: [CSVRecord]
    /// The line of the header record (1 unless blank lines precede it).
    public var headerLine: Int

    public init(path: String, table: QualifiedName, header: [String], records: [CSVRecord], headerLine: Int = 1) {
        self.path = path
        self.table = table
        self.header = header
        self.records = records
        self.headerLine = headerLine
    }

    /// The table a file name names: `schema.table.csv`; nil for other names.
    public static func table(forFileName name: String) -> QualifiedName? {
        guard name.hasSuffix(".csv") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return QualifiedName(String(parts[0]), String(parts[1]))
    }

    /// Parses a seed file's text. A file that is not valid CSV or has no
    /// header yields a diagnostic instead.
    public static func parse(path: String, table: QualifiedName, text: String) -> Result<SeedFile, SeedDiagnostic> {
        let records: [CSVRecord]
        do {
            records = try CSVParser.parse(text)
        } catch let e as CSVError {
            // The column is the field's number: the header may not have been read.
            return .failure(SeedDiagnostic(file: path, line: e.line, column: String(e.field), message: e.message))
        } catch {
            return .failure(SeedDiagnostic(file: path, line: 1, column: nil, message: "\(error)"))
        }
        guard let head = records.first else {
            return .failure(SeedDiagnostic(file: path, line: 1, column: nil, message: "the file is empty; a seed file starts with a header row naming the table's columns"))
        }
        let header = head.fields.map { $0.text.trimmingBlanks }
        return .success(SeedFile(path: path, table: table, header: header, records: Array(records.dropFirst()), headerLine: head.line))
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (CSV cells keep newlines).
    var trimmingBlanks: String {
        func blank(_ b: UInt8?) -> Bool { b == 32 || b == 9 }
        if !blank(utf8.first) && !blank(utf8.last) { return self }
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
