// Small lexical helpers shared by the dialects and the seed loader
// (package access: not part of the model's public API).

extension String {
    /// `12`, `-0.85`, `+3.`, `.5`: digits with an optional sign and decimal point.
    package var isExactNumeral: Bool {
        var s = Substring(self)
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = parts.joined()
        guard !digits.isEmpty, parts.count <= 2 else { return false }
        return digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The text without leading and trailing whitespace (Character.isWhitespace).
    package var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
