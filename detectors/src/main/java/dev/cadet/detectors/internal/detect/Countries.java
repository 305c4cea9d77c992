package dev.cadet.detectors.internal.detect;

import dev.cadet.model.CadetException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where countries are, roughly: a centroid and a radius that the whole country lies within, from the
 * resource {@code countries.txt}. Enough for a lower bound of the distance between two countries, which
 * is all impossible travel needs when logs give a country and no coordinates.
 */
final class Countries {

    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final Map<String, double[]> TABLE = load();

    private Countries() {
    }

    static boolean known(String code) {
        return code != null && TABLE.containsKey(code.toUpperCase(Locale.ROOT));
    }

    /**
     * The least distance in km between any place in {@code a} and any place in {@code b}: the centroid
     * distance minus both radii, never below 0; 0 for the same country; -1 when either is not in the table.
     */
    static double minDistanceKm(String a, String b) {
        double[] x = a == null ? null : TABLE.get(a.toUpperCase(Locale.ROOT));
        double[] y = b == null ? null : TABLE.get(b.toUpperCase(Locale.ROOT));
        if (x == null || y == null) {
            return -1;
        }
        if (x == y) {
            return 0;
        }
        return Math.max(0, greatCircleKm(x[0], x[1], y[0], y[1]) - x[2] - y[2]);
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static Map<String, double[]> load() {
        try (InputStream in = Countries.class.getResourceAsStream("countries.txt")) {
            if (in == null) {
                throw new CadetException("country table countries.txt is missing");
            }
            Map<String, double[]> table = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.strip().split("\\s+");
                table.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
            return table;
        } catch (IOException e) {
            throw new CadetException("cannot read the country table: " + e.getMessage(), e);
        }
    }
}
