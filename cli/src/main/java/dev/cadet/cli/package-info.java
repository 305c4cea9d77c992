/**
 * Entry point of the {@code cadet} command ({@link dev.cadet.cli.Main}) and the scan job it runs
 * ({@link dev.cadet.cli.ScanJob}), for tools that want to run a whole scan in-process.
 */
package dev.cadet.cli;
