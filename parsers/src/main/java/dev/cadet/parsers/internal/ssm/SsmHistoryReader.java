package dev.cadet.parsers.internal.ssm;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Scripts;
import dev.cadet.parsers.internal.ValueReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

import static dev.cadet.parsers.internal.JsonFields.eachObject;
import static dev.cadet.parsers.internal.JsonFields.isObject;
import static dev.cadet.parsers.internal.JsonFields.notAnObject;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.text;

/**
 * One SSM command history record: a command ({@code list-commands}) or a command on one instance
 * ({@code list-command-invocations}). It is not an audit event (who sent the command is in CloudTrail, not
 * here): the reader returns no event, so the record counts as skipped, and remembers what was run as a
 * {@link Command} for the join by command id.
 */
final class SsmHistoryReader implements ValueReader {

    private final ReadSession session;

    SsmHistoryReader(ReadSession session) {
        this.session = session;
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            throw notAnObject(p, first, "an SSM command with a 'CommandId'");
        }
        String commandId = null;
        String document = null;
        String[] output = new String[2];
        List<String> commands = new ArrayList<>();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "CommandId" -> commandId = text(p, t);
                case "DocumentName" -> document = text(p, t);
                case "OutputS3BucketName" -> output[0] = text(p, t);
                case "OutputS3KeyPrefix" -> output[1] = text(p, t);
                case "Parameters" -> parameters(p, t, commands);
                case "CommandPlugins" -> plugins(p, t, output);
                default -> p.skipChildren();
            }
        }
        if (commandId == null) {
            throw new RecordException("missing required field 'CommandId'");
        }
        List<String> lines = new ArrayList<>();
        Scripts.addLines(lines, commands);
        String location = output[0] == null ? null : "s3://" + output[0] + (output[1] == null ? "" : "/" + output[1]);
        session.remember(new Command(session.intern(document), lines, commandId, location));
        return null;
    }

    /**
     * The command text among the document parameters: {@code commands} (AWS-RunShellScript,
     * AWS-RunPowerShellScript) or {@code commandLine} (AWS-RunRemoteScript).
     */
    private static void parameters(JsonParser p, JsonToken t, List<String> commands) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if ("commands".equals(name) || "commandLine".equals(name)) {
                strings(p, v, commands);
            } else {
                p.skipChildren();
            }
        }
    }

    /** The output bucket and prefix of the first plugin that names one, unless the command itself did. */
    private static void plugins(JsonParser p, JsonToken t, String[] output) {
        eachObject(p, t, (pp, item) -> {
            String bucket = null;
            String prefix = null;
            String name;
            while ((name = pp.nextName()) != null) {
                JsonToken v = pp.nextToken();
                switch (name) {
                    case "OutputS3BucketName" -> bucket = text(pp, v);
                    case "OutputS3KeyPrefix" -> prefix = text(pp, v);
                    default -> pp.skipChildren();
                }
            }
            if (output[0] == null && bucket != null) {
                output[0] = bucket;
                output[1] = prefix;
            }
        });
    }
}
