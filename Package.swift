// swift-tools-version: 6.1
// Kaohe — analytics and ranking for China's annual target-responsibility assessments.
// Copyright (C) 2026 the Kaohe authors. GPL-3.0-or-later (GSL is GPL).
import PackageDescription

let package = Package(
    name: "Kaohe",
    products: [
        .executable(name: "kaohe", targets: ["kaohe"]),
        .library(name: "KaoheCore", targets: ["KaoheCore"]),
        .library(name: "KaoheCategories", targets: ["KaoheCategories"]),
        .library(name: "KaoheSynthetic", targets: ["KaoheSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // GSL, the numerical engine, from Debian's libgsl-dev. Only the `GSL` module imports it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // glibc's vector math (libmvec) for whole buffers: the simulation's exponentials.
        .target(
            name: "CVectorMath",
            linkerSettings: [.linkedLibrary("m"), .linkedLibrary("mvec", .when(platforms: [.linux]))]
        ),
        // The Swift face of GSL: statistics, fits, distributions, random streams, minimisation; and
        // the vector exp beside them.
        .target(name: "GSL", dependencies: ["CGSL", "CVectorMath"]),
        // Datasets, validation, the analyses and the category plugin API.
        .target(
            name: "KaoheCore",
            dependencies: ["GSL", .product(name: "Yams", package: "Yams")]
        ),
        // The five indicator-category modules: each depends on the core's plugin API only.
        .target(name: "KaoheQuantitative", dependencies: ["KaoheCore"], path: "Plugins/Quantitative"),
        .target(name: "KaoheBonus", dependencies: ["KaoheCore"], path: "Plugins/Bonus"),
        .target(name: "KaoheCommon", dependencies: ["KaoheCore"], path: "Plugins/Common"),
        .target(name: "KaoheNew", dependencies: ["KaoheCore"], path: "Plugins/New"),
        .target(name: "KaoheNegative", dependencies: ["KaoheCore"], path: "Plugins/Negative"),
        // The registration list that composes them.
        .target(
            name: "KaoheCategories",
            dependencies: ["KaoheCore", "KaoheQuantitative", "KaoheBonus", "KaoheCommon", "KaoheNew", "KaoheNegative"]
        ),
        // Tables, JSON and CSV for the terminal; bulletins and notices.
        .target(name: "KaoheReports", dependencies: ["KaoheCore"]),
        // Seeded synthetic datasets: the bundled preset and national-scale benchmark data.
        .target(name: "KaoheSynthetic", dependencies: ["GSL"]),
        .executableTarget(
            name: "kaohe",
            dependencies: [
                "KaoheCore",
                "KaoheCategories",
                "KaoheSynthetic",
                "KaoheReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift package --allow-writing-to-package-directory export-notebooks`: builds kaohe (release) and
        // exports the bundled dataset's Jupyter notebook into notebooks-export/.
        .plugin(
            name: "ExportNotebooks",
            capability: .command(
                intent: .custom(verb: "export-notebooks",
                                description: "Export the bundled dataset's Jupyter notebook and its data files into notebooks-export/"),
                permissions: [.writeToPackageDirectory(reason: "It writes the exported notebooks into notebooks-export/.")]
            )
        ),
        .testTarget(name: "GSLTests", dependencies: ["GSL"]),
        .testTarget(name: "KaoheCoreTests", dependencies: ["KaoheCore", "KaoheCategories", "GSL"]),
        .testTarget(name: "KaoheReportsTests", dependencies: ["KaoheReports", "KaoheCore"]),
        .testTarget(name: "KaoheCLITests", dependencies: ["kaohe"]),
        .testTarget(name: "KaoheSyntheticTests", dependencies: ["KaoheSynthetic"]),
    ],
    swiftLanguageModes: [.v6]
)
