import OEEDiff

extension PostgreSQLDialect {
    /// A whole migration file body, runnable as-is with
    /// `psql -v ON_ERROR_STOP=1 -f file`: each batch preceded by `-- <comment>`,
    /// each statement ending in `;`, batches separated by a blank line; ends in
    /// a newline. There is no batch separator (no GO) and no session preamble:
    /// every name is schema-qualified, so `search_path` does not matter, and
    /// string literals assume the default `standard_conforming_strings = on`.
    ///
    ///     -- create schema ref
    ///     CREATE SCHEMA "ref";
    ///
    ///     -- create table ref.site
    ///     CREATE TABLE "ref"."site" (…);
    public func scriptText(_ script: SQLScript) -> String {
        var parts: [String] = []
        for batch in script.batches {
            var text = ""
            if let step = batch.step { text += step.directive + "\n" }
            if let comment = batch.comment {
                let line = comment.split(whereSeparator: \.isNewline).joined(separator: " ")
                text += "-- \(line)\n"
            }
            var sql = batch.sql
            while let last = sql.last, last.isNewline { sql.removeLast() }
            text += sql + "\n"
            parts.append(text)
        }
        return parts.joined(separator: "\n")
    }
}
