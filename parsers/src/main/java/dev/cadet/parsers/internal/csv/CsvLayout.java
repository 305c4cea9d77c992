package dev.cadet.parsers.internal.csv;

import dev.cadet.parsers.internal.EventTimes.SlashDates;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.ValueReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One kind of CSV export a provider accepts: the columns that identify it, how its columns fill the provider's
 * native record, and the reader of that record. The CSV machinery knows no provider; each provider declares its
 * layouts and hands them over.
 */
public final class CsvLayout {

    private final String name;
    private final String description;
    private final List<List<String>> required;
    private final List<String> requiredNames;
    private final List<CsvColumn> columns;
    private final Function<ReadSession, ValueReader> readers;
    private final SlashDates dates;
    private final UnaryOperator<String> structKeys;

    private CsvLayout(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.required = List.copyOf(b.required);
        this.requiredNames = List.copyOf(b.requiredNames);
        this.columns = List.copyOf(b.columns);
        this.readers = Objects.requireNonNull(b.readers, "reader");
        this.dates = b.dates;
        this.structKeys = b.structKeys;
    }

    /**
     * @param name        the format name reported for such a file, for example {@code cloudtrail-csv}
     * @param description what it is, for messages: {@code a CloudTrail table export (Log Analytics, Athena...)}
     */
    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    /** Configuration of a {@link CsvLayout}. */
    public static final class Builder {

        private final String name;
        private final String description;
        private final List<List<String>> required = new ArrayList<>();
        private final List<String> requiredNames = new ArrayList<>();
        private final List<CsvColumn> columns = new ArrayList<>();
        private Function<ReadSession, ValueReader> readers;
        private SlashDates dates = SlashDates.DAY_FIRST_UNLESS_AM_PM;
        private UnaryOperator<String> structKeys = UnaryOperator.identity();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        /** A column the header must have, under one of these names. */
        public Builder require(String... alternatives) {
            if (alternatives.length == 0) {
                throw new IllegalArgumentException("require needs at least one column name for layout " + name);
            }
            required.add(List.of(alternatives).stream().map(CsvHeader::key).toList());
            requiredNames.add(String.join(" or ", alternatives));
            return this;
        }

        public Builder column(CsvColumn column) {
            columns.add(column);
            return this;
        }

        /** What turns the record built from a row into an event. */
        public Builder reader(Function<ReadSession, ValueReader> factory) {
            this.readers = factory;
            return this;
        }

        /** How slash dates in {@link CsvColumn.Kind#TIME} columns are read; by the browser locale's clock by default. */
        public Builder dates(SlashDates order) {
            this.dates = Objects.requireNonNull(order, "dates");
            return this;
        }

        /** Renames the (lower-case) keys of {@link CsvColumn.Kind#STRUCT} cells to the record's names. */
        public Builder structKeys(UnaryOperator<String> rename) {
            this.structKeys = Objects.requireNonNull(rename, "structKeys");
            return this;
        }

        public CsvLayout build() {
            if (required.isEmpty()) {
                throw new IllegalArgumentException("layout " + name + " requires no column: it would match any CSV");
            }
            return new CsvLayout(this);
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Whether a header with these column keys ({@link CsvHeader#key}) is this layout. */
    boolean matches(Set<String> keys) {
        return required.stream().allMatch(group -> group.stream().anyMatch(keys::contains));
    }

    /** {@code a CloudTrail table export (columns eventTime or TimeGenerated, eventSource, eventName)}. */
    String expected() {
        return description + " (columns " + requiredNames.stream().collect(Collectors.joining(", ")) + ")";
    }

    List<CsvColumn> columns() {
        return columns;
    }

    ValueReader reader(ReadSession session) {
        return readers.apply(session);
    }

    SlashDates dates() {
        return dates;
    }

    UnaryOperator<String> structKeys() {
        return structKeys;
    }
}
