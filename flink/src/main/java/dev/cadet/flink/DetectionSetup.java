package dev.cadet.flink;

import dev.cadet.detectors.DetectionConfig;

import java.io.Serializable;

/**
 * Makes the job's {@link DetectionConfig} where the operators run. A configuration holds compiled patterns
 * and a baseline and is not serializable; the recipe for it is, and each task builds its own copy when it
 * opens. It must build the same configuration every time.
 */
@FunctionalInterface
public interface DetectionSetup extends Serializable {

    DetectionConfig config();
}
