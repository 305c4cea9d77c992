/**
 * Writers that turn a {@link dev.cadet.model.ScanResult} into the files a Tier-1 analyst reads:
 * {@code report.md}, {@code findings.csv}, {@code incidents.csv}, {@code timeline.csv} and
 * {@code summary.json}. For the command line and for anyone embedding cadet who wants the same
 * files; start at {@link dev.cadet.reports.Reports}.
 *
 * <p>Every writer is deterministic (the same result gives the same bytes) and escapes every
 * string that comes from the logs for the format it lands in. The formats are described in
 * {@code docs/report-formats.md}.
 */
package dev.cadet.reports;
