extension StringProtocol {
    /// The text without leading and trailing horizontal whitespace (tab and the
    /// Unicode space separators, Zs): the set `trimmingCharacters(in: .whitespaces)`
    /// trims, without Foundation's NSString bridge, which cost more than the
    /// rest of the directory check on a 100-file migrations folder.
    var trimmingHorizontalSpace: SubSequence {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isHorizontalSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isHorizontalSpace(scalars[before]) else { break }
            end = before
        }
        return self[start..<end]
    }

    private static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" }
        return s.properties.generalCategory == .spaceSeparator
    }
}
