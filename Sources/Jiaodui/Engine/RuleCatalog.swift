import Foundation

/// Every rule Jiaodui has, and how to build the enabled ones.
public enum RuleCatalog {
    /// The descriptions of all rules, in the order they are listed to users.
    public static let descriptions: [RuleDescription] = [
        WrongWordRule.description,
        TypoRule.description,
        DeDiDeRule.description,
        ConjunctionPairingRule.description,
        DuplicateCharRule.description,
        StraySymbolRule.description,
        BrokenLineRule.description,
        MixedScriptRule.description,
        HeadingNumberingRule.description,
        ColloquialRule.description,
        OverclaimRule.description,
        JargonRule.description,
        PunctuationWidthRule.description,
        PairedPunctuationRule.description,
        NumberUsageRule.description,
        SentenceLengthRule.description,
        ParagraphLengthRule.description,
        ScrapeResidueRule.description,
        Suppressions.unusedDescription,
    ]

    /// The rules that report entries of the substitution lexicons (a lexicon file's `rule:` names one).
    static let lexiconRuleDescriptions = [WrongWordRule.description, ColloquialRule.description, OverclaimRule.description, JargonRule.description]

    public static func description(of id: String) -> RuleDescription? { descriptions.first { $0.id == id } }

    /// The shipped substitution entries (wrong-word, colloquial, overclaim, jargon), loaded once per process on first use.
    static let shippedLexiconEntries = Result { try CompiledLexicon.loadShipped() }

    static let shippedLexicon = Result { try SubstitutionLexicon(entries: try shippedLexiconEntries.get()) }

    static func makeRules(for configuration: LintConfiguration) throws -> [any Rule] {
        var rules: [any Rule] = []
        var lexicon: SubstitutionLexicon?
        func loadLexicon() throws -> SubstitutionLexicon {
            if let lexicon { return lexicon }
            let loaded = configuration.userLexicons.isEmpty
                ? try shippedLexicon.get()
                : try SubstitutionLexicon(entries: try shippedLexiconEntries.get() + SubstitutionLexicon.load(files: configuration.userLexicons))
            lexicon = loaded
            return loaded
        }
        if lexiconRuleDescriptions.contains(where: configuration.isEnabled) {
            let lexicon = try loadLexicon()
            let all: [any Rule] = [WrongWordRule(lexicon: lexicon), ColloquialRule(lexicon: lexicon), OverclaimRule(lexicon: lexicon), JargonRule(lexicon: lexicon)]
            rules += all.filter { configuration.isEnabled($0.description) }
        }
        if configuration.isEnabled(TypoRule.description) {
            guard let dictionary = WordDictionary.shipped else { throw LexiconError(description: "dict/words.bin is missing") }
            rules.append(TypoRule(model: try TypoModel.shared.get(), dictionary: dictionary,
                                  userDictionary: configuration.userDictionary, allowedWords: configuration.allowedWords,
                                  lexicon: try loadLexicon()))
        }
        if configuration.isEnabled(DeDiDeRule.description) { rules.append(try DeDiDeRule()) }
        let simpleRules: [any Rule] = [ConjunctionPairingRule(), DuplicateCharRule(), StraySymbolRule(), BrokenLineRule(), MixedScriptRule(),
                                       HeadingNumberingRule(), PunctuationWidthRule(), PairedPunctuationRule(), NumberUsageRule(),
                                       SentenceLengthRule(), ParagraphLengthRule(), ScrapeResidueRule()]
        rules += simpleRules.filter { configuration.isEnabled($0.description) }
        return rules
    }
}
