/// Applies findings' fixes to text. Only the fixed spans change: every other unit is kept, so
/// line endings, spacing and everything the rules did not touch stay as they were.
public enum Fixer {
    /// The fixes a run may apply: `safe` ones, and `suggested` ones too when `unsafe`.
    public static func applicable(_ findings: [Finding], unsafe: Bool) -> [Finding] {
        findings.filter { ($0.fix == .safe || (unsafe && $0.fix == .suggested)) && !$0.suggestions.isEmpty }
    }

    /// The text with each fix's first suggestion in place of its span. Where spans overlap, the
    /// one that starts first wins; the others wait for the next pass.
    public static func apply(_ findings: [Finding], to units: [UInt16]) -> (units: [UInt16], applied: [Finding]) {
        var applied: [Finding] = []
        var end = 0
        for finding in findings.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) })
        where finding.range.lowerBound >= end && finding.range.upperBound <= units.count {
            // Two fixes at one empty point would be ambiguous; the first one wins.
            if let last = applied.last, last.range.isEmpty, finding.range.lowerBound == last.range.lowerBound { continue }
            applied.append(finding)
            end = max(end, finding.range.upperBound)
        }
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var position = 0
        for finding in applied {
            out.append(contentsOf: units[position..<finding.range.lowerBound])
            out.append(contentsOf: finding.suggestions[0].utf16)
            position = finding.range.upperBound
        }
        out.append(contentsOf: units[position...])
        return (out, applied)
    }

    /// Lints and fixes until nothing more changes (at most `passes` times), so that running it
    /// again is a no-op. Returns the final text and every fix applied.
    public static func fixAll(_ units: [UInt16], unsafe: Bool, passes: Int = 5, lint: ([UInt16]) -> [Finding]) -> (units: [UInt16], applied: [Finding]) {
        var current = units
        var all: [Finding] = []
        for _ in 0..<passes {
            let (next, applied) = apply(applicable(lint(current), unsafe: unsafe), to: current)
            if applied.isEmpty || next == current { break }
            all += applied
            current = next
        }
        return (current, all)
    }
}

/// A unified diff of two texts by lines (Myers' algorithm), for `jiaodui fix --dry-run`.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = edits(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var i = 0
        while i < script.count {
            guard script[i].kind != .same else { i += 1; continue }
            // A hunk: changes plus context, merging changes closer than twice the context.
            var start = i, end = i
            while start > 0 && script[start - 1].kind == .same && i - start < context { start -= 1 }
            var j = i
            while j < script.count {
                if script[j].kind != .same { end = j; j += 1; continue }
                var k = j
                while k < script.count && script[k].kind == .same { k += 1 }
                if k < script.count && k - j <= 2 * context { j = k } else { break }
            }
            let stop = min(script.count, end + 1 + context)
            let slice = script[start..<stop]
            let oldStart = slice.first!.oldIndex, newStart = slice.first!.newIndex
            let oldCount = slice.filter { $0.kind != .insert }.count, newCount = slice.filter { $0.kind != .delete }.count
            out += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for e in slice {
                switch e.kind {
                case .same: out += " " + a[e.oldIndex]
                case .delete: out += "-" + a[e.oldIndex]
                case .insert: out += "+" + b[e.newIndex]
                }
                if !(out.hasSuffix("\n")) { out += "\n\\ No newline at end of file\n" }
            }
            i = stop
        }
        return out
    }

    /// Lines with their endings kept (so CRLF changes would show).
    static func lines(_ s: String) -> [String] {
        var result: [String] = []
        var current = ""
        for c in s {
            current.append(c)
            if c == "\n" || c == "\r\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    struct Edit { enum Kind { case same, delete, insert }; let kind: Kind; let oldIndex: Int; let newIndex: Int }

    /// The shortest edit script (Myers 1986), as a list of kept, deleted and inserted lines.
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count, offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        outer: for d in 0...(n + m) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { break outer }
            }
        }
        var result: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK], previousY = previousX - previousK
            while x > previousX && y > previousY { x -= 1; y -= 1; result.append(Edit(kind: .same, oldIndex: x, newIndex: y)) }
            if d > 0 {
                if x == previousX { y -= 1; result.append(Edit(kind: .insert, oldIndex: x, newIndex: y)) }
                else { x -= 1; result.append(Edit(kind: .delete, oldIndex: x, newIndex: y)) }
            }
        }
        return result.reversed()
    }
}
