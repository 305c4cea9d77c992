/**
 * The entry point for reading audit logs, for the cadet command line and for anyone embedding the
 * parsers in a JVM pipeline: build a {@link dev.cadet.parsers.LogReader}, {@linkplain
 * dev.cadet.parsers.LogReader#expand expand} the inputs, then {@linkplain dev.cadet.parsers.LogReader#read
 * read} each file. Every file yields a {@link dev.cadet.parsers.FileResult}: the accounting of its records
 * and the rejects, each with the file, record number, line and column of the raw record, and, for SSM command
 * history, the commands it lists, which {@link dev.cadet.parsers.CommandHistory} joins to the events that
 * ran them.
 *
 * <p>Nothing in this package exposes the JSON library the parsers are built on.
 */
package dev.cadet.parsers;
