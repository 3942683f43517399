import Foundation
import Testing
@testable import Jiaodui

/// The summarizer on the seed corpus (outlines against the hand-written `*.outline` files) and on
/// the edge cases: one sentence, no text, no headings.
@Suite struct SummaryTests {
    static let seeds = GoldenCorpusTests.corpus.appendingPathComponent("seeds")
    static let summarizer = try! Summarizer()

    static func seedNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.filter { $0.hasSuffix(".outline") }.map { String($0.dropLast(".outline".count)) }.sorted()
    }

    /// An expected outline: its title, and (depth, heading) per line.
    static func expectedOutline(_ name: String) throws -> (title: String, headings: [(depth: Int, title: String)]) {
        let text = try String(contentsOf: seeds.appendingPathComponent(name + ".outline"), encoding: .utf8)
        var title = ""
        var headings: [(Int, String)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("title: ") { title = String(line.dropFirst(7)); continue }
            let indent = line.prefix { $0 == " " }.count
            headings.append((indent / 2, String(line.dropFirst(indent))))
        }
        return (title, headings)
    }

    static func flatten(_ nodes: [OutlineNode], depth: Int = 0) -> [(depth: Int, title: String)] {
        nodes.flatMap { [(depth, $0.title)] + flatten($0.children, depth: depth + 1) }
    }

    /// Headings match when equal up to a closing 。; a heading cut short (…) matches the start of the real one.
    static func sameHeading(_ found: String, _ expected: String) -> Bool {
        func bare(_ s: String) -> String { s.hasSuffix("。") ? String(s.dropLast()) : s }
        if found.hasSuffix("…") {
            let start = Array(found.dropLast()), whole = Array(bare(expected))
            let common = zip(start, whole).prefix { $0 == $1 }.count
            return common >= min(8, whole.count)
        }
        return bare(found) == bare(expected)
    }

    static func summarize(_ name: String, _ options: SummaryOptions = SummaryOptions()) throws -> DocumentSummary {
        let text = try String(contentsOf: seeds.appendingPathComponent(name + ".txt"), encoding: .utf8)
        return summarizer.summarize(text: text, options: options)
    }

    @Test func everySeedHasAnExpectedOutline() {
        #expect(Self.seedNames().count == 5)
    }

    @Test(arguments: seedNames()) func outlineMatchesTheHandWrittenOne(_ name: String) throws {
        let expected = try Self.expectedOutline(name)
        let summary = try Self.summarize(name)
        #expect(summary.title == expected.title)
        let found = Self.flatten(summary.outline)
        #expect(found.count == expected.headings.count, "\(name): \(found.map(\.title))")
        for (f, e) in zip(found, expected.headings) {
            #expect(f.depth == e.depth && Self.sameHeading(f.title, e.title), "\(name): found \(f.depth) \(f.title), expected \(e.depth) \(e.title)")
        }
    }

    /// Words only web-page furniture uses, written independently of the scanner that finds it.
    static let furnitureWords = ["上传", "文档编号", "下载", "举报", "版权", "侵权", "客服", "VIP", "会员", "资源描述",
                                 "展开阅读", "相关文章", "电脑桌面", "我要投稿", "首页", "首頁", "页 /", "共4页"]

    @Test(arguments: seedNames()) func summaryPicksWholeSentencesOfTheText(_ name: String) throws {
        let summary = try Self.summarize(name, { var o = SummaryOptions(); o.sentences = 5; return o }())
        #expect(summary.summary.count == 5)
        let headings = Set(Self.flatten(summary.outline).map(\.title))
        for sentence in summary.summary {
            #expect(!Self.furnitureWords.contains { sentence.text.contains($0) }, "furniture: \(sentence.text)")
            #expect(!headings.contains(sentence.text) && sentence.text != summary.title, "heading: \(sentence.text)")
            #expect(HeadingNumbers.marker(in: Array(sentence.text.utf16), line: 0..<sentence.text.utf16.count) == nil, "numbered: \(sentence.text)")
            #expect(sentence.text.unicodeScalars.filter { CharClass.isHan(UInt16(truncatingIfNeeded: $0.value)) && $0.value < 0x10000 }.count >= 8)
            #expect(["。", "！", "？", "?", "!", "…", "”"].contains { sentence.text.hasSuffix($0) }, "fragment: \(sentence.text)")
        }
        let lines = summary.summary.map(\.start)
        #expect(lines == lines.sorted { ($0.line, $0.column) < ($1.line, $1.column) }, "document order")
    }

    @Test func sameInputSameOutput() throws {
        for name in Self.seedNames() {
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let a = Self.summarizer.summarize(text: text), b = try Summarizer().summarize(text: text)
            #expect(SummaryRenderer.render(a, path: name, format: .json) == SummaryRenderer.render(b, path: name, format: .json))
        }
    }

    @Test func oneSentenceDocument() {
        let summary = Self.summarizer.summarize(text: "办公室要切实做好文稿起草和会议组织工作。\n")
        #expect(summary.summary.map(\.text) == ["办公室要切实做好文稿起草和会议组织工作。"])
        #expect(summary.outline.isEmpty)
        #expect(summary.statistics.sentences == 1)
        #expect(summary.statistics.paragraphs == 1)
    }

    @Test func emptyDocument() {
        for text in ["", "\n\n", "   \n"] {
            let summary = Self.summarizer.summarize(text: text)
            #expect(summary.summary.isEmpty && summary.outline.isEmpty && summary.keywords.isEmpty && summary.title == nil)
            #expect(summary.statistics.sentences == 0 && summary.statistics.hanCharacters == 0)
        }
    }

    @Test func documentWithoutHeadings() {
        let text = """
            关于加强办公室文稿工作的几点意见

            办公室文稿工作是服务领导决策的重要环节，文稿质量直接关系到决策落实。近年来，各部门文稿数量增加，质量参差不齐。文稿起草要做到主题鲜明、结构严谨、语言规范。审核把关要落实责任，坚持一稿一审。各部门要加强文稿人员培训，提高文稿起草能力。
            """
        let summary = Self.summarizer.summarize(text: text)
        #expect(summary.title == "关于加强办公室文稿工作的几点意见")
        #expect(summary.outline.isEmpty)
        #expect(summary.summary.count == 3)
        #expect(summary.keywords.first?.word == "文稿")
    }

    @Test func ratioPicksAShareOfTheSentences() throws {
        var options = SummaryOptions()
        options.ratio = 0.1
        let summary = try Self.summarize("office-director-duties-traditional", options)
        let candidates = summary.statistics.sentences
        #expect(summary.summary.count >= 2 && summary.summary.count <= candidates / 10 + 1)
    }

    @Test func traditionalTextKeepsItsScript() throws {
        let summary = try Self.summarize("office-director-duties-traditional")
        #expect(summary.keywords.contains { $0.word == "辦公室" })
        #expect(summary.statistics.traditionalShare > 0.2)
    }

    @Test func keywordsAreNeverStopWords() throws {
        let stop = try Summarizer.loadStopWords()
        for name in Self.seedNames() {
            let summary = try Self.summarize(name)
            #expect(summary.keywords.count == 10)
            #expect(summary.keywords.allSatisfy { !stop.contains(Array($0.word.utf16)) && $0.word.count >= 2 })
            #expect(summary.keywords.first?.weight == 1)
        }
    }

    @Test func jsonHasTheDocumentedShape() throws {
        var summary = try Self.summarize("doing-office-work-well")
        summary.addFindings(try Linter().lint(text: "要坚持实事求事。"))
        let line = SummaryRenderer.render(summary, path: "a.txt", format: .json)
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((object["summary"] as? [[String: Any]])?.count == 3)
        let outline = try #require(object["outline"] as? [[String: Any]])
        #expect(outline.count == 10 && (outline[9]["children"] as? [[String: Any]])?.count == 3)
        #expect((object["keywords"] as? [[String: Any]])?.first?["word"] as? String == "办公室")
        let stats = try #require(object["stats"] as? [String: Any])
        #expect((stats["findingsByCategory"] as? [String: Int])?["wrong-word"] == 1)
    }
}
