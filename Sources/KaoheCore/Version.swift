import GSL

/// Kaohe's version, as `kaohe --version` prints it.
public enum KaoheVersion {
    public static let string = "0.1.0"
    /// The version line with the GSL library it runs on.
    public static var description: String { "kaohe \(string) (GSL \(gslVersion))" }
}
