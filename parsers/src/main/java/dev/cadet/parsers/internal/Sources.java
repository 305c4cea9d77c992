package dev.cadet.parsers.internal;

import dev.cadet.model.Source;

/** Where a request came from, as logs write it: one field holds an IP address or a service host name. */
public final class Sources {

    private Sources() {
    }

    /**
     * An IPv4 or IPv6 literal goes to {@link Source#ip()}; anything else ({@code ssm.amazonaws.com},
     * {@code AWS Internal}, an anonymised {@code 127.0.0.0/8}) to {@link Source#serviceHost()}, so that it is
     * shown but never compared as an address.
     */
    public static Source of(ReadSession session, String address, String userAgent, String country, String city) {
        if (address == null && userAgent == null && country == null && city == null) {
            return Source.UNKNOWN;
        }
        return session.parts().source(address, userAgent, country, city);
    }
}
