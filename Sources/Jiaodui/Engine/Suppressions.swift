import Foundation

/// Inline control comments: `jiaodui-disable [rule…]`, `jiaodui-enable [rule…]` and
/// `jiaodui-disable-next-line [rule…]`, on a line of their own, bare in plain text or inside
/// an HTML comment (`<!-- jiaodui-disable wrong-word -->`) in Markdown. No rule ids means all rules.
struct Suppressions {
    // Directive regions with a record of which ones silenced a finding.
    private struct Region {
        let lines: ClosedRange<Int>   // 1-based
        let rules: Set<String>?       // nil: every rule
        let directiveLine: Int
    }
    private var regions: [Region] = []
    /// Whether each region silenced something.
    private var used: [Bool] = []
    /// The 0-based indices of the lines that hold a directive: control text, not prose.
    private(set) var directiveLineIndices: [Int] = []

    init(source: SourceText) {
        var open: [(start: Int, rules: Set<String>?, directive: Int)] = []
        let lineCount = source.lineStarts.count
        for index in 0..<lineCount {
            let line = index + 1
            let range = source.lineRange(index)
            // Most lines hold no directive: look for the marker before building a string.
            guard Self.containsMarker(source.units, range), let (verb, rules) = Self.directive(source.string(range)) else { continue }
            directiveLineIndices.append(index)
            switch verb {
            case "jiaodui-disable-next-line":
                regions.append(Region(lines: (line + 1)...(line + 1), rules: rules, directiveLine: line))
            case "jiaodui-disable":
                open.append((line + 1, rules, line))
            default: // enable
                if let rules {
                    // Re-enabling some rules closes them out of every open region that named them or all rules.
                    var remaining: [(start: Int, rules: Set<String>?, directive: Int)] = []
                    for region in open {
                        if let r = region.rules, r.isSubset(of: rules) {
                            regions.append(Region(lines: region.start...max(region.start, line), rules: r, directiveLine: region.directive))
                        } else if let r = region.rules {
                            regions.append(Region(lines: region.start...max(region.start, line), rules: r, directiveLine: region.directive))
                            remaining.append((line + 1, r.subtracting(rules), region.directive))
                        } else {
                            remaining.append(region)
                        }
                    }
                    open = remaining
                } else {
                    for region in open { regions.append(Region(lines: region.start...max(region.start, line), rules: region.rules, directiveLine: region.directive)) }
                    open = []
                }
            }
        }
        for region in open { regions.append(Region(lines: region.start...max(region.start, lineCount), rules: region.rules, directiveLine: region.directive)) }
        used = Array(repeating: false, count: regions.count)
    }

    private static let marker: [UInt16] = Array("jiaodui-".utf16)

    private static func containsMarker(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        let m = marker
        guard range.count >= m.count else { return false }
        var i = range.lowerBound
        let last = range.upperBound - m.count
        while i <= last {
            if units[i] == m[0] {
                var k = 1
                while k < m.count && units[i + k] == m[k] { k += 1 }
                if k == m.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Parses a directive line, returning its verb and rule ids (nil for all).
    static func directive(_ line: String) -> (String, Set<String>?)? {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("<!--") && text.hasSuffix("-->") {
            text = text.dropFirst(4).dropLast(3)
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        guard let verb = words.first, ["jiaodui-disable", "jiaodui-enable", "jiaodui-disable-next-line"].contains(String(verb)) else {
            return nil
        }
        let rules = words.dropFirst().map(String.init)
        return (String(verb), rules.isEmpty ? nil : Set(rules))
    }

    /// The findings no directive silences; marks the directives that silenced something.
    mutating func filter(_ findings: [Finding]) -> [Finding] {
        guard !regions.isEmpty else { return findings }
        return findings.filter { finding in
            var silenced = false
            for (i, region) in regions.enumerated()
            where region.lines.contains(finding.start.line) && (region.rules?.contains(finding.ruleID) ?? true) {
                used[i] = true
                silenced = true
            }
            return !silenced
        }
    }

    /// Directive lines that silenced nothing although every rule they name ran.
    func unusedDirectiveLines(ran: (String) -> Bool) -> [Int] {
        // A directive split by a partial enable is used when any of its regions is.
        var usedDirectives = Set<Int>(), judged = Set<Int>()
        for (i, region) in regions.enumerated() {
            if used[i] { usedDirectives.insert(region.directiveLine) }
            if region.rules?.allSatisfy(ran) ?? true { judged.insert(region.directiveLine) }
        }
        return judged.subtracting(usedDirectives).sorted()
    }

    static let unusedDescription = RuleDescription(
        id: "unused-suppression",
        name: "无用的屏蔽指令",
        summary: "A jiaodui-disable, jiaodui-disable-next-line or jiaodui-enable region that silences nothing.",
        rationale: """
            A directive left behind after the text was corrected would silently hide the next real             problem there (as SwiftLint's superfluous_disable_command warns). Directives that name             rules not run in this check are not judged.
            """,
        category: .structure,
        severity: .warning,
        examples: [
            .triggers("⟦jiaodui-disable-next-line⟧\n办公室工作。"),
            .triggers("⟦<!-- jiaodui-disable -->⟧\n办公室工作。"),
            .passes("jiaodui-disable-next-line some-rule-not-run\n办公室工作。"),
            .passes("办公室工作。"),
        ]
    )
}