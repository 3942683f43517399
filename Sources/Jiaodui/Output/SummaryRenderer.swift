/// Writes document summaries as text, Markdown or JSON Lines.
///
/// JSON, version 1: one object per document, one per line: `{"version": 1, "path", "title",
/// "summary": [{"text", "line", "column", "score"}], "outline": [{"title", "line", "children": […]}],
/// "keywords": [{"word", "weight"}], "keyPhrases": [{"word", "weight"}], "stats": {…}}`.
public enum SummaryRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public static func render(_ summary: DocumentSummary, path: String, format: Format) -> String {
        switch format {
        case .text: return text(summary, path: path)
        case .markdown: return markdown(summary, path: path)
        case .json: return json(summary, path: path)
        }
    }

    // MARK: Text

    static func text(_ s: DocumentSummary, path: String) -> String {
        var out = "\(path)\n"
        out += "  标题：\(s.title ?? "（未识别）")\n"
        out += "  摘要：\n"
        if s.summary.isEmpty { out += "    （正文没有完整的句子）\n" }
        for sentence in s.summary { out += "    \(sentence.text)（第\(sentence.start.line)行）\n" }
        out += "  提纲：\n"
        if s.outline.isEmpty { out += "    （无标题层次）\n" }
        func outline(_ nodes: [OutlineNode], depth: Int) {
            for node in nodes {
                out += String(repeating: "  ", count: depth + 2) + node.title + "\n"
                outline(node.children, depth: depth + 1)
            }
        }
        outline(s.outline, depth: 0)
        out += "  关键词：" + (s.keywords.isEmpty ? "（无）" : s.keywords.map(\.word).joined(separator: "、")) + "\n"
        if !s.keyPhrases.isEmpty { out += "  关键短语：" + s.keyPhrases.map(\.word).joined(separator: "、") + "\n" }
        out += "  统计：" + statisticsLine(s.statistics) + "\n"
        return out
    }

    static func statisticsLine(_ st: DocumentSummary.Statistics) -> String {
        var parts = ["\(st.characters) 字符", "汉字 \(st.hanCharacters)", "\(st.paragraphs) 段", "\(st.sentences) 句",
                     "\(st.headings) 个标题", "平均句长 \(format(st.averageSentenceLength))"]
        if let start = st.longestSentenceStart { parts.append("最长句 \(st.longestSentenceLength)（第\(start.line)行）") }
        if st.traditionalShare > 0 { parts.append("繁体字占 \(format(st.traditionalShare * 100))%") }
        if st.furnitureLines > 0 { parts.append("网页残留 \(st.furnitureLines) 行") }
        if let jargon = st.jargonPerThousandCharacters { parts.append("套话 \(format(jargon))/千字") }
        if let byCategory = st.findingsByCategory {
            let found = byCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，")
            parts.append("问题：" + (found.isEmpty ? "无" : found))
        }
        return parts.joined(separator: "，")
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    // MARK: Markdown

    static func markdown(_ s: DocumentSummary, path: String) -> String {
        var out = "## \(escape(s.title ?? path))\n\n"
        if s.title != nil { out += "`\(path)`\n\n" }
        out += "### 摘要\n\n"
        out += s.summary.isEmpty ? "（正文没有完整的句子）\n\n" : s.summary.map { escape($0.text) }.joined(separator: "") + "\n\n"
        out += "### 提纲\n\n"
        if s.outline.isEmpty { out += "（无标题层次）\n" }
        func outline(_ nodes: [OutlineNode], depth: Int) {
            for node in nodes {
                out += String(repeating: "  ", count: depth) + "- " + escape(node.title) + "\n"
                outline(node.children, depth: depth + 1)
            }
        }
        outline(s.outline, depth: 0)
        out += "\n### 关键词\n\n" + (s.keywords.isEmpty ? "（无）" : s.keywords.map { "\(escape($0.word))（\($0.weight)）" }.joined(separator: "、")) + "\n"
        if !s.keyPhrases.isEmpty { out += "\n关键短语：" + s.keyPhrases.map { escape($0.word) }.joined(separator: "、") + "\n" }
        out += "\n### 统计\n\n" + statisticsLine(s.statistics) + "\n"
        return out
    }

    /// Backslash-escapes the characters that would start Markdown syntax inside a line.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    // MARK: JSON

    static func json(_ s: DocumentSummary, path: String) -> String {
        var out: [UInt8] = []
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func quote(_ text: String) { JSONText.append(text, to: &out) }
        func number(_ value: Double) -> String { value.isFinite ? String(value) : "0" }
        put("{\"version\": 1, \"path\": "); quote(path)
        put(", \"title\": "); if let title = s.title { quote(title) } else { put("null") }
        put(", \"summary\": [")
        for (i, sentence) in s.summary.enumerated() {
            if i > 0 { put(", ") }
            put("{\"text\": "); quote(sentence.text)
            put(", \"line\": \(sentence.start.line), \"column\": \(sentence.start.column), \"score\": \(number(sentence.score))}")
        }
        put("], \"outline\": ")
        func outline(_ nodes: [OutlineNode]) {
            put("[")
            for (i, node) in nodes.enumerated() {
                if i > 0 { put(", ") }
                put("{\"title\": "); quote(node.title)
                put(", \"line\": \(node.start.line), \"children\": ")
                outline(node.children)
                put("}")
            }
            put("]")
        }
        outline(s.outline)
        for (key, list) in [("keywords", s.keywords), ("keyPhrases", s.keyPhrases)] {
            put(", \"\(key)\": [")
            for (i, keyword) in list.enumerated() {
                if i > 0 { put(", ") }
                put("{\"word\": "); quote(keyword.word); put(", \"weight\": \(number(keyword.weight))}")
            }
            put("]")
        }
        let st = s.statistics
        put(", \"stats\": {\"characters\": \(st.characters), \"hanCharacters\": \(st.hanCharacters), \"paragraphs\": \(st.paragraphs)")
        put(", \"sentences\": \(st.sentences), \"headings\": \(st.headings), \"averageSentenceLength\": \(number(st.averageSentenceLength))")
        put(", \"longestSentence\": ")
        if let start = st.longestSentenceStart { put("{\"length\": \(st.longestSentenceLength), \"line\": \(start.line)}") } else { put("null") }
        put(", \"traditionalShare\": \(number(st.traditionalShare)), \"furnitureLines\": \(st.furnitureLines)")
        for (key, counts) in [("findingsByCategory", st.findingsByCategory), ("findingsBySeverity", st.findingsBySeverity)] {
            guard let counts else { continue }
            put(", \"\(key)\": {")
            put(counts.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", "))
            put("}")
        }
        if let jargon = st.jargonPerThousandCharacters { put(", \"jargonPerThousandCharacters\": \(number((jargon * 100).rounded() / 100))") }
        put("}}\n")
        return String(decoding: out, as: UTF8.self)
    }
}
