import Foundation

/// SARIF 2.1.0, as GitHub code scanning reads it: one run, the tool with one rule entry per rule
/// id, results with physical locations (columns in Unicode code points), and fixes as replacements.
public struct SARIFReporter: Reporter {
    public init() {}

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference for a path (percent-encoded; Chinese file names are common).
    static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ";"))) ?? path
    }

    public func render(_ reports: [FileReport]) -> String {
        var out: [UInt8] = []
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        func quote(_ s: String) { JSONText.append(s, to: &out) }
        let descriptions = RuleCatalog.descriptions
        var index: [String: Int] = [:]
        for (i, rule) in descriptions.enumerated() { index[rule.id] = i }
        put("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n")
        put("    \"tool\": {\"driver\": {\"name\": \"jiaodui\", \"fullName\": \"Jiaodui 校对\", \"version\": ")
        quote(Jiaodui.version); put(", \"semanticVersion\": "); quote(Jiaodui.version); put(", \"rules\": [")
        for (i, rule) in descriptions.enumerated() {
            put(i == 0 ? "\n" : ",\n")
            put("      {\"id\": "); quote(rule.id); put(", \"name\": "); quote(rule.name)
            put(", \"shortDescription\": {\"text\": "); quote(rule.summary)
            put("}, \"fullDescription\": {\"text\": "); quote(rule.rationale)
            put("}, \"help\": {\"text\": "); quote(rule.summary + "\n\n" + rule.rationale + "\n\n`jiaodui rules \(rule.id)` shows examples.")
            put("}, \"defaultConfiguration\": {\"level\": \"\(Self.level(rule.severity))\", \"enabled\": \(rule.enabledByDefault)}")
            put(", \"properties\": {\"category\": "); quote(rule.category.rawValue); put(", \"tags\": [\"chinese-writing\", "); quote(rule.category.rawValue); put("]}}")
        }
        put("\n    ]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [")
        var first = true
        for report in reports {
            let uri = Self.uri(report.path)
            for f in report.findings {
                put(first ? "\n" : ",\n")
                first = false
                put("      {\"ruleId\": "); quote(f.ruleID)
                if let i = index[f.ruleID] { put(", \"ruleIndex\": \(i)") }
                put(", \"level\": \"\(Self.level(f.severity))\", \"message\": {\"text\": "); quote(f.message)
                put("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "); quote(uri)
                put("}, \"region\": "); region(f)
                put("}}], \"partialFingerprints\": {\"jiaodui/v1\": "); quote(Baseline.key(for: f, in: report.source))
                put("}")
                if f.fix != .none, let replacement = f.suggestions.first {
                    put(", \"fixes\": [{\"description\": {\"text\": ")
                    quote(replacement.isEmpty ? "删除“\(f.text)”" : "改为“\(replacement)”")
                    put("}, \"artifactChanges\": [{\"artifactLocation\": {\"uri\": "); quote(uri)
                    put("}, \"replacements\": [{\"deletedRegion\": "); region(f)
                    put(", \"insertedContent\": {\"text\": "); quote(replacement); put("}}]}]}]")
                }
                put(", \"properties\": {\"category\": "); quote(f.category.rawValue); put(", \"fix\": \"\(f.fix.rawValue)\"}}")
            }
        }
        put(first ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n")
        return String(decoding: out, as: UTF8.self)

        func region(_ f: Finding) {
            put("{\"startLine\": \(f.start.line), \"startColumn\": \(f.start.column), \"endLine\": \(f.end.line), \"endColumn\": \(f.end.column)")
            put(", \"snippet\": {\"text\": "); quote(f.text); put("}}")
        }
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endColumn=…::message [rule-id]`,
/// which the runner shows as annotations on the changed lines.
public struct GitHubReporter: Reporter {
    public init() {}

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for f in report.findings {
                let command = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
                var properties = "file=\(Self.escapeProperty(report.path)),line=\(f.start.line),col=\(f.start.column)"
                if f.end.line != f.start.line { properties += ",endLine=\(f.end.line)" } else { properties += ",endColumn=\(f.end.column)" }
                properties += ",title=\(Self.escapeProperty("jiaodui " + f.ruleID))"
                var message = f.message
                if f.fix != .none, let suggestion = f.suggestions.first, !suggestion.isEmpty { message += " → \(suggestion)" }
                out += "::\(command) \(properties)::\(Self.escapeData(message + " [\(f.ruleID)]"))\n"
            }
        }
        return out
    }
}
