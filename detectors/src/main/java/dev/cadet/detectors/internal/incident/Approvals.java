package dev.cadet.detectors.internal.incident;

import dev.cadet.model.CloudEvent;
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

    private final List<String> principalPatterns;
    private final SourceMatcher sources;

    private Approvals(List<String> principalPatterns, SourceMatcher sources) {
        this.principalPatterns = principalPatterns;
        this.sources = sources;
    }

    /** From the configuration's validated approved principals and approved sources. */
    public static Approvals of(List<String> approvedPrincipals, List<String> approvedSources) {
        return new Approvals(List.copyOf(approvedPrincipals), SourceMatcher.of(approvedSources));
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

    /** {@code *} matches any run of characters (including none); everything else matches itself. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                // Let the last star swallow one more character and retry from there.
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
