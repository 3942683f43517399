/// Empty set phrases (套话), corporate and internet buzzwords, and redundant wording.
public struct JargonRule: LexiconRule {
    public static let description = RuleDescription(
        id: "jargon",
        name: "套话和黑话",
        summary: "Set phrases that say little (高度重视, 全方位多层次宽领域), buzzwords (赋能, 抓手, 闭环) and redundancy (原因是因为).",
        rationale: """
            《党政机关公文处理工作条例》第十九条 asks for “文字精练”; the 2019 中办 notice on reducing \
            formalism (《关于解决形式主义突出问题为基层减负的通知》) names empty phrasing (“穿靴戴帽”、套话) as \
            a problem. Buzzwords from internet companies (赋能, 抓手, 闭环, 颗粒度) obscure meaning for readers \
            outside the trade; redundant pairs (原因是因为, 凯旋而归) say the same thing twice \
            (《现代汉语词典》第7版 on 凯旋, 忍俊不禁). Density per 1,000 characters is part of `summarize`.
            """,
        category: .jargon,
        severity: .info,
        fixes: true,
        examples: [
            .triggers("我们要用数字化为基层治理⟦赋能⟧。"),
            .triggers("事故⟦原因是因为⟧操作不当。"),
            .passes("事故原因是操作不当。"),
            .passes("他在发言中批评了“赋能”一类的说法。"),
            .fixes("事故原因是因为操作不当。", to: "事故原因是操作不当。"),
        ]
    )

    public let lexicon: SubstitutionLexicon
    public init(lexicon: SubstitutionLexicon) { self.lexicon = lexicon }
}
