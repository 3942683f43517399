import Foundation
import ZhText

/// The character encodings Jiaodui reads.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"

    /// Accepts the common spellings: utf8, UTF-8, gbk, gb2312, gb18030.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf8", "utf-8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }
}

/// Text read from a file, with what is needed to write it back byte for byte.
public struct DecodedText: Sendable {
    /// The text as UTF-16 code units, without the BOM.
    public let units: [UInt16]
    public let encoding: TextEncoding
    /// Whether the file began with a UTF-8 byte-order mark.
    public let hasBOM: Bool

    public init(units: [UInt16], encoding: TextEncoding, hasBOM: Bool) {
        self.units = units
        self.encoding = encoding
        self.hasBOM = hasBOM
    }

    public var string: String { String(utf16Units: units) }

    /// The bytes of `units` in this text's encoding, with its BOM.
    public func encode(_ units: [UInt16]) throws(InputError) -> [UInt8] {
        switch encoding {
        case .utf8:
            var bytes: [UInt8] = hasBOM ? [0xEF, 0xBB, 0xBF] : []
            units.withUnsafeBufferPointer { UTF8Transcoding.append($0, to: &bytes) }
            return bytes
        case .gb18030:
            do { return try Charset.encode(units, charset: "GB18030") } catch {
                throw .unencodable(encoding: "GB18030")
            }
        }
    }
}

/// Why an input could not be read. The description is one line, meant for users.
public enum InputError: Error, Equatable, CustomStringConvertible, Sendable {
    case binary
    case invalidUTF8(offset: Int)
    case undecodable(offset: Int)
    case invalidGB18030(offset: Int)
    case utf16Unsupported
    case unencodable(encoding: String)
    case notAFile
    case unreadable(String)
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .binary: return "looks like a binary file, not text"
        case .invalidUTF8(let o): return "is not valid UTF-8 (invalid byte at offset \(o))"
        case .undecodable(let o):
            return "is neither valid UTF-8 nor GB18030 (invalid UTF-8 byte at offset \(o)); use --encoding to choose one"
        case .invalidGB18030(let o): return "is not valid GB18030 (invalid byte near offset \(o))"
        case .utf16Unsupported: return "is UTF-16; convert it to UTF-8 first"
        case .unencodable(let e): return "cannot be written back in \(e)"
        case .notAFile: return "is a directory or special file, not a regular file"
        case .unreadable(let why): return "cannot be read: \(why)"
        case .tooLarge(let n): return "is too large (\(n) bytes; the limit is \(TextDecoder.maximumSize) bytes)"
        }
    }
}

public enum TextDecoder {
    /// Inputs above this size are refused rather than exhausting memory.
    public static let maximumSize = 256 << 20

    /// Decodes a file's bytes: UTF-8 (with or without BOM) or GB18030/GBK, detected unless `forced`.
    /// Line endings are kept as they are.
    public static func decode(_ bytes: [UInt8], forced: TextEncoding? = nil) throws(InputError) -> DecodedText {
        if bytes.count > maximumSize { throw .tooLarge(bytes.count) }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw .utf16Unsupported
        }
        if bytes.prefix(8192).contains(0) { throw .binary }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = hasBOM ? bytes[3...] : bytes[...]

        if forced == .gb18030 {
            return try decodeGB18030(Array(body)) { .invalidGB18030(offset: $0) }
        }
        if let units = utf16(ofValidUTF8: body) {
            return DecodedText(units: units, encoding: .utf8, hasBOM: hasBOM)
        }
        let utf8Offset = firstInvalidUTF8Offset(body)
        if forced == .utf8 || hasBOM { throw .invalidUTF8(offset: utf8Offset) }
        return try decodeGB18030(Array(body)) { _ in .undecodable(offset: utf8Offset) }
    }

    private static func decodeGB18030(_ bytes: [UInt8], failure: (Int) -> InputError) throws(InputError) -> DecodedText {
        let units: [UInt16]
        do { units = try Charset.decode(bytes, charset: "GB18030") } catch {
            if case .invalidBytes(let offset) = error { throw failure(offset) }
            throw failure(0)
        }
        // GB18030 accepts almost any byte sequence, binary files included; text with many
        // C0 control characters other than tab, form feed and line breaks is not a document.
        let controls = units.lazy.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if controls > max(4, units.count / 200) { throw .binary }
        return DecodedText(units: units, encoding: .gb18030, hasBOM: false)
    }

    /// UTF-16 of UTF-8 bytes, or nil when they are not valid UTF-8 (overlong forms, surrogates and
    /// values past U+10FFFF included). Validates and decodes in one pass: going through String
    /// costs a copy of the whole file and a second pass.
    static func utf16(ofValidUTF8 bytes: ArraySlice<UInt8>) -> [UInt16]? {
        var valid = true
        let out = bytes.withUnsafeBufferPointer { b in
            [UInt16](unsafeUninitializedCapacity: b.count) { out, written in
                var i = 0, o = 0
                let n = b.count
                @inline(__always) func continuation(_ k: Int) -> UInt32? {
                    guard k < n, b[k] & 0xC0 == 0x80 else { return nil }
                    return UInt32(b[k] & 0x3F)
                }
                while i < n {
                    let c = UInt32(b[i])
                    if c < 0x80 {
                        out[o] = UInt16(c); o += 1; i += 1
                        continue
                    }
                    if c >= 0xC2 && c < 0xE0, let c1 = continuation(i + 1) {
                        out[o] = UInt16((c & 0x1F) << 6 | c1); o += 1; i += 2
                        continue
                    }
                    if c >= 0xE0 && c < 0xF0, let c1 = continuation(i + 1), let c2 = continuation(i + 2) {
                        let v = (c & 0x0F) << 12 | c1 << 6 | c2
                        if v >= 0x800 && (v < 0xD800 || v > 0xDFFF) { out[o] = UInt16(v); o += 1; i += 3; continue }
                    } else if c >= 0xF0 && c < 0xF5, let c1 = continuation(i + 1), let c2 = continuation(i + 2), let c3 = continuation(i + 3) {
                        let v = (c & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                        if v >= 0x10000 && v <= 0x10FFFF {
                            out[o] = UInt16(0xD800 + ((v - 0x10000) >> 10)); out[o + 1] = UInt16(0xDC00 + ((v - 0x10000) & 0x3FF))
                            o += 2; i += 4
                            continue
                        }
                    }
                    valid = false
                    break
                }
                written = o
            }
        }
        return valid ? out : nil
    }

    /// The byte offset of the first invalid UTF-8 sequence (a rough but sufficient check for messages).
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let length: Int
            switch bytes[i] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.endIndex { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return i
    }
}
