package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.internal.History;

/**
 * What the decision and the analysis answers need beside the findings.
 *
 * @param approvals  approved principals, sources and maintenance windows
 * @param history    the baseline the novelty detectors used
 * @param geoIp      whether a GeoIP database located addresses
 * @param indicators how many threat-intelligence indicators were configured
 */
public record Context(Approvals approvals, History history, boolean geoIp, int indicators) {
}
