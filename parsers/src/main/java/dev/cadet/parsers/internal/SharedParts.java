package dev.cadet.parsers.internal;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Mfa;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Source;

import java.util.Objects;

/**
 * One shared instance of the parts of an event that repeat record after record (who, from where, in which
 * account and region), so that the events a scan holds share them instead of each carrying a copy, and a
 * repeat costs a few reference comparisons instead of a new object. Strings from the thread's tables
 * ({@link StringTable}, {@link ByteCursor}) are one instance per value, so fields are compared by reference
 * first and by value only when that fails.
 *
 * <p>Bounded caches, one entry per slot, replaced on a miss. One per thread ({@link #forThisThread()}).
 */
public final class SharedParts {

    private static final int SLOT_BITS = 12;
    private static final ThreadLocal<SharedParts> PER_THREAD = ThreadLocal.withInitial(SharedParts::new);

    private final Source[] sources = new Source[1 << SLOT_BITS];
    private final int[] sourceHashes = new int[1 << SLOT_BITS];
    private final Actor[] actors = new Actor[1 << SLOT_BITS];
    private final CloudScope[] scopes = new CloudScope[1 << 8];

    SharedParts() {
    }

    /** The parts of the calling thread; use them on that thread only. */
    public static SharedParts forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * The source of a request from one field that holds an IP address or a service host name (see
     * {@link Sources#of}): which of the two it is is decided once per distinct address, not per record.
     */
    Source source(String address, String userAgent, String country, String city) {
        int h = hash(address) * 31 + hash(userAgent);
        int slot = slot(h, SLOT_BITS);
        Source s = sources[slot];
        // The hash first: another address in the slot is told apart without reading its characters.
        if (s != null && sourceHashes[slot] == h && same(s.address(), address) && same(s.userAgent(), userAgent)
                && same(s.country(), country) && same(s.city(), city)) {
            return s;
        }
        boolean ip = address != null && IpLiterals.isIp(address);
        s = new Source(ip ? address : null, ip ? null : address, userAgent, country, city);
        sources[slot] = s;
        sourceHashes[slot] = h;
        return s;
    }

    public Actor actor(String principalId, PrincipalType type, String displayName, String account,
                       String accessKeyId, Mfa mfa, String sessionIssuer, String invokedBy) {
        int slot = slot(hash(principalId) * 31 + hash(accessKeyId) + Objects.hashCode(mfa), SLOT_BITS);
        Actor a = actors[slot];
        if (a != null && a.principalId() == principalId && a.type() == type && a.displayName() == displayName
                && a.account() == account && a.accessKeyId() == accessKeyId && a.mfa() == mfa
                && a.sessionIssuer() == sessionIssuer && a.invokedBy() == invokedBy) {
            return a;
        }
        a = new Actor(principalId, type, displayName, account, accessKeyId, mfa, sessionIssuer, invokedBy);
        actors[slot] = a;
        return a;
    }

    public CloudScope scope(String account, String region) {
        int slot = slot(hash(account) * 31 + hash(region), 8);
        CloudScope c = scopes[slot];
        if (c != null && same(c.account(), account) && same(c.region(), region)) {
            return c;
        }
        c = new CloudScope(account, region);
        scopes[slot] = c;
        return c;
    }

    /**
     * Equal strings; the values of a thread's tables are one instance each, so this is nearly always the
     * reference comparison, but a value from elsewhere still finds its part.
     */
    private static boolean same(String a, String b) {
        return a == b || (a != null && a.equals(b));
    }

    private static int hash(String s) {
        // Cached in the string after the first call; the table hands out the same instances again and again.
        return Objects.hashCode(s);
    }

    private static int slot(int h, int bits) {
        return (h * 0x9E3779B9) >>> (32 - bits);
    }
}
