/// Path globs, for `exclude:` in the configuration and for globs on the command line: `*` and `?`
/// match within one path segment, a `**` segment matches any number of segments.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        matches(pattern.split(separator: "/")[...], path.split(separator: "/")[...])
    }

    private static func matches(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" { return (0...path.count).contains { matches(pattern.dropFirst(), path.dropFirst($0)) } }
        guard let segment = path.first, matchesSegment(Array(first)[...], Array(segment)[...]) else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchesSegment(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        if first == "*" { return (0...name.count).contains { matchesSegment(pattern.dropFirst(), name.dropFirst($0)) } }
        guard let char = name.first, first == "?" || first == char else { return false }
        return matchesSegment(pattern.dropFirst(), name.dropFirst())
    }
}
