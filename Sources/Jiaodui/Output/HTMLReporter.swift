/// One self-contained page for a whole run: a table of counts per file and category, then each
/// file's text with its findings highlighted and explained on hover (and listed below it), for
/// readers who never use a terminal.
public struct HTMLReporter: Reporter {
    public init() {}

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:60em;line-height:1.7;color:#222}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}td:first-child,th:first-child{text-align:left}
        pre{white-space:pre-wrap;font-family:inherit;background:#fafafa;border:1px solid #eee;padding:1em}
        mark{border-bottom:2px solid;cursor:help}mark.error{background:#fdd;border-color:#c00}mark.warning{background:#fec;border-color:#d80}
        mark.info{background:#def;border-color:#48c}ol li{margin:.2em 0}.rule{color:#666;font-size:.9em}
        """

    public func render(_ reports: [FileReport]) -> String {
        let categories = Category.allCases.filter { c in reports.contains { $0.findings.contains { $0.category == c } } }
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>校对报告 Jiaodui report</title>"
        out += "<style>\(Self.style)</style></head><body>\n<h1>校对报告</h1>\n"
        let total = reports.reduce(0) { $0 + $1.findings.count }
        out += "<p>\(reports.count) 个文件，\(total) 处问题。鼠标停在标出的文字上可看说明。</p>\n"
        out += "<table><tr><th>文件</th><th>合计</th>" + categories.map { "<th>\($0.rawValue)</th>" }.joined() + "</tr>\n"
        for (i, report) in reports.enumerated() {
            out += "<tr><td><a href=\"#f\(i)\">\(Self.escape(report.path))</a></td><td>\(report.findings.count)</td>"
            out += categories.map { c in "<td>\(report.findings.filter { $0.category == c }.count)</td>" }.joined() + "</tr>\n"
        }
        out += "</table>\n"
        for (i, report) in reports.enumerated() {
            out += "<h2 id=\"f\(i)\">\(Self.escape(report.path))</h2>\n"
            if report.findings.isEmpty { out += "<p>没有发现问题。</p>\n"; continue }
            out += "<pre>" + highlighted(report) + "</pre>\n<ol>\n"
            for (k, f) in report.findings.enumerated() {
                out += "<li id=\"f\(i)-\(k)\">\(Self.escape(report.location(f.start))) <b>\(Self.escape(f.text))</b> "
                out += Self.escape(f.message)
                if let s = f.suggestions.first { out += " → " + (s.isEmpty ? "（删除）" : Self.escape(s)) }
                out += " <span class=\"rule\">[\(f.ruleID)]</span></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</body></html>\n"
    }

    /// The file's text with each finding's span in a <mark>; a span overlapping an earlier one is
    /// only listed, since marks cannot overlap.
    func highlighted(_ report: FileReport) -> String {
        let units = report.source.units
        var out = ""
        var position = 0
        for f in report.findings where f.range.lowerBound >= position && !f.range.isEmpty {
            out += Self.escape(String(utf16Units: units[position..<f.range.lowerBound]))
            let title = f.message + (f.suggestions.first.map { $0.isEmpty ? " → 删除" : " → \($0)" } ?? "") + " [\(f.ruleID)]"
            out += "<mark class=\"\(f.severity.rawValue)\" title=\"\(Self.escape(title))\">"
            out += Self.escape(String(utf16Units: units[f.range])) + "</mark>"
            position = f.range.upperBound
        }
        return out + Self.escape(String(utf16Units: units[position...]))
    }
}
