import Foundation

/// Findings accepted as they are today, so that only new ones are reported. Each is keyed by
/// file, rule, the flagged text and a few characters around it — never by line number, so
/// edits elsewhere in the file do not bring old findings back.
public struct Baseline: Sendable {
    /// How many accepted findings each (path, key) has; a key may occur more than once in a file.
    private var counts: [String: Int] = [:]
    /// Characters of context on each side of the span that make up the key.
    static let contextLength = 8

    public init() {}

    /// The stable key of a finding: rule, text and context, hashed (FNV-1a, 64 bits).
    public static func key(for finding: Finding, in source: SourceText) -> String {
        let line = source.lineRange(source.lineIndex(of: finding.range.lowerBound))
        let before = source.string(max(line.lowerBound, finding.range.lowerBound - contextLength)..<max(line.lowerBound, finding.range.lowerBound))
        let afterStart = min(max(finding.range.upperBound, line.lowerBound), line.upperBound)
        let after = source.string(afterStart..<min(line.upperBound, afterStart + contextLength))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(finding.ruleID)\u{1F}\(before)\u{1F}\(finding.text)\u{1F}\(after)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Records every finding of the reports.
    public init(reports: [FileReport]) {
        for report in reports {
            for finding in report.findings { counts[report.path + "\u{0}" + Self.key(for: finding, in: report.source), default: 0] += 1 }
        }
    }

    /// The reports without the findings the baseline accepts.
    public func filter(_ reports: [FileReport]) -> [FileReport] {
        var remaining = counts
        return reports.map { report in
            let kept = report.findings.filter { finding in
                let key = report.path + "\u{0}" + Self.key(for: finding, in: report.source)
                guard let n = remaining[key], n > 0 else { return true }
                remaining[key] = n - 1
                return false
            }
            return FileReport(path: report.path, source: report.source, findings: kept, linesAreParagraphs: report.linesAreParagraphs)
        }
    }

    /// `{"version": 1, "findings": [{"path", "rule", "text", "key"}]}`, sorted, one finding per line.
    public static func render(_ reports: [FileReport]) -> String {
        var lines: [String] = []
        for report in reports {
            for f in report.findings {
                lines.append("{\"path\": \(JSONText.quoted(report.path)), \"rule\": \(JSONText.quoted(f.ruleID)), \"text\": \(JSONText.quoted(f.text)), \"key\": \"\(key(for: f, in: report.source))\"}")
            }
        }
        return "{\"version\": 1, \"findings\": [\n" + lines.sorted().joined(separator: ",\n") + "\n]}\n"
    }

    public struct FormatError: Error, CustomStringConvertible { public let description: String }

    public static func parse(_ data: Data) throws(FormatError) -> Baseline {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            throw FormatError(description: "not a Jiaodui baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
        var baseline = Baseline()
        for entry in findings {
            guard let path = entry["path"] as? String, let key = entry["key"] as? String else {
                throw FormatError(description: "a baseline entry lacks \"path\" or \"key\"")
            }
            baseline.counts[path + "\u{0}" + key, default: 0] += 1
        }
        return baseline
    }
}
