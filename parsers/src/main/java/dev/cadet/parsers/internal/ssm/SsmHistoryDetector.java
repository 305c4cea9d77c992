package dev.cadet.parsers.internal.ssm;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.RecordFormat;
import dev.cadet.parsers.internal.RecordShapes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises SSM command history, the AWS CLI output of {@code aws ssm list-commands}
 * ({@code {"Commands": [...]}}) and {@code aws ssm list-command-invocations} ({@code {"CommandInvocations": [...]}}),
 * by its wrapper and the {@code CommandId} of its first item.
 */
public final class SsmHistoryDetector implements FormatDetector {

    private static final String NOUN = "SSM command history record";

    private static final RecordShapes SHAPES = new RecordShapes(s -> s.has("CommandId"), wrappers(), true,
            null, null, null);

    private static Map<String, Format> wrappers() {
        Map<String, Format> wrappers = new LinkedHashMap<>();
        wrappers.put("Commands", RecordFormat.wrapped("ssm-list-commands", NOUN, "Commands", SsmHistoryReader::new));
        wrappers.put("CommandInvocations", RecordFormat.wrapped("ssm-list-command-invocations", NOUN,
                "CommandInvocations", SsmHistoryReader::new));
        return wrappers;
    }

    @Override
    public Format detect(Peek peek) {
        return SHAPES.detect(peek);
    }

    @Override
    public String accepts() {
        return "SSM command history ('aws ssm list-commands' or 'aws ssm list-command-invocations' output)";
    }
}
