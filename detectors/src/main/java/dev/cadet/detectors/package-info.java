/**
 * For detection engineers embedding cadet in a JVM pipeline and for the cadet command line:
 * build a {@link dev.cadet.detectors.DetectionConfig}, push {@link dev.cadet.model.CloudEvent}s
 * into a {@link dev.cadet.detectors.Pipeline} in any order, and read the numbered findings, the
 * incidents with their decisions and the pipeline's accounting from the
 * {@link dev.cadet.detectors.DetectionResult}.
 *
 * <p>{@link dev.cadet.detectors.Detector} is the framework-free contract every detector follows
 * (events in event-time order, watermarks, end of input), so the same classes can run inside
 * another stream processor. {@link dev.cadet.detectors.Detectors#catalogue()} describes the
 * built-in detectors, each traced to a line of the T1651 playbook.
 *
 * <p>Time is event time only: nothing here reads a clock.
 */
package dev.cadet.detectors;
