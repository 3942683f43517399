/// A set of UTF-16 code units with O(1), hash-free membership: rules test every character of a
/// document against small character classes, and `Set<UInt16>` hashing showed up as the hot spot.
public struct CodeUnitSet: Sendable, ExpressibleByStringLiteral {
    private var words = [UInt64](repeating: 0, count: 1024)

    public init<S: Sequence>(_ units: S) where S.Element == UInt16 {
        for u in units { words[Int(u) >> 6] |= 1 << UInt64(u & 63) }
    }

    public init(_ characters: String) { self.init(characters.utf16) }
    public init(stringLiteral characters: String) { self.init(characters.utf16) }

    @inline(__always) public func contains(_ u: UInt16) -> Bool {
        words.withUnsafeBufferPointer { $0[Int(u) >> 6] & (1 << UInt64(u & 63)) != 0 }
    }
}
