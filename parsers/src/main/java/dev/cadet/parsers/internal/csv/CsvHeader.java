package dev.cadet.parsers.internal.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The header row of a CSV export: what its columns are called, and the key they are compared by. */
public final class CsvHeader {

    /** Longer "column names" are text, not a header. */
    private static final int MAX_NAME_CHARS = 100;

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private CsvHeader() {
    }

    /**
     * The column names of the first row of {@code head}, or {@code null} when it does not look like a CSV header:
     * fewer than two columns, or a "name" that is empty, too long, holds a control character or starts like JSON.
     */
    public static List<String> columns(String head) {
        List<String> names = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(head), FORMAT)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                return null;
            }
            rows.next().forEach(names::add);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // A header cut off inside a quoted name, or no CSV at all.
            return null;
        }
        if (names.size() < 2) {
            return null;
        }
        for (String name : names) {
            String n = name.strip();
            if (n.isEmpty() || n.length() > MAX_NAME_CHARS || n.startsWith("{") || n.startsWith("[")
                    || n.chars().anyMatch(Character::isISOControl)) {
                return null;
            }
        }
        return names;
    }

    /**
     * How columns are compared: lower case, letters and digits only, a unit in brackets dropped, so that
     * {@code TimeGenerated [UTC]}, {@code timegenerated}, {@code userIdentity.arn} and {@code UserIdentityArn}
     * each meet their other spelling.
     */
    public static String key(String name) {
        String s = name.replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code a, b, c} with at most {@code max} names and a count of the rest, for messages. */
    public static String describe(List<String> names, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(max, names.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i).strip());
        }
        if (names.size() > max) {
            b.append(" and ").append(names.size() - max).append(" more");
        }
        return b.toString();
    }
}
