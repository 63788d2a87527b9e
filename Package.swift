// swift-tools-version:6.2
import PackageDescription

/// Release builds of the hot paths (values, the VM dispatch loop, the scheduler and mailboxes)
/// skip dynamic exclusivity checks: the message-ring benchmark spent about 6 % of its
/// instructions in them (callgrind), plus thread-local lookups.
/// Debug builds and tests keep them.
let releaseExclusivityUnchecked: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

/// Layers (dependencies point down only):
/// dkctl → Shell, Monitor → Kernel → VM → Language; Shell → BPMN → Language.
let package = Package(
    name: "dkctl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dkctl", targets: ["dkctl"]),
        .library(name: "Kernel", targets: ["Kernel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
    ],
    targets: [
        .target(name: "Language", swiftSettings: releaseExclusivityUnchecked),
        .target(
            name: "BPMN",
            dependencies: ["Language"]
        ),
        .target(
            name: "VM",
            dependencies: ["Language"],
            swiftSettings: releaseExclusivityUnchecked
        ),
        .target(name: "CCycleCounter"),
        .target(
            name: "Kernel",
            dependencies: [
                "Language", "VM", "CCycleCounter",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: releaseExclusivityUnchecked
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "Shell",
            dependencies: ["Kernel", "Language", "BPMN"]
        ),
        .target(
            name: "Monitor",
            dependencies: ["Kernel", "CNcursesw"]
        ),
        .executableTarget(
            name: "dkctl",
            dependencies: [
                "Shell", "Monitor", "Kernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LanguageTests", dependencies: ["Language"]),
        .testTarget(name: "VMTests", dependencies: ["VM", "Language"]),
        .testTarget(name: "BPMNTests", dependencies: ["BPMN", "Language", "Kernel"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "Language", "VM"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"]),
        .testTarget(name: "MonitorTests", dependencies: ["Monitor"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
            exclude: ["Fixtures"]  // programs the tests hand to dkctl by path
        ),
    ]
)
