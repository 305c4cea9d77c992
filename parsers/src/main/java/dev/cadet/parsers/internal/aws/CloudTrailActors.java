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
        Entry e = entries[slot(r)];
        if (e != null && e.arn == r.idArn && e.type == r.idType && e.accessKeyId == r.idAccessKeyId && e.mfa == mfa
                && e.principalId == r.idPrincipalId && e.userName == r.idUserName && e.accountId == r.idAccountId
                && e.invokedBy == r.idInvokedBy && e.issuerArn == r.issuerArn && e.issuerUserName == r.issuerUserName
                && e.onBehalfOfUserId == r.onBehalfOfUserId && e.identityStoreArn == r.identityStoreArn
                && e.additionalUserName == r.additionalUserName && e.region == region(r)) {
            return e.actor;
        }
        return null;
    }

    void put(CloudTrailRecord r, Mfa mfa, Actor actor) {
        int slot = slot(r);
        Entry e = entries[slot];
        if (e == null) {
            e = new Entry();
            entries[slot] = e;
        }
        e.type = r.idType;
        e.arn = r.idArn;
        e.principalId = r.idPrincipalId;
        e.userName = r.idUserName;
        e.accountId = r.idAccountId;
        e.accessKeyId = r.idAccessKeyId;
        e.invokedBy = r.idInvokedBy;
        e.issuerArn = r.issuerArn;
        e.issuerUserName = r.issuerUserName;
        e.onBehalfOfUserId = r.onBehalfOfUserId;
        e.identityStoreArn = r.identityStoreArn;
        e.additionalUserName = r.additionalUserName;
        e.region = region(r);
        e.mfa = mfa;
        e.actor = actor;
    }

    private static String region(CloudTrailRecord r) {
        return r.idArn == null && r.issuerArn == null ? r.awsRegion : null;
    }

    private static int slot(CloudTrailRecord r) {
        // String hashes are cached in the instance, and the table hands out the same instances.
        int h = Objects.hashCode(r.idArn) * 31 + Objects.hashCode(r.idAccessKeyId) + Objects.hashCode(r.idPrincipalId);
        return (h * 0x9E3779B9) >>> (32 - SLOT_BITS);
    }
}
