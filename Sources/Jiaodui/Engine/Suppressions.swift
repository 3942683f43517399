import Foundation

/// Inline control comments: `jiaodui-disable [rule…]`, `jiaodui-enable [rule…]` and
/// `jiaodui-disable-next-line [rule…]`, on a line of their own, bare in plain text or inside
/// an HTML comment (`<!-- jiaodui-disable wrong-word -->`) in Markdown. No rule ids means all rules.
struct Suppressions {
    private struct Region {
        let lines: ClosedRange<Int>   // 1-based
        let rules: Set<String>?       // nil: every rule
        let directiveLine: Int
    }
    private var regions: [Region] = []

    init(source: SourceText) {
        var open: [(start: Int, rules: Set<String>?)] = []
        let lineCount = source.lineStarts.count
        for index in 0..<lineCount {
            let line = index + 1
            let range = source.lineRange(index)
            // Most lines hold no directive: look for the marker before building a string.
            guard Self.containsMarker(source.units, range), let (verb, rules) = Self.directive(source.string(range)) else { continue }
            switch verb {
            case "jiaodui-disable-next-line":
                regions.append(Region(lines: (line + 1)...(line + 1), rules: rules, directiveLine: line))
            case "jiaodui-disable":
                open.append((line, rules))
            default: // enable
                if let rules {
                    // Re-enabling some rules closes them out of every open region that named them or all rules.
                    var remaining: [(start: Int, rules: Set<String>?)] = []
                    for region in open {
                        if let r = region.rules, r.isSubset(of: rules) {
                            regions.append(Region(lines: region.start...line, rules: r, directiveLine: region.start))
                        } else if let r = region.rules {
                            regions.append(Region(lines: region.start...line, rules: r.intersection(rules), directiveLine: region.start))
                            remaining.append((line, r.subtracting(rules)))
                        } else {
                            remaining.append(region)
                        }
                    }
                    open = remaining
                } else {
                    for region in open { regions.append(Region(lines: region.start...line, rules: region.rules, directiveLine: region.start)) }
                    open = []
                }
            }
        }
        for region in open { regions.append(Region(lines: region.start...max(region.start, lineCount), rules: region.rules, directiveLine: region.start)) }
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

    func suppresses(_ finding: Finding) -> Bool {
        regions.contains { $0.lines.contains(finding.start.line) && ($0.rules?.contains(finding.ruleID) ?? true) }
    }
}
