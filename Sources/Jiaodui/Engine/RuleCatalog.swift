import Foundation

/// Every rule Jiaodui has, and how to build the enabled ones.
public enum RuleCatalog {
    /// The descriptions of all rules, in the order they are listed to users.
    public static let descriptions: [RuleDescription] = [
        WrongWordRule.description,
        DeDiDeRule.description,
        ConjunctionPairingRule.description,
        DuplicateCharRule.description,
        StraySymbolRule.description,
        BrokenLineRule.description,
        MixedScriptRule.description,
        HeadingNumberingRule.description,
    ]

    public static func description(of id: String) -> RuleDescription? { descriptions.first { $0.id == id } }

    /// The shipped wrong-word entries, loaded once per process on first use.
    static let shippedWrongWordEntries = Result {
        try SubstitutionLexicon.load(files: SubstitutionLexicon.shippedFiles(folder: "wrong-word"), ruleID: "wrong-word")
    }

    static let shippedWrongWordLexicon = Result { try SubstitutionLexicon(entries: try shippedWrongWordEntries.get()) }

    static func makeRules(for configuration: LintConfiguration) throws -> [any Rule] {
        var rules: [any Rule] = []
        if configuration.isEnabled(WrongWordRule.description) {
            let lexicon: SubstitutionLexicon
            if configuration.userLexicons.isEmpty {
                lexicon = try shippedWrongWordLexicon.get()
            } else {
                let user = try SubstitutionLexicon.load(files: configuration.userLexicons, ruleID: "wrong-word")
                lexicon = try SubstitutionLexicon(entries: try shippedWrongWordEntries.get() + user)
            }
            rules.append(WrongWordRule(lexicon: lexicon))
        }
        let simpleRules: [any Rule] = [ConjunctionPairingRule(), DuplicateCharRule(), StraySymbolRule(), BrokenLineRule(), MixedScriptRule(), HeadingNumberingRule()]
        if configuration.isEnabled(DeDiDeRule.description) { rules.append(try DeDiDeRule()) }
        rules += simpleRules.filter { configuration.isEnabled($0.description) }
        return rules
    }
}
