import Foundation
import Testing
@testable import Jiaodui

/// Every document in Corpus/ is checked with the default rules and compared with its `.expected`
/// file, reviewed by hand. Run with JIAODUI_UPDATE_GOLDEN=1 to rewrite the files, then review the diff.
@Suite struct GoldenCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus")

    static let documents: [String] = {
        let walker = FileManager.default.enumerator(atPath: corpus.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".txt") { found.append(path) }
        }
        return found.sorted()
    }()

    /// One line per finding: `line:column rule-id text`, line breaks in the text shown as ⏎.
    static func render(_ findings: [Finding]) -> String {
        findings.map { "\($0.start.line):\($0.start.column) \($0.ruleID) \($0.text.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎"))\n" }.joined()
    }

    @Test func corpusHasDocuments() { #expect(Self.documents.count >= 5) }

    @Test(arguments: documents)
    func findingsMatchExpectations(document: String) throws {
        let url = Self.corpus.appendingPathComponent(document)
        let decoded = try TextDecoder.decode(Array(try Data(contentsOf: url)))
        let actual = Self.render(try Linter().lint(source: SourceText(units: decoded.units)))
        let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
        if ProcessInfo.processInfo.environment["JIAODUI_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let missing = Set(expected.split(separator: "\n")).subtracting(actual.split(separator: "\n"))
        let unexpected = Set(actual.split(separator: "\n")).subtracting(expected.split(separator: "\n"))
        #expect(missing.isEmpty, "\(document): expected findings that disappeared: \(missing.sorted())")
        #expect(unexpected.isEmpty, "\(document): new findings not in the expectations: \(unexpected.sorted())")
    }
}
