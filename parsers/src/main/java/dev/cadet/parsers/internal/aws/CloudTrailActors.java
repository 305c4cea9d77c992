package dev.cadet.parsers.internal.aws;

import dev.cadet.model.Actor;
import dev.cadet.model.Mfa;

import java.util.Objects;

/**
 * The actor last built from the same {@code userIdentity} fields, so that a principal seen again costs a few
 * reference comparisons instead of deriving its canonical id and display name again. The fields are strings
 * from the string table, compared by identity: an equal value that is not the same instance only means the
 * actor is built again. Bounded, one entry per slot; one per thread.
 */
final class CloudTrailActors {

    private static final int SLOT_BITS = 12;
    private static final ThreadLocal<CloudTrailActors> PER_THREAD = ThreadLocal.withInitial(CloudTrailActors::new);

    private final Entry[] entries = new Entry[1 << SLOT_BITS];

    /** What {@link CloudTrailMapper} builds an actor from. */
    private static final class Entry {
        String type;
        String arn;
        String principalId;
        String userName;
        String accountId;
        String accessKeyId;
        String invokedBy;
        String issuerArn;
        String issuerUserName;
        String onBehalfOfUserId;
        String identityStoreArn;
        String additionalUserName;
        /** Only when the partition has to come from the region: no ARN to take it from. */
        String region;
        Mfa mfa;
        Actor actor;
    }

    static CloudTrailActors forThisThread() {
        return PER_THREAD.get();
    }

    /** The actor built from the same fields before, or {@code null}. */
    Actor get(CloudTrailRecord r, Mfa mfa) {
        CloudTrailRecord.Identity id = r.id;
        // First the one the identity remembers: a repeated userIdentity is the same instance.
        if (id.actor != null && id.actorMfa == mfa && id.actorAdditionalUserName == r.additionalUserName
                && id.actorRegion == region(r)) {
            return id.actor;
        }
        Entry e = entries[slot(r)];
        if (e != null && e.arn == r.id.arn && e.type == r.id.type && e.accessKeyId == r.id.accessKeyId && e.mfa == mfa
                && e.principalId == r.id.principalId && e.userName == r.id.userName && e.accountId == r.id.accountId
                && e.invokedBy == r.id.invokedBy && e.issuerArn == r.id.issuerArn && e.issuerUserName == r.id.issuerUserName
                && e.onBehalfOfUserId == r.id.onBehalfOfUserId && e.identityStoreArn == r.id.identityStoreArn
                && e.additionalUserName == r.additionalUserName && e.region == region(r)) {
            remember(r, mfa, e.actor);
            return e.actor;
        }
        return null;
    }

    private static void remember(CloudTrailRecord r, Mfa mfa, Actor actor) {
        CloudTrailRecord.Identity id = r.id;
        if (id != CloudTrailRecord.Identity.NONE) {
            id.actor = actor;
            id.actorMfa = mfa;
            id.actorAdditionalUserName = r.additionalUserName;
            id.actorRegion = region(r);
        }
    }

    void put(CloudTrailRecord r, Mfa mfa, Actor actor) {
        int slot = slot(r);
        Entry e = entries[slot];
        if (e == null) {
            e = new Entry();
            entries[slot] = e;
        }
        e.type = r.id.type;
        e.arn = r.id.arn;
        e.principalId = r.id.principalId;
        e.userName = r.id.userName;
        e.accountId = r.id.accountId;
        e.accessKeyId = r.id.accessKeyId;
        e.invokedBy = r.id.invokedBy;
        e.issuerArn = r.id.issuerArn;
        e.issuerUserName = r.id.issuerUserName;
        e.onBehalfOfUserId = r.id.onBehalfOfUserId;
        e.identityStoreArn = r.id.identityStoreArn;
        e.additionalUserName = r.additionalUserName;
        e.region = region(r);
        e.mfa = mfa;
        e.actor = actor;
        remember(r, mfa, actor);
    }

    private static String region(CloudTrailRecord r) {
        return r.id.arn == null && r.id.issuerArn == null ? r.awsRegion : null;
    }

    private static int slot(CloudTrailRecord r) {
        // String hashes are cached in the instance, and the table hands out the same instances.
        int h = Objects.hashCode(r.id.arn) * 31 + Objects.hashCode(r.id.accessKeyId) + Objects.hashCode(r.id.principalId);
        return (h * 0x9E3779B9) >>> (32 - SLOT_BITS);
    }
}
