// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Jiaodui",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Jiaodui", targets: ["Jiaodui"]),
        .executable(name: "jiaodui", targets: ["jiaodui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Compile and link flags for the system ICU only; never imported by Swift, because
        // ICU's headers clash with the copy of ICU bundled inside Foundation.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // A C shim whose public header shows only stdint types and opaque handles.
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // Swift face of ICU: breaking, transliteration, charset conversion.
        .target(name: "ZhText", dependencies: ["CICUShim"]),
        // The word lists, as data.
        .target(name: "Lexicons", path: "Lexicons", exclude: ["NOTICE.md", "README.md"], resources: [.copy("dict"), .copy("script"), .copy("wrong-word"), .copy("grammar"), .copy("register"), .copy("summary"), .copy("typo"), .copy("compiled")]),
        .target(
            name: "Jiaodui",
            dependencies: ["ZhText", "Lexicons", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "jiaodui",
            dependencies: ["Jiaodui", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "JiaoduiTests", dependencies: ["Jiaodui", "ZhText"]),
        .testTarget(name: "JiaoduiAPITests", dependencies: ["Jiaodui"]),
        .testTarget(name: "CLITests", dependencies: ["jiaodui"]),
    ],
    swiftLanguageModes: [.v6]
)
