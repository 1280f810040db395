import Foundation
import ReportModel

/// `README.txt` of an evidence bundle, in the report's language: what each file is and how to check them, with
/// and without smsreport.
struct EvidenceReadme {
    let strings: StringTable
    /// The report's title (configured or the table's default).
    let title: String
    /// The report's name, the stem of its files.
    let reportName: String
    /// Every entry of the bundle, README.txt included, in archive order.
    let entries: [String]
    let signed: Bool

    /// The README's text: UTF-8, LF line ends.
    var text: String {
        var lines = [
            strings.format(.evidenceReadmeTitle, title), "", strings.format(.evidenceReadmeReport, reportName), "",
        ]
        lines.append(strings[.evidenceFilesHeading])
        let width = min(48, entries.map(\.count).max() ?? 0)
        for entry in entries {
            let padding = String(repeating: " ", count: max(1, width - entry.count + 2))
            lines.append("  " + entry + padding + describe(entry))
        }
        lines += [
            "", strings[.evidenceCheckHeading], "", strings[.evidenceCheckSums], "", "    sha256sum -c SHA256SUMS", "",
        ]
        lines.append(strings[.evidenceCheckSumsResult])
        lines.append("")
        if signed {
            lines += [
                strings[.evidenceCheckSignature], "",
                "    ssh-keygen -Y verify -f allowed_signers -I IDENTITY -n smsreport -s SHA256SUMS.sig < SHA256SUMS",
                "", strings[.evidenceCheckSignatureResult], "",
            ]
        } else {
            lines += [strings[.evidenceUnsigned], ""]
        }
        let bundle = EvidenceBundle.fileName(forReport: reportName)
        lines += [
            strings[.evidenceCheckWithTool], "",
            "    smsreport verify \(bundle)" + (signed ? " --allowed-signers allowed_signers" : ""), "",
            strings[.evidenceSummaryNote],
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the entry `path` is, by its name.
    func describe(_ path: String) -> String {
        switch path {
        case "\(reportName).html": strings[.evidenceFileHTML]
        case "\(reportName).xlsx": strings[.evidenceFileXLSX]
        case "\(reportName).pdf": strings[.evidenceFilePDF]
        case "\(reportName).csv": strings[.evidenceFileServersCSV]
        case "\(reportName)-directories.csv": strings[.evidenceFileDirectoriesCSV]
        case "\(reportName)-changes.csv": strings[.evidenceFileChangesCSV]
        case "\(reportName)-coverage.csv": strings[.evidenceFileCoverageCSV]
        case "\(reportName)-junit.xml": strings[.evidenceFileJUnit]
        case EvidenceBundle.summaryName: strings[.evidenceFileSummary]
        case EvidenceBundle.checksumsName: strings[.evidenceFileChecksums]
        case EvidenceBundle.signatureName: strings[.evidenceFileSignature]
        case EvidenceBundle.readmeName: strings[.evidenceFileReadme]
        default: strings[.evidenceFileOther]
        }
    }
}
