/// Correlative conjunctions that do not pair: 即…又 for 既…又, 不只是…而是, 而是 with nothing negated.
public struct ConjunctionPairingRule: Rule {
    public static let description = RuleDescription(
        id: "conjunction-pairing",
        name: "关联词搭配",
        summary: "即…又 written for 既…又; 不只是/不仅是…而是 (progression closed by a contrast); 而是 with no negation before it.",
        rationale: """
            Correlatives come in fixed pairs (《现代汉语八百词》“既”“而是”条; 黄伯荣、廖序东《现代汉语》复句关联词语): \
            “既……又……” joins two parallel qualities, “即” means “就是”; “不仅/不只……而且/更……” is progressive, \
            while “而是” answers a negation (“不是……而是……”). 而是 with nothing negated before it in the sentence, \
            or after 不只是, breaks the logic of the sentence.
            """,
        category: .grammar,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("办公室主任的工作，⟦即⟧辛苦又枯燥。"),
            .triggers("这⟦不只是⟧一个人品质问题，而是对事业的责任心问题。"),
            .triggers("办公室的工作单调而琐碎，⟦而是⟧要对全站职工服务。"),
            .passes("办公室主任的工作，既辛苦又枯燥。"),
            .passes("发现问题立即又派人复查。"),
            .passes("这不是一个人的问题，而是制度问题。"),
            .passes("这不只是一个人的问题，而且是制度问题。"),
            .passes("问题并非出在技术上，而是出在管理上。"),
            .passes("素质教育是一个时髦的话题，而是否让孩子学习则是另一回事。"),
            .passes("我们没有退缩，而是迎难而上。"),
            .fixes("工作即辛苦又枯燥", to: "工作既辛苦又枯燥"),
        ]
    )

    /// Characters that negate the first half of a 不是……而是 sentence.
    static let negations: CodeUnitSet = "不没非无未否别勿莫"
    static let clauseEnds: CodeUnitSet = "。！？；;!?\n\r"
    /// Characters before 即 that make it part of a word (立即, 随即, 意即 …).
    static let joinsBeforeJi: CodeUnitSet = "立随当旋亦意则便迹"
    static let progressives = ["不只是", "不仅是", "不仅仅是", "不但是", "不单是"].map { Array($0.utf16) }
    static let ji: UInt16 = 0x5373, you: UInt16 = 0x53C8, er: UInt16 = 0x800C, shi: UInt16 = 0x662F, fou: UInt16 = 0x5426

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.simplifiedUnits
        var clauseStart = 0
        for i in units.indices {
            let u = units[i]
            if Self.clauseEnds.contains(u) { clauseStart = i + 1; continue }
            if u == Self.ji { checkJi(at: i, units, document, into: &findings) }
            if u == Self.er, i + 1 < units.count, units[i + 1] == Self.shi, !(i + 2 < units.count && units[i + 2] == Self.fou) {
                checkErShi(at: i, clauseStart: clauseStart, units, document, into: &findings)
            }
        }
    }

    /// 即 + one to six Han characters + 又, where 即 stands alone as a word.
    private func checkJi(at i: Int, _ units: [UInt16], _ document: DocumentContext, into findings: inout [Finding]) {
        if i > 0, Self.joinsBeforeJi.contains(units[i - 1]) { return }
        var j = i + 1
        while j < units.count, j - i <= 7, CharClass.isHan(units[j]), units[j] != Self.you { j += 1 }
        guard j < units.count, units[j] == Self.you, j - i >= 2, j - i <= 7,
              j + 1 < units.count, CharClass.isHan(units[j + 1]),
              document.alignsWithTokens(i..<i + 1) else { return }
        findings.append(document.finding(
            Self.description, range: i..<i + 1,
            message: "“即……又……”应为“既……又……”：并列两个方面用“既”，“即”是“就是”的意思。",
            suggestions: ["既"], fix: .suggested))
    }

    /// 而是: reported after 不只是 (progressive) or when nothing before it in the sentence is negated.
    private func checkErShi(at i: Int, clauseStart: Int, _ units: [UInt16], _ document: DocumentContext, into findings: inout [Finding]) {
        let before = units[clauseStart..<i]
        if let range = lastProgressive(in: before) {
            // 不只是 negates nothing, so the contrast has no first half; 不是 was meant, or 而且.
            findings.append(document.finding(
                Self.description, range: range,
                message: "“\(document.string(range))……而是……”搭配不当：递进用“不只是……而且（更）是……”，转折用“不是……而是……”。",
                suggestions: ["不是"], fix: .suggested))
            return
        }
        // A sentence that opens with 而是 answers the negation of the sentence before.
        guard before.contains(where: CharClass.isHan), !before.contains(where: Self.negations.contains),
              document.alignsWithTokens(i..<i + 2) else { return }
        findings.append(document.finding(
            Self.description, range: i..<i + 2,
            message: "“而是”前面没有否定（“不是……而是……”），关联词不成对；表递进用“而且”。",
            suggestions: ["而且"], fix: .suggested))
    }

    private func lastProgressive(in clause: ArraySlice<UInt16>) -> Range<Int>? {
        var found: Range<Int>?
        for start in clause.indices where clause[start] == 0x4E0D { // 不
            for word in Self.progressives where clause[start...].starts(with: word) { found = start..<start + word.count }
        }
        return found
    }
}
