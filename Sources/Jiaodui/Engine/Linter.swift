import Foundation

/// Which rules run and how: built from `.jiaodui.yml` by the CLI, or by hand in code.
public struct LintConfiguration: Sendable {
    /// When set, only these rules run.
    public var onlyRules: Set<String>?
    public var disabledRules: Set<String> = []
    /// Rules that are off by default and turned on.
    public var optInRules: Set<String> = []
    public var options = RuleOptions()
    /// Extra substitution lexicons in the format of `Lexicons/wrong-word/*.yml`.
    public var userLexicons: [URL] = []
    /// Words never to flag (names, terms): a finding whose text is one of them is dropped.
    public var allowedWords: Set<String> = []
    /// Extra words for the tokenizer.
    public var userDictionary: WordDictionary?

    public init() {}

    public func isEnabled(_ rule: RuleDescription) -> Bool {
        if let only = onlyRules { return only.contains(rule.id) }
        if disabledRules.contains(rule.id) { return false }
        return rule.enabledByDefault || optInRules.contains(rule.id)
    }
}

/// The library's entry point for checking text.
///
/// ```swift
/// let linter = try Linter()
/// for finding in linter.lint(text: "坚持实事求事的原则。") {
///     print(finding.start, finding.message)   // 1:3 “实事求事”应为“实事求是”：…
/// }
/// ```
/// A `Linter` is immutable and may be shared between threads.
public final class Linter: Sendable {
    public let configuration: LintConfiguration
    public let rules: [any Rule]

    public init(configuration: LintConfiguration = LintConfiguration()) throws {
        self.configuration = configuration
        self.rules = try RuleCatalog.makeRules(for: configuration)
    }

    /// Checks a string. `path` is only used to choose the format (by extension).
    public func lint(text: String, path: String? = nil) -> [Finding] {
        lint(source: SourceText(text))
    }

    /// Checks text whose non-prose parts (if any) are blanked in `prose` (same length as the source).
    public func lint(source: SourceText, prose: [UInt16]? = nil) -> [Finding] {
        let userDictionary = configuration.userDictionary
        var suppressions = Suppressions(source: source)
        // Directive lines are control text: no rule reads them.
        var prose = prose
        if !suppressions.directiveLineIndices.isEmpty {
            var units = prose ?? source.units
            for index in suppressions.directiveLineIndices {
                for i in source.lineRange(index) { units[i] = 0x20 }
            }
            prose = units
        }
        let document = DocumentContext(source: source, proseUnits: prose, options: configuration.options) {
            try? Tokenizer(userDictionary: userDictionary, mode: .fast)
        }
        var findings: [Finding] = []
        for rule in rules {
            rule.check(document, into: &findings)
        }
        let allowed = configuration.allowedWords
        findings = suppressions.filter(findings.filter { !allowed.contains($0.text) })
        let unused = Suppressions.unusedDescription
        if configuration.isEnabled(unused) {
            let ran = Set(rules.map(\.description.id) + [unused.id])
            // A directive may silence another's report, so settle the reports until none changes.
            var reported: [Finding] = []
            for _ in 0..<3 {
                let lines = suppressions.unusedDirectiveLines(ran: ran.contains)
                let reports = lines.map { line in
                    document.finding(unused, range: CharClass.trimmingWhitespace(source.lineRange(line - 1), in: source.units),
                                     message: "这条屏蔽指令没有屏蔽任何问题，可以删除。")
                }
                let kept = suppressions.filter(reports)
                if kept == reported { break }
                reported = kept
            }
            findings += reported
        }
        return findings
            .sorted { ($0.range.lowerBound, $0.range.upperBound, $0.ruleID) < ($1.range.lowerBound, $1.range.upperBound, $1.ruleID) }
    }
}
