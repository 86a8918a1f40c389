/// One CSV field: its text and whether it was quoted, so that an empty
/// unquoted field (NULL) can be told from `""` (the empty string).
public struct CSVField: Hashable, Sendable {
    public var text: String
    public var isQuoted: Bool

    public init(_ text: String, quoted: Bool = false) {
        self.text = text
        self.isQuoted = quoted
    }
}

/// One record of a CSV text and the 1-based line it starts on.
public struct CSVRecord: Hashable, Sendable {
    public var line: Int
    public var fields: [CSVField]
}

/// A CSV text that cannot be read, at a 1-based line, the 1-based character
/// of that line, and the 1-based field of its record.
public struct CSVError: Error, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var field: Int
    public var message: String

    public init(line: Int, column: Int, field: Int, message: String) {
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }
}

/// A small RFC 4180 reader: comma-separated, `"` quotes fields, `""` is a
/// quote inside a quoted field, quoted fields may span lines, records end
/// with CRLF or LF. A UTF-8 byte-order mark is skipped and lines holding
/// nothing at all are ignored.
///
/// Hand-written because Foundation has no CSV reader, and seed errors must
/// point at the line and character where a problem starts: a quote left open
/// swallows the lines after it, so the error is reported where it opened,
/// not where the reader noticed.
public enum CSVParser {
    /// Works on the UTF-8 bytes (every delimiter is ASCII, so a multi-byte
    /// character never looks like one); a field becomes a `String` once, from
    /// its bytes. Columns in errors count characters, not bytes.
    public static func parse(_ text: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var line = 1
        var recordLine = 1
        var lineStart = 0  // index of the current line's first byte
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var i = 0
        var fieldStart = 0       // first byte of the unquoted field being read
        var pending: CSVField?   // a quoted field read, waiting for its delimiter

        /// The 1-based character of the current line that byte `at` starts.
        func column(_ at: Int) -> Int {
            var n = 1
            var j = lineStart
            while j < at { if bytes[j] & 0xC0 != 0x80 { n += 1 }; j += 1 }
            return n
        }
        func endField(at end: Int) {
            if let p = pending {
                fields.append(p)
                pending = nil
            } else {
                fields.append(CSVField(String(decoding: bytes[fieldStart..<end], as: UTF8.self)))
            }
        }
        func endRecord(at end: Int) {
            endField(at: end)
            if !(fields.count == 1 && fields[0].text.isEmpty && !fields[0].isQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            // Records are as wide as the one before: no regrowing the array for each.
            let width = fields.count
            fields = []
            fields.reserveCapacity(width)
        }

        while i < bytes.count {
            let c = bytes[i]
            if c == quote && i == fieldStart && pending == nil {
                // A quoted field: read to the closing quote.
                let start = line
                let startColumn = column(i)
                let fieldNumber = fields.count + 1
                i += 1
                var value: [UInt8] = []
                var closed = false
                while i < bytes.count {
                    let q = bytes[i]
                    if q == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            value.append(quote)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if q == lf { line += 1; lineStart = i + 1 }
                    if q == cr && i + 1 < bytes.count && bytes[i + 1] == lf {
                        value.append(cr)
                        i += 1
                        continue
                    }
                    value.append(q)
                    i += 1
                }
                guard closed else {
                    throw CSVError(line: start, column: startColumn, field: fieldNumber,
                                   message: "the quote opened at character \(startColumn) is never closed (a '\"' is missing)")
                }
                if i < bytes.count, !(bytes[i] == comma || bytes[i] == lf || bytes[i] == cr) {
                    if line > start {
                        // The quote that "closed" here opened another field: the one at `start` was left open.
                        throw CSVError(line: start, column: startColumn, field: fieldNumber,
                                       message: "the quote opened at character \(startColumn) is never closed: the field runs on to line \(line), where a '\"' ends it and text follows; close the quote on line \(start)")
                    }
                    throw CSVError(line: line, column: column(i), field: fieldNumber,
                                   message: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"")
                }
                pending = CSVField(String(decoding: value, as: UTF8.self), quoted: true)
                continue
            }
            switch c {
            case comma:
                endField(at: i)
                fieldStart = i + 1
            case lf, cr:
                endRecord(at: i)
                if c == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
                line += 1
                recordLine = line
                lineStart = i + 1
                fieldStart = i + 1
            case quote:
                throw CSVError(line: line, column: column(i), field: fields.count + 1,
                               message: "a '\"' inside an unquoted field; quote the whole field and write the quote as \"\"")
            default:
                break
            }
            i += 1
        }
        if fieldStart < bytes.count || pending != nil || !fields.isEmpty { endRecord(at: bytes.count) }
        return records
    }
}
