/// How serious a finding is. Ordered: info < warning < error.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error
    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Whether `jiaodui fix` may apply a finding's first suggestion.
public enum FixSafety: String, Sendable, Codable, CaseIterable {
    /// Right in every context the rule allows: applied by `fix`.
    case safe
    /// Probably right: shown, applied only with `fix --unsafe`.
    case suggested
    /// Report only (tone, jargon, overclaiming): a person must rewrite.
    case none
}

/// What kind of problem a finding is about.
public enum Category: String, Sendable, Codable, CaseIterable {
    case wrongWord = "wrong-word"
    case grammar, punctuation, number, structure, tone, overclaim, jargon, readability
}

/// One problem found in a document.
public struct Finding: Hashable, Sendable {
    public let ruleID: String
    public let category: Category
    public var severity: Severity
    /// The span in UTF-16 units of the document's text.
    public let range: Range<Int>
    /// 1-based start, and the position just past the span (exclusive, as in SARIF).
    public var start: SourceLocation
    public var end: SourceLocation
    /// The text of the span as it stands in the document.
    public let text: String
    /// A message in Chinese that says what is wrong and why.
    public let message: String
    /// Replacements for the span, best first.
    public let suggestions: [String]
    public let fix: FixSafety

    public init(ruleID: String, category: Category, severity: Severity, range: Range<Int>, start: SourceLocation,
                end: SourceLocation, text: String, message: String, suggestions: [String], fix: FixSafety) {
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.range = range
        self.start = start
        self.end = end
        self.text = text
        self.message = message
        self.suggestions = suggestions
        self.fix = suggestions.isEmpty ? .none : fix
    }
}
