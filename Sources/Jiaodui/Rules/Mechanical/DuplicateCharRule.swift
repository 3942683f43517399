/// Characters or words typed twice: 围围着, 坚决、坚决.
public struct DuplicateCharRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-char",
        name: "重复字词",
        summary: "A character doubled where the doubled form is no word, or a word repeated around 、 at the start of a clause.",
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
            .triggers("此外⟦坚决、坚决⟧应当是办公室主任的工作作风"),
            .passes("我们要常常看看群众的意见"),
            .passes("按照要求求职者须提交材料"),
            .passes("的的确确如此"),
            .passes("兢兢业业地做好工作，勤勤恳恳"),
            .passes("金光灿灿的奖章"),
            .passes("沾沾自喜地说"),
            .passes("我以为主要要做好以下几个方面"),
            .passes("斯特拉斯堡市市长出席，工作队队长讲话"),
            .passes("任监利县委副书记、代县长、县长。"),
            .passes("宣布合并，合并金额达648亿美元"),
            .fixes("办公室主任围围着领导转", to: "办公室主任围着领导转"),
        ]
    )

    public init() {}

    /// Measure words, time words and name suffixes: doubled across a word boundary as a matter of course
    /// (1992年年度, 工作队队长, 水泥厂厂房, 一届届).
    static let boundaryChars: CodeUnitSet = "年月日天届次个位名家户层代号版期批座条件项章节本段市省县区乡镇村厂队局处科部院校所站组馆社店会团军师营连排班史工室"

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.simplifiedUnits
        guard let dictionary = WordDictionary.shipped else { return }
        var i = 0
        while i + 1 < units.count {
            defer { i += 1 }
            let u = units[i]
            guard CharClass.isHan(u), units[i + 1] == u, !Self.boundaryChars.contains(u) else { continue }
            if i + 2 < units.count && units[i + 2] == u { continue } // 哈哈哈-style runs are deliberate
            if i > 0 && units[i - 1] == u { continue }
            if dictionary.frequency(of: [u, u]) != nil || insideWord(units, pair: i, dictionary) { continue }
            // AABB (兢兢业业, 跌跌撞撞) and ABB before 的/地 (金光灿灿的) are reduplication, not slips.
            if i + 3 < units.count && units[i + 2] == units[i + 3] && CharClass.isHan(units[i + 2]) { continue }
            if i >= 2 && units[i - 2] == units[i - 1] && CharClass.isHan(units[i - 1]) { continue }
            if i + 2 < units.count && (units[i + 2] == 0x7684 || units[i + 2] == 0x5730) && i > 0 && CharClass.isHan(units[i - 1]) { continue }
            // The first character ends a word (主要|要做, 征信|信息), or the second begins a common one (市|市长).
            if endsWord(units, at: i + 1, dictionary) || beginsCommonWord(units, at: i + 1, dictionary) { continue }
            let ch = String(utf16Units: [u])
            findings.append(document.finding(
                Self.description, range: i..<i + 2,
                message: "“\(ch)”重复了，“\(ch)\(ch)”不成词，疑为多打了一个字。",
                suggestions: [document.string(i..<i + 1)], fix: .suggested))
            i += 1
        }
        checkRepeatedWords(document, into: &findings)
    }

    /// Whether a dictionary word of three or more characters covers the pair (沾沾自喜, 芭芭拉).
    private func insideWord(_ units: [UInt16], pair i: Int, _ dictionary: WordDictionary) -> Bool {
        var found = false
        units.withUnsafeBufferPointer { buffer in
            for start in max(0, i - 3)...i {
                dictionary.forEachWord(in: buffer, from: start, maxLength: 6) { length, _ in
                    if length >= 3 && start + length >= i + 2 { found = true }
                }
            }
        }
        return found
    }

    /// Whether some dictionary word of two to four characters ends at `end` (exclusive).
    private func endsWord(_ units: [UInt16], at end: Int, _ dictionary: WordDictionary) -> Bool {
        for length in 2...4 where end - length >= 0 {
            let candidate = units[(end - length)..<end]
            if candidate.allSatisfy(CharClass.isHan), dictionary.frequency(of: candidate) != nil { return true }
        }
        return false
    }

    /// Whether a frequent dictionary word of two or more characters starts at `start`.
    private func beginsCommonWord(_ units: [UInt16], at start: Int, _ dictionary: WordDictionary) -> Bool {
        var found = false
        units.withUnsafeBufferPointer { buffer in
            dictionary.forEachWord(in: buffer, from: start, maxLength: 4) { length, freq in
                if length >= 2 && freq >= 2000 { found = true }
            }
        }
        return found
    }

    /// Words after which a repeated W、W cannot be a list of modified items (代县长、县长 is one).
    static let clauseOpeners: Set<String> = ["此外", "同时", "而且", "并且", "因此", "所以", "但是", "然后", "还要", "要", "必须", "更要", "就要"]

    /// W、W with the same word of two or more characters on both sides, at the start of a clause.
    private func checkRepeatedWords(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.simplifiedUnits
        for s in 2..<max(2, units.count - 2) where units[s] == 0x3001 { // 、
            for length in stride(from: 4, through: 2, by: -1) where s - length >= 0 && s + 1 + length <= units.count {
                var same = true
                for k in 0..<length where units[s - length + k] != units[s + 1 + k] || !CharClass.isHan(units[s + 1 + k]) {
                    same = false
                    break
                }
                guard same else { continue }
                let left = units[(s - length)..<s]
                // The repeated word must be whole on both sides.
                guard document.alignsWithTokens((s - length)..<s), document.alignsWithTokens((s + 1)..<(s + 1 + length)) else { continue }
                // Only where the first W opens a clause; 特别重大、重大 or 代县长、县长 list modified items.
                let before = s - length
                let opensClause = before == 0 || !CharClass.isHan(units[before - 1])
                    || document.token(endingAt: before).map { Self.clauseOpeners.contains(document.simplifiedString($0.range)) } == true
                guard opensClause else { continue }
                let word = String(utf16Units: left)
                findings.append(document.finding(
                    Self.description, range: (s - length)..<(s + 1 + length),
                    message: "“\(word)”连用两次，疑为重复或漏改。", suggestions: [document.string((s - length)..<s)], fix: .suggested))
                break
            }
        }
    }
}
