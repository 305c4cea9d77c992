/** JMH benchmarks of the parser and detector hot paths; open so JMH's generated code can reach them. */
open module dev.cadet.benchmarks {
    requires dev.cadet.parsers;
    requires dev.cadet.detectors;
    requires tools.jackson.core;
    requires jmh.core;
    requires java.management;
    requires jdk.management;
}
