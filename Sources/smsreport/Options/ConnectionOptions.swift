import ArgumentParser
import Pipeline
import RunEngine
import SMSAPI

/// Where the API is, how to sign in and how hard to push it.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "API endpoint URL, e.g. https://sms.ap-southeast-3.myhuaweicloud.com (or env SMS_ENDPOINT).")
    var endpoint: String?

    @Option(help: "Region ID, e.g. ap-southeast-3; gives the endpoint when --endpoint is not given.")
    var region: String?

    @Option(
        name: .customLong("token-file"), help: "File holding an IAM token (else env HUAWEICLOUD_AUTH_TOKEN or AK/SK).")
    var tokenFile: String?

    @Option(
        help: ArgumentHelp(
            "Where credentials come from: auto (token file, AK/SK env, token env, profile file), token, env, profile "
                + "or ecs (the instance's agency via the metadata service); default auto.",
            valueName: "source"))
    var credentials: String?

    @Option(
        name: .customLong("iam-endpoint"),
        help: ArgumentHelp(
            "IAM endpoint for the project ID lookup (else env HUAWEICLOUD_SDK_IAM_ENDPOINT, the profile's "
                + "iam_endpoint, https://iam.myhuaweicloud.com).", valueName: "url"))
    var iamEndpoint: String?

    @Flag(help: "Do not verify TLS certificates (logs a warning).")
    var insecure = false

    @Option(help: "HTTP proxy, http://[user:password@]host:port (else env HTTPS_PROXY/HTTP_PROXY, NO_PROXY).")
    var proxy: String?

    @Option(name: .customLong("ca-file"), help: "PEM file of extra trusted root certificates (or env SSL_CERT_FILE).")
    var caFile: String?

    @Option(help: "Requests in flight at most (default 8).")
    var concurrency: Int?

    @Option(help: "Requests per second at most (default: no limit).")
    var rate: Double?

    @Option(help: "Retries per request on 429, 5xx and connection errors (default 5).")
    var retries: Int?

    @Option(help: "Seconds one request may take, from connecting to the last byte of the answer (default 60).")
    var timeout: Double?

    @Option(
        help: ArgumentHelp(
            "Time the whole run may take, e.g. 90m, 2h, 30s (default: no bound); what is left then is not fetched.",
            valueName: "duration"))
    var deadline: DurationArgument?

    @Option(name: .customLong("batch-size"), help: "Tasks per export request, 1–200 (default 200).")
    var batchSize: Int?

    @Flag(name: .customLong("no-export"), help: "Skip the export requests; only collect results.")
    var noExport = false

    func validate() throws {
        if let credentials, CredentialsMode(rawValue: credentials) == nil {
            throw ValidationError("--credentials must be one of \(CredentialsMode.names)")
        }
        if let concurrency, !(1...64).contains(concurrency) { throw ValidationError("--concurrency must be 1…64") }
        if let rate, !(rate > 0) { throw ValidationError("--rate must be a positive number") }
        if let retries, !(0...20).contains(retries) { throw ValidationError("--retries must be 0…20") }
        if let timeout, !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout must be more than 0 and at most 3600 seconds")
        }
        if let batchSize, !(1...ExportBatch.maximumSize).contains(batchSize) {
            throw ValidationError("--batch-size must be 1…\(ExportBatch.maximumSize)")
        }
    }

    /// The flags as the run's settings take them.
    var flags: RunSettings.Flags {
        var flags = RunSettings.Flags()
        (flags.endpoint, flags.region, flags.credentials, flags.iamEndpoint) = (
            endpoint, region, credentials, iamEndpoint
        )
        (flags.insecure, flags.proxy, flags.caFile) = (insecure, proxy, caFile)
        (flags.concurrency, flags.rate, flags.retries) = (concurrency, rate, retries)
        (flags.timeout, flags.deadline, flags.batchSize) = (timeout, deadline?.seconds, batchSize)
        return flags
    }
}
