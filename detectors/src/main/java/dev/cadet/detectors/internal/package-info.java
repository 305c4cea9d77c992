/**
 * Implementation of the event-time pipeline and the shared state structures of the detectors.
 * Not exported: nothing outside this module should need it.
 */
package dev.cadet.detectors.internal;
