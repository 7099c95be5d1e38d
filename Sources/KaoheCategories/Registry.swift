import KaoheBonus
import KaoheCommon
import KaoheCore
import KaoheNegative
import KaoheNew
import KaoheQuantitative

/// The one registration list: every category module Kaohe knows. A new category is a new folder under
/// `Plugins/`, a target in Package.swift, and one line here.
public let registeredCategories = CategoryCatalog([
    QuantitativeCategory.self,
    BonusCategory.self,
    CommonCategory.self,
    NewCategory.self,
    NegativeCategory.self,
])
