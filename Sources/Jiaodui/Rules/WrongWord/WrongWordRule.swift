/// Wrong words (错别字) from the substitution lexicons in `Lexicons/wrong-word/` and the user's own.
public struct WrongWordRule: LexiconRule {
    public static let description = RuleDescription(
        id: "wrong-word",
        name: "错别字",
        summary: "Wrong characters in fixed expressions, confusable words, spun collocations and conversion leftovers.",
        rationale: """
            Each entry cites its source in its lexicon file (《现代汉语词典》第7版, 《第一批异形词整理表》, \
            国家语委 and publishing-industry lists of common wrong characters). Entries are literal and carry \
            context conditions, so a word that is right in one context is not flagged in another.
            """,
        category: .wrongWord,
        severity: .error,
        fixes: true,
        examples: [
            .triggers("坚持⟦实事求事⟧的原则"),
            .triggers("对工作推诿拖拉、⟦推倭⟧扯皮的现象要严肃处理"),
            .passes("坚持实事求是的原则"),
            .passes("保障节日市场供应，价格平稳。"),
            .passes("影片《坚持实事求事》在各地放映"),
            .fixes("坚持实事求事的原则", to: "坚持实事求是的原则"),
        ]
    )

    public let lexicon: SubstitutionLexicon

    public init(lexicon: SubstitutionLexicon) { self.lexicon = lexicon }

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        // Inside 《…》 a title is cited as it is (the film 《惹事生非》), so it is not a slip.
        reportLexiconMatches(lexicon, document, into: &findings) { document.isQuoted($0, titles: true, quotes: false) }
    }
}
