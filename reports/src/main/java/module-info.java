/**
 * Report writers of cadet: the analyst's Markdown report, spreadsheet-safe CSV files and a JSON
 * summary, all written from a {@link dev.cadet.model.ScanResult}. Only {@code dev.cadet.reports} is
 * API; escaping and layout live in a non-exported package.
 */
module dev.cadet.reports {
    requires transitive dev.cadet.model;
    requires org.apache.commons.csv;
    requires tools.jackson.core;

    exports dev.cadet.reports;
}
