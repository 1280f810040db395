/*
 * xlsxwriter-bench: the reference for scripts/bench-xlsx. Builds the same synthetic snapshot as
 * smsreport-bench (Sources/smsreport-bench/SyntheticSnapshot.swift: SplitMix64, seed 42, same draws in the
 * same order), sorts the servers worst first as SPEC 2.5 does, and writes the same workbook with
 * libxlsxwriter in constant_memory mode: overview, servers (11 columns), directories (9 columns), errors;
 * bold frozen header, autofilter, #,##0 numbers, date-time cells, highlighted rows. Prints the time spent
 * writing the workbook (data generation excluded, as in smsreport-bench).
 *
 *   cc -O2 -o xlsxwriter-bench xlsxwriter-bench.c -lxlsxwriter
 *   xlsxwriter-bench SERVERS DIRECTORIES OUT.xlsx
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

enum status { INCONSISTENT, ERROR, NOT_VERIFIED, CONSISTENT };
static const char *status_words[] = {"Inconsistent", "Error", "Not verified", "Consistent"};

typedef struct { long total, different, missing, extra; } counts_t;
typedef struct {
    char id[40], task[48], source[48], name[32];
    int64_t finished_ms; /* 0 when unknown */
    int status, failed, dir_count;
    counts_t *dirs, sum;
} server_t;

static uint64_t state = 42;
static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int compare(const void *a, const void *b) {
    const server_t *x = a, *y = b;
    if (x->status != y->status) return x->status - y->status;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->task, y->task);
}

static double serial(int64_t ms) { return 25569.0 + (double)(ms / 1000) / 86400.0; }

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s SERVERS DIRECTORIES OUT.xlsx\n", argv[0]); return 2; }
    int n = atoi(argv[1]), per = atoi(argv[2]);
    server_t *servers = calloc(n, sizeof *servers);
    long directory_rows = 0;
    for (int i = 0; i < n; i++) {
        server_t *s = &servers[i];
        uint64_t roll = next() % 100;
        snprintf(s->id, sizeof s->id, "%08x-0000-4000-8000-%012x", i, i);
        snprintf(s->task, sizeof s->task, "task-%s", s->id);
        snprintf(s->source, sizeof s->source, "src-%s", s->id);
        snprintf(s->name, sizeof s->name, "server-%d", i);
        s->finished_ms = 1790000000000LL + (int64_t)(next() % 86400000);
        s->status = CONSISTENT;
        if (roll == 0) { s->finished_ms = 0; s->failed = 1; s->status = ERROR; continue; }
        if (roll < 6) { s->finished_ms = 0; s->status = NOT_VERIFIED; continue; }
        s->dir_count = per;
        s->dirs = calloc(per, sizeof(counts_t));
        for (int d = 0; d < per; d++) {
            counts_t *c = &s->dirs[d];
            c->total = (long)(next() % 100000);
            if (roll < 16 && d == 0) {
                c->different = (long)(next() % 50) + 1;
                c->missing = (long)(next() % 10);
                c->extra = (long)(next() % 5);
                s->status = INCONSISTENT;
            }
            s->sum.total += c->total; s->sum.different += c->different;
            s->sum.missing += c->missing; s->sum.extra += c->extra;
        }
        directory_rows += per;
    }
    if (per == 0) for (int i = 0; i < n; i++) if (servers[i].status == CONSISTENT) servers[i].status = NOT_VERIFIED;
    qsort(servers, n, sizeof *servers, compare);

    double start = now();
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *book = workbook_new_opt(argv[3], &options);
    lxw_format *header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xD9D9D9);
    lxw_format *fmt[3][3]; /* [highlight][text, number, date] */
    uint32_t fills[3] = {0, 0xFFC7CE, 0xFFEB9C};
    for (int h = 0; h < 3; h++) for (int k = 0; k < 3; k++) {
        fmt[h][k] = workbook_add_format(book);
        if (k == 1) format_set_num_format(fmt[h][k], "#,##0");
        if (k == 2) format_set_num_format(fmt[h][k], "yyyy-mm-dd hh:mm:ss");
        if (h) format_set_bg_color(fmt[h][k], fills[h]);
    }

    lxw_worksheet *overview = workbook_add_worksheet(book, "Overview");
    worksheet_set_column(overview, 0, 1, 40, NULL);
    worksheet_write_string(overview, 0, 0, "Migration consistency report", header);
    worksheet_write_string(overview, 2, 0, "Source servers", NULL);
    worksheet_write_number(overview, 2, 1, n, fmt[0][1]);
    worksheet_write_string(overview, 3, 0, "Directories", NULL);
    worksheet_write_number(overview, 3, 1, (double)directory_rows, fmt[0][1]);

    lxw_worksheet *sheet = workbook_add_worksheet(book, "Servers");
    const char *server_headers[] = {"Source server", "Source ID", "Task IDs", "Status", "Directories", "Total files",
        "Different files", "Missing on target", "Extra on target", "Verified at (UTC)", "Error"};
    for (int c = 0; c < 11; c++) worksheet_write_string(sheet, 0, c, server_headers[c], header);
    worksheet_set_column(sheet, 0, 10, 20, NULL);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, n, 10);
    for (int i = 0; i < n; i++) {
        server_t *s = &servers[i];
        int h = s->status == INCONSISTENT ? 1 : s->status == ERROR ? 2 : 0;
        lxw_row_t r = i + 1;
        worksheet_write_string(sheet, r, 0, s->name, fmt[h][0]);
        worksheet_write_string(sheet, r, 1, s->source, fmt[h][0]);
        worksheet_write_string(sheet, r, 2, s->task, fmt[h][0]);
        worksheet_write_string(sheet, r, 3, status_words[s->status], fmt[h][0]);
        worksheet_write_number(sheet, r, 4, s->dir_count, fmt[h][1]);
        worksheet_write_number(sheet, r, 5, s->sum.total, fmt[h][1]);
        worksheet_write_number(sheet, r, 6, s->sum.different, fmt[h][1]);
        worksheet_write_number(sheet, r, 7, s->sum.missing, fmt[h][1]);
        worksheet_write_number(sheet, r, 8, s->sum.extra, fmt[h][1]);
        if (s->finished_ms) worksheet_write_number(sheet, r, 9, serial(s->finished_ms), fmt[h][2]);
        else worksheet_write_blank(sheet, r, 9, fmt[h][2]);
        worksheet_write_string(sheet, r, 10, s->failed ? "SMS.6004: Task not found (HTTP 404)" : "", fmt[h][0]);
    }

    sheet = workbook_add_worksheet(book, "Directories");
    const char *directory_headers[] = {"Source server", "Source ID", "Task ID", "Directory", "Total files",
        "Different files", "Missing on target", "Extra on target", "Status"};
    for (int c = 0; c < 9; c++) worksheet_write_string(sheet, 0, c, directory_headers[c], header);
    worksheet_set_column(sheet, 0, 8, 20, NULL);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, (lxw_row_t)directory_rows, 8);
    lxw_row_t r = 1;
    char path[64];
    for (int i = 0; i < n; i++) {
        server_t *s = &servers[i];
        for (int d = 0; d < s->dir_count; d++, r++) {
            counts_t *c = &s->dirs[d];
            int bad = c->different || c->missing || c->extra;
            snprintf(path, sizeof path, "/data/volume%d/app", d);
            worksheet_write_string(sheet, r, 0, s->name, fmt[bad][0]);
            worksheet_write_string(sheet, r, 1, s->source, fmt[bad][0]);
            worksheet_write_string(sheet, r, 2, s->task, fmt[bad][0]);
            worksheet_write_string(sheet, r, 3, path, fmt[bad][0]);
            worksheet_write_number(sheet, r, 4, c->total, fmt[bad][1]);
            worksheet_write_number(sheet, r, 5, c->different, fmt[bad][1]);
            worksheet_write_number(sheet, r, 6, c->missing, fmt[bad][1]);
            worksheet_write_number(sheet, r, 7, c->extra, fmt[bad][1]);
            worksheet_write_string(sheet, r, 8, bad ? "Inconsistent" : "Consistent", fmt[bad][0]);
        }
    }

    sheet = workbook_add_worksheet(book, "Errors");
    const char *error_headers[] = {"Task ID", "Source server", "HTTP status", "Error code", "Error message"};
    for (int c = 0; c < 5; c++) worksheet_write_string(sheet, 0, c, error_headers[c], header);
    worksheet_freeze_panes(sheet, 1, 0);
    r = 1;
    for (int i = 0; i < n; i++) {
        if (!servers[i].failed) continue;
        worksheet_write_string(sheet, r, 0, servers[i].task, NULL);
        worksheet_write_string(sheet, r, 1, servers[i].name, NULL);
        worksheet_write_number(sheet, r, 2, 404, NULL);
        worksheet_write_string(sheet, r, 3, "SMS.6004", NULL);
        worksheet_write_string(sheet, r, 4, "Task not found", NULL);
        r++;
    }
    worksheet_autofilter(sheet, 0, 0, r - 1, 4);

    lxw_error error = workbook_close(book);
    double seconds = now() - start;
    if (error) { fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(error)); return 1; }
    printf("libxlsxwriter: servers %d, directory rows %ld\n", n, directory_rows);
    printf("libxlsxwriter: render %.2f s\n", seconds);
    return 0;
}
