package dev.cadet.cli;

import dev.cadet.reports.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.Set;

/** {@code --format} and {@code --quiet}: which report files to write and what to print while doing it. */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", converter = FormatConverter.class,
            description = "Reports to write, comma-separated: md (report.md), csv (findings.csv, incidents.csv, "
                    + "timeline.csv), jsonl (findings.jsonl, OCSF), json (summary.json). Default: all.")
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no progress bar, no summary.")
    boolean quiet;

    /** The formats asked for; all of them when none was named. */
    Set<ReportFormat> formats() {
        return formats.isEmpty() ? EnumSet.allOf(ReportFormat.class) : EnumSet.copyOf(formats);
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
