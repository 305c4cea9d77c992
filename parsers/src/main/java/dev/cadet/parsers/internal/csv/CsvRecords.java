package dev.cadet.parsers.internal.csv;

import dev.cadet.parsers.internal.EventTimes;
import dev.cadet.parsers.internal.Json;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Texts;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds, from one CSV row, the JSON record the provider's own reader expects ({@code {"eventTime": ...,
 * "userIdentity": {"arn": ...}, "requestParameters": {...}}}), so that a row is mapped by exactly the code that
 * maps the provider's JSON. One instance per input.
 */
final class CsvRecords {

    private final CsvLayout layout;
    private final List<String> header;
    /** For each column of the layout, the indexes of the header columns that feed it, in order of preference. */
    private final int[][] sources;
    private final int excerptChars;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

    CsvRecords(CsvLayout layout, List<String> header, int excerptChars) {
        this.layout = layout;
        this.header = header;
        this.excerptChars = excerptChars;
        List<String> keys = header.stream().map(CsvHeader::key).toList();
        sources = new int[layout.columns().size()][];
        for (int c = 0; c < sources.length; c++) {
            List<Integer> found = new ArrayList<>(2);
            for (String name : layout.columns().get(c).columns()) {
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i).equals(name) && !found.contains(i)) {
                        found.add(i);
                    }
                }
            }
            sources[c] = found.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The row as the provider's JSON record, UTF-8; reused buffer, valid until the next call. */
    byte[] json(CSVRecord row) {
        Map<String, Object> record = new LinkedHashMap<>();
        List<CsvColumn> columns = layout.columns();
        for (int c = 0; c < columns.size(); c++) {
            int index = firstFilled(row, sources[c]);
            if (index < 0) {
                continue;
            }
            CsvColumn column = columns.get(c);
            Object value = value(column, header.get(index), row.get(index).strip());
            if (value != null) {
                put(record, column.path(), value);
            }
        }
        out.reset();
        try (JsonGenerator g = Json.generator(out)) {
            write(g, record);
        }
        return out.toByteArray();
    }

    private static int firstFilled(CSVRecord row, int[] indexes) {
        for (int i : indexes) {
            String cell = row.get(i);
            if (!cell.isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private Object value(CsvColumn column, String name, String cell) {
        switch (column.kind()) {
            case TEXT -> {
                return cell;
            }
            case TIME -> {
                long millis = EventTimes.parseLoose(cell, layout.dates());
                if (millis == EventTimes.INVALID) {
                    throw new RecordException("column '" + name.strip() + "' is not a timestamp: "
                            + Texts.quote(cell, excerptChars) + "; expected a date and time such as "
                            + "21/04/2025, 09:45:54.000 or 2025-04-21T09:45:54Z");
                }
                return Instant.ofEpochMilli(millis).toString();
            }
            case JSON -> {
                if (cell.equals("null")) {
                    return null;
                }
                return cell.startsWith("{") || cell.startsWith("[") ? new JsonText(name.strip(), cell) : cell;
            }
            case STRUCT -> {
                if (!cell.startsWith("{")) {
                    return cell.equals("null") ? null : cell;
                }
                Map<String, Object> json = jsonObject(cell);
                if (json != null) {
                    return json;
                }
                Map<String, Object> struct = HiveStruct.parse(cell, layout.structKeys());
                if (struct == null) {
                    throw new RecordException("column '" + name.strip() + "' is neither JSON nor a {key=value, ...} "
                            + "struct: " + Texts.quote(cell, excerptChars));
                }
                return struct;
            }
        }
        throw new IllegalStateException("unknown column kind " + column.kind());
    }

    /** {@code a.b.c}: nested objects created on the way; an object met on the way is merged into. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> record, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = record;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
        }
        String last = parts[parts.length - 1];
        Object existing = at.get(last);
        if (existing instanceof Map && value instanceof Map) {
            ((Map<String, Object>) existing).putAll((Map<String, Object>) value);
        } else if (existing instanceof Map) {
            return;
        } else {
            at.put(last, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object value) {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                g.writeName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof JsonText json) {
            json.copyTo(g);
        } else {
            g.writeString((String) value);
        }
    }

    /** JSON text of a cell, copied token by token into the record (never pasted, so it cannot break it). */
    private record JsonText(String column, String text) {

        void copyTo(JsonGenerator g) {
            try (JsonParser p = Json.parser(text)) {
                p.nextToken();
                g.copyCurrentStructure(p);
                if (p.nextToken() != null) {
                    throw new RecordException("column '" + column + "' has content after its JSON at column "
                            + Texts.number(p.currentTokenLocation().getColumnNr()));
                }
            } catch (JacksonException e) {
                long at = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                throw new RecordException("column '" + column + "' is not valid JSON (at column " + Texts.number(at)
                        + " of the cell): " + Texts.parserMessage(e));
            }
        }
    }

    /** A JSON object as maps, lists and strings, or {@code null} when the text is not one. */
    private static Map<String, Object> jsonObject(String text) {
        try (JsonParser p = Json.parser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) tree(p, JsonToken.START_OBJECT);
            return p.nextToken() == null ? map : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Object tree(JsonParser p, JsonToken t) {
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            String name;
            while ((name = p.nextName()) != null) {
                Object value = tree(p, p.nextToken());
                if (value != null) {
                    map.put(name, value);
                }
            }
            return map;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                Object value = tree(p, item);
                if (value != null) {
                    list.add(value);
                }
            }
            return list;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getString();
    }
}
