package dev.cadet.model;

import java.io.Serializable;

/**
 * Where the request came from.
 *
 * @param ip          the caller's IPv4 or IPv6 address, or {@code null} when the caller was a service
 * @param serviceHost a service host name given instead of an IP (for example {@code ssm.amazonaws.com}), or {@code null}
 * @param userAgent   the client's user agent (attacker-controlled text), or {@code null}
 * @param country     ISO country code when the log or a GeoIP database says, or {@code null}
 * @param city        city when known, or {@code null}
 */
public record Source(String ip, String serviceHost, String userAgent, String country, String city) implements Serializable {

    /** A source with nothing known. */
    public static final Source UNKNOWN = new Source(null, null, null, null, null);

    /** The IP if there is one, else the service host, else {@code null}: what an analyst would call "from". */
    public String address() {
        return ip != null ? ip : serviceHost;
    }
}
