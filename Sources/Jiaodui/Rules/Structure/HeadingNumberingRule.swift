/// Heading numbers in the GB/T 9704 hierarchy 一、 → （一） → 1. → （1）; for now, empty numbers: ()正确处理.
public struct HeadingNumberingRule: Rule {
    public static let description = RuleDescription(
        id: "heading-numbering",
        name: "标题序号",
        summary: "An empty heading number such as () or （） before the text of a heading or list item.",
        rationale: """
            GB/T 9704-2012 §7.3.3 numbers the levels of a document 一、 （一） 1. （1）. An empty pair of \
            brackets where a number belongs is a number lost in editing or conversion.
            """,
        category: .structure,
        severity: .warning,
        examples: [
            .triggers("二、要有追踪反馈的功能。⟦()⟧正确处理好侧重与失重的关系。"),
            .triggers("⟦（）⟧加强组织领导"),
            .triggers("要把握好三个关系:⟦()⟧正确处理政务和事务的关系"),
            .passes("（一）加强组织领导"),
            .passes("调用函数 f() 即可"),
        ]
    )

    /// Marks after which a heading or list number may stand: 。；： and their ASCII forms.
    static let before: CodeUnitSet = "。；：;:"

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        let pairs: [(UInt16, UInt16)] = [(0x28, 0x29), (0xFF08, 0xFF09)]
        guard units.count >= 3 else { return }
        for i in 0..<(units.count - 2) {
            guard pairs.contains(where: { $0.0 == units[i] && $0.1 == units[i + 1] }), CharClass.isHan(units[i + 2]) else { continue }
            // At the start of a line or after a sentence end: where a heading number stands.
            let previous = i == 0 ? 0x0A : units[i - 1]
            guard CharClass.isLineBreak(previous) || CharClass.isWhitespace(previous) || Self.before.contains(previous) else { continue }
            findings.append(document.finding(Self.description, range: i..<i + 2,
                                             message: "序号为空：括号中缺少序号，应按“（一）（二）”或“（1）（2）”补全。"))
        }
    }
}
