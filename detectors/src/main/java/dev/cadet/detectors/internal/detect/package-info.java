/**
 * The built-in detectors, one class each, sharing {@link dev.cadet.detectors.internal.detect.AbstractDetector}
 * for watermark bookkeeping and counters. The API package presents them as
 * {@code dev.cadet.detectors.Detector}s.
 */
package dev.cadet.detectors.internal.detect;
