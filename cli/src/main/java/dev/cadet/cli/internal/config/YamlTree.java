package dev.cadet.cli.internal.config;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a YAML configuration file into {@link Node}s with the line and column of every value, through
 * Jackson's streaming YAML parser (no data binding: the file is small, but every message must say where).
 */
public final class YamlTree {

    /** Configuration files are small; a huge one is a mistake, not a configuration. */
    static final long MAX_BYTES = 4L << 20;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private YamlTree() {
    }

    /** The file's root value; {@code origin} names the file in messages. */
    public static Node read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; is this a configuration file?");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), text);
    }

    /** The root value of {@code text}; {@code origin} names it in messages. */
    public static Node parse(String origin, String text) {
        try (Reader in = new StringReader(text); JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Node.map("", 1, 1);
            }
            Node root = value(p, t, "", origin);
            if (p.nextToken() != null) {
                throw new ConfigException(origin + " " + where(p.currentTokenLocation())
                        + ": expected one YAML document, found more");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new ConfigException(origin + (at == null ? "" : " " + where(at)) + ": not valid YAML: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + origin + ": " + e.getMessage(), e);
        }
    }

    private static Node value(JsonParser p, JsonToken t, String path, String origin) {
        TokenStreamLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (t) {
            case START_OBJECT -> {
                Node map = Node.map(path, line, column);
                while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (map.entries().containsKey(key)) {
                        throw new ConfigException(origin + " " + where(p.currentTokenLocation()) + ": " + child
                                + " is given twice");
                    }
                    map.put(key, value(p, p.nextToken(), child, origin));
                }
                return map;
            }
            case START_ARRAY -> {
                Node list = Node.list(path, line, column);
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, t, path + "[" + i++ + "]", origin));
                }
                return list;
            }
            case VALUE_NULL -> {
                return Node.scalar(path, null, line, column);
            }
            default -> {
                return Node.scalar(path, p.getString(), line, column);
            }
        }
    }

    static String where(TokenStreamLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
