/// libFuzzer's driver, started from each fuzz executable's entry point.
///
/// SwiftPM renames a debug executable's `main` to `<Target>_main` (so that tests can link it), which collides
/// with libFuzzer's own `main`; the targets therefore link `libclang_rt.fuzzer_no_main` and call this instead.
public enum FuzzDriver {
    /// One fuzz input: the bytes (nil when empty) and their count; returns 0.
    public typealias Body = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments on `body`; returns the process's exit status.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: Body
    ) -> CInt {
        var count = argc
        var arguments = argv
        return llvmFuzzerRunDriver(&count, &arguments, body)
    }
}

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ body: FuzzDriver.Body
) -> CInt
