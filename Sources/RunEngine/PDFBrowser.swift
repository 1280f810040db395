import Foundation
import Pipeline
import Rendering
import ReportModel

/// The headless Chromium that prints the `pdf` format (SPEC 3), checked before any request.
public enum PDFBrowser {
    /// The browser that prints PDFs when some report has the pdf format: `--chromium PATH`, else the first of
    /// chromium, chromium-browser and google-chrome on PATH; nil when no report needs one. Without one, exit 2
    /// before any request, saying how to install it.
    public static func find(given chromium: String?, for reports: [ReportDefinition]) throws -> String? {
        guard reports.contains(where: { $0.formats.contains(.pdf) }) else { return nil }
        if let chromium {
            guard FileManager.default.isExecutableFile(atPath: chromium) else {
                throw ConfigurationError("--chromium \(chromium): not an executable file")
            }
            return chromium
        }
        guard let found = PDFReportRenderer.findBrowser() else {
            throw ConfigurationError(
                "the pdf format needs headless Chromium, and none was found on PATH (chromium, chromium-browser, "
                    + "google-chrome); install it (Debian/Ubuntu: apt-get install chromium; for Chinese text also "
                    + "fonts-noto-cjk) or give --chromium PATH")
        }
        return found
    }
}
