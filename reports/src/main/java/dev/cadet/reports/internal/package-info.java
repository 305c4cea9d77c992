/**
 * How the reports are laid out and escaped: one escaping utility per output format
 * ({@link dev.cadet.reports.internal.MarkdownText}, {@link dev.cadet.reports.internal.CsvText},
 * {@link dev.cadet.reports.internal.JsonText}) on top of {@link dev.cadet.reports.internal.Text},
 * the writers that use them, and atomic file replacement. Not exported; use
 * {@link dev.cadet.reports.Reports}.
 */
package dev.cadet.reports.internal;
