/// `path:line:col: severity: message [rule-id]`, then the line with a caret under the span.
public struct TextReporter: Reporter {
    public var color: Bool
    /// The widest excerpt of a line shown under a finding, in terminal columns.
    public var maxExcerptWidth = 100

    public init(color: Bool = false) { self.color = color }

    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for finding in report.findings {
                out += heading(report, finding) + "\n"
                out += excerpt(report.source, finding)
            }
        }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func heading(_ report: FileReport, _ finding: Finding) -> String {
        let severity: String
        switch finding.severity {
        case .error: severity = paint("error", "1;31")
        case .warning: severity = paint("warning", "1;33")
        case .info: severity = paint("info", "1;36")
        }
        return "\(paint(report.location(finding.start) + ":", "1")) \(severity): \(finding.message) \(paint("[\(finding.ruleID)]", "2"))"
    }

    /// The finding's line (a window of it, if long) and a caret line under the span.
    func excerpt(_ source: SourceText, _ finding: Finding) -> String {
        let lineIndex = finding.start.line - 1
        let line = source.lineRange(lineIndex)
        let spanStart = max(finding.range.lowerBound, line.lowerBound)
        let spanEnd = min(max(finding.range.upperBound, spanStart), line.upperBound)
        // Only what can be shown is decoded: long lines would make every finding cost the whole line.
        // (Both windows are cut at a character boundary: a cut surrogate half decodes to U+FFFD and is dropped.)
        let reach = maxExcerptWidth + 2
        let before = Array(source.string(max(line.lowerBound, spanStart - reach)..<spanStart).unicodeScalars.filter { $0 != "\u{FFFD}" })
        let span = Array(source.string(spanStart..<min(spanEnd, spanStart + reach)).unicodeScalars)
        let after = Array(source.string(spanEnd..<min(line.upperBound, spanEnd + reach)).unicodeScalars.filter { $0 != "\u{FFFD}" })
        func clean(_ s: Unicode.Scalar) -> Unicode.Scalar { s == "\t" ? " " : s }
        // Keep about a third of the budget before the span, and whatever fits after it.
        var shownBefore: [Unicode.Scalar] = []
        var width = 0
        var cut = before.count > 0 && spanStart - reach > line.lowerBound
        for s in before.reversed() {
            let w = DisplayWidth.of(s)
            if width + w > maxExcerptWidth / 3 { cut = true; break }
            shownBefore.append(clean(s))
            width += w
        }
        if cut { shownBefore.append("…"); width += 1 }
        shownBefore.reverse()
        let spanWidth = max(1, span.reduce(0) { $0 + DisplayWidth.of($1) })
        var shownAfter: [Unicode.Scalar] = []
        var rest = maxExcerptWidth - width - spanWidth
        for s in after {
            let w = DisplayWidth.of(s)
            if rest - w < 1 { shownAfter.append("…"); break }
            shownAfter.append(clean(s))
            rest -= w
        }
        var text = String(String.UnicodeScalarView(shownBefore))
        text += paint(String(String.UnicodeScalarView(span.map(clean))), "1;4")
        text += String(String.UnicodeScalarView(shownAfter))
        let caret = String(repeating: " ", count: shownBefore.reduce(0) { $0 + DisplayWidth.of($1) })
            + paint("^" + String(repeating: "~", count: spanWidth - 1), "1;32")
        var result = "    \(text)\n    \(caret)\n"
        if let suggestion = finding.suggestions.first {
            let shown = suggestion.count > maxExcerptWidth / 2 ? String(suggestion.prefix(maxExcerptWidth / 2)) + "…" : suggestion
            result += "    \(paint("→ \(shown)", "32"))\n"
        }
        return result
    }
}
