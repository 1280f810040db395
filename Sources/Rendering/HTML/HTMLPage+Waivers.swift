import Foundation
import ReportModel

extension HTMLPage {
    /// The accepted differences (SPEC 6): every configured waiver with its state (in force, expired, unused),
    /// the directories it accepted, its reason, approver and last day; nothing when none is configured.
    func writeWaivers() throws {
        let review = summary.waivers
        guard !review.isEmpty else { return }
        let columns: [StringKey] = [
            .columnWaiver, .columnWaiverState, .columnDirectory, .columnAcceptedDirectories, .columnReason,
            .columnApprovedBy, .columnExpires,
        ]
        try section("waivers", heading: strings[.labelWaivers]) {
            try table("waivers", columns) {
                for (waiver, state) in Self.waiverRows(review) {
                    try html.element("tr", ["data-waiver-state": String(state.rawValue.dropFirst("waiver.".count))]) {
                        try html.element("td", ["class": "id"], text: waiver.id)
                        try html.element("td", text: strings[state])
                        try html.element("td", ["class": "path"], text: waiver.directory.pattern)
                        try html.element("td", ["class": "num"], text: HTMLNumbers.integer(review.uses[waiver.id] ?? 0))
                        try html.element("td", ["class": "message"], text: waiver.reason)
                        try html.element("td", text: waiver.approvedBy ?? "—")
                        try html.element("td", ["class": "id"], text: waiver.expires.description)
                    }
                }
            }
        }
    }

    /// Waivers in force (used ones, then unused), then expired ones, each with the key of its state's word.
    static func waiverRows(_ review: WaiverReview) -> [(Waiver, StringKey)] {
        let unused = Set(review.unused.map(\.id))
        return review.inForce.map { ($0, unused.contains($0.id) ? StringKey.waiverUnused : .waiverInForce) }
            + review.expired.map { ($0, StringKey.waiverExpired) }
    }
}
