import Foundation
import Lexicons

/// The shipped substitution lexicons (`wrong-word/*.yml`, `register/*.yml`) compiled to one binary file,
/// `compiled/substitutions.bin`: parsing their YAML costs about 50 ms, which a pre-commit hook would pay
/// on every run; reading the binary costs a few.
///
/// The file starts with a fingerprint of the YAML it was compiled from, and is used only while the
/// shipped YAML still has that fingerprint: an edited lexicon is never shadowed by a stale binary, it is
/// only slower to load until `jiaodui compile-lexicons Lexicons` is run (a test says so).
///
/// Layout (little-endian): magic "JDL1", fingerprint (UInt64), entry count (UInt32), then each entry's
/// fields in declaration order: strings as a UInt32 byte count and UTF-8, lists as a UInt32 count and
/// strings, enums as their raw strings (an absent category as ""), `boundary` as one byte.
public enum CompiledLexicon {
    static let magic: [UInt8] = Array("JDL1".utf8)
    /// The shipped lexicon folders, in load order.
    public static let folders = ["wrong-word", "register"]
    public static let relativePath = "compiled/substitutions.bin"

    /// The YAML files of `folders` under a `Lexicons` folder, each folder's files sorted by name.
    public static func sourceFiles(in lexicons: URL) -> [URL] {
        folders.flatMap { LexiconFiles.files(in: $0, withExtension: "yml", under: lexicons) }
    }

    /// FNV-1a over each file's folder and name and its bytes; nil when a file cannot be read.
    public static func fingerprint(of files: [URL]) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) { for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 } }
        for url in files {
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            mix((url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent).utf8)
            mix([0])
            data.withUnsafeBytes { mix($0) }
            mix([0])
        }
        return hash
    }

    /// The compiled form of `entries`, stamped with the fingerprint of their sources.
    public static func encode(_ entries: [LexiconEntry], fingerprint: UInt64) -> [UInt8] {
        var out = magic
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func put(_ s: String) { put32(UInt32(s.utf8.count)); out.append(contentsOf: s.utf8) }
        func put(_ list: [String]) { put32(UInt32(list.count)); list.forEach(put) }
        withUnsafeBytes(of: fingerprint.littleEndian) { out.append(contentsOf: $0) }
        put32(UInt32(entries.count))
        for e in entries {
            put(e.wrong); put(e.right); put(e.why); put(e.severity.rawValue); put(e.fix.rawValue); put(e.category?.rawValue ?? "")
            put(e.after); put(e.afterNot); put(e.before); put(e.beforeNot)
            out.append(e.boundary ? 1 : 0)
            put(e.trigger); put(e.ok); put(e.file); put(e.rule)
        }
        return out
    }

    /// The fingerprint and entries of a compiled file, or nil when it is not one (or is cut short).
    public static func decode(_ bytes: [UInt8]) -> (fingerprint: UInt64, entries: [LexiconEntry])? {
        guard bytes.count >= 16, Array(bytes[0..<4]) == magic else { return nil }
        return bytes.withUnsafeBytes { raw -> (UInt64, [LexiconEntry])? in
            var at = 4
            struct Truncated: Error {}
            func get32() throws -> Int {
                guard at + 4 <= raw.count else { throw Truncated() }
                defer { at += 4 }
                return Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            }
            func string() throws -> String {
                let n = try get32()
                guard at + n <= raw.count else { throw Truncated() }
                defer { at += n }
                return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + n]), as: UTF8.self)
            }
            func list() throws -> [String] { try (0..<get32()).map { _ in try string() } }
            func value<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
                guard let v = T(rawValue: try string()) else { throw Truncated() }
                return v
            }
            let fingerprint = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            at = 12
            do {
                let count = try get32()
                var entries: [LexiconEntry] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let wrong = try string(), right = try list(), why = try string()
                    let severity = try value(Severity.self), fix = try value(FixSafety.self)
                    let categoryName = try string()
                    let category = categoryName.isEmpty ? nil : Category(rawValue: categoryName)
                    if !categoryName.isEmpty && category == nil { throw Truncated() }
                    let after = try list(), afterNot = try list(), before = try list(), beforeNot = try list()
                    guard at < raw.count else { throw Truncated() }
                    let boundary = raw[at] != 0
                    at += 1
                    let trigger = try list(), ok = try list(), file = try string(), rule = try string()
                    entries.append(LexiconEntry(wrong: wrong, right: right, why: why, severity: severity, fix: fix,
                                                category: category,
                                                after: after, afterNot: afterNot, before: before, beforeNot: beforeNot,
                                                boundary: boundary, trigger: trigger, ok: ok, file: file, rule: rule))
                }
                guard at == raw.count else { return nil }
                return (fingerprint, entries)
            } catch { return nil }
        }
    }

    /// The shipped entries: from the compiled file while it matches the shipped YAML, else from the YAML.
    static func loadShipped() throws -> [LexiconEntry] {
        let files = folders.flatMap { SubstitutionLexicon.shippedFiles(folder: $0) }
        if let url = LexiconFiles.url(relativePath), let data = FileManager.default.contents(atPath: url.path),
           let compiled = decode(Array(data)), compiled.fingerprint == fingerprint(of: files) {
            return compiled.entries
        }
        return try SubstitutionLexicon.load(files: files)
    }
}
