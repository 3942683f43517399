/// The stable JSON schema, version 1, documented in the README:
/// `{"version": 1, "files": [{"path", "findings": [{"rule", "category", "severity", "line", "column",
/// "endLine", "endColumn", "offset", "length", "text", "message", "suggestions", "fix"}]}]}`.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ reports: [FileReport]) -> String {
        var out = "{\"version\": 1, \"files\": ["
        for (i, report) in reports.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "  {\"path\": \(JSONText.quoted(report.path)), \"findings\": ["
            for (j, f) in report.findings.enumerated() {
                out += j == 0 ? "\n" : ",\n"
                out += "    {\"rule\": \(JSONText.quoted(f.ruleID)), \"category\": \"\(f.category.rawValue)\", "
                out += "\"severity\": \"\(f.severity.rawValue)\", \"line\": \(f.start.line), \"column\": \(f.start.column), "
                out += "\"endLine\": \(f.end.line), \"endColumn\": \(f.end.column), "
                out += "\"offset\": \(f.range.lowerBound), \"length\": \(f.range.count), \"text\": \(JSONText.quoted(f.text)), "
                out += "\"message\": \(JSONText.quoted(f.message)), "
                out += "\"suggestions\": [\(f.suggestions.map(JSONText.quoted).joined(separator: ", "))], \"fix\": \"\(f.fix.rawValue)\"}"
            }
            out += report.findings.isEmpty ? "]}" : "\n  ]}"
        }
        out += reports.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }
}
