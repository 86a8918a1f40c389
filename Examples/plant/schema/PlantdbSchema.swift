import OEEDSL
import OEESchema

/// This package's model: the canonical OEE schema (partition functions and
/// schemes, `ref`, `fact`, `agg`, `sec`) plus the plant's own schemas.
/// Add tables below; `swift run plantdb model check` validates the model,
/// `swift run plantdb generate --name …` writes the next migration.
public enum PlantdbSchema {
    public static let database: Database = Database(
        "oee",
        "OEE database: the canonical schema and this plant's own tables"
    ) {
        OEECanonical.objects
        Schema("plant", "This plant's own tables, beside the canonical schema") {
            Table("line_note", "A shift lead's free-text note on a line, e.g. why a changeover ran long") {
                Column("note_id", .bigint, "Surrogate key of the note").identity()
                Column("line_id", .int, "Line the note is about")
                Column("site_id", .smallint, "Site of the line; the composite foreign key keeps it equal to the line's site")
                Column("written_utc", .datetime2(3), "When the note was written (UTC)").default("df_line_note_written_utc", .sysUTCDateTime)
                Column("author", .nvarchar(128), "Who wrote the note")
                Column("body", .nvarchar(2000), "The note")
                PrimaryKey("pk_line_note", "note_id")
                ForeignKey("fk_line_note_line", ["line_id", "site_id"], references: "ref.line")
                Index("ix_line_note_line_written", on: "line_id", .desc("written_utc"))
            }
        }
    }
}
