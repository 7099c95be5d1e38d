// swift-tools-version: 6.1
// Benchmarks of Kaohe, kept out of the main package so that its build and tests stay lean
// (as swift-collections keeps its own). Build and run from this folder:
//   swift build -c release --scratch-path .build-bench
//   .build-bench/release/kaohe-bench generate /tmp/kaohe-national      # 3,000 units × 60 indicators × 6 years
//   .build-bench/release/kaohe-bench load /tmp/kaohe-national          # loading and validation
//   .build-bench/release/kaohe-bench standing /tmp/kaohe-national      # forecasts and 10,000 simulated years
import PackageDescription

let package = Package(
    name: "KaoheBenchmarks",
    dependencies: [
        .package(name: "Kaohe", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "kaohe-bench",
            dependencies: [
                .product(name: "KaoheCore", package: "Kaohe"),
                .product(name: "KaoheCategories", package: "Kaohe"),
                .product(name: "KaoheSynthetic", package: "Kaohe"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
