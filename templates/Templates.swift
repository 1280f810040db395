import Foundation

/// The report templates shipped with smsreport: the HTML page frame, its CSS and JS and the i18n string tables,
/// compiled into the binary (`files`, generated from this folder by the EmbedTemplates plugin at build time).
public enum BundledTemplates {}
