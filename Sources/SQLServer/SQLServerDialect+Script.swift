import OEEDiff

extension SQLServerDialect {
    /// The batch every script starts with: filtered indexes, computed-column
    /// indexes and schema-bound modules need both options ON.
    public static let preamble = "SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;"

    /// A whole migration file: the ``preamble`` batch, then each batch preceded
    /// by `-- <comment>` and followed by a `GO` line; ends in a newline.
    ///
    ///     SET ANSI_NULLS ON;
    ///     SET QUOTED_IDENTIFIER ON;
    ///     GO
    ///     -- create schema ref
    ///     CREATE SCHEMA [ref];
    ///     GO
    public func scriptText(_ script: SQLScript) -> String {
        var text = Self.preamble + "\nGO\n"
        for batch in script.batches {
            if let step = batch.step { text += step.directive + "\n" }
            if let comment = batch.comment {
                let line = comment.split(whereSeparator: \.isNewline).joined(separator: " ")
                text += "-- \(line)\n"
            }
            var sql = batch.sql
            while let last = sql.last, last.isNewline { sql.removeLast() }
            text += sql + "\nGO\n"
        }
        return text
    }
}
