/// Spoken, casual and internet words in formal writing, and emotive punctuation.
public struct ColloquialRule: LexiconRule {
    public static let description = RuleDescription(
        id: "colloquial",
        name: "口语和网络用语",
        summary: "Spoken or slang words (搞定, 啥, 给力, 躺平) and emotive punctuation (！！, ？！, ～) in formal writing.",
        rationale: """
            《党政机关公文处理工作条例》（中办发〔2012〕14号）第十九条 asks for “文字精练、用语准确”; words \
            marked 〈口〉〈方〉 in 《现代汉语词典》第7版 and internet slang belong to speech, not to 公文 and reports. \
            GB/T 15834-2011 §4.1–4.3 uses one 问号 or 叹号 at a time in formal text; ～ is no sentence mark. \
            Words inside quotation marks and titles are someone else's and are not reported.
            """,
        category: .tone,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("这项工作必须在月底前⟦搞定⟧。"),
            .triggers("各部门要团结协作⟦！！⟧"),
            .triggers("这个方案真是太好了⟦～⟧"),
            .passes("这项工作必须在月底前完成。"),
            .passes("群众称赞这项政策“真给力”。"),
            .passes("各部门要团结协作！"),
            .passes("温度保持在20～30℃。"),
            .fixes("这项工作必须在月底前搞定。", to: "这项工作必须在月底前完成。"),
        ]
    )

    public let lexicon: SubstitutionLexicon
    public init(lexicon: SubstitutionLexicon) { self.lexicon = lexicon }

    static let exclamations: CodeUnitSet = "！？!?"

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        reportLexiconMatches(lexicon, document, into: &findings) { document.isQuoted($0) }
        checkEmotivePunctuation(document, into: &findings)
    }

    /// Two or more ！/？ in a row, and ～ after Chinese text (20～30 is a range and stays).
    private func checkEmotivePunctuation(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        var i = 1
        while i < units.count {
            defer { i += 1 }
            let u = units[i]
            if Self.exclamations.contains(u), CharClass.isHan(units[i - 1]) || units[i - 1] == 0x201D {
                var j = i + 1
                while j < units.count, Self.exclamations.contains(units[j]) { j += 1 }
                guard j - i >= 2, !document.isQuoted(i..<j, titles: false) else { continue }
                let marks = document.string(i..<j)
                let kept = marks.contains { $0 == "？" || $0 == "?" } ? "？" : "！"
                findings.append(document.finding(
                    Self.description, range: i..<j,
                    message: "“\(marks)”感情色彩过重，正式文稿每处只用一个问号或叹号。",
                    suggestions: [kept], fix: .suggested))
                i = j - 1
            } else if u == 0xFF5E || u == 0x007E, CharClass.isHan(units[i - 1]),
                      i + 1 >= units.count || !CharClass.isDigit(units[i + 1]) && !CharClass.isHan(units[i + 1]) {
                guard !document.isQuoted(i..<i + 1, titles: false) else { continue }
                findings.append(document.finding(
                    Self.description, range: i..<i + 1,
                    message: "“～”是口语、网络语气符号，正式文稿不用；句末用句号。",
                    suggestions: ["。"], fix: .suggested))
            }
        }
    }
}
