/// Half-width punctuation in Chinese text, doubled marks, wrong ellipses and dashes, and stray spaces.
public struct PunctuationWidthRule: Rule {
    public static let description = RuleDescription(
        id: "punctuation-width",
        name: "标点全半角",
        summary: "Half-width , : ; ? ! ( ) in Chinese text; doubled ，，/。。; ... or 。。。 for ……; -- for ——; a space between Chinese characters.",
        rationale: """
            GB/T 15834-2011 (标点符号用法) sets Chinese text with full-width marks (§3, §5.1): ，：；？！（）“” \
            occupy one character cell. The ellipsis is six dots in two cells, …… (§4.11), the dash two cells, \
            —— (§4.9). A mark is never doubled, and no space separates Chinese characters (§5.1.2).
            """,
        category: .punctuation,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("办公室工作千头万绪⟦,⟧纷繁复杂。"),
            .triggers("要把握好三个关系⟦:⟧一是政务和事务的关系"),
            .triggers("认清一个规律⟦(即办公室工作的规律)⟧"),
            .triggers("千头万绪⟦,纷繁复杂;⟧要冷静。"),
            .triggers("他说⟦，，⟧这件事要办好。"),
            .triggers("等等⟦...⟧"),
            .triggers("办公室⟦--⟧全局的枢纽"),
            .triggers("大家一块探讨⟦ ⟧“权大”与“权小”"),
            .passes("办公室工作千头万绪，纷繁复杂。"),
            .passes("共计1,234.5万元，比分3:1。"),
            .passes("参见 RFC 2119 (Key words)。"),
            .passes("使用 Python 语言"),
            .passes("（1）加强领导"),
            .fixes("千头万绪,纷繁复杂;要冷静(清醒)。", to: "千头万绪，纷繁复杂；要冷静（清醒）。"),
            .fixes("等等......", to: "等等……"),
        ]
    )

    public init() {}

    static let fullWidth: [UInt16: String] = [0x2C: "，", 0x3A: "：", 0x3B: "；", 0x3F: "？", 0x21: "！", 0x28: "（", 0x29: "）"]
    /// Full-width marks that never come twice in a row.
    static let neverDoubled: CodeUnitSet = "，、；：。"
    /// Chinese marks that a half-width mark may stand next to, as if it were Han text.
    static let cjkMarks: CodeUnitSet = "，。、；：？！“”‘’（）《》【】「」『』……——"

    @inline(__always) static func isChinese(_ u: UInt16) -> Bool { CharClass.isHan(u) || cjkMarks.contains(u) }

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        var halfWidth = HalfWidthMarks()
        var i = 0
        while i < units.count {
            let u = units[i]
            let previous: UInt16 = i > 0 ? units[i - 1] : 0x0A
            let next: UInt16 = i + 1 < units.count ? units[i + 1] : 0x0A
            switch u {
            case 0x2C, 0x3A, 0x3B, 0x3F, 0x21:
                // After Chinese text (so 1,234 and 3:1 stay).
                if Self.isChinese(previous) {
                    halfWidth.add(i, Self.fullWidth[u]!, document, into: &findings)
                }
            case 0x28:
                if let close = matchingParenthesis(units, from: i), isChineseParenthetical(units, open: i, close: close), !isHeadingNumber(units, open: i, close: close) {
                    halfWidth.add(i, "（", document, into: &findings)
                    halfWidth.add(close, "）", document, into: &findings)
                }
            case 0x2E where next == 0x2E && i + 2 < units.count && units[i + 2] == 0x2E && Self.isChinese(previous):
                let j = Self.runEnd(units, from: i) { $0 == 0x2E }
                report(document, i..<j, "……", "“\(document.string(i..<j))”", reason: "省略号应为“……”", into: &findings)
                i = j
                continue
            case 0x3002 where next == 0x3002 && i + 2 < units.count && units[i + 2] == 0x3002:
                let j = Self.runEnd(units, from: i) { $0 == 0x3002 }
                report(document, i..<j, "……", "“\(document.string(i..<j))”", reason: "省略号应为“……”", into: &findings)
                i = j
                continue
            case 0x2D:
                // Only ASCII hyphens: －－－ is an older but deliberate typesetting of the dash.
                guard next == u, CharClass.isHan(previous) else { break }
                let j = Self.runEnd(units, from: i) { $0 == u }
                if j < units.count, CharClass.isHan(units[j]) {
                    report(document, i..<j, "——", "“\(document.string(i..<j))”", reason: "破折号应为“——”", into: &findings)
                }
                i = j
                continue
            case 0x20, 0xA0:
                guard Self.isChinese(previous) else { break }
                let j = Self.runEnd(units, from: i) { $0 == 0x20 || $0 == 0xA0 }
                if j < units.count, Self.isChinese(units[j]) {
                    report(document, i..<j, "", "汉字之间的空格", reason: "中文行文中不空格，应删除", into: &findings)
                }
                i = j
                continue
            default:
                if Self.neverDoubled.contains(u), next == u {
                    let j = Self.runEnd(units, from: i) { $0 == u }
                    let mark = String(utf16Units: [u])
                    report(document, i..<j, mark, "“\(document.string(i..<j))”", reason: "标点重复，只用一个“\(mark)”", into: &findings)
                    i = j
                    continue
                }
            }
            i += 1
        }
        halfWidth.flush(document, into: &findings)
    }

    /// The half-width marks of one paragraph, reported together as one finding whose suggestion is the
    /// stretch with every mark made full-width: scraped documents have hundreds of them, and one line
    /// of output per paragraph is what a reader (and a fix) needs.
    struct HalfWidthMarks {
        var marks: [(offset: Int, replacement: String)] = []
        var line = -1

        mutating func add(_ offset: Int, _ replacement: String, _ document: DocumentContext, into findings: inout [Finding]) {
            let index = document.source.lineIndex(of: offset)
            if index != line { flush(document, into: &findings); line = index }
            marks.append((offset, replacement))
        }

        mutating func flush(_ document: DocumentContext, into findings: inout [Finding]) {
            guard !marks.isEmpty else { return }
            marks.sort { $0.offset < $1.offset }
            let range = marks[0].offset..<marks[marks.count - 1].offset + 1
            var fixed = Array(document.units[range])
            var counts: [UInt16: Int] = [:]
            for mark in marks {
                fixed[mark.offset - range.lowerBound] = mark.replacement.utf16.first!
                counts[document.units[mark.offset], default: 0] += 1
            }
            func mark(_ u: UInt16) -> String { String(utf16Units: [u]) }
            let list = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "“\(mark($0.key))”×\($0.value)" }.joined(separator: "、")
            let message = marks.count == 1
                ? "半角“\(mark(counts.keys.first!))”在中文中应为全角“\(marks[0].replacement)”。"
                : "本段有\(marks.count)处半角标点（\(list)），在中文中应为全角。"
            findings.append(document.finding(PunctuationWidthRule.description, range: range, message: message,
                                             suggestions: [String(utf16Units: fixed)], fix: .safe))
            marks.removeAll()
        }
    }

    /// The end of the run of units from `start` that satisfy `belongs`.
    static func runEnd(_ units: [UInt16], from start: Int, while belongs: (UInt16) -> Bool) -> Int {
        var end = start
        while end < units.count, belongs(units[end]) { end += 1 }
        return end
    }

    private func report(_ document: DocumentContext, _ range: Range<Int>, _ replacement: String, _ what: String,
                        reason: String? = nil, into findings: inout [Finding]) {
        findings.append(document.finding(
            Self.description, range: range,
            message: "\(what)\(reason.map { "：\($0)" } ?? "在中文中应为全角“\(replacement)”")。",
            suggestions: [replacement], fix: .safe))
    }

    /// The `)` closing the `(` at `open` on the same line, if any.
    private func matchingParenthesis(_ units: [UInt16], from open: Int) -> Int? {
        var depth = 0
        var j = open
        while j < units.count, !CharClass.isLineBreak(units[j]) {
            if units[j] == 0x28 { depth += 1 } else if units[j] == 0x29 { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return nil
    }

    /// Chinese text inside, or Chinese text right outside: 规律(即…), 学习(study).
    private func isChineseParenthetical(_ units: [UInt16], open: Int, close: Int) -> Bool {
        let inside = units[(open + 1)..<close]
        let before: UInt16 = open > 0 ? units[open - 1] : 0x0A
        return inside.contains(where: CharClass.isHan) && (Self.isChinese(before) || inside.first.map(CharClass.isHan) == true)
    }

    /// (一) or (1) opening a line: the heading-numbering rule reports those.
    private func isHeadingNumber(_ units: [UInt16], open: Int, close: Int) -> Bool {
        var k = open - 1
        while k >= 0, units[k] == 0x20 || units[k] == 0x3000 || units[k] == 0x09 { k -= 1 }
        guard k < 0 || CharClass.isLineBreak(units[k]) else { return false }
        return close - open <= 4 && units[(open + 1)..<close].allSatisfy { HeadingNumbers.value(of: $0) != nil }
    }
}
