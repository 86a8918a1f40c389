import Foundation
import OEEModel
import SyntheticModel

// oeedb benchmarks: prints wall time (best of N runs) and peak memory.
// Usage: swift run -c release oeedb-bench [tables]

let arguments = Array(CommandLine.arguments.dropFirst())
let tables = arguments.first.flatMap(Int.init) ?? 2_000
// `oeedb-bench N --export FILE [--variant V]`: write the synthetic model (V > 0:
// with every 10th table changed) as a JSON snapshot and stop.
if let i = arguments.firstIndex(of: "--export"), i + 1 < arguments.count {
    let variant = arguments.firstIndex(of: "--variant").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 0
    try ModelSnapshot.encode(SyntheticModel.build(tables: tables, variant: variant)).write(to: URL(fileURLWithPath: arguments[i + 1]))
    exit(0)
}
let runs = 5

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
    return kb / 1024
}

func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> (T, Duration) {
    var best: Duration = .seconds(1_000)
    var result: T?
    for _ in 0..<runs {
        let start = ContinuousClock.now
        let r = try body()
        best = min(best, ContinuousClock.now - start)
        result = r
    }
    report(label, best.milliseconds, "ms")
    return (result!, best)
}

/// One aligned result line: `  label ....  12.3 ms`.
func report(_ label: String, _ value: Double, _ unit: String) {
    let padded = label.padding(toLength: 46, withPad: " ", startingAt: 0)
    print("  \(padded) \(String(format: "%9.1f", value)) \(unit)")
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15 }
}

print("model benchmark: \(tables) tables × (10 columns, 3 indexes, 2 foreign keys); best of \(runs)")
let (db, build) = measure("build (DSL)") { SyntheticModel.build(tables: tables) }
let (diagnostics, validate) = measure("validate") { ModelValidator.validate(db) }
let (json, encode) = try measure("serialize (JSON)") { try ModelSnapshot.encode(db) }
let (_, decode) = try measure("load (JSON)") { try ModelSnapshot.decode(json) }
precondition(diagnostics.errors.isEmpty, "synthetic model invalid: \(diagnostics.prefix(3))")
let total = build + validate + encode
report("build + validate + serialize", total.milliseconds, "ms")
report("JSON size", Double(json.count) / 1_048_576, "MiB")
report("peak RSS", peakRSSMiB(), "MiB")
_ = decode

// Diff + render: the synthetic model against a copy with 10 % of tables changed.
import OEEDiff
import SQLServer

func diffRender(_ count: Int) throws -> (Duration, Int) {
    let a = SyntheticModel.build(tables: count)
    let b = SyntheticModel.build(tables: count, variant: 3)
    var lines = 0
    let (_, t) = try measure("diff + render (\(count) tables, 10 % changed)") { () -> Int in
        let plan = try Differ.plan(from: a, to: b)
        let dialect = SQLServerDialect()
        lines = dialect.scriptText(try dialect.render(plan)).split(separator: "\n").count
        return lines
    }
    return (t, lines)
}

let (small, _) = try diffRender(max(1, tables / 10))
let (large, lines) = try diffRender(tables)
report("SQL lines for \(tables) tables", Double(lines), "lines")
report("time ratio \(tables) / \(max(1, tables / 10)) tables", large.milliseconds / max(small.milliseconds, 0.001), "×")
report("peak RSS (after diff + render)", peakRSSMiB(), "MiB")
