/// Numbers written against GB/T 15835-2011: mixed year styles, ○/零 for 〇 in years, ranges with a hyphen.
public struct NumberUsageRule: Rule {
    public static let description = RuleDescription(
        id: "number-usage",
        name: "数字用法",
        summary: "Years in both 2001年 and 二〇〇一年 style in one document; ○, 零 or O for 〇 in a year; 10-20% for 10%～20%.",
        rationale: """
            GB/T 15835-2011 (出版物上数字用法): one kind of number is written one way throughout a document \
            (§4.1, “同类别同形式”); in Chinese-numeral years the zero is 〇, not ○ (a geometric circle), 零 or the \
            letter O (§5.2.2); a numeric range is joined with 浪纹线 ～ and, for percentages, each end keeps its \
            % (§4.1.5 and GB/T 15834-2011 §4.13.3).
            """,
        category: .number,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("⟦二○○一年⟧十月"),
            .triggers("⟦二零零一年⟧十月"),
            .triggers("增长⟦10-20%⟧。"),
            .triggers("会议于2001年召开，⟦二〇〇二年⟧结束，2003年验收。"),
            .passes("二〇〇一年十月"),
            .passes("增长10%～20%。"),
            .passes("会议于2001年召开，2002年结束。"),
            .passes("时间：2022-08-18"),
            .fixes("增长10-20%。", to: "增长10%～20%。"),
        ]
    )

    public init() {}

    static let yearDigits: CodeUnitSet = "〇一二三四五六七八九○零OoＯ０"
    static let badZeros: CodeUnitSet = "○零OoＯ０"

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        var digitYears: [Range<Int>] = [], chineseYears: [Range<Int>] = []
        var zeroFixed: Set<Range<Int>> = []
        let nian: UInt16 = 0x5E74 // 年
        for i in units.indices where units[i] == nian && i >= 4 {
            let year = (i - 4)..<i
            let before: UInt16 = i >= 5 ? units[i - 5] : 0x20
            if units[year].allSatisfy(CharClass.isASCIIDigit), !CharClass.isDigit(before) {
                digitYears.append(year.lowerBound..<i + 1)
            } else if units[year].allSatisfy(Self.yearDigits.contains), !Self.yearDigits.contains(before),
                      units[year].contains(where: { HeadingNumbers.value(of: $0).map { $0 > 0 } == true }) {
                chineseYears.append(year.lowerBound..<i + 1)
                if units[year].contains(where: Self.badZeros.contains) {
                    zeroFixed.insert(year.lowerBound..<i + 1)
                    let fixed = String(utf16Units: units[year].map { Self.badZeros.contains($0) ? 0x3007 : $0 }) + "年"
                    findings.append(document.finding(
                        Self.description, range: year.lowerBound..<i + 1,
                        message: "年份中的零应写作“〇”：“\(fixed)”。", suggestions: [fixed], fix: .safe))
                }
            }
        }
        // Mixed styles: the minority style is reported.
        if !digitYears.isEmpty && !chineseYears.isEmpty {
            let minority = chineseYears.count <= digitYears.count ? chineseYears : digitYears
            for range in minority where !zeroFixed.contains(range) {
                findings.append(document.finding(
                    Self.description, range: range,
                    message: "同一文档中年份写法不统一（“2001年”与“二〇〇一年”并用），应统一为一种。", severity: .info))
            }
        }
        checkRanges(document, into: &findings)
    }

    /// 10-20% or 10%-20%: a range of percentages joined by a hyphen or dash.
    private func checkRanges(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        let joiners: Set<UInt16> = [0x2D, 0xFF0D, 0x2014, 0x2013, 0x7E]
        var i = 0
        while i < units.count {
            guard CharClass.isASCIIDigit(units[i]), i == 0 || !(CharClass.isASCIIDigit(units[i - 1]) || units[i - 1] == 0x2E || joiners.contains(units[i - 1])) else { i += 1; continue }
            func number(from k: Int) -> Int {
                var j = k
                while j < units.count, CharClass.isASCIIDigit(units[j]) || (units[j] == 0x2E && j + 1 < units.count && CharClass.isASCIIDigit(units[j + 1])) { j += 1 }
                return j
            }
            let firstEnd = number(from: i)
            var j = firstEnd
            let firstHasPercent = j < units.count && units[j] == 0x25
            if firstHasPercent { j += 1 }
            guard j < units.count, joiners.contains(units[j]), j + 1 < units.count, CharClass.isASCIIDigit(units[j + 1]) else { i = firstEnd; continue }
            let secondEnd = number(from: j + 1)
            guard secondEnd < units.count, units[secondEnd] == 0x25, secondEnd + 1 >= units.count || !joiners.contains(units[secondEnd + 1]) else { i = secondEnd; continue }
            let first = document.string(i..<firstEnd), second = document.string((j + 1)..<secondEnd)
            let fixed = "\(first)%～\(second)%"
            findings.append(document.finding(
                Self.description, range: i..<secondEnd + 1,
                message: "数值范围应写作“\(fixed)”：用浪纹线“～”连接，百分数两端都带“%”。", suggestions: [fixed], fix: .safe))
            i = secondEnd + 1
        }
    }
}
