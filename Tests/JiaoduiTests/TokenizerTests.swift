import Foundation
import Testing
@testable import Jiaodui

@Suite struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    func words(_ text: String, with tokenizer: Tokenizer? = nil) -> [String] {
        let units = Array(text.utf16)
        return (tokenizer ?? self.tokenizer).tokenize(units).map { String(decoding: units[$0.range], as: UTF16.self) }
    }

    @Test func shippedDictionaryIsPresent() {
        #expect(WordDictionary.shipped != nil)
        #expect(WordDictionary.shipped?.contains("办公室") == true)
    }

    @Test func tokensRoundTripToTheExactText() {
        let texts = ["办公室是一个单位的综合管理部门，\r\n是领导的参谋部。", "2022年8月18日 12:34:59 ABC 😀 实事求事！", "", " \n\t", "𠀀𠀁中文"]
        for text in texts {
            let units = Array(text.utf16)
            let tokens = tokenizer.tokenize(units)
            var position = 0
            for token in tokens {
                #expect(token.range.lowerBound == position)
                #expect(!token.range.isEmpty)
                position = token.range.upperBound
            }
            #expect(position == units.count)
        }
    }

    @Test func commonOfficeWordsStayWhole() {
        #expect(words("办公室主任要体察领导意图").contains("办公室"))
        #expect(words("推诿扯皮的现象").contains("推诿"))
    }

    @Test func kindsAreAssigned() {
        let units = Array("共1998年，ABC公司。".utf16)
        let kinds = tokenizer.tokenize(units).map(\.kind)
        #expect(kinds.contains(.number))
        #expect(kinds.contains(.latin))
        #expect(kinds.contains(.punctuation))
        #expect(kinds.contains(.han))
    }

    @Test func userDictionaryChangesSegmentation() throws {
        let text = "请联系鸿鹄数联科技部处理"
        #expect(!words(text).contains("鸿鹄数联"))
        let user = try WordDictionary.userDictionary(text: "# 单位名称\n鸿鹄数联 100\n")
        let custom = try Tokenizer(userDictionary: user)
        #expect(words(text, with: custom).contains("鸿鹄数联"))
    }

    @Test func shippedBinaryIsRebuiltByteForByteFromItsSource() throws {
        let lexicons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lexicons/dict")
        let source = try String(contentsOf: lexicons.appendingPathComponent("words.tsv"), encoding: .utf8)
        let binary = try Data(contentsOf: lexicons.appendingPathComponent("words.bin"))
        #expect(WordDictionary.compile(tsv: source) == Array(binary), "run: jiaodui compile-dictionary Lexicons/dict/words.tsv Lexicons/dict/words.bin")
    }

    @Test func bothModesSegmentOfficeText() throws {
        for mode in Tokenizer.Mode.allCases {
            let tokenizer = try Tokenizer(mode: mode)
            let units = Array("办公室主任要体察领导意图，1998年第十五次会议。".utf16)
            let words = tokenizer.tokenize(units).map { String(decoding: units[$0.range], as: UTF16.self) }
            #expect(words.contains("办公室"), "\(mode)")
            #expect(words.contains("1998年"), "\(mode)")
            #expect(words.contains("第十五"), "\(mode)")
        }
    }

    @Test func compiledDictionaryLooksUpPrefixes() throws {
        let dictionary = try WordDictionary(bytes: WordDictionary.compile(tsv: "中\t5\n中国\t10\n中国人\t3\n国人\t2\n"))
        #expect(dictionary.count == 4)
        #expect(dictionary.totalFrequency == 20)
        var found: [Int] = []
        Array("中国人民".utf16).withUnsafeBufferPointer { buffer in
            dictionary.forEachWord(in: buffer, from: 0, maxLength: 8) { length, _ in found.append(length) }
        }
        #expect(found == [1, 2, 3])
        #expect(dictionary.frequency(of: Array("国人".utf16)) == 2)
        #expect(dictionary.frequency(of: Array("人民".utf16)) == nil)
    }
}

/// The compiled substitution lexicons: rebuilt byte for byte from the YAML, read back unchanged,
/// and never trusted once the YAML changes.
@Suite struct CompiledLexiconTests {
    static let lexicons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons")

    @Test func shippedBinaryIsRebuiltByteForByteFromTheYAML() throws {
        let files = CompiledLexicon.sourceFiles(in: Self.lexicons)
        #expect(files.count >= 7)
        let entries = try SubstitutionLexicon.load(files: files)
        let fingerprint = try #require(CompiledLexicon.fingerprint(of: files))
        let shipped = try Data(contentsOf: Self.lexicons.appendingPathComponent(CompiledLexicon.relativePath))
        #expect(CompiledLexicon.encode(entries, fingerprint: fingerprint) == Array(shipped), "run: jiaodui compile-lexicons Lexicons")
        let decoded = try #require(CompiledLexicon.decode(Array(shipped)))
        #expect(decoded.fingerprint == fingerprint)
        #expect(decoded.entries == entries)
    }

    @Test func anEditedLexiconChangesTheFingerprintAndACutFileIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-lexicon-\(UUID().uuidString)/wrong-word")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("a.yml")
        try "source: test\nentries:\n  - {wrong: 推倭, right: [推诿], why: 形近而误}\n".write(to: file, atomically: true, encoding: .utf8)
        let before = try #require(CompiledLexicon.fingerprint(of: [file]))
        let entries = try SubstitutionLexicon.load(files: [file])
        let bytes = CompiledLexicon.encode(entries, fingerprint: before)
        #expect(CompiledLexicon.decode(bytes)?.entries == entries)
        #expect(CompiledLexicon.decode(Array(bytes.dropLast())) == nil)
        try "source: test\nentries:\n  - {wrong: 推倭, right: [推诿], why: 形近而误。}\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(CompiledLexicon.fingerprint(of: [file]) != before)
    }
}
