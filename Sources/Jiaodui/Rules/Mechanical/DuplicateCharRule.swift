/// Characters or words typed twice: 围围着, 坚决、坚决.
public struct DuplicateCharRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-char",
        name: "重复字词",
        summary: "A character doubled where the doubled form is no word, or a word repeated around 、 or ，.",
        rationale: """
            Doubled characters are a common slip of typing and OCR. A doubling is reported only when \
            the pair is not a word of the dictionary (so 常常, 看看, 人人 pass) and the first of the two \
            does not end a longer word (so 要求求职 and 主要要做 pass).
            """,
        category: .wrongWord,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("办公室主任⟦围围⟧着领导转"),
            .triggers("办事要果断、⟦坚决、坚决⟧，不能犹豫"),
            .passes("我们要常常看看群众的意见"),
            .passes("按照要求求职者须提交材料"),
            .passes("的的确确如此"),
            .passes("我以为主要要做好以下几个方面"),
            .fixes("办公室主任围围着领导转", to: "办公室主任围着领导转"),
        ]
    )

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.simplifiedUnits
        let dictionary = WordDictionary.shipped
        var i = 0
        while i + 1 < units.count {
            defer { i += 1 }
            let u = units[i]
            guard CharClass.isHan(u), units[i + 1] == u else { continue }
            if i + 2 < units.count && units[i + 2] == u { continue } // 哈哈哈-style runs are deliberate
            if dictionary?.frequency(of: [u, u]) != nil { continue }
            let tokens = document.tokens(ofLineContaining: i)
            guard let first = tokens.first(where: { $0.range.contains(i) }),
                  let second = tokens.first(where: { $0.range.contains(i + 1) }) else { continue }
            // One token for the pair, or the first character standing alone (围|围着); when the first
            // ends a longer word (主要|要做), the second is a word of its own.
            guard (first.range == second.range && first.range.count == 2) || first.range.count == 1 else { continue }
            let ch = String(decoding: [u], as: UTF16.self)
            findings.append(document.finding(
                Self.description, range: i..<i + 2,
                message: "“\(ch)”重复了，“\(ch)\(ch)”不成词，疑为多打了一个字。",
                suggestions: [document.string(i..<i + 1)], fix: .suggested))
            i += 1
        }
        checkRepeatedWords(document, into: &findings)
    }

    /// W、W or W，W with the same word of two or more characters on both sides.
    private func checkRepeatedWords(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.simplifiedUnits
        let separators: Set<UInt16> = [0x3001, 0xFF0C] // 、，
        for s in 2..<max(2, units.count - 2) where separators.contains(units[s]) {
            for length in stride(from: 4, through: 2, by: -1) where s - length >= 0 && s + 1 + length <= units.count {
                let left = units[(s - length)..<s], right = units[(s + 1)..<(s + 1 + length)]
                guard left.elementsEqual(right), left.allSatisfy(CharClass.isHan) else { continue }
                // The repeated word must be whole on both sides.
                guard document.alignsWithTokens((s - length)..<s), document.alignsWithTokens((s + 1)..<(s + 1 + length)) else { continue }
                let word = String(decoding: left, as: UTF16.self)
                findings.append(document.finding(
                    Self.description, range: (s - length)..<(s + 1 + length),
                    message: "“\(word)”连用两次，疑为重复或漏改。", suggestions: [document.string((s - length)..<s)], fix: .suggested))
                break
            }
        }
    }
}
