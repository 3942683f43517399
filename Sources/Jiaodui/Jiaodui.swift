/// Jiaodui's version, shown by `jiaodui --version` and written into SARIF output.
public enum Jiaodui {
    public static let version = "0.1.0"
}
