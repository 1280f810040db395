import Foundation

/// The report templates shipped with smsreport: the HTML page frame, its CSS and the i18n string tables.
public enum BundledTemplates {
    /// The folder that holds `html/` and `i18n/`, as installed beside the executable.
    public static var directory: URL? {
        Bundle.module.resourceURL
    }
}
