/// A check over a document. One rule, one file; its description carries its examples, which
/// the test suite runs and the documentation shows.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Reports findings into the context. Rules never know the file format: they see prose only.
    func check(_ document: DocumentContext, into findings: inout [Finding])
}

extension Rule {
    public var description: RuleDescription { Self.description }
}

/// What a rule is, for people and for the test harness.
public struct RuleDescription: Sendable {
    /// Stable kebab-case identifier, used in configuration, suppressions and output.
    public let id: String
    public let name: String
    /// One line: what the rule finds.
    public let summary: String
    /// Why, with its source (a standard's clause, a dictionary, a style guide).
    public let rationale: String
    public let category: Category
    public let severity: Severity
    /// Noisy or opinionated rules ship off and are enabled with `opt_in_rules`.
    public let enabledByDefault: Bool
    /// Whether some of its findings carry a fix.
    public let fixes: Bool
    public let examples: [RuleExample]

    public init(id: String, name: String, summary: String, rationale: String, category: Category, severity: Severity,
                enabledByDefault: Bool = true, fixes: Bool = false, examples: [RuleExample]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.category = category
        self.severity = severity
        self.enabledByDefault = enabledByDefault
        self.fixes = fixes
        self.examples = examples
    }
}

/// An example that is documentation and test at once.
///
/// In `triggers`, the span that must be reported is marked with ⟦ and ⟧ (removed before checking).
/// `fixes` gives the text before and after applying the rule's suggestions.
public enum RuleExample: Sendable {
    case triggers(String)
    case passes(String)
    case fixes(String, to: String)

    public static let openMarker: Character = "⟦"
    public static let closeMarker: Character = "⟧"
}
