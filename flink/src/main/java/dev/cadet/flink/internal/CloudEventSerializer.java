package dev.cadet.flink.internal;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Events between the job's tasks, field by field: Java serialization of the same records spent most of the
 * detector task's time reading class descriptors (about 1.7 KB an event). Strings go through Flink's
 * {@link StringValue} coding (null-safe, any length), enums by name so that in-flight data in an unaligned
 * checkpoint survives a reordering of constants. {@code CloudEventSerializerTest} fails when a model
 * record gains a component, so this class follows the model.
 */
public final class CloudEventSerializer extends ImmutableSerializer.Stateless<CloudEvent> {

    private static final long serialVersionUID = 1L;

    public static final CloudEventSerializer INSTANCE = new CloudEventSerializer();

    @Override
    public void serialize(CloudEvent e, DataOutputView out) throws IOException {
        write(e, out);
    }

    @Override
    public CloudEvent deserialize(DataInputView in) throws IOException {
        return read(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        write(read(source), target);
    }

    static void write(CloudEvent e, DataOutput out) throws IOException {
        string(e.provider().name(), out);
        string(e.eventId(), out);
        out.writeLong(e.time());
        string(e.kind().name(), out);
        string(e.action(), out);
        string(e.outcome().name(), out);
        string(e.errorCode(), out);
        string(e.errorMessage(), out);
        Actor a = e.actor();
        string(a.principalId(), out);
        string(a.type().name(), out);
        string(a.displayName(), out);
        string(a.account(), out);
        string(a.accessKeyId(), out);
        string(a.mfa().name(), out);
        string(a.sessionIssuer(), out);
        string(a.invokedBy(), out);
        Source s = e.source();
        string(s.ip(), out);
        string(s.serviceHost(), out);
        string(s.userAgent(), out);
        string(s.country(), out);
        string(s.city(), out);
        strings(e.targets(), out);
        string(e.subject(), out);
        Command c = e.command();
        out.writeBoolean(c != null);
        if (c != null) {
            string(c.document(), out);
            strings(c.lines(), out);
            string(c.commandId(), out);
            string(c.outputLocation(), out);
        }
        string(e.cloud().account(), out);
        string(e.cloud().region(), out);
        string(e.correlationId(), out);
        Origin o = e.origin();
        string(o.file(), out);
        out.writeLong(o.record());
        out.writeLong(o.line());
        out.writeLong(o.column());
    }

    static CloudEvent read(DataInput in) throws IOException {
        Provider provider = Provider.valueOf(StringValue.readString(in));
        String eventId = StringValue.readString(in);
        long time = in.readLong();
        EventKind kind = EventKind.valueOf(StringValue.readString(in));
        String action = StringValue.readString(in);
        Outcome outcome = Outcome.valueOf(StringValue.readString(in));
        String errorCode = StringValue.readString(in);
        String errorMessage = StringValue.readString(in);
        String principal = StringValue.readString(in);
        PrincipalType type = PrincipalType.valueOf(StringValue.readString(in));
        String displayName = StringValue.readString(in);
        String account = StringValue.readString(in);
        String accessKeyId = StringValue.readString(in);
        Mfa mfa = Mfa.valueOf(StringValue.readString(in));
        Actor actor = new Actor(principal, type, displayName, account, accessKeyId, mfa, StringValue.readString(in),
                StringValue.readString(in));
        Source source = new Source(StringValue.readString(in), StringValue.readString(in), StringValue.readString(in),
                StringValue.readString(in), StringValue.readString(in));
        List<String> targets = strings(in);
        String subject = StringValue.readString(in);
        Command command = null;
        if (in.readBoolean()) {
            command = new Command(StringValue.readString(in), strings(in), StringValue.readString(in),
                    StringValue.readString(in));
        }
        CloudScope cloud = new CloudScope(StringValue.readString(in), StringValue.readString(in));
        String correlationId = StringValue.readString(in);
        Origin origin = new Origin(StringValue.readString(in), in.readLong(), in.readLong(), in.readLong());
        return new CloudEvent(provider, eventId, time, kind, action, outcome, errorCode, errorMessage, actor, source,
                targets, subject, command, cloud, correlationId, origin);
    }

    private static void string(String s, DataOutput out) throws IOException {
        StringValue.writeString(s, out);
    }

    private static void strings(List<String> values, DataOutput out) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            StringValue.writeString(v, out);
        }
    }

    private static List<String> strings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(StringValue.readString(in));
        }
        return out;
    }

    @Override
    public TypeSerializerSnapshot<CloudEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot names the class and a version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CloudEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
