/// Traditional characters in a Simplified document, and the reverse.
public struct MixedScriptRule: Rule {
    public static let description = RuleDescription(
        id: "mixed-script",
        name: "繁简混用",
        summary: "A Traditional-only character in a Simplified document, or a Simplified-only one in a Traditional document.",
        rationale: """
            《通用规范汉字表》(2013) and the 国家通用语言文字法 §17 ask for one script per document. A \
            character counts as Traditional-only when ICU converts it and it is not in GB 2312, and as \
            Simplified-only when ICU converts it and it is not in Big5, so forms valid in both (著, 于) pass.
            """,
        category: .wrongWord,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("办公室是单位的综合⟦辦⟧事机构，负责协调工作。"),
            .triggers("辦公室處於承上啟下的地位，是聯結領導和基層的⟦桥⟧樑。"),
            .passes("办公室是单位的综合办事机构。"),
            .passes("辦公室處於承上啟下的地位。"),
            .passes("办公室是综合机构。\n辦公室處於承上啟下的地位。"),
            .fixes("综合辦事机构", to: "综合办事机构"),
        ]
    )

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let script = ScriptTable.shared
        let units = document.units
        let source = document.source
        for index in 0..<source.lineStarts.count {
            let line = source.lineRange(index)
            // Each line is judged against its own majority script (the document's on a tie), so a
            // quotation in the other script is one block, not hundreds of findings.
            var traditional = 0, simplified = 0
            for i in line {
                if script.isTraditionalOnly(units[i]) { traditional += 1 } else if script.isSimplifiedOnly(units[i]) { simplified += 1 }
            }
            guard traditional > 0 && simplified > 0 else { continue }
            let lineIsTraditional = traditional == simplified ? document.isTraditional : traditional > simplified
            for i in line {
                let u = units[i]
                let replacement = lineIsTraditional ? script.traditional(of: u) : (script.isTraditionalOnly(u) ? script.simplified(of: u) : nil)
                guard let r = replacement else { continue }
                let found = String(utf16Units: [u]), wanted = String(utf16Units: [r])
                let message = lineIsTraditional
                    ? "繁体文本中混有简体字“\(found)”，应为“\(wanted)”。"
                    : "简体文本中混有繁体字“\(found)”，应为“\(wanted)”。"
                findings.append(document.finding(Self.description, range: i..<i + 1, message: message, suggestions: [wanted], fix: .suggested))
            }
        }
    }
}
