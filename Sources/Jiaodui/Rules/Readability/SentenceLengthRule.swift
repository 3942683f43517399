/// Sentences too long to read in one breath.
public struct SentenceLengthRule: Rule {
    public static let description = RuleDescription(
        id: "sentence-length",
        name: "长句",
        summary: "A sentence longer than `max` characters (default 80). Off by default.",
        rationale: """
            Plain-language guidance for official writing (《党政机关公文处理工作条例》第十九条 “文字精练”; the \
            State Council's style notes) favours short sentences; readability studies of Chinese text find \
            comprehension drops as sentences pass 60–80 characters. Reported as information; set \
            `sentence-length: {max: N}` to change the limit. Off by default: about one news sentence in ten \
            runs past 80 characters, too many to show unasked.
            """,
        category: .readability,
        severity: .info,
        enabledByDefault: false,
        examples: [
            .triggers("⟦" + String(repeating: "办公室工作要统筹兼顾，", count: 8) + "做到忙而不乱。⟧"),
            .passes("办公室工作要统筹兼顾，做到忙而不乱。"),
        ]
    )

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let limit = Int(document.options.number("max", for: Self.description, default: 80))
        for sentence in Sentences.ranges(in: document.units) {
            let length = document.units[sentence].count { !CharClass.isWhitespace($0) }
            guard length > limit, document.units[sentence].contains(where: CharClass.isHan) else { continue }
            findings.append(document.finding(
                Self.description, range: sentence,
                message: "句子长\(length)字，超过\(limit)字，可考虑拆分。"))
        }
    }
}
