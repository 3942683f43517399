import Foundation
import Testing

/// Runs the built `jiaodui` binary as a user would and checks its output and exit status.
@Suite struct CLITests {
    static let binary: URL = {
        // The test bundle sits in the same build folder as the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("jiaodui")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/jiaodui")
    }()

    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryFile(_ bytes: [UInt8], name: String = "doc.txt") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func checkReportsAndExitsOne() throws {
        let path = try Self.temporaryFile(Array("办公室工作。\n要坚持实事求事。\n".utf8))
        let result = try Self.run(["check", "--no-color", path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(path):2:4: error: “实事求事”应为“实事求是”"))
        #expect(result.stdout.contains("[wrong-word]"))
        // The caret sits under the span (要坚持: six columns) and covers its eight columns.
        #expect(result.stdout.contains("\n" + String(repeating: " ", count: 4 + 6) + "^" + String(repeating: "~", count: 7) + "\n"))
    }

    @Test func cleanFileExitsZero() throws {
        let path = try Self.temporaryFile(Array("办公室是综合办事机构。\n".utf8))
        let result = try Self.run(["check", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func jsonFollowsTheDocumentedSchema() throws {
        let path = try Self.temporaryFile(Array("坚持实事求事。".utf8))
        let result = try Self.run(["check", "--format", "json", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        let finding = try #require((file["findings"] as? [[String: Any]])?.first)
        for key in ["rule", "category", "severity", "line", "column", "endLine", "endColumn", "offset", "length", "text", "message", "suggestions", "fix"] {
            #expect(finding[key] != nil, "missing \(key)")
        }
        #expect(finding["column"] as? Int == 3)
        #expect(finding["endColumn"] as? Int == 7)
        #expect(finding["offset"] as? Int == 2)
        #expect(finding["length"] as? Int == 4)
    }

    @Test func badInputGetsOneLineAndExitTwo() throws {
        let cases: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01],          // binary
            [0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0x28],                // invalid UTF-8 after a BOM
        ]
        for bytes in cases {
            let path = try Self.temporaryFile(bytes)
            let result = try Self.run(["check", path])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("jiaodui: error: \(path):"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let missing = try Self.run(["check", "/nonexistent/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
        let directory = try Self.run(["tokenize", FileManager.default.temporaryDirectory.path])
        #expect(directory.status == 2)
    }

    @Test func emptyAndGB18030FilesAreRead() throws {
        let empty = try Self.temporaryFile([])
        #expect(try Self.run(["check", empty]).status == 0)
        // 实事求事 in GB18030.
        let gb: [UInt8] = [0xCA, 0xB5, 0xCA, 0xC2, 0xC7, 0xF3, 0xCA, 0xC2, 0xA1, 0xA3]
        let path = try Self.temporaryFile(gb)
        let result = try Self.run(["check", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("实事求是"))
    }

    @Test func tokenizeKeepsOneOutputLinePerInputLine() throws {
        let result = try Self.run(["tokenize", "-"], stdin: Data("办公室主任\r\n\r\n坚持实事求是。\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "办公室 主任\n\n坚持 实事求是 。\n")
    }

    @Test func hugeLineIsFine() throws {
        let line = String(repeating: "办公室是综合办事机构，", count: 50_000)
        let path = try Self.temporaryFile(Array(line.utf8))
        let result = try Self.run(["check", path])
        #expect(result.status == 0)
    }

    @Test func versionAndHelp() throws {
        #expect(try Self.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        for command in ["check", "tokenize"] {
            let help = try Self.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE"))
        }
    }
}
