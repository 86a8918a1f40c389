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
    public static func parse(_ text: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var lineStart = 0  // index of the current line's first character
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0

        func endField() {
            fields.append(CSVField(field, quoted: quoted))
            field = ""
            quoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].text.isEmpty && !fields[0].isQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\"" && field.isEmpty && !quoted {
                // A quoted field: read to the closing quote.
                quoted = true
                let start = line
                let startColumn = i - lineStart + 1
                let fieldNumber = fields.count + 1
                i += 1
                var closed = false
                while i < chars.count {
                    let q = chars[i]
                    if q == "\"" {
                        if i + 1 < chars.count && chars[i + 1] == "\"" {
                            field.unicodeScalars.append("\"")
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if q == "\n" { line += 1; lineStart = i + 1 }
                    if q == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
                        field.unicodeScalars.append("\r")
                        i += 1
                        continue
                    }
                    field.unicodeScalars.append(q)
                    i += 1
                }
                guard closed else {
                    throw CSVError(line: start, column: startColumn, field: fieldNumber,
                                   message: "the quote opened at character \(startColumn) is never closed (a '\"' is missing)")
                }
                if i < chars.count, !(chars[i] == "," || chars[i] == "\n" || chars[i] == "\r") {
                    if line > start {
                        // The quote that "closed" here opened another field: the one at `start` was left open.
                        throw CSVError(line: start, column: startColumn, field: fieldNumber,
                                       message: "the quote opened at character \(startColumn) is never closed: the field runs on to line \(line), where a '\"' ends it and text follows; close the quote on line \(start)")
                    }
                    throw CSVError(line: line, column: i - lineStart + 1, field: fieldNumber,
                                   message: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"")
                }
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r" where i + 1 < chars.count && chars[i + 1] == "\n":
                i += 1
                fallthrough
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
                lineStart = i + 1
            case "\"":
                throw CSVError(line: line, column: i - lineStart + 1, field: fields.count + 1,
                               message: "a '\"' inside an unquoted field; quote the whole field and write the quote as \"\"")
            default:
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || quoted || !fields.isEmpty { endRecord() }
        return records
    }
}
