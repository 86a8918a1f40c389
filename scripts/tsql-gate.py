#!/usr/bin/env python3
"""tsql-gate: syntax-check T-SQL migration files without a server.

Usage: tsql-gate.py [--stats] [-j N] PATH...

PATH is a .sql file or a directory (every *.sql under it, recursively, sorted).
Each file is split into batches on lines holding only GO (optionally `GO n`,
any case, a trailing `-- comment` allowed), never inside '...' strings, "..."
or [...] identifiers, /* ... */ comments (nestable) or after `--`. Each batch
is parsed on its own by sqlfluff (dialect tsql, templater raw, no file-size
limit): one error must not hide the batches after it.

A batch fails when sqlfluff raises, reports a parse violation or leaves an
`unparsable` segment, or when it breaks a rule sqlfluff does not know:

  * CREATE/ALTER VIEW, FUNCTION, PROCEDURE, TRIGGER and CREATE SCHEMA must be
    the first statement of their batch (comments aside; a SET before them is
    an error in SQL Server too);
  * a MERGE statement must end with `;`;
  * the statement before THROW must end with `;`.

sqlfluff's lexer does not know the `]]` escape inside [bracketed identifiers]:
the gate writes it as `__` before parsing (same length, same syntax).

WAIVERS lists constructs that are valid T-SQL but that sqlfluff rejects. When
a batch does not parse, the gate blanks out the waived text (keeping line
positions) and parses the rest again; if that passes, the batch counts as
waived (and is listed), not as passed, and everything else in it was checked.

Files are checked in N processes (default: one per CPU), output in file order.

Output: one line per failure or waiver, `file:line: batch N: message`, then
`tsql-gate: N passed, N failed, N waived`. Exit status 1 if any batch failed
or no batch was found at all, else 0.
"""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------
# Waivers: valid T-SQL that sqlfluff 4.x rejects. Each pattern is matched
# against the batch's code (strings and comments blanked); the named group
# `mask` (or the whole match) is blanked before parsing again.

_IDENT = r'(?:\[(?:[^\]]|\]\])+\]|"(?:[^"]|"")+"|[A-Za-z_@#][\w@#$]*)'
_QNAME = _IDENT + r"(?:\s*\.\s*" + _IDENT + r"){0,3}"


@dataclass(frozen=True)
class Waiver:
    id: str
    pattern: re.Pattern
    reason: str


WAIVERS = [
    Waiver(
        "drop-partition-scheme",
        re.compile(r"^[ \t]*DROP\s+PARTITION\s+SCHEME\s+" + _IDENT + r"\s*;", re.I | re.M),
        "DROP PARTITION SCHEME is valid T-SQL; sqlfluff 4.x has no grammar for it",
    ),
    Waiver(
        "drop-partition-function",
        re.compile(r"^[ \t]*DROP\s+PARTITION\s+FUNCTION\s+" + _IDENT + r"\s*;", re.I | re.M),
        "DROP PARTITION FUNCTION is valid T-SQL; sqlfluff 4.x has no grammar for it",
    ),
    Waiver(
        "drop-block-predicate-operation",
        re.compile(
            r"\bDROP\s+BLOCK\s+PREDICATE\s+ON\s+" + _QNAME
            + r"\s+(?P<mask>(?:AFTER\s+(?:INSERT|UPDATE)|BEFORE\s+(?:UPDATE|DELETE))\b)",
            re.I,
        ),
        "ALTER SECURITY POLICY ... DROP BLOCK PREDICATE ON t AFTER INSERT (etc.) names which of "
        "several block predicates on a table to drop; sqlfluff 4.x does not accept the operation",
    ),
    Waiver(
        "columnstore-index-options",
        re.compile(
            r"\bCREATE\s+CLUSTERED\s+COLUMNSTORE\s+INDEX\s+" + _IDENT + r"\s+ON\s+" + _QNAME
            + r"\s+WITH\s*\(\s*\w+\s*=\s*\w+\s*(?P<mask>(?:,\s*\w+\s*=\s*\w+\s*)+)\)",
            re.I,
        ),
        "a clustered columnstore index takes several WITH options (DROP_EXISTING = ON, "
        "DATA_COMPRESSION = COLUMNSTORE_ARCHIVE); sqlfluff 4.x accepts only one",
    ),
    Waiver(
        "truncate-with-partitions",
        re.compile(
            r"\bTRUNCATE\s+TABLE\s+" + _QNAME
            + r"\s+(?P<mask>WITH\s*\(\s*PARTITIONS\s*\(\s*\d+(?:\s+TO\s+\d+)?(?:\s*,\s*\d+(?:\s+TO\s+\d+)?)*\s*\)\s*\))",
            re.I,
        ),
        "TRUNCATE TABLE ... WITH (PARTITIONS (1 TO 3, 5)) is valid T-SQL (SQL Server 2016+); sqlfluff 4.x "
        "parses TRUNCATE TABLE without the WITH clause, so only the clause is blanked",
    ),
    Waiver(
        "bracket-in-bracketed-identifier",
        re.compile(r"\[(?P<mask>(?:[^\[\]\n]|\]\])*\[(?:[^\]\n]|\]\])*)\]"),
        "a [bracketed] identifier may hold any character but ] (written ]]), [ included "
        "(Microsoft Learn, 'Database identifiers': delimited identifiers); sqlfluff 4.x's T-SQL "
        "lexer rejects [ inside brackets. Only the identifier's characters are blanked (it stays "
        "a bracketed identifier), so the statement around it is still parsed",
    ),
    Waiver(
        "add-column-with-values",
        re.compile(r"\)\s*(?P<mask>\bWITH\s+VALUES\b)", re.I),
        "ALTER TABLE ... ADD col ... DEFAULT (...) WITH VALUES is valid T-SQL; sqlfluff 4.x rejects WITH VALUES",
    ),
]

# Statement types that must open their batch (sqlfluff segment type -> name).
_BATCH_FIRST = {
    "create_view_statement": "VIEW",
    "create_function_statement": "FUNCTION",
    "create_procedure_statement": "PROCEDURE",
    "create_trigger": "TRIGGER",
    "alter_trigger": "TRIGGER",
    "create_schema_statement": "SCHEMA",
}

_GO = re.compile(r"^[ \t]*go(?:[ \t]+(\d+))?[ \t]*(?:--.*)?$", re.I)
_POSITION = re.compile(r"^Line \d+, Position \d+: ")
_NON_CODE = {"whitespace", "newline", "inline_comment", "block_comment", "comment"}

# ---------------------------------------------------------------------------
# Batch splitting


@dataclass
class Batch:
    number: int  # 1-based, counting batches that hold code
    first_line: int  # 1-based line of the batch's first line in the file
    text: str  # as in the file
    code: str  # string contents and comments blanked (same length)
    parse: str  # what sqlfluff parses: `]]` inside [identifiers] written `__`


def split_batches(source: str) -> list[Batch]:
    """Splits on GO lines outside strings, quoted identifiers and comments."""
    batches: list[Batch] = []
    lines = source.splitlines(keepends=True)
    quote = ""  # "'", '"' or "]" while inside a string / quoted identifier
    depth = 0  # block comment nesting
    text: list[str] = []
    code: list[str] = []
    parse: list[str] = []
    has_code = False
    start = 1

    def flush(next_start: int) -> None:
        nonlocal text, code, parse, has_code, start
        if has_code:
            batches.append(Batch(len(batches) + 1, start, "".join(text), "".join(code), "".join(parse)))
        text, code, parse, has_code, start = [], [], [], False, next_start

    for number, line in enumerate(lines, start=1):
        body = line.rstrip("\r\n")
        if not quote and depth == 0 and _GO.match(body):
            flush(number + 1)
            continue
        out = []
        escapes = []  # positions of `]]` inside bracketed identifiers
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            two = line[i : i + 2]
            if depth:
                if two == "/*":
                    depth += 1
                    out.append("  ")
                    i += 2
                elif two == "*/":
                    depth -= 1
                    out.append("  ")
                    i += 2
                else:
                    out.append(ch if ch in "\r\n" else " ")
                    i += 1
            elif quote:
                if ch == quote and line[i + 1 : i + 2] == quote:
                    out.append("  " if quote == "'" else ch * 2)
                    if quote == "]":
                        escapes.append(i)
                    i += 2
                elif ch == quote:
                    quote = ""
                    out.append(ch)
                    i += 1
                else:
                    # Keep quoted identifiers readable for waiver patterns; blank strings.
                    out.append(ch if quote != "'" or ch in "\r\n" else " ")
                    i += 1
            elif two == "--":
                rest = line[i:]
                out.append("".join(c if c in "\r\n" else " " for c in rest))
                i = n
            elif two == "/*":
                depth = 1
                out.append("  ")
                i += 2
            elif ch in "'\"[":
                quote = "]" if ch == "[" else ch
                out.append(ch)
                has_code = True
                i += 1
            else:
                if not ch.isspace():
                    has_code = True
                out.append(ch)
                i += 1
        text.append(line)
        code.append("".join(out))
        if escapes:
            chars = list(line)
            for at in escapes:
                chars[at : at + 2] = "__"
            parse.append("".join(chars))
        else:
            parse.append(line)
    flush(len(lines) + 1)
    return batches


# ---------------------------------------------------------------------------
# Checking


@dataclass
class Problem:
    line: int  # 1-based, within the batch
    message: str


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    waivers: list[tuple[int, Waiver]] = field(default_factory=list)


class Gate:
    def __init__(self) -> None:
        from sqlfluff.core import FluffConfig, Linter

        config = FluffConfig(
            overrides={"dialect": "tsql", "templater": "raw", "large_file_skip_byte_limit": 0}
        )
        self.linter = Linter(config=config)

    def parse(self, text: str) -> tuple[object | None, list[Problem]]:
        try:
            parsed = self.linter.parse_string(text)
        except Exception as error:  # sqlfluff bugs count as failures, not crashes
            return None, [Problem(1, f"sqlfluff raised {type(error).__name__}: {error}")]
        problems = []
        for v in parsed.violations:
            line = getattr(v, "line_no", None) or 1
            column = getattr(v, "line_pos", None)
            message = _POSITION.sub("", _one_line(v.desc()))
            problems.append(Problem(line, f"column {column}: {message}" if column else message))
        tree = parsed.tree
        if tree is None:
            if not problems:
                problems.append(Problem(1, "sqlfluff produced no parse tree"))
            return None, problems
        if not problems:
            for seg in tree.recursive_crawl("unparsable"):
                problems.append(Problem(seg.pos_marker.line_no, f"unparsable: {_excerpt(seg.raw)}"))
        return tree, problems

    def check(self, batch: Batch) -> Outcome:
        tree, problems = self.parse(batch.parse)
        outcome = Outcome()
        if problems:
            masked, applied = _apply_waivers(batch)
            if not applied:
                outcome.problems = problems
                return outcome
            outcome.waivers = applied
            if not masked.strip():
                return outcome
            tree, problems = self.parse(masked)
            if problems:
                outcome.problems = problems
                return outcome
        outcome.problems = _rule_problems(tree)
        return outcome


def _apply_waivers(batch: Batch) -> tuple[str, list[tuple[int, Waiver]]]:
    text = list(batch.parse)
    applied = []
    for waiver in WAIVERS:
        for match in waiver.pattern.finditer(batch.code):
            group = "mask" if "mask" in waiver.pattern.groupindex else 0
            begin, end = match.span(group)
            for i in range(begin, end):
                if text[i] not in "\r\n":
                    text[i] = " "
            applied.append((batch.code.count("\n", 0, begin) + 1, waiver))
    applied.sort(key=lambda pair: pair[0])
    return "".join(text), applied


def _rule_problems(tree) -> list[Problem]:
    problems: list[Problem] = []
    parents: dict[int, object] = {}
    merges, throws, batches = [], [], []

    def walk(seg) -> None:
        for child in seg.segments:
            parents[id(child)] = seg
            if child.is_type("merge_statement"):
                merges.append(child)
            elif child.is_type("throw_statement"):
                throws.append(child)
            elif child.is_type("batch"):
                batches.append(child)
            walk(child)

    walk(tree)

    # Module statements first in their batch.
    statements = [c for b in batches for c in b.segments if c.is_type("statement")]
    for position, statement in enumerate(statements):
        kind = next((c for c in statement.segments if not c.is_meta), None)
        if kind is None or position == 0:
            continue
        for seg_type, noun in _BATCH_FIRST.items():
            if kind.is_type(seg_type):
                verb = kind.raw.split(None, 1)[0].upper() if kind.raw.strip() else "CREATE"
                problems.append(
                    Problem(
                        statement.pos_marker.line_no,
                        f"{verb} {noun} must be the first statement in its batch (put GO before it)",
                    )
                )
                break

    # MERGE must end with ';'.
    raws = [r for r in tree.raw_segments if not r.is_meta]
    index = {id(r): i for i, r in enumerate(raws)}
    for merge in merges:
        own = [r for r in merge.raw_segments if not r.is_meta]
        code = [r for r in own if not _is_noncode(r)]
        if code and code[-1].raw == ";":
            continue
        i = index.get(id(own[-1]), len(raws)) + 1 if own else len(raws)
        while i < len(raws) and _is_noncode(raws[i]):
            i += 1
        if i >= len(raws) or raws[i].raw != ";":
            problems.append(Problem(merge.pos_marker.line_no, "MERGE must be terminated by ';'"))

    # The statement before THROW must end with ';'.
    for throw in throws:
        statement = parents.get(id(throw))
        holder = parents.get(id(statement)) if statement is not None else None
        if holder is None:
            continue
        siblings = [c for c in holder.segments if not c.is_meta and not _is_noncode(c)]
        position = next((i for i, c in enumerate(siblings) if c is statement), 0)
        if position > 0 and siblings[position - 1].is_type("statement"):
            problems.append(
                Problem(throw.pos_marker.line_no, "the statement before THROW must be terminated by ';'")
            )

    return problems


def _is_noncode(seg) -> bool:
    return seg.is_meta or any(seg.is_type(t) for t in _NON_CODE)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _excerpt(raw: str, limit: int = 80) -> str:
    flat = _one_line(raw)
    return repr(flat if len(flat) <= limit else flat[: limit - 3] + "...")


# ---------------------------------------------------------------------------
# Command line


def _collect(paths: list[str]) -> tuple[list[str], list[str]]:
    files, missing = [], []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                found += [os.path.join(root, n) for n in names if n.lower().endswith(".sql")]
            files += sorted(found)
        elif os.path.isfile(path):
            files.append(path)
        else:
            missing.append(path)
    return files, missing


@dataclass
class FileReport:
    lines: list[str] = field(default_factory=list)
    passed: int = 0
    failed: int = 0
    waived: int = 0


_GATE: Gate | None = None  # one Linter per process, reused for every batch


def check_file(path: str) -> FileReport:
    global _GATE
    if _GATE is None:
        _GATE = Gate()
    report = FileReport()
    try:
        with open(path, encoding="utf-8-sig") as handle:
            source = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        report.lines.append(f"{path}:1: cannot read: {error}")
        report.failed += 1
        return report
    for batch in split_batches(source):
        outcome = _GATE.check(batch)

        def where(line: int) -> str:
            return f"{path}:{batch.first_line + line - 1}: batch {batch.number}"

        for problem in outcome.problems:
            report.lines.append(f"{where(problem.line)}: {problem.message}")
        for line, waiver in outcome.waivers:
            report.lines.append(f"{where(line)}: waived ({waiver.id}): {waiver.reason}")
        if outcome.problems:
            report.failed += 1
        elif outcome.waivers:
            report.waived += 1
        else:
            report.passed += 1
    return report


def main(argv: list[str]) -> int:
    # One process unless asked: a forked pool can hang when the parent holds
    # threads, and the gate is fast enough for the snapshots alone.
    stats, jobs, paths = False, 1, []
    args = iter(argv)
    for arg in args:
        if arg == "--stats":
            stats = True
        elif arg in ("-j", "--jobs"):
            jobs = max(1, int(next(args, "1")))
        elif arg.startswith("--jobs="):
            jobs = max(1, int(arg.split("=", 1)[1]))
        elif arg in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            paths.append(arg)
    if not paths:
        print(__doc__.strip())
        return 2
    files, missing = _collect(paths)
    passed = failed = waived = 0
    for path in missing:
        print(f"{path}: no such file or directory")
        failed += 1
    started = time.perf_counter()
    jobs = min(jobs, len(files))
    if jobs > 1:
        import multiprocessing

        # spawn, not fork: each worker starts clean (fork copies held locks).
        context = multiprocessing.get_context("spawn")
        with context.Pool(jobs) as pool:
            reports = pool.map(check_file, files, chunksize=1)
    else:
        reports = [check_file(path) for path in files]
    for report in reports:
        for line in report.lines:
            print(line)
        passed += report.passed
        failed += report.failed
        waived += report.waived
    total = passed + failed + waived
    if total == 0 and not missing:
        print("tsql-gate: no batch found")
    print(f"tsql-gate: {passed} passed, {failed} failed, {waived} waived", flush=True)
    if stats:
        elapsed = time.perf_counter() - started
        rate = total / elapsed if elapsed > 0 else 0.0
        print(
            f"tsql-gate: {len(files)} files, {total} batches in {elapsed:.2f}s "
            f"({rate:.0f} batches/s, {max(jobs, 1)} process(es), sqlfluff setup included)",
            file=sys.stderr,
        )
    return 1 if failed or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
