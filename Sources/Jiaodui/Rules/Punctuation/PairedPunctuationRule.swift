/// Quotation marks, title marks and brackets that are not closed, not opened, or closed out of order.
public struct PairedPunctuationRule: Rule {
    public static let description = RuleDescription(
        id: "paired-punctuation",
        name: "成对标点",
        summary: "An unpaired or mis-nested 《 》 （ ） 【 】 within a paragraph; a quotation mark opened or closed twice in a row.",
        rationale: """
            GB/T 15834-2011 §4.4 (引号), §4.5 (括号), §4.15 (书名号): the marks come in pairs and nest \
            properly (“…‘…’…”). A quotation running over several paragraphs opens each paragraph with “ and \
            closes only at its end (§4.4.3, note), which is not reported.
            """,
        category: .punctuation,
        severity: .warning,
        examples: [
            .triggers("他说：⟦“⟧这件事要办好，“马上办。”"),
            .triggers("他说：“这件事要办好。”马上办。⟦”⟧"),
            .triggers("学习⟦《⟧公文处理条例"),
            .triggers("要坚持（一）原则⟦】⟧"),
            .triggers("学习⟦（⟧《条例》。"),
            .passes("他说：“这件事要‘尽快’办好。”"),
            .passes("学习《党政机关公文处理工作条例》（2012年）。"),
            .passes("他说：“第一段。\n“第二段。”"),
        ]
    )

    static let openers: [UInt16: UInt16] = [0x201C: 0x201D, 0x2018: 0x2019, 0x300A: 0x300B, 0xFF08: 0xFF09, 0x3010: 0x3011, 0x300C: 0x300D, 0x300E: 0x300F]
    static let closers: [UInt16: UInt16] = Dictionary(uniqueKeysWithValues: openers.map { ($0.value, $0.key) })

    public init() {}

    /// Quotation marks may span paragraphs (each paragraph of a long quotation opens again, and only the
    /// last one closes), so within a paragraph only a repeated opener or closer is certain to be wrong.
    static let quotes: CodeUnitSet = "“”‘’「」『』"
    static let marks: CodeUnitSet = "“”‘’「」『』《》（）【】"

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        let source = document.source
        for index in 0..<source.lineStarts.count {
            let line = source.lineRange(index)
            var brackets: [Int] = []
            var openQuote: [UInt16: Int] = [:]
            var closedQuote: Set<UInt16> = []
            for i in line where Self.marks.contains(units[i]) {
                let u = units[i]
                if Self.quotes.contains(u) {
                    if let closer = Self.openers[u] {
                        if let earlier = openQuote[u] { reportUnclosed(earlier, document, into: &findings) }
                        openQuote[u] = i
                        closedQuote.remove(closer)
                    } else if let opener = Self.closers[u] {
                        if openQuote.removeValue(forKey: opener) != nil {
                            closedQuote.insert(u)
                        } else if closedQuote.contains(u) {
                            reportUnopened(i, opener, document, into: &findings)
                        }
                    }
                } else if Self.openers[u] != nil {
                    brackets.append(i)
                } else if let opener = Self.closers[u] {
                    if let top = brackets.last, units[top] == opener {
                        brackets.removeLast()
                    } else if let k = brackets.lastIndex(where: { units[$0] == opener }) {
                        // Closed across an inner bracket that is still open: the inner one is unclosed.
                        for j in brackets[(k + 1)...] { reportUnclosed(j, document, into: &findings) }
                        brackets.removeSubrange(k...)
                    } else {
                        reportUnopened(i, opener, document, into: &findings)
                    }
                }
            }
            for j in brackets { reportUnclosed(j, document, into: &findings) }
        }
    }

    private func reportUnopened(_ i: Int, _ opener: UInt16, _ document: DocumentContext, into findings: inout [Finding]) {
        findings.append(document.finding(
            Self.description, range: i..<i + 1,
            message: "“\(document.string(i..<i + 1))”没有与之配对的“\(String(utf16Units: [opener]))”。"))
    }

    private func reportUnclosed(_ i: Int, _ document: DocumentContext, into findings: inout [Finding]) {
        let closer = String(utf16Units: [Self.openers[document.units[i]]!])
        findings.append(document.finding(
            Self.description, range: i..<i + 1,
            message: "“\(document.string(i..<i + 1))”没有对应的“\(closer)”，成对标点不完整。"))
    }
}
