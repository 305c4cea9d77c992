package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.internal.Glob;
import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Source;

import java.util.List;
import java.util.Locale;

/**
 * Which principals are approved automation and which sources are approved, from the configuration.
 * A source is approved when its IP lies in an approved address or block, or when the call came from a
 * service host (no IP) that is listed or is a cloud provider's own service endpoint: then the cloud
 * service acted for the principal, as State Manager does with {@code ssm.amazonaws.com}.
 */
public final class Approvals {

    /** Host suffixes of the providers' own service endpoints. */
    static final List<String> SERVICE_HOST_SUFFIXES = List.of(".amazonaws.com", ".googleapis.com");

    /** Finds an approved maintenance window open for a principal over a time range. */
    @FunctionalInterface
    public interface Windows {
        /** The name of a window that covers {@code principal} over all of {@code [from, to]}, or {@code null}. */
        String covering(String principal, long from, long to);
    }

    private final List<String> principalPatterns;
    private final SourceMatcher sources;
    private final Windows windows;

    private Approvals(List<String> principalPatterns, SourceMatcher sources, Windows windows) {
        this.principalPatterns = principalPatterns;
        this.sources = sources;
        this.windows = windows;
    }

    /** From the configuration's validated approved principals and approved sources; no maintenance windows. */
    public static Approvals of(List<String> approvedPrincipals, List<String> approvedSources) {
        return of(approvedPrincipals, approvedSources, (p, from, to) -> null);
    }

    /** From the configuration's approvals and its maintenance windows. */
    public static Approvals of(List<String> approvedPrincipals, List<String> approvedSources, Windows windows) {
        return new Approvals(List.copyOf(approvedPrincipals), SourceMatcher.of(approvedSources), windows);
    }

    /** The maintenance window that covers the finding's principal over the whole finding, or {@code null}. */
    public String window(Finding f) {
        return windows.covering(f.principal(), f.firstSeen(), f.lastSeen());
    }

    /** Approved automation, or inside a maintenance window that names it for the whole finding. */
    public boolean approvedFor(Finding f) {
        return principalApproved(f.principal()) || window(f) != null;
    }

    public boolean principalApproved(String principal) {
        for (String pattern : principalPatterns) {
            if (glob(pattern, principal)) {
                return true;
            }
        }
        return false;
    }

    public boolean sourceApproved(Source source) {
        if (source.ip() != null) {
            return sources.matchesIp(source.ip());
        }
        String host = source.serviceHost();
        if (host == null) {
            return false;
        }
        if (sources.matchesHost(host)) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String suffix : SERVICE_HOST_SUFFIXES) {
            if (h.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Every event comes from an approved source. */
    public boolean allSourcesApproved(List<CloudEvent> events) {
        for (CloudEvent e : events) {
            if (!sourceApproved(e.source())) {
                return false;
            }
        }
        return true;
    }

    static boolean glob(String pattern, String text) {
        return Glob.matches(pattern, text);
    }
}
