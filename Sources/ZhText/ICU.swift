import CICUShim

/// Errors from the system ICU.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ what: String, code: Int32 = 0) {
        description = code == 0 ? what : "\(what) (ICU error \(code))"
    }
}

/// The version of the system ICU that Jiaodui is linked against, e.g. "72.1".
public var icuVersion: String { String(cString: jd_icu_version()) }

/// Finds word or sentence boundaries with ICU's rule- and dictionary-based break iterators.
///
/// Opening an iterator loads ICU's dictionaries, so open one per document (or per thread)
/// and reuse it; a `Breaker` is not safe to share between threads.
public final class Breaker {
    public enum Kind: Sendable { case word, sentence }

    private let handle: OpaquePointer

    public init(_ kind: Kind, locale: String = "zh") throws {
        var error: Int32 = 0
        guard let handle = jd_breaker_open(kind == .word ? Int32(JD_BREAK_WORD) : Int32(JD_BREAK_SENTENCE), locale, &error) else {
            throw ICUError("cannot open ICU break iterator", code: error)
        }
        self.handle = handle
    }

    deinit { jd_breaker_close(handle) }

    /// Every boundary after the start of `text` (UTF-16 offsets, ascending, the last equal to its length),
    /// each with ICU's rule status for the segment that ends there.
    public func boundaries(_ text: UnsafeBufferPointer<UInt16>) -> (ends: [Int32], statuses: [Int32]) {
        guard let base = text.baseAddress, !text.isEmpty else { return ([], []) }
        // A generous first guess: ICU rarely produces more segments than half the units plus one.
        var capacity = text.count / 2 + 16
        while true {
            var ends = [Int32](repeating: 0, count: capacity)
            var statuses = [Int32](repeating: 0, count: capacity)
            let n = ends.withUnsafeMutableBufferPointer { e in
                statuses.withUnsafeMutableBufferPointer { s in
                    jd_breaker_boundaries(handle, base, Int32(text.count), e.baseAddress, s.baseAddress, Int32(capacity))
                }
            }
            if n >= 0 {
                ends.removeSubrange(Int(n)...)
                statuses.removeSubrange(Int(n)...)
                return (ends, statuses)
            }
            capacity = Int(-n - 1)
        }
    }
}

/// ICU rule-status ranges for word segments (from ubrk.h's UWordBreak).
public enum WordStatus {
    public static func isNone(_ s: Int32) -> Bool { s < 100 }
    public static func isNumber(_ s: Int32) -> Bool { s >= 100 && s < 200 }
    public static func isLetter(_ s: Int32) -> Bool { s >= 200 && s < 300 }
    public static func isKana(_ s: Int32) -> Bool { s >= 300 && s < 400 }
    public static func isIdeograph(_ s: Int32) -> Bool { s >= 400 && s < 500 }
}

/// An ICU transliterator such as "Traditional-Simplified" or "Han-Latin".
/// Not safe to share between threads.
public final class Transliterator {
    private let handle: OpaquePointer

    public init(_ id: String) throws {
        var error: Int32 = 0
        guard let handle = jd_translit_open(id, &error) else {
            throw ICUError("cannot open ICU transliterator \(id)", code: error)
        }
        self.handle = handle
    }

    deinit { jd_translit_close(handle) }

    /// Transliterates UTF-16 units; the result may differ in length.
    public func apply(_ units: [UInt16]) -> [UInt16] {
        if units.isEmpty { return [] }
        var capacity = units.count * 2 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            let n = buffer.withUnsafeMutableBufferPointer {
                jd_translit_apply(handle, $0.baseAddress!, Int32(units.count), Int32(capacity))
            }
            if n >= 0 {
                buffer.removeSubrange(Int(n)...)
                return buffer
            }
            if capacity > units.count * 8 + 64 { return units }
            capacity *= 2
        }
    }

    public func apply(_ text: String) -> String {
        String(decoding: apply(Array(text.utf16)), as: UTF16.self)
    }
}

/// Charset conversion through ICU's converters (GB18030 and its GBK/GB2312 subsets).
public enum Charset {
    public enum Failure: Error, Equatable, Sendable {
        case unknownCharset(String)
        case invalidBytes(offset: Int)
        case unmappable
    }

    /// Decodes bytes in `charset` to UTF-16, failing at the first invalid sequence.
    public static func decode(_ bytes: [UInt8], charset: String) throws(Failure) -> [UInt16] {
        if bytes.isEmpty { return [] }
        var out = [UInt16](repeating: 0, count: bytes.count + 1)
        var errorOffset: Int32 = 0
        let n = bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in
                jd_convert_to_utf16(charset, b.baseAddress, Int32(b.count), o.baseAddress, Int32(o.count), &errorOffset)
            }
        }
        switch n {
        case -1: throw .unknownCharset(charset)
        case ..<0: throw .invalidBytes(offset: Int(errorOffset))
        default:
            out.removeSubrange(Int(n)...)
            return out
        }
    }

    /// Encodes UTF-16 into `charset`.
    public static func encode(_ units: [UInt16], charset: String) throws(Failure) -> [UInt8] {
        if units.isEmpty { return [] }
        var out = [UInt8](repeating: 0, count: units.count * 4 + 4)
        let n = units.withUnsafeBufferPointer { u in
            out.withUnsafeMutableBufferPointer { o in
                jd_convert_from_utf16(charset, u.baseAddress, Int32(u.count), o.baseAddress, Int32(o.count))
            }
        }
        switch n {
        case -1: throw .unknownCharset(charset)
        case ..<0: throw .unmappable
        default:
            out.removeSubrange(Int(n)...)
            return out
        }
    }
}
