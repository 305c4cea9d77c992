package dev.cadet.detectors;

/**
 * Finds where an address is, for events whose log gives no location (an optional GeoIP database in
 * the command line; a stream processor may bring its own). Implementations must be deterministic and
 * fast: the pipeline asks once per event that has an IP and no country.
 */
@FunctionalInterface
public interface GeoLocator {

    /** A place: ISO 3166-1 alpha-2 country and, when known, a city. */
    record Place(String country, String city) {
    }

    /** Where {@code ip} is, or {@code null} when unknown. */
    Place locate(String ip);
}
