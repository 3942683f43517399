import Jiaodui
import Testing

/// Uses only the public surface of the library, as another Swift program would.
@Suite struct PublicAPITests {
    @Test func lintFindsAWrongWordWithItsLocationAndFix() throws {
        let linter = try Linter()
        let findings = linter.lint(text: "第一行。\n我们要坚持实事求事的原则。")
        let finding = try #require(findings.first { $0.ruleID == "wrong-word" })
        #expect(finding.text == "实事求事")
        #expect(finding.start == SourceLocation(line: 2, column: 6))
        #expect(finding.end == SourceLocation(line: 2, column: 10))
        #expect(finding.suggestions == ["实事求是"])
        #expect(finding.fix == .safe)
        #expect(finding.category == .wrongWord)
        #expect(finding.severity == .error)
    }

    @Test func configurationTurnsRulesOff() throws {
        var configuration = LintConfiguration()
        configuration.disabledRules = ["wrong-word"]
        let findings = try Linter(configuration: configuration).lint(text: "坚持实事求事。")
        #expect(!findings.contains { $0.ruleID == "wrong-word" })
    }

    @Test func allowedWordsAreNeverFlagged() throws {
        var configuration = LintConfiguration()
        configuration.allowedWords = ["实事求事"]
        #expect(try Linter(configuration: configuration).lint(text: "坚持实事求事。").isEmpty)
    }

    @Test func cleanTextHasNoFindings() throws {
        #expect(try Linter().lint(text: "办公室是一个单位的综合办事机构，处在承上启下、联系左右、沟通内外的枢纽地位。").isEmpty)
    }

    @Test func tokenizerIsPublic() throws {
        let tokenizer = try Tokenizer()
        let units = Array("办公室主任".utf16)
        #expect(tokenizer.tokenize(units).map(\.range).last?.upperBound == units.count)
    }

    @Test func everyRuleIsDescribed() {
        #expect(RuleCatalog.descriptions.count >= 7)
        for rule in RuleCatalog.descriptions {
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && !rule.examples.isEmpty, "\(rule.id)")
        }
    }
}
