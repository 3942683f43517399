/// A rule whose findings are the entries of the shared substitution lexicon that name it.
public protocol LexiconRule: Rule {
    var lexicon: SubstitutionLexicon { get }
}

extension LexiconRule {
    /// By default a lexicon rule reports its entries outside quotations and titles: quoted words are
    /// someone else's.
    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        reportLexiconMatches(lexicon, document, into: &findings) { document.isQuoted($0) }
    }

    /// Reports this rule's matches, skipping those `skip` rejects (quoted text, titles).
    func reportLexiconMatches(_ lexicon: SubstitutionLexicon, _ document: DocumentContext, into findings: inout [Finding],
                              skip: (Range<Int>) -> Bool) {
        let id = Self.description.id
        let script = ScriptTable.shared
        for (range, index) in document.matches(of: lexicon) where lexicon.entries[index].rule == id && !skip(range) {
            let entry = lexicon.entries[index]
            // Suggestions follow the document's script; converting back is not always exact, so
            // in Traditional text a fix is never applied without review.
            let rights = document.isTraditional ? entry.right.map { script.traditional($0) } : entry.right
            let shown = document.string(range)
            let message = rights.isEmpty
                ? "“\(shown)”：\(entry.why)"
                : "“\(shown)”应为“\(rights.joined(separator: "”或“"))”：\(entry.why)"
            findings.append(document.finding(
                Self.description, range: range, message: message, suggestions: rights,
                fix: document.isTraditional && entry.fix == .safe ? .suggested : entry.fix,
                severity: document.options.severities[id] ?? entry.severity,
                category: entry.category))
        }
    }
}
