import Testing
@testable import Jiaodui
import ZhText

@Suite struct DecodingTests {
    let sample = "实事求是，\r\n克己奉公。\n"

    /// Our transcoder agrees with the standard library on every kind of unit, lone surrogates included.
    @Test func utf16TranscodingMatchesTheStandardLibrary() {
        let pieces: [[UInt16]] = [Array("a，实事求是é".utf16), Array("𠀀😀".utf16), [0xD800], [0xDC00], [0xD83D, 0x41], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let units = (0..<Int.random(in: 0...6, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self), "\(units)")
            #expect(String(utf16Units: units[...]) == String(decoding: units, as: UTF16.self))
        }
    }

    /// Our one-pass UTF-8 decoder accepts exactly what the standard library accepts, and decodes it the same.
    @Test func utf8DecodingMatchesTheStandardLibrary() {
        let pieces: [[UInt8]] = [Array("a，实事求是é𠀀".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xF0, 0x9F, 0x98], [0x80], [0xFF], [0xE4, 0xB8], [0xC2, 0xA0], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...5, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let expected = String(validating: bytes, as: UTF8.self).map { Array($0.utf16) }
            #expect(TextDecoder.utf16(ofValidUTF8: bytes[...]) == expected, "\(bytes)")
        }
    }

    @Test func utf8WithoutBOM() throws {
        let decoded = try TextDecoder.decode(Array(sample.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(!decoded.hasBOM)
        #expect(decoded.string == sample)
    }

    @Test func utf8WithBOMIsStrippedAndRemembered() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(decoded.hasBOM)
        #expect(decoded.string == sample)
        #expect(try decoded.encode(decoded.units) == [0xEF, 0xBB, 0xBF] + Array(sample.utf8))
    }

    @Test func gb18030IsDetectedAndRoundTrips() throws {
        let bytes = try Charset.encode(Array(sample.utf16), charset: "GB18030")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.string == sample)
        #expect(try decoded.encode(decoded.units) == bytes)
    }

    @Test func forcedEncodingIsObeyed() throws {
        let bytes = try Charset.encode(Array("办公室".utf16), charset: "GB18030")
        #expect(try TextDecoder.decode(bytes, forced: .gb18030).string == "办公室")
        #expect(throws: InputError.self) { try TextDecoder.decode(bytes, forced: .utf8) }
    }

    @Test func crlfIsKept() throws {
        let decoded = try TextDecoder.decode(Array("甲\r\n乙\n丙\r丁".utf8))
        #expect(decoded.string == "甲\r\n乙\n丙\r丁")
        let source = SourceText(units: decoded.units)
        #expect(source.lineStarts == [0, 3, 5, 7])
        #expect(source.location(of: 6) == SourceLocation(line: 3, column: 2))
        #expect(source.location(of: 7) == SourceLocation(line: 4, column: 1))
    }

    @Test func emptyInputIsFine() throws {
        let decoded = try TextDecoder.decode([])
        #expect(decoded.units.isEmpty)
    }

    @Test func binaryIsRefused() {
        #expect(throws: InputError.binary) { try TextDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]) }
        // No NUL, not UTF-8, and GB18030 only by accident: control bytes give it away.
        let controls: [UInt8] = (0..<400).map { UInt8(1 + $0 % 8) } + [0xFF, 0xFE, 0x81]
        #expect(throws: InputError.self) { try TextDecoder.decode(controls) }
    }

    @Test func invalidUTF8WithBOMNamesTheOffset() {
        #expect(throws: InputError.invalidUTF8(offset: 6)) {
            try TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x61, 0x62, 0x63, 0xC3, 0x28])
        }
    }

    @Test func utf16IsRefusedPlainly() {
        #expect(throws: InputError.utf16Unsupported) { try TextDecoder.decode([0xFF, 0xFE, 0x61, 0x00]) }
    }

    @Test func errorsAreOneLine() {
        let errors: [InputError] = [.binary, .invalidUTF8(offset: 3), .undecodable(offset: 9), .utf16Unsupported, .notAFile]
        for error in errors { #expect(!error.description.contains("\n")) }
    }
}

@Suite struct SourceTextTests {
    @Test func columnsCountCharactersNotUnits() {
        // An emoji (two UTF-16 units) and CJK before the span.
        let source = SourceText("第一行\n😀办公室实事求事")
        let offset = Array("第一行\n😀办公室".utf16).count
        #expect(source.location(of: offset) == SourceLocation(line: 2, column: 5))
        #expect(source.string(offset..<offset + 4) == "实事求事")
    }

    @Test func lineRangesExcludeBreaks() {
        let source = SourceText("甲乙\r\n丙")
        #expect(source.string(source.lineRange(0)) == "甲乙")
        #expect(source.string(source.lineRange(1)) == "丙")
    }
}
