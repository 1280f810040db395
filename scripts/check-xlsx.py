#!/usr/bin/env python3
"""Checks an smsreport workbook against the results.json it was rendered from, reading it with openpyxl.

Recomputes the per-server aggregation of SPEC 2.5 independently from results.json, then checks the sheet names,
header rows, frozen panes, autofilter ranges, row counts, every number, every text (apart from the documented
_xHHHH_ escapes and the 32,767-character cut), that verified-at cells are datetimes, that no cell is a formula,
and that the highlighted rows are exactly the inconsistent and error ones. Prints what differs and exits 1;
exits 0 with a one-line summary when the workbook matches.

Times are compared in the report's --timezone (date cells hold local time); servers without data must have
empty count cells; with --include problems only servers that are not consistent are listed. With --waivers
(a YAML file with waivers:, e.g. the config), a differing directory a waiver in force covers is accepted and a
server whose every difference is accepted has the status accepted (SPEC 6); "today" is SOURCE_DATE_EPOCH's day
(else the current day) in --timezone.

usage: check-xlsx.py RESULTS_JSON XLSX [--language en-us|zh-cn] [--rows-per-sheet N] [--title T]
                     [--timezone ZONE] [--include all|problems] [--waivers YAML]
"""
import argparse
import datetime
import fnmatch
import json
import os
import pathlib
import re
import sys
import zoneinfo

import openpyxl
from openpyxl.utils import get_column_letter

RANK = {"inconsistent": 0, "error": 1, "not_verified": 2, "accepted": 3, "consistent": 4}
STATUS_KEYS = {"inconsistent": "status.inconsistent", "error": "status.error",
               "not_verified": "status.not_verified", "accepted": "status.accepted",
               "consistent": "status.consistent"}
CELL_LIMIT = 32767
ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class Failures:
    def __init__(self):
        self.messages = []

    def check(self, ok, message):
        if not ok:
            self.messages.append(message)
        return ok


def counts(directory):
    return [directory.get(k) or 0 for k in
            ("num_total_files", "num_different_files", "num_target_miss_files", "num_target_more_files")]


def waivers_in_force(path, zone):
    """The waivers of a YAML file whose last day is today or later, today being in `zone`."""
    if not path:
        return []
    import yaml
    document = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8")) or {}
    items = document if isinstance(document, list) else document.get("waivers") or []
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else \
        datetime.datetime.now(datetime.timezone.utc)
    today = now.astimezone(zone).date()
    return [w for w in items if datetime.date.fromisoformat(str(w["expires"])) >= today]


def covering(waivers, directory, name, source_id):
    """The first waiver that covers a differing directory of a server, or None."""
    for w in waivers:
        server = w.get("server")
        if fnmatch.fnmatchcase(directory.get("dir_check") or "", w["directory"]) and (
                server is None or fnmatch.fnmatchcase(name, server) or fnmatch.fnmatchcase(source_id, server)):
            return w
    return None


def aggregate(tasks, waivers=()):
    """SPEC 2.5 and 6: group by source_id (else source_name), sum, status first match wins (a difference a
    waiver covers is accepted, not inconsistent), sort worst first."""
    groups = {}
    for task in tasks:
        key = ("id", task.get("source_id")) if task.get("source_id") else ("name", task.get("source_name") or "")
        groups.setdefault(key, []).append(task)
    servers = []
    for group in groups.values():
        dirs = [(t, d) for t in group for d in t.get("directories") or []]
        total = [sum(counts(d)[i] for _, d in dirs) for i in range(4)]
        name = next((t["source_name"] for t in group if t.get("source_name")), "")
        source_id = next((t["source_id"] for t in group if t.get("source_id")), "")
        differing = [d for _, d in dirs if any(counts(d)[1:])]
        accepted = [d for d in differing if covering(waivers, d, name, source_id)]
        if len(accepted) < len(differing):
            status = "inconsistent"
        elif any(t.get("error") for t in group):
            status = "error"
        elif any(not t.get("directories") for t in group):
            status = "not_verified"
        elif accepted:
            status = "accepted"
        else:
            status = "consistent"
        latest = max((t.get("finished_time") or 0) for t in group)
        servers.append({
            "name": name,
            "id": source_id,
            "tasks": group, "dirs": dirs, "counts": total, "status": status,
            "verified": datetime.datetime.fromtimestamp(latest // 1000, datetime.timezone.utc).replace(tzinfo=None)
            if latest > 0 else None,
        })
    servers.sort(key=lambda s: (RANK[s["status"]], s["name"], s["tasks"][0]["task_id"]))
    return servers


def error_message(error, s, language):
    """The message as a report in `language` shows it: the tool's own words localized, the API's as sent."""
    message = error.get("message") or ""
    if language == "en-us":
        return message
    if error.get("kind") == "unrecognized_response":
        return s["error.unrecognized_response"]
    if error.get("kind") == "transport":
        return s["error.transport"]
    if message.startswith("no SMS error body"):
        rest = message[len("no SMS error body"):]
        return s["error.no_error_body"] + ("：" + rest[2:] if rest.startswith(": ") else "")
    return message


def error_text(error, s=None, language="en-us"):
    text = error_message(error, s, language) if s else (error.get("message") or "")
    if error.get("code"):
        text = f"{error['code']}: {text}"
    if error.get("http_status") is not None:
        text += f" (HTTP {error['http_status']})"
    return text


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def expected_text(text, marker):
    """The text as a reader sees it: cut at Excel's limit with the marker, never inside a character."""
    if utf16_length(text) <= CELL_LIMIT:
        return text
    budget, kept, used = CELL_LIMIT - utf16_length(marker), [], 0
    for char in text:
        width = utf16_length(char)
        if used + width > budget:
            break
        kept.append(char)
        used += width
    return "".join(kept) + marker


def decoded(value):
    """Undoes the OOXML _xHHHH_ escapes, as Excel does when it reads the cell."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def check_table(fail, ws, name, headers, rows, marker, rows_per_sheet, sheet_offset=0):
    """Compares one table sheet with the expected rows: (values, highlighted) pairs."""
    last = get_column_letter(len(headers))
    fail.check(ws.freeze_panes == "A2", f"{name}: frozen pane is {ws.freeze_panes!r}, expected 'A2'")
    fail.check(ws.auto_filter.ref == f"A1:{last}{len(rows) + 1}",
               f"{name}: autofilter {ws.auto_filter.ref!r}, expected 'A1:{last}{len(rows) + 1}'")
    fail.check(ws.max_row == len(rows) + 1, f"{name}: {ws.max_row - 1} data rows, expected {len(rows)}")
    header = [c.value for c in ws[1]][:len(headers)]
    fail.check(header == headers, f"{name}: header {header}, expected {headers}")
    fail.check(all(c.font.b for c in ws[1]), f"{name}: header row is not bold")
    for index, (row, (expected, highlighted)) in enumerate(zip(ws.iter_rows(min_row=2), rows), start=2):
        for column, (cell, want) in enumerate(zip(row, expected), start=1):
            where = f"{name}!{get_column_letter(column)}{index}"
            if cell.data_type == "f":
                fail.check(False, f"{where}: a formula cell")
            got = cell.value
            if isinstance(want, str):
                want = expected_text(want, marker)
                got_text = "" if got is None else got
                fail.check(isinstance(got_text, str) and decoded(got_text) == want,
                           f"{where}: text {str(got_text)[:80]!r} differs from {want[:80]!r}")
            elif isinstance(want, datetime.datetime):
                fail.check(isinstance(got, datetime.datetime), f"{where}: {got!r} is not a datetime")
                if isinstance(got, datetime.datetime):
                    fail.check(abs((got - want).total_seconds()) < 0.5, f"{where}: {got} differs from {want}")
            elif want is None:
                fail.check(got in (None, ""), f"{where}: {got!r}, expected an empty cell")
            else:
                fail.check(got == want and isinstance(got, int), f"{where}: {got!r}, expected the number {want}")
                fail.check(cell.number_format == "#,##0", f"{where}: number format {cell.number_format!r}")
        fills = {c.fill.patternType == "solid" for c in row}
        fail.check(fills == {highlighted}, f"{name}!{index}: highlighted {fills}, expected {highlighted}")
        if len(fail.messages) > 40:
            return


def main():
    parser = argparse.ArgumentParser(description="Check an smsreport workbook against its results.json.")
    parser.add_argument("results")
    parser.add_argument("xlsx")
    parser.add_argument("--language", default="en-us", choices=["en-us", "zh-cn"])
    parser.add_argument("--rows-per-sheet", type=int, default=1048575)
    parser.add_argument("--title", help="the report's configured title (default: the string table's)")
    parser.add_argument("--timezone", default="UTC", help="the report's time zone (IANA name)")
    parser.add_argument("--include", default="all", choices=["all", "problems"])
    parser.add_argument("--waivers", help="a YAML file with waivers: (e.g. the config)")
    args = parser.parse_args()
    zone = zoneinfo.ZoneInfo(args.timezone)
    zone_name = "北京时间" if args.language == "zh-cn" and args.timezone == "Asia/Shanghai" else args.timezone

    strings_path = pathlib.Path(__file__).resolve().parent.parent / "templates" / "i18n" / f"{args.language}.json"
    # U+200B marks where an HTML header may break; the workbook leaves it out.
    s = {key: text.replace("\u200b", "") for key, text in json.loads(strings_path.read_text(encoding="utf-8")).items()}
    snapshot = json.loads(pathlib.Path(args.results).read_text(encoding="utf-8"))
    waivers = waivers_in_force(args.waivers, zone)
    every_server = aggregate(snapshot["tasks"], waivers)
    for x in every_server:
        if x["verified"] is not None:
            x["verified"] = x["verified"].replace(tzinfo=datetime.timezone.utc).astimezone(zone).replace(tzinfo=None)
    servers = [x for x in every_server if args.include == "all" or x["status"] != "consistent"]
    marker = s["cell.truncated_marker"]
    fail = Failures()
    wb = openpyxl.load_workbook(args.xlsx)

    directory_rows = [(s_, t, d) for s_ in servers for t in s_["tasks"] for d in t.get("directories") or []]
    parts = max(1, -(-len(directory_rows) // args.rows_per_sheet))
    failed = [(s_, t) for s_ in every_server for t in s_["tasks"] if t.get("error")]
    names = [s["sheet.overview"], s["sheet.servers"], s["sheet.directories"]]
    names += [s["sheet.directories_continued"].replace("{0}", str(n)) for n in range(2, parts + 1)]
    names += [s["sheet.errors"]] if failed else []
    # With a run history the Changes sheet follows the overview (SPEC 6); without one it is absent.
    expected = names[:1] + ([s["changes.sheet"]] if s["changes.sheet"] in wb.sheetnames else []) + names[1:]
    if not fail.check(wb.sheetnames == expected, f"sheet names {wb.sheetnames}, expected {expected}"):
        print("\n".join(fail.messages), file=sys.stderr)
        return 1

    overview = wb[names[0]]
    title = args.title or s["report.title_default"]
    fail.check(overview["A1"].value == title and overview["A1"].font.b,
               f"overview: A1 is {overview['A1'].value!r}, expected the bold title {title!r}")
    labels = {row[0].value: row[1].value for row in overview.iter_rows(min_row=2) if row[0].value and len(row) > 1}
    totals = [sum(x["counts"][i] for x in every_server) for i in range(4)]
    all_directories = sum(len(x["dirs"]) for x in every_server)
    for key, want in [("label.server_count", len(every_server)), ("label.task_count", len(snapshot["tasks"])),
                      ("column.directories", all_directories), ("column.total_files", totals[0]),
                      ("column.different_files", totals[1]), ("column.missing_on_target", totals[2]),
                      ("column.extra_on_target", totals[3]), ("label.failed_task_count", len(failed))] + [
            (STATUS_KEYS[st], sum(1 for x in every_server if x["status"] == st)) for st in RANK]:
        fail.check(labels.get(s[key]) == want, f"overview: {s[key]} is {labels.get(s[key])!r}, expected {want}")
    generated = f"{s['label.generated_at']} ({zone_name})"
    fail.check(isinstance(labels.get(generated), datetime.datetime), f"overview: {generated} not a date")

    server_headers = [s[k] for k in ("column.source_name", "column.source_id", "column.task_ids", "column.status",
                                     "column.directories", "column.total_files", "column.different_files",
                                     "column.missing_on_target", "column.extra_on_target", "column.verified_at",
                                     "column.error")]
    server_headers[9] = server_headers[9].replace("{0}", zone_name)
    rows = []
    for x in servers:
        errors = "; ".join(error_text(t["error"], s, args.language) for t in x["tasks"] if t.get("error"))
        # A server without data (error, not verified) has empty count cells, never 0.
        has_data = bool(x["dirs"]) or x["status"] in ("consistent", "inconsistent", "accepted")
        figures = [len(x["dirs"]), *x["counts"]] if has_data else [None] * 5
        rows.append(([x["name"], x["id"], ";".join(t["task_id"] for t in x["tasks"]), s[STATUS_KEYS[x["status"]]],
                      *figures, x["verified"], errors],
                     x["status"] in ("inconsistent", "error")))
    check_table(fail, wb[names[1]], names[1], server_headers, rows, marker, args.rows_per_sheet)

    directory_headers = [s[k] for k in ("column.source_name", "column.source_id", "column.task_id",
                                        "column.directory", "column.total_files", "column.different_files",
                                        "column.missing_on_target", "column.extra_on_target", "column.status")]
    rows = []
    for x, t, d in directory_rows:
        differs = any(counts(d)[1:])
        bad = differs and not covering(waivers, d, x["name"], x["id"])
        word = "status.inconsistent" if bad else "status.accepted" if differs else "status.consistent"
        rows.append(([x["name"], x["id"], t["task_id"], d.get("dir_check") or "", *counts(d), s[word]], bad))
    for part in range(parts):
        chunk = rows[part * args.rows_per_sheet:(part + 1) * args.rows_per_sheet]
        check_table(fail, wb[names[2 + part]], names[2 + part], directory_headers, chunk, marker, args.rows_per_sheet)

    if failed:
        error_headers = [s[k] for k in ("column.task_id", "column.source_name", "column.http_status",
                                        "column.error_code", "column.error_message")]
        rows = [([t["task_id"], x["name"], t["error"].get("http_status"), t["error"].get("code") or "",
                  error_message(t["error"], s, args.language)], False) for x, t in failed]
        check_table(fail, wb[names[-1]], names[-1], error_headers, rows, marker, args.rows_per_sheet)

    if fail.messages:
        print(f"check-xlsx: {args.xlsx} does not match {args.results}:", file=sys.stderr)
        print("\n".join("  " + m for m in fail.messages[:40]), file=sys.stderr)
        return 1
    print(f"check-xlsx: {args.xlsx}: {len(wb.sheetnames)} sheets, {len(servers)} servers, "
          f"{len(directory_rows)} directory rows, {len(failed)} errors match {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
