// swift-tools-version:6.0
import PackageDescription

// Arrows point down only: the executable uses everything; Pipeline uses SMSAPI and
// ReportModel; Rendering uses ReportModel only (a renderer never sees the network);
// SMSMock uses SMSAPI (the same signer verifies requests); SMSAPI and ReportModel
// use nothing of ours.
let package = Package(
    name: "smsreport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smsreport", targets: ["smsreport"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The command line: flags → options, commands, exit codes. The only importer of ArgumentParser.
        .executableTarget(
            name: "smsreport",
            dependencies: [
                "Pipeline", "Rendering", "ReportModel", "ReportTemplates", "SMSAPI", "SMSMock", "History",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Renders synthetic or given snapshots and prints timings: the speed and memory benchmarks.
        .executableTarget(
            name: "smsreport-bench",
            dependencies: ["Rendering", "ReportModel", "ReportTemplates"],
            path: "Sources/smsreport-bench"
        ),
        // Manifest readers, batching, export and collection stages, the results snapshot.
        .target(
            name: "Pipeline",
            dependencies: [
                "SMSAPI", "ReportModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // CSV, XLSX and HTML renderers, the libxml2 writer and the one atomic file writer.
        .target(
            name: "Rendering",
            dependencies: [
                "ReportModel", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The bundled page frame, CSS and i18n string tables (the top-level templates/ folder).
        .target(
            name: "ReportTemplates",
            path: "templates",
            exclude: ["README.md"],
            resources: [.copy("i18n"), .copy("html")]
        ),
        // The mock SMS API: a real Hummingbird server on loopback with a synthetic world and faults.
        .target(
            name: "SMSMock",
            dependencies: [
                "SMSAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The wire: models, credentials, signer, retry policy, errors, client.
        .target(
            name: "SMSAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The run history: one SQLite database (GRDB), recorded and read by the executable only.
        .target(
            name: "History",
            dependencies: ["ReportModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Pure values: snapshot, server summaries, aggregation, report definitions, string tables.
        .target(name: "ReportModel"),
        // libxml2, imported by exactly one Swift file (Rendering/XML/XMLStreamWriter.swift).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Fixtures and the mock world shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: [
                "ReportModel", "SMSAPI", "SMSMock", "Pipeline",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "HistoryTests", dependencies: ["History", "ReportModel"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel", "TestSupport"]),
        .testTarget(name: "SMSAPITests", dependencies: ["SMSAPI", "TestSupport"]),
        .testTarget(name: "SMSMockTests", dependencies: ["SMSMock", "SMSAPI", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "SMSMock", "TestSupport"]),
        .testTarget(
            name: "RenderingTests",
            dependencies: [
                "Rendering", "ReportModel", "ReportTemplates", "TestSupport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "smsreportTests",
            dependencies: [
                "TestSupport", "SMSMock", "SMSAPI", "ReportModel", .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
