/// Paragraphs too long for a reader to hold.
public struct ParagraphLengthRule: Rule {
    public static let description = RuleDescription(
        id: "paragraph-length",
        name: "长段",
        summary: "A paragraph longer than `max` characters (default 500). Off by default.",
        rationale: """
            Official documents are read on paper and on screens; editors of 公文 split paragraphs at about \
            300–500 characters so that each carries one point (《党政机关公文格式》GB/T 9704-2012 sets the page: \
            22 lines of 28 characters, so 500 characters fill most of a page). Off by default: scraped texts \
            often lose their paragraph breaks.
            """,
        category: .readability,
        severity: .info,
        enabledByDefault: false,
        examples: [
            .triggers("⟦" + String(repeating: "办公室工作要统筹兼顾，做到忙而不乱。", count: 30) + "⟧"),
            .passes("办公室工作要统筹兼顾，做到忙而不乱。"),
        ]
    )

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let limit = Int(document.options.number("max", for: Self.description, default: 500))
        let source = document.source
        for index in 0..<source.lineStarts.count {
            let line = CharClass.trimmingWhitespace(source.lineRange(index), in: document.units)
            let length = document.units[line].count { !CharClass.isWhitespace($0) }
            guard length > limit else { continue }
            findings.append(document.finding(
                Self.description, range: line,
                message: "段落长\(length)字，超过\(limit)字，可考虑分段。"))
        }
    }
}
