/// Swift source spelling of names and literals: string literals that say
/// exactly the text they hold, and identifiers that never clash with the DSL.
public enum SwiftLiteral {
    /// A Swift string literal for `text`, byte for byte: quotes and
    /// backslashes escaped (so `\(` is never an interpolation), control,
    /// format, separator and unassigned scalars as `\u{…}`, every other
    /// Unicode scalar as itself.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if needsEscape(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Scalars that would be invisible, reorder the line, break it, or not
    /// survive an editor: written as escapes.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value < 0x20 || s.value == 0x7F }
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse, .surrogate, .unassigned,
             .nonspacingMark, .enclosingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// Words a generated `static var` must not take: Swift keywords, and the
    /// DSL's free functions and the enum's own `database` (a member of that
    /// name would shadow them inside the enum).
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout", "internal",
        "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "any", "false", "is", "nil",
        "self", "super", "throws", "true", "try", "await", "async", "some", "consume", "copy", "borrowing", "consuming",
        "col", "param", "database", "description", "hashValue",
    ]

    /// `machine_recipe_standard` → `machineRecipeStandard`: ASCII letters and
    /// digits of `name` in lower camel case; "" when it has none.
    public static func camelCase(_ name: String) -> String {
        var parts: [String] = []
        var current = ""
        for ch in name.unicodeScalars {
            if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                current.unicodeScalars.append(ch)
            } else if !current.isEmpty {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        guard let first = parts.first else { return "" }
        let head = first.allSatisfy({ $0.isUppercase || $0.isNumber }) ? first.lowercased() : first.prefix(1).lowercased() + first.dropFirst()
        return head + parts.dropFirst().map { p in
            let word = p.allSatisfy({ $0.isUppercase || $0.isNumber }) ? p.lowercased() : p
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }

    /// `ref` → `Ref`, for type and file names.
    public static func pascalCase(_ name: String) -> String {
        let c = camelCase(name)
        return c.prefix(1).uppercased() + c.dropFirst()
    }
}

/// Hands out distinct identifiers, first come first served.
struct IdentifierPool {
    private var taken: Set<String> = []

    /// A fresh identifier for `name`: its camel case, else `fallback`; with
    /// `suffix` then a number appended until it is free and not reserved.
    mutating func claim(_ name: String, suffix: String, fallback: String) -> String {
        var base = SwiftLiteral.camelCase(name)
        if base.isEmpty { base = fallback }
        if let f = base.first, f.isNumber { base = fallback + base.prefix(1).uppercased() + base.dropFirst() }
        var candidate = base
        if taken.contains(candidate) || SwiftLiteral.reserved.contains(candidate) { candidate = base + suffix }
        var n = 2
        while taken.contains(candidate) || SwiftLiteral.reserved.contains(candidate) {
            candidate = base + suffix + String(n)
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
