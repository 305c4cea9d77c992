package dev.cadet.cli;

import dev.cadet.cli.internal.baseline.BaselineFile;
import dev.cadet.detectors.Baseline;

import java.nio.file.Path;

/**
 * Baseline files as {@code cadet baseline learn} writes them, for other hosts of the detectors (the Flink
 * job) that take the same {@code --baseline} file as {@code cadet scan}.
 */
public final class BaselineFiles {

    private BaselineFiles() {
    }

    /**
     * Reads a baseline file.
     *
     * @throws IllegalArgumentException when it cannot be read, with the file, line and column of what is wrong
     */
    public static Baseline read(Path file) {
        return BaselineFile.read(file);
    }
}
