/// Absolute and superlative claims: advertising-law words and report-style inflation.
public struct OverclaimRule: LexiconRule {
    public static let description = RuleDescription(
        id: "overclaim",
        name: "夸大表述",
        summary: "Absolute or superlative claims (最佳, 国家级, 史无前例, 彻底解决, 百分之百) that need a source or a softer word.",
        rationale: """
            《中华人民共和国广告法》第九条第三项 forbids “国家级”“最高级”“最佳” and the like in advertising; \
            reports and summaries are held to 实事求是、不夸大成绩 (《党政机关公文处理工作条例》第十九条: \
            “情况确实”). Each claim is shown as information; set the rule's severity to warning or error for \
            marketing copy.
            """,
        category: .overclaim,
        severity: .info,
        examples: [
            .triggers("今年的招商工作取得了⟦史无前例⟧的成绩。"),
            .triggers("本产品采用⟦国家级⟧工艺。"),
            .passes("今年的招商工作取得了较好的成绩。"),
            .passes("会议提出“前所未有”的说法值得商榷。"),
        ]
    )

    public let lexicon: SubstitutionLexicon
    public init(lexicon: SubstitutionLexicon) { self.lexicon = lexicon }
}
