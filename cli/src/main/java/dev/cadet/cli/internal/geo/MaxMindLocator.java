package dev.cadet.cli.internal.geo;

import com.maxmind.db.Reader;
import dev.cadet.detectors.GeoLocator;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Locates addresses with a MaxMind DB file the user supplies (GeoLite2-City, GeoLite2-Country,
 * GeoIP2-City, or any database with {@code country.iso_code} and optionally {@code city.names.en}).
 * Only address literals are looked up: a host name is never resolved. Answers are cached per address
 * (the same few addresses recur in audit logs).
 */
public final class MaxMindLocator implements GeoLocator, Closeable {

    private static final int CACHE = 65_536;
    private static final Place NONE = new Place(null, null);

    private final Reader reader;
    private final Map<String, Place> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Place> eldest) {
            return size() > CACHE;
        }
    };

    private MaxMindLocator(Reader reader) {
        this.reader = reader;
    }

    /** Opens a database; an unreadable or invalid file is a usage error naming the file. */
    public static MaxMindLocator open(Path file) {
        try {
            return new MaxMindLocator(new Reader(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("geoip: " + file + " is not a readable MaxMind DB file: " + e.getMessage(), e);
        }
    }

    /** The database type from its metadata, for example {@code GeoLite2-City}. */
    public String databaseType() {
        return reader.getMetadata().databaseType();
    }

    @Override
    public synchronized Place locate(String ip) {
        Place cached = cache.get(ip);
        if (cached == null) {
            cached = lookUp(ip);
            cache.put(ip, cached);
        }
        return cached == NONE ? null : cached;
    }

    @SuppressWarnings("unchecked")
    private Place lookUp(String ip) {
        if (!isLiteral(ip)) {
            return NONE;
        }
        try {
            Map<String, Object> record = reader.get(InetAddress.getByName(ip), Map.class);
            if (record == null) {
                return NONE;
            }
            String country = string(record, "country", "iso_code");
            if (country == null) {
                country = string(record, "registered_country", "iso_code");
            }
            Object city = record.get("city");
            String cityName = city instanceof Map<?, ?> c && c.get("names") instanceof Map<?, ?> names
                    && names.get("en") instanceof String en ? en : null;
            return country == null ? NONE : new Place(country, cityName);
        } catch (UnknownHostException e) {
            return NONE;
        } catch (IOException | RuntimeException e) {
            // A damaged record says nothing about where the address is; the scan goes on without it.
            return NONE;
        }
    }

    private static String string(Map<String, Object> record, String object, String field) {
        Object o = record.get(object);
        return o instanceof Map<?, ?> m && m.get(field) instanceof String s ? s : null;
    }

    /** Digits, hex digits, dots and colons only: InetAddress then parses and never asks DNS. */
    static boolean isLiteral(String ip) {
        if (ip == null || ip.isEmpty() || ip.length() > 45) {
            return false;
        }
        boolean colon = false;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            colon |= c == ':';
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        // Without a colon it must be a dotted quad: "abc" alone would be a host name.
        return colon || ip.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
