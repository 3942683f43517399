/// The stable JSON schema, version 1, documented in the README:
/// `{"version": 1, "files": [{"path", "findings": [{"rule", "category", "severity", "line", "column",
/// "endLine", "endColumn", "offset", "length", "text", "message", "suggestions", "fix"}]}]}`.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ reports: [FileReport]) -> String { String(decoding: renderUTF8(reports), as: UTF8.self) }

    public func renderUTF8(_ reports: [FileReport]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096 + reports.reduce(0) { $0 + $1.findings.count * 400 })
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        func quote(_ s: String) { JSONText.append(s, to: &out) }
        put("{\"version\": 1, \"files\": [")
        for (i, report) in reports.enumerated() {
            put(i == 0 ? "\n" : ",\n")
            put("  {\"path\": "); quote(report.path); put(", \"findings\": [")
            for (j, f) in report.findings.enumerated() {
                put(j == 0 ? "\n" : ",\n")
                put("    {\"rule\": "); quote(f.ruleID)
                put(", \"category\": \"\(f.category.rawValue)\", \"severity\": \"\(f.severity.rawValue)\", ")
                put("\"line\": \(f.start.line), \"column\": \(f.start.column), \"endLine\": \(f.end.line), \"endColumn\": \(f.end.column), ")
                put("\"offset\": \(f.range.lowerBound), \"length\": \(f.range.count), \"text\": "); quote(f.text)
                put(", \"message\": "); quote(f.message)
                put(", \"suggestions\": [")
                for (k, suggestion) in f.suggestions.enumerated() {
                    if k > 0 { put(", ") }
                    quote(suggestion)
                }
                put("], \"fix\": \"\(f.fix.rawValue)\"}")
            }
            put(report.findings.isEmpty ? "]}" : "\n  ]}")
        }
        put(reports.isEmpty ? "]}\n" : "\n]}\n")
        return out
    }
}
