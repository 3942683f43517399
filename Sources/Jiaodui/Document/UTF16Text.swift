extension String {
    /// A string from UTF-16 code units; a lone surrogate becomes U+FFFD, as with `String(decoding:as:)`.
    /// The standard library's generic decoder goes scalar by scalar and was the hot spot of checks that
    /// report many findings; this transcodes straight into the string's UTF-8 storage.
    public init<Units: Collection<UInt16>>(utf16Units units: Units) {
        if let string = units.withContiguousStorageIfAvailable(String.transcoding) { self = string; return }
        self = Array(units).withUnsafeBufferPointer(String.transcoding)
    }

    private static func transcoding(_ units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { UTF8Transcoding.write(units, to: $0) }
    }
}

/// UTF-16 to UTF-8, by hand: the one transcoder behind `String(utf16Units:)` and the CLI's output buffer.
public enum UTF8Transcoding {
    /// Writes `units` as UTF-8 into `out`, which must hold `3 * units.count` bytes; returns the bytes written.
    public static func write(_ units: UnsafeBufferPointer<UInt16>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var o = 0, i = 0
            while i < units.count {
                let u = units[i]
                i += 1
                if u < 0x80 { out[o] = UInt8(u); o += 1; continue }
                if u < 0x800 {
                    out[o] = 0xC0 | UInt8(u >> 6); out[o + 1] = 0x80 | UInt8(u & 0x3F); o += 2
                    continue
                }
                var scalar = UInt32(u)
                if u & 0xF800 == 0xD800 {
                    if u < 0xDC00, i < units.count, units[i] & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[i] - 0xDC00)
                        i += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                if scalar < 0x10000 {
                    out[o] = 0xE0 | UInt8(scalar >> 12); out[o + 1] = 0x80 | UInt8(scalar >> 6 & 0x3F)
                    out[o + 2] = 0x80 | UInt8(scalar & 0x3F); o += 3
                } else {
                    out[o] = 0xF0 | UInt8(scalar >> 18); out[o + 1] = 0x80 | UInt8(scalar >> 12 & 0x3F)
                    out[o + 2] = 0x80 | UInt8(scalar >> 6 & 0x3F); out[o + 3] = 0x80 | UInt8(scalar & 0x3F); o += 4
                }
            }
            return o
    }

    /// Appends `units` as UTF-8 to `bytes`.
    public static func append(_ units: UnsafeBufferPointer<UInt16>, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 3 * units.count))
        let written = bytes.withUnsafeMutableBufferPointer { write(units, to: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        bytes.removeLast(3 * units.count - written)
    }
}
