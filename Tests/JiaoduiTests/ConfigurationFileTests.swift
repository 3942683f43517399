import Foundation
import Testing
@testable import Jiaodui

/// `.jiaodui.yml`: parsing, warnings with did-you-mean, hard errors with line numbers, discovery,
/// exclude globs, the lint configuration it builds, and the dump-config round trip.
@Suite struct ConfigurationFileTests {
    static let path = URL(fileURLWithPath: "/project/.jiaodui.yml")

    static func parse(_ text: String) throws -> ConfigurationFile {
        try ConfigurationFile.parse(text, path: path)
    }

    /// A fresh folder under the temporary directory; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func starterParsesWithoutWarnings() throws {
        let file = try Self.parse(ConfigurationFile.starter)
        #expect(file.warnings == [])
        #expect(file.severities == ["overclaim": .warning])
        #expect(file.numbers == ["sentence-length": ["max": 100]])
        #expect(file.exclude == ["drafts/**"])
        #expect(file.onlyRules.isEmpty && file.wrongWordLexicons.isEmpty && file.userDictionary == nil && file.allowFile == nil)
        #expect(file.directory.path == "/project")
    }

    @Test func emptyFileIsTheDefaults() throws {
        #expect(try Self.parse("") == ConfigurationFile.defaults(directory: URL(fileURLWithPath: "/project")))
        #expect(try Self.parse("# nothing yet\n").warnings == [])
    }

    @Test func typosWarnWithTheClosestName() throws {
        let file = try Self.parse("""
            only_rules: []
            disable_rules: [overclaim]
            opt_in_rules: [sentence-lenght]
            rules:
              overclam:
                severty: info
            lexicons:
              alow: [张三]
            """)
        #expect(file.warnings.count == 5)
        let expected = [(":2:", "'disable_rules'", "did you mean 'disabled_rules'"),
                        (":3:", "'sentence-lenght'", "did you mean 'sentence-length'"),
                        (":5:", "'overclam'", "did you mean 'overclaim'"),
                        (":6:", "'severty'", "did you mean 'severity'"),
                        (":8:", "'alow'", "did you mean 'allow'")]
        for (warning, (line, name, hint)) in zip(file.warnings, expected) {
            #expect(warning.contains(line) && warning.contains(name) && warning.contains(hint), "\(warning)")
        }
        // Unknown names are kept as written: the warning is the only consequence.
        #expect(file.disabledRules.isEmpty && file.optInRules == ["sentence-lenght"])
    }

    @Test func wrongTypesAndBadSeveritiesThrowWithTheLine() throws {
        let error = #expect(throws: ConfigurationError.self) { try Self.parse("exclude: []\nonly_rules: 3\n") }
        #expect(error?.description.contains(".jiaodui.yml:2:") == true)
        #expect(error?.description.contains("only_rules") == true)

        let severity = #expect(throws: ConfigurationError.self) { try Self.parse("rules:\n  overclaim:\n    severity: loud\n") }
        #expect(severity?.description.contains(":3:") == true)
        #expect(severity?.description.contains("loud") == true)

        let cases = ["rules: [overclaim]", "lexicons:\n  allow: 张三", "lexicons: [a]", "rules:\n  sentence-length:\n    max: \"90\"",
                     "rules:\n  overclaim: warning", "exclude: [[a]]", "- only_rules", "only_rules: [a\n"]
        for text in cases {
            let error = #expect(throws: ConfigurationError.self, "\(text)") { try Self.parse(text) }
            #expect(error?.description.contains("\n") == false)
            #expect(error?.description.hasPrefix("/project/.jiaodui.yml:") == true, "\(error?.description ?? "")")
        }
    }

    @Test func findWalksUp() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let config = root.appendingPathComponent("a/.jiaodui.yml")
        try ConfigurationFile.starter.write(to: config, atomically: true, encoding: .utf8)

        func found(_ folder: URL) -> String? { ConfigurationFile.find(from: folder)?.resolvingSymlinksInPath().path }
        let expected = config.resolvingSymlinksInPath().path
        #expect(found(deep) == expected)
        #expect(found(root.appendingPathComponent("a")) == expected)
        #expect(found(root) != expected)   // above the file: not found (there may be another further up)
        #expect(try ConfigurationFile.load(config).severities["overclaim"] == .warning)
        // A folder named .jiaodui.yml is not a configuration file.
        try FileManager.default.createDirectory(at: deep.appendingPathComponent(".jiaodui.yml"), withIntermediateDirectories: true)
        #expect(found(deep) == expected)
    }

    @Test func excludeGlobs() throws {
        let file = try Self.parse("exclude: [\"drafts/**\", \"*.tmp.md\", \"build/\"]")
        func excluded(_ relative: String) -> Bool { file.excludes(URL(fileURLWithPath: "/project/" + relative)) }
        #expect(excluded("drafts/a.md"))
        #expect(excluded("drafts/2024/b.docx"))
        #expect(excluded("notes.tmp.md"))
        #expect(excluded("sub/notes.tmp.md"))        // a glob without '/' matches at any depth
        #expect(excluded("build/out.md"))
        #expect(!excluded("drafts.md"))
        #expect(!excluded("report.md"))
        #expect(!excluded("notes.tmp.txt"))
        #expect(!excluded("sub/drafts/a.md"))        // 'drafts/**' is anchored at the file's folder
        #expect(!file.excludes(URL(fileURLWithPath: "/elsewhere/drafts/a.md")))
        #expect(!ConfigurationFile.defaults(directory: URL(fileURLWithPath: "/project")).excludes(URL(fileURLWithPath: "/project/a.md")))
    }

    @Test func lintConfigurationAppliesRuleSettings() throws {
        let lint = try Self.parse("""
            disabled_rules: [overclaim]
            opt_in_rules: [sentence-length]
            rules:
              jargon:
                severity: error
              sentence-length:
                max: 40
            """).lintConfiguration()
        #expect(lint.onlyRules == nil)
        #expect(!lint.isEnabled(OverclaimRule.description))
        #expect(lint.isEnabled(SentenceLengthRule.description))
        #expect(!lint.isEnabled(ParagraphLengthRule.description))
        #expect(lint.isEnabled(WrongWordRule.description))
        #expect(lint.options.severity(for: JargonRule.description) == .error)
        #expect(lint.options.number("max", for: SentenceLengthRule.description, default: 80) == 40)

        let only = try Self.parse("only_rules: [wrong-word]").lintConfiguration()
        #expect(only.onlyRules == ["wrong-word"])
        #expect(only.isEnabled(WrongWordRule.description) && !only.isEnabled(DeDiDeRule.description))
    }

    @Test func linterUsesTheOptions() throws {
        let lint = try Self.parse("""
            only_rules: [sentence-length]
            rules:
              sentence-length: {max: 5, severity: warning}
            """).lintConfiguration()
        let findings = try Linter(configuration: lint).lint(text: "办公室工作要统筹兼顾，做到忙而不乱。")
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.ruleID == "sentence-length" && $0.severity == .warning })
    }

    @Test func allowedWordsAndFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# names\n王小明\n\n  李华  \n".write(to: folder.appendingPathComponent("allow.txt"), atomically: true, encoding: .utf8)
        try "数字中国 5000\n新质生产力\n".write(to: folder.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
        let file = try ConfigurationFile.parse("""
            lexicons:
              allow: [张三]
              allow_file: allow.txt
              user_dictionary: words.txt
            """, path: folder.appendingPathComponent(".jiaodui.yml"))
        let lint = try file.lintConfiguration()
        #expect(lint.allowedWords == ["张三", "王小明", "李华"])
        #expect(lint.userDictionary != nil)

        try "source: test\nentries: []\n".write(to: folder.appendingPathComponent("extra.yml"), atomically: true, encoding: .utf8)
        for (text, line) in [("lexicons:\n  allow_file: missing.txt", ":2:"),
                             ("lexicons:\n  user_dictionary: nowhere.txt", ":2:"),
                             ("exclude: []\nlexicons:\n  wrong_words:\n    - extra.yml\n    - gone.yml", ":5:")] {
            let config = try ConfigurationFile.parse(text, path: folder.appendingPathComponent(".jiaodui.yml"))
            let error = #expect(throws: ConfigurationError.self, "\(text)") { try config.lintConfiguration() }
            #expect(error?.description.contains(line) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("not found") == true)
        }
    }

    @Test func yamlRoundTrips() throws {
        let file = try Self.parse("""
            only_rules: [wrong-word, de-di-de]
            disabled_rules: [jargon]
            opt_in_rules: [paragraph-length]
            rules:
              overclaim: {severity: info}
              paragraph-length: {max: 300, ratio: 0.5}
            exclude: ["drafts/**", "*.tmp.md", "with space/**"]
            lexicons:
              wrong_words: [my-words.yml]
              user_dictionary: "dict/词表.txt"
              allow: [张三, "O'Brien", "say \\"hi\\"", "true", "123"]
              allow_file: null
            """)
        #expect(file.warnings == [])
        let dumped = file.yaml()
        let back = try Self.parse(dumped)
        #expect(back == file, "\(dumped)")
        #expect(back.warnings == [])
        #expect(back.allow == file.allow)

        let defaults = ConfigurationFile.defaults(directory: URL(fileURLWithPath: "/project"))
        let text = defaults.yaml()
        for key in ConfigurationFile.topKeys + ConfigurationFile.lexiconKeys { #expect(text.contains("\(key):"), "\(key)") }
        #expect(try Self.parse(text) == defaults)
    }
}
