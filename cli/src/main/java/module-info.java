/**
 * The {@code cadet} command: reads log folders, runs the detectors and writes the reports; reads the
 * configuration file and baseline files, and an optional MaxMind GeoIP database.
 * The only module that touches the wall clock, the console and process exit codes.
 */
module dev.cadet.cli {
    requires dev.cadet.parsers;
    requires dev.cadet.detectors;
    requires dev.cadet.reports;
    requires info.picocli;
    requires tools.jackson.core;
    requires tools.jackson.dataformat.yaml;
    requires com.maxmind.db;

    exports dev.cadet.cli;
    opens dev.cadet.cli to info.picocli;
}
