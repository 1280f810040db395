// swift-tools-version:6.1
import PackageDescription

// Arrows point down only: the executable uses everything; Pipeline uses SMSAPI and
// ReportModel; Rendering uses ReportModel only (a renderer never sees the network);
// SMSMock uses SMSAPI (the same signer verifies requests) and ReportModel (its seeded
// generator); SMSAPI and ReportModel use nothing of ours.
//
// Linux only, so no `platforms`: the code calls Glibc directly (the console, the file sink, the run folder, the
// manifest reader), and `platforms` can only name Apple systems, none of which this builds on.
let package = Package(
    name: "smsreport",
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
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The command line: flags → options, commands, exit codes. The only importer of ArgumentParser.
        .executableTarget(
            name: "smsreport",
            dependencies: [
                "Pipeline", "Rendering", "ReportModel", "ReportTemplates", "SMSAPI", "SMSMock", "History", "RunEngine",
                "Evidence", "Notify", "Monitoring",
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
                "SMSAPI", "ReportModel", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The run's back half: snapshot → verdict (statuses, policy, exit code, summary) → rendered set → published
        // folder → the steps after publishing (history, notifications, metrics, retention). docs/run-engine.md.
        .target(
            name: "RunEngine",
            dependencies: [
                "Pipeline", "Rendering", "ReportModel", "ReportTemplates", "History", "SMSAPI", "Evidence", "Notify",
                "Monitoring", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // CSV, XLSX and HTML renderers, the libxml2 writer and the one atomic file writer.
        .target(
            name: "Rendering",
            dependencies: [
                "ReportModel", "CLibXML2", "CSystemZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The evidence bundle, SSH signatures (OpenSSH's SSHSIG format, Ed25519 keys) and `verify` (SPEC 9).
        .target(
            name: "Evidence",
            dependencies: [
                "ReportModel", "Rendering",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The bundled page frame, CSS and i18n string tables (the top-level templates/ folder), compiled into the
        // binary by the EmbedTemplates plugin so that a copied binary needs no resource bundle beside it.
        .target(
            name: "ReportTemplates",
            path: "templates",
            exclude: ["README.md", "html", "i18n"],
            plugins: ["EmbedTemplates"]
        ),
        // Turns templates/html and templates/i18n into generated Swift on every build that changes them.
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["template-embedder"]),
        // The plugin's tool: files in, one Swift file of base64 literals out.
        .executableTarget(name: "template-embedder", path: "Sources/template-embedder"),
        // The mock SMS API: a real Hummingbird server on loopback with a synthetic world and faults.
        .target(
            name: "SMSMock",
            dependencies: [
                "SMSAPI", "ReportModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
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
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Notifications (SPEC 8.3): the message from a run's summary, the seven senders, sendmail for e-mail.
        .target(
            name: "Notify",
            dependencies: [
                "ReportModel", "SMSAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Monitoring (SPEC 8.4): the Prometheus metrics file and the start/end pings (over Notify's HTTP delivery).
        .target(
            name: "Monitoring",
            dependencies: [
                "ReportModel", "Notify", "SMSAPI",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The run history: one SQLite database (GRDB), recorded and read by the executable only.
        .target(
            name: "History",
            dependencies: ["ReportModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Pure values: snapshot, server summaries, aggregation, report definitions, string tables; and the small
        // shared mechanics every layer above needs once: parallel CPU work, EINTR-safe descriptor I/O, a seeded
        // generator.
        .target(name: "ReportModel"),
        // libxml2, one owner per direction: the writer (Rendering/XML/XMLStreamWriter.swift) and the pull reader
        // of .xlsx manifests (Pipeline/Manifest/XLSX/XMLPullReader.swift) are the only files that import it, each
        // the only one of its target, and no libxml2 pointer leaves either file.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib, imported by one Swift file (Rendering/XLSX/Zip/XLSXDeflater.swift): the workbook's raw deflate in
        // parallel chunks and its CRC-32 (already a dependency of libxml2, so no new runtime library). Not `CZlib`:
        // ZIPFoundation has a module of that name, and the test targets see both.
        .systemLibrary(
            name: "CSystemZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Fixtures and the mock world shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: [
                "ReportModel", "SMSAPI", "SMSMock", "Pipeline", "CLibXML2",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RunEngineTests", dependencies: ["RunEngine", "ReportTemplates", "TestSupport", "Rendering"]),
        .testTarget(
            name: "HistoryTests",
            dependencies: ["History", "ReportModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "EvidenceTests",
            dependencies: [
                "Evidence", "Rendering", "ReportModel", "ReportTemplates",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "NotifyTests",
            dependencies: ["Notify", "ReportModel", "ReportTemplates", "Rendering", "SMSAPI", "TestSupport"]
        ),
        .testTarget(name: "MonitoringTests", dependencies: ["Monitoring", "Notify", "ReportModel", "TestSupport"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel", "TestSupport"]),
        .testTarget(name: "SMSAPITests", dependencies: ["SMSAPI", "TestSupport"]),
        .testTarget(name: "SMSMockTests", dependencies: ["SMSMock", "SMSAPI", "TestSupport"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "SMSMock", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "RenderingTests",
            dependencies: [
                "Rendering", "ReportModel", "ReportTemplates", "TestSupport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The golden files are read from the source tree (#filePath), byte for byte, not as resources.
            exclude: ["Golden/Files"]
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

// libFuzzer targets (scripts/fuzz, docs/fuzzing.md): declared only with SMSREPORT_FUZZ=1, which scripts/fuzz sets
// and builds into its own --scratch-path .build-fuzz, so that a normal build or test never sees libFuzzer.
if Context.environment["SMSREPORT_FUZZ"] == "1" {
    // Coverage instrumentation and AddressSanitizer for the code under test.
    let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
    for target in package.targets where ["SMSAPI", "Pipeline", "ReportModel"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + instrumented
    }
    // libFuzzer without its main (see Fuzz/Driver): the path comes from scripts/fuzz (the toolchain's clang runtime).
    let runtime = Context.environment["SMSREPORT_FUZZ_RUNTIME"] ?? "libclang_rt.fuzzer_no_main-x86_64.a"
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Driver"))
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("ConsistencyResult", ["SMSAPI", "ReportModel"]), ("ErrorBody", ["SMSAPI"]), ("TaskPage", ["SMSAPI"]),
        ("ManifestCSV", ["Pipeline"]), ("ManifestJSON", ["Pipeline"]), ("ManifestYAML", ["Pipeline"]),
    ]
    for fuzz in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: "Fuzz\(fuzz.name)", dependencies: fuzz.dependencies + ["FuzzDriver"], path: "Fuzz/\(fuzz.name)",
                swiftSettings: instrumented + [.unsafeFlags(["-parse-as-library"])],
                linkerSettings: [.unsafeFlags(["-sanitize=address", runtime, "-lstdc++"])]))
        package.products.append(.executable(name: "Fuzz\(fuzz.name)", targets: ["Fuzz\(fuzz.name)"]))
    }
}
