import ArgumentParser
import Jiaodui

/// `jiaodui rules`: every rule at a glance; `jiaodui rules ID`: one rule explained with its examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or explain one with its examples.")

    @Argument(help: "A rule id, to explain that rule.")
    var id: String?

    func run() throws {
        guard let id else {
            let rows = RuleCatalog.descriptions.map { rule in
                [rule.id, rule.category.rawValue, rule.severity.rawValue, rule.enabledByDefault ? "on" : "off", rule.fixes ? "yes" : "no", rule.summary]
            }
            let header = ["rule", "category", "severity", "default", "fixes", "summary"]
            let widths = (0..<5).map { column in ([header] + rows).map { $0[column].count }.max()! }
            for row in [header] + rows {
                print((0..<5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[5])
            }
            return
        }
        guard let rule = RuleCatalog.description(of: id) else {
            fail("unknown rule '\(id)'; did you mean '\(closestRuleID(to: id))'? (`jiaodui rules` lists them all)")
        }
        print("\(rule.id) — \(rule.name)")
        print("category: \(rule.category.rawValue), severity: \(rule.severity.rawValue), \(rule.enabledByDefault ? "on by default" : "off by default (enable with opt_in_rules)"), \(rule.fixes ? "fixes some findings" : "reports only")")
        print("\n\(rule.summary)\n\n\(rule.rationale)\n")
        for example in rule.examples {
            switch example {
            case .triggers(let text): print("  ✗ \(text.replacingOccurrences(of: "\n", with: "⏎"))")
            case .passes(let text): print("  ✓ \(text.replacingOccurrences(of: "\n", with: "⏎"))")
            case .fixes(let before, let after): print("  \(before) → \(after)")
            }
        }
        print("\n✗ is reported (the span between ⟦ ⟧); ✓ is not.")
    }
}

/// The rule id nearest to a mistyped one, for "did you mean".
func closestRuleID(to id: String) -> String { Spelling.closest(to: id, in: RuleCatalog.descriptions.map(\.id)) ?? "" }
