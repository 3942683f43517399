/// ASCII symbols that have no business between Chinese characters: 更快的`发展, 的'思想.
public struct StraySymbolRule: Rule {
    public static let description = RuleDescription(
        id: "stray-symbol",
        name: "多余符号",
        summary: "A backtick, apostrophe, caret, backslash, pipe or tilde between Chinese characters.",
        rationale: """
            GB/T 15834-2011 has no use for these marks inside Chinese text; between two Chinese \
            characters they are left over from typing, OCR or web scraping.
            """,
        category: .punctuation,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("才能推动更快的⟦`⟧发展"),
            .triggers("统一大家的⟦'⟧思想"),
            .passes("使用 `code` 标记"),
            .passes("他说'好'"),
            .fixes("统一大家的'思想", to: "统一大家的思想"),
        ]
    )

    static let symbols: CodeUnitSet = "`'^\\|~"

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        guard units.count >= 3 else { return }
        for i in 1..<(units.count - 1) where Self.symbols.contains(units[i]) {
            guard CharClass.isHan(units[i - 1]), CharClass.isHan(units[i + 1]) else { continue }
            // A symbol that also appears paired on the line (quoting) is deliberate.
            let line = document.source.lineRange(document.source.lineIndex(of: i))
            if units[line].filter({ $0 == units[i] }).count > 1 { continue }
            findings.append(document.finding(
                Self.description, range: i..<i + 1,
                message: "中文之间多了符号“\(document.string(i..<i + 1))”，应删除。", suggestions: [""], fix: .safe))
        }
    }
}
