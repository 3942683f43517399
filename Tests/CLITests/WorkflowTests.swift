import Foundation
import Testing

/// The workflows of editors and repositories: formats for CI, Markdown and Word input, safe
/// fixes, baselines, suppressions, configuration and the pre-commit hook, through the binary.
@Suite struct WorkflowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus")
    static let sarifSchema = root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

    static func tool(_ command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static let hasJSONSchema = tool("python3 -c 'import jsonschema'") && FileManager.default.fileExists(atPath: sarifSchema.path)
    static let hasPreCommit = tool("command -v pre-commit && command -v git")

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-wf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(.enabled(if: hasJSONSchema, "needs python3 -m pip install jsonschema and ../shared/schemas"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let seeds = Self.corpus.appendingPathComponent("seeds").path
        let result = try CLITests.run(["check", "--format", "sarif", seeds])
        #expect(result.status == 1)
        let dir = try Self.folder()
        let output = try Self.write(result.stdout, "out.sarif", in: dir)
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            jsonschema.validate(doc, schema)
            run = doc["runs"][0]
            assert run["tool"]["driver"]["name"] == "jiaodui" and run["tool"]["driver"]["version"]
            ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
            assert len(ids) == len(set(ids)) and "wrong-word" in ids
            assert all(r["ruleId"] in ids and r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run["results"])
            print(len(run["results"]))
            """, Self.sarifSchema.path, output]
        let pipe = Pipe()
        validate.standardOutput = pipe
        try validate.run()
        validate.waitUntilExit()
        #expect(validate.terminationStatus == 0)
        #expect((Int(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 50)
    }

    @Test func githubAnnotations() throws {
        let dir = try Self.folder()
        let path = try Self.write("要坚持实事求事。\n", "a.txt", in: dir)
        let result = try CLITests.run(["check", "--format", "github", path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=\(path),line=1,col=4,endColumn=8,title=jiaodui wrong-word::“实事求事”应为“实事求是”"))
        #expect(result.stdout.hasSuffix(" [wrong-word]\n"))
    }

    @Test func markdownCodeURLsAndFrontMatterAreNotProse() throws {
        let dir = try Self.folder()
        let text = """
            ---
            title: 实事求事
            ---
            # 说明

            正文里要坚持实事求事的原则。

            运行 `实事求事` 命令，见 https://example.com/实事求事 和 [链接](https://example.com/实事求事.html)。

            ```text
            实事求事
            ```

            <!-- 实事求事 -->
            <span title="实事求事">标签</span>
            """
        let path = try Self.write(text, "doc.md", in: dir)
        let result = try CLITests.run(["check", "--format", "json", "--only", "wrong-word", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(((object["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["line"] as? Int == 6 && findings.first?["column"] as? Int == 7)
    }

    @Test func wordFileFindingsNameTheirParagraph() throws {
        let docx = Self.corpus.appendingPathComponent("docx/tracked-changes.docx").path
        let result = try CLITests.run(["check", "--no-color", "--only", "wrong-word", docx])
        #expect(result.status == 1)
        let headings = result.stdout.split(separator: "\n").filter { $0.hasPrefix(docx) }
        #expect(headings.count == 2)
        #expect(headings.allSatisfy { $0.contains("实事求事") })
        #expect(headings.first?.hasPrefix("\(docx):¶1:6:") == true && headings.last?.hasPrefix("\(docx):¶3:6:") == true)
        #expect(!result.stdout.contains("推倭"))
    }

    @Test func wordFileFromLibreOfficeMatchesItsSourceText() throws {
        let docx = Self.corpus.appendingPathComponent("docx/doing-office-work-well.docx").path
        let source = Self.corpus.appendingPathComponent("docx/doing-office-work-well.source.txt").path
        func findings(_ path: String) throws -> [String] {
            let result = try CLITests.run(["check", "--format", "json", path])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let list = try #require(((object["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
            return list.map { "\($0["line"]!):\($0["column"]!) \($0["rule"]!) \($0["text"]!)" }
        }
        // The source text has a blank line between paragraphs: paragraph N is its line 2N-1.
        let expected = try findings(source).compactMap { entry -> String? in
            let parts = entry.split(separator: ":", maxSplits: 1)
            guard let line = Int(parts[0]) else { return nil }
            return "\((line + 1) / 2):\(parts[1])"
        }
        let found = try findings(docx)
        #expect(found.count > 30)
        #expect(found.filter { $0.contains("wrong-word") } == expected.filter { $0.contains("wrong-word") })
        #expect(found.contains { $0.hasPrefix("19:17 wrong-word 动辄请求") })
    }

    @Test func brokenWordFileIsOneLineAndOthersAreChecked() throws {
        let broken = Self.corpus.appendingPathComponent("docx/broken.docx").path
        let dir = try Self.folder()
        let good = try Self.write("要坚持实事求事。\n", "good.txt", in: dir)
        let pdf = try Self.write("%PDF-1.4", "x.pdf", in: dir)
        let result = try CLITests.run(["check", "--no-color", broken, pdf, good])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.contains { $0.hasPrefix("jiaodui: error: \(broken): ") })
        #expect(errors.contains { $0.contains("unsupported format '.pdf'") })
        #expect(result.stdout.contains("实事求事"))
    }

    /// The safe fixes of a `check --format json` report spliced into the text, first of
    /// overlapping spans winning — written here independently of the fixer, from the report alone.
    static func splice(_ units: [UInt16], _ findings: [[String: Any]]) -> [UInt16] {
        let safe = findings.filter { $0["fix"] as? String == "safe" && !(($0["suggestions"] as? [String]) ?? []).isEmpty }
            .map { (offset: $0["offset"] as! Int, length: $0["length"] as! Int, text: ($0["suggestions"] as! [String])[0]) }
            .sorted { ($0.offset, $0.offset + $0.length) < ($1.offset, $1.offset + $1.length) }
        var out: [UInt16] = [], position = 0, lastEmpty: Int?
        for fix in safe where fix.offset >= position {
            if fix.length == 0 && lastEmpty == fix.offset { continue }
            // Bytes outside the spans are copied, never rewritten.
            out += units[position..<fix.offset]
            out += Array(fix.text.utf16)
            position = fix.offset + fix.length
            lastEmpty = fix.length == 0 ? fix.offset : nil
        }
        return out + units[position...]
    }

    @Test func fixChangesOnlyTheFixedSpansAndIsIdempotent() throws {
        let dir = try Self.folder()
        let seeds = Self.corpus.appendingPathComponent("seeds")
        var expected: [String: [UInt16]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            let url = dir.appendingPathComponent(name)
            try Data(contentsOf: seeds.appendingPathComponent(name)).write(to: url)
            // Check and splice until no safe fix is left: what `fix` must produce.
            let scratch = dir.appendingPathComponent("scratch-" + name + ".md")
            var units = Array(try String(contentsOf: url, encoding: .utf8).utf16)
            for _ in 0..<5 {
                try Data(String(decoding: units, as: UTF16.self).utf8).write(to: scratch)
                let report = try CLITests.run(["check", "--format", "json", "--stdin-filename", name, "-"], stdin: try Data(contentsOf: scratch))
                let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
                let findings = try #require(((object["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
                let next = Self.splice(units, findings)
                if next == units { break }
                units = next
            }
            try FileManager.default.removeItem(at: scratch)
            expected[name] = units
        }
        let first = try CLITests.run(["fix", dir.path])
        #expect(first.status == 0 && first.stdout.contains("修正"))
        for (name, units) in expected {
            let after = Array(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).utf16)
            #expect(after == units, "\(name): fix changed something outside the spans its findings name")
        }
        let second = try CLITests.run(["fix", dir.path])
        #expect(second.status == 0 && second.stdout.isEmpty, "a second run must change nothing: \(second.stdout)")
    }

    @Test func fixKeepsBOMLineEndingsAndEncoding() throws {
        let dir = try Self.folder()
        let utf8 = dir.appendingPathComponent("bom.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("第一行，，结束。\r\n要坚持实事求事。\r\n".utf8)).write(to: utf8)
        let result = try CLITests.run(["fix", utf8.path])
        #expect(result.status == 0)
        #expect(try [UInt8](Data(contentsOf: utf8)) == [0xEF, 0xBB, 0xBF] + Array("第一行，结束。\r\n要坚持实事求是。\r\n".utf8))
        let dry = try CLITests.run(["fix", "--dry-run", utf8.path])
        #expect(dry.status == 0 && dry.stdout.isEmpty)
    }

    @Test func fixDryRunPrintsADiffAndWritesNothing() throws {
        let dir = try Self.folder()
        let path = try Self.write("标题\n要坚持实事求事。\n结尾。\n", "a.md", in: dir)
        let result = try CLITests.run(["fix", "--dry-run", path])
        #expect(result.status == 1)
        #expect(result.stdout == "--- a/\(path)\n+++ b/\(path)\n@@ -1,3 +1,3 @@\n 标题\n-要坚持实事求事。\n+要坚持实事求是。\n 结尾。\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "标题\n要坚持实事求事。\n结尾。\n")
        let docx = Self.corpus.appendingPathComponent("docx/tracked-changes.docx").path
        let refused = try CLITests.run(["fix", docx])
        #expect(refused.status == 2 && refused.stderr.contains("does not rewrite Word files"))
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let dir = try Self.folder()
        let path = try Self.write("要坚持实事求事。\n", "a.txt", in: dir)
        let baseline = dir.appendingPathComponent("baseline.json").path
        #expect(try CLITests.run(["check", "--write-baseline", baseline, path]).status == 0)
        // An edit elsewhere moves the old finding down a line: still accepted.
        _ = try Self.write("新的第一行。\n要坚持实事求事。\n也不能推倭。\n", "a.txt", in: dir)
        let result = try CLITests.run(["check", "--no-color", "--baseline", baseline, path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("推倭") && !result.stdout.contains("实事求事"))
    }

    @Test func unusedSuppressionIsReported() throws {
        let dir = try Self.folder()
        let path = try Self.write("jiaodui-disable-next-line wrong-word\n办公室工作。\njiaodui-disable-next-line wrong-word\n要坚持实事求事。\n", "a.txt", in: dir)
        let result = try CLITests.run(["check", "--no-color", path])
        #expect(result.stdout.contains("\(path):1:1: warning: 这条屏蔽指令没有屏蔽任何问题"))
        #expect(!result.stdout.contains(":3:1:") && !result.stdout.contains("实事求事”应为"))
    }

    @Test func configurationFileIsFoundAndApplied() throws {
        let dir = try Self.folder()
        _ = try Self.write("disabled_rules: [wrong-word]\nlexicons:\n  allow: [推倭]\nexclude: [\"drafts/**\"]\nunknown_key: 1\n", ".jiaodui.yml", in: dir)
        let doc = try Self.write("要坚持实事求事，不能推倭，之所以是因为。\n", "sub/a.txt", in: dir)
        _ = try Self.write("要坚持实事求事。\n", "drafts/b.txt", in: dir)
        let result = try CLITests.run(["check", "--no-color", "--format", "json", dir.path])
        #expect(result.stderr.contains("unknown key 'unknown_key'"))
        #expect(!result.stdout.contains("\"wrong-word\"") && !result.stdout.contains("drafts/b.txt"))
        #expect(result.stdout.contains(doc))
        let dump = try CLITests.run(["dump-config", dir.path])
        #expect(dump.status == 0 && dump.stdout.contains("wrong-word"))
    }

    @Test func foldersAreCheckedInParallelWithTheSameResult() throws {
        let seeds = Self.corpus.appendingPathComponent("seeds").path
        let one = try CLITests.run(["check", "--format", "json", "--jobs", "1", seeds])
        let two = try CLITests.run(["check", "--format", "json", "--jobs", "2", seeds])
        #expect(one.stdout == two.stdout && one.stdout.count > 1000)
    }

    @Test func stdinFilenameChoosesNameAndFormat() throws {
        let result = try CLITests.run(["check", "--format", "json", "--stdin-filename", "notes.md", "-"], stdin: Data("`实事求事` 要实事求事。\n".utf8))
        #expect(result.stdout.contains("\"path\": \"notes.md\""))
        #expect(result.stdout.components(separatedBy: "\"rule\": \"wrong-word\"").count == 2)
    }

    @Test(.enabled(if: hasPreCommit, "needs pip install pre-commit"))
    func preCommitHookRefusesAWrongWordAndPassesAClean() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.root.appendingPathComponent("Tests/Integration/pre-commit.sh").path, CLITests.binary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("PASS"))
    }
}
