/**
 * Reads raw cloud audit logs (files, folders, standard input; plain or gzip) and turns every
 * record into a normalized {@link dev.cadet.model.CloudEvent}, quarantining bad records with
 * their location and accounting for every record read. The format of each input is sniffed from
 * its content, never from its name.
 */
module dev.cadet.parsers {
    requires transitive dev.cadet.model;
    requires tools.jackson.core;
    requires org.apache.commons.csv;

    exports dev.cadet.parsers;
}
