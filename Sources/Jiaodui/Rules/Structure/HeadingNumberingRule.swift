/// Heading numbers in the GB/T 9704 hierarchy 一、 → （一） → 1. → （1）: sequence, separators, brackets, empty numbers.
public struct HeadingNumberingRule: Rule {
    public static let description = RuleDescription(
        id: "heading-numbering",
        name: "标题序号",
        summary: "Skipped, repeated, restarted or empty heading numbers; 一. or 1、 or （一）、 separators; half-width (一).",
        rationale: """
            GB/T 9704-2012 §7.3.3: “文中结构层次序数依次可以用‘一、’‘（一）’‘1.’‘（1）’标注”. Numbers at one \
            level run 一、二、三 without gaps or repeats; a level that starts again at 一、 inside the same part \
            is a second level written with first-level numbers. The brackets are full-width (GB/T 15834-2011 \
            §4.5), and a bracketed number takes no further separator.
            """,
        category: .structure,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("一、总体要求\n二、主要任务\n⟦四、⟧保障措施"),
            .triggers("一、总体要求\n⟦一、⟧主要任务"),
            .triggers("一、总体要求\n（一）⟦、⟧指导思想"),
            .triggers("⟦(一)⟧加强组织领导"),
            .triggers("一、总体要求\n1⟦、⟧指导思想"),
            .triggers("二、要有追踪反馈的功能。⟦()⟧正确处理好侧重与失重的关系。"),
            .triggers("⟦（）⟧加强组织领导"),
            .passes("一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）提高认识\n（2）加强学习\n2.坚持稳中求进\n（二）基本原则\n二、主要任务"),
            .passes("一、认清规律\n二、保持状态\n拓展：对自己的要求\n一、政务工作\n二、事务工作"),
            .passes("调用函数 f() 即可"),
            .passes("增长1.5倍。"),
        ]
    )

    /// Marks after which an empty number may stand: 。；： and their ASCII forms.
    static let beforeEmpty: CodeUnitSet = "。；：;:"

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        checkSequence(document, into: &findings)
        checkEmptyNumbers(document, into: &findings)
    }

    private func checkSequence(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        let source = document.source
        var last = [Int?](repeating: nil, count: 5)
        // A level restarted at 一 inside the same part: (level, next expected number) while it continues.
        var misusedRun: (level: Int, next: Int)?
        var newPart = false
        let markers = (0..<source.lineStarts.count).map { HeadingNumbers.marker(in: units, line: source.lineRange($0)) }
        let hasUpperLevels = markers.contains { $0.map { $0.level <= 2 } == true }
        for index in 0..<source.lineStarts.count {
            let line = source.lineRange(index)
            guard let marker = markers[index] else {
                if HeadingNumbers.isPartTitle(units[line]) { newPart = true }
                continue
            }
            if marker.halfWidthBrackets {
                let text = document.string(marker.range)
                findings.append(document.finding(
                    Self.description, range: marker.range,
                    message: "序号“\(text)”用了半角括号，应为全角“\(HeadingMarker.canonical(level: marker.level, number: marker.number))”。",
                    suggestions: [HeadingMarker.canonical(level: marker.level, number: marker.number)], fix: .safe))
            }
            // 1、 is only wrong where the document uses the GB/T 9704 hierarchy above it.
            if let separator = marker.wrongSeparator, marker.level != 3 || hasUpperLevels {
                let shown = document.string(separator)
                let message = marker.level == 1 ? "一级标题序号后用顿号“、”，不用“\(shown)”。"
                    : marker.level == 3 ? "三级标题序号“\(marker.number).”后用下脚点，不用顿号“、”（GB/T 9704-2012 §7.3.3）。"
                    : "括号序号后不再加“\(shown)”。"
                findings.append(document.finding(
                    Self.description, range: separator, message: message,
                    suggestions: [marker.level == 1 ? "、" : marker.level == 3 ? "." : ""], fix: .safe,
                    severity: marker.level == 3 ? .info : nil))
            }
            let level = marker.level, n = marker.number
            if newPart { last = [Int?](repeating: nil, count: 5); misusedRun = nil; newPart = false }
            if let run = misusedRun {
                if run.level == level && n == run.next {
                    reportMisused(marker, document, into: &findings)
                    misusedRun = (level, n + 1)
                    for deeper in (level + 1)..<5 { last[deeper] = nil }
                    continue
                }
                if level <= run.level { misusedRun = nil }
            }
            if let previous = last[level] {
                if n == 1 && previous >= 2 && level < 4 {
                    // Same level, same part, numbered again from 一: the outer sequence resumes after this run.
                    reportMisused(marker, document, into: &findings)
                    misusedRun = (level, 2)
                    for deeper in (level + 1)..<5 { last[deeper] = nil }
                    continue
                }
                let expected = HeadingMarker.canonical(level: level, number: previous)
                if n == previous {
                    findings.append(document.finding(Self.description, range: marker.range,
                                                     message: "序号“\(document.string(marker.range))”与上一个同级标题重复。"))
                } else if n > previous + 1 {
                    let missing = (previous + 1..<n).map { HeadingMarker.canonical(level: level, number: $0) }.joined(separator: "")
                    findings.append(document.finding(Self.description, range: marker.range,
                                                     message: "跳号：上一个同级序号是“\(expected)”，缺少“\(missing)”。"))
                } else if n < previous {
                    findings.append(document.finding(Self.description, range: marker.range,
                                                     message: "序号倒退：上一个同级序号是“\(expected)”。"))
                }
            }
            last[level] = n
            for deeper in (level + 1)..<5 { last[deeper] = nil }
        }
    }

    private func reportMisused(_ marker: HeadingMarker, _ document: DocumentContext, into findings: inout [Finding]) {
        let wanted = HeadingMarker.canonical(level: marker.level + 1, number: marker.number)
        findings.append(document.finding(
            Self.description, range: marker.range,
            message: "同一部分内序号又从头编起，层级混用：这一层是下一级标题，应为“\(wanted)”（GB/T 9704-2012 §7.3.3）。",
            suggestions: [wanted], fix: .suggested))
    }

    private func checkEmptyNumbers(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        let pairs: [(UInt16, UInt16)] = [(0x28, 0x29), (0xFF08, 0xFF09)]
        guard units.count >= 3 else { return }
        for i in 0..<(units.count - 2) {
            guard pairs.contains(where: { $0.0 == units[i] && $0.1 == units[i + 1] }), CharClass.isHan(units[i + 2]) else { continue }
            // At the start of a line or after a sentence end: where a heading number stands.
            let previous = i == 0 ? 0x0A : units[i - 1]
            guard CharClass.isLineBreak(previous) || CharClass.isWhitespace(previous) || Self.beforeEmpty.contains(previous) else { continue }
            findings.append(document.finding(Self.description, range: i..<i + 2,
                                             message: "序号为空：括号中缺少序号，应按“（一）（二）”或“（1）（2）”补全。"))
        }
    }
}
