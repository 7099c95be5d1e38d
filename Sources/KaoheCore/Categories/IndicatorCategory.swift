/// An indicator category (量化指标, 加分指标, 共性指标, 新增考核指标, 负面清单): a module under `Plugins/`
/// that owns how its indicators are validated and scored. The core knows categories only through this
/// protocol and the registration list it is handed; it never switches on a category's id.
public protocol IndicatorCategory: Sendable {
    /// The id written in indicators.csv `category` and as the key of its `scoring:` section.
    static var id: String { get }
    /// The Chinese name used in tables and reports.
    static var displayName: String { get }
    /// The measures its indicators may take (dataset.md, reading rule 2).
    static var acceptedMeasures: Set<Measure> { get }
}

/// The registered categories, looked up by id (trimmed, case-insensitive).
public struct CategoryCatalog: Sendable {
    public let categories: [any IndicatorCategory.Type]

    public init(_ categories: [any IndicatorCategory.Type]) {
        self.categories = categories
    }

    /// The category registered under `id`, or nil.
    public func category(id: String) -> (any IndicatorCategory.Type)? {
        let wanted = id.trimmingSpaces().lowercased()
        return categories.first { $0.id == wanted }
    }

    /// The ids, in registration order, for messages such as "expected one of …".
    public var ids: [String] { categories.map { $0.id } }
}
