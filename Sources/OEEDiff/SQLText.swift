/// Searches over a migration's SQL text that the runner makes once per
/// migration (does it touch the lock timeout, does it deallocate prepared
/// statements), on the UTF-8 bytes: Foundation's `contains` and
/// `uppercased()` went through NSString and cost 5 % of a 100-migration run.
public enum SQLText {
    /// Whether `sql` contains any of `words` (lowercase ASCII), ignoring
    /// ASCII case. Comments and string literals count: a mention is enough.
    public static func mentions(_ sql: String, anyOf words: [String]) -> Bool {
        var sql = sql
        return sql.withUTF8 { bytes in
            words.contains { word in
                let w = Array(word.utf8)
                // A letter of the word matches either case; anything else exactly.
                let fold = w.map { $0 >= 0x61 && $0 <= 0x7A ? UInt8(0x20) : 0 }
                guard !w.isEmpty, bytes.count >= w.count else { return false }
                for i in 0...(bytes.count - w.count) {
                    var k = 0
                    while k < w.count, bytes[i + k] | fold[k] == w[k] { k += 1 }
                    if k == w.count { return true }
                }
                return false
            }
        }
    }
}
