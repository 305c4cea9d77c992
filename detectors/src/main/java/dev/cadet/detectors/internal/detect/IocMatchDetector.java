package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.detectors.internal.Text;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Correlation with recent security advisories or threat intelligence": any event whose source address
 * lies in a user-supplied indicator address or block, whose service host is or lies under an indicator
 * domain, or whose command text or output location names one. One finding per principal and hour; HIGH,
 * CRITICAL when a command execution or session is involved.
 */
public final class IocMatchDetector extends HourlyDetector implements Serializable {

    public static final String ID = "ioc-match";
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");

    private final SourceMatcher addresses;
    private final List<String> domains;
    private final boolean active;

    public IocMatchDetector(List<String> addresses, List<String> domains) {
        this(SourceMatcher.of(addresses), lowerCase(domains));
    }

    /** With the indicator matcher and the lower-cased domains shared by every instance of a scan. */
    public IocMatchDetector(SourceMatcher addresses, List<String> domains) {
        super(ID, addresses.isEmpty() && domains.isEmpty() ? 0 : ALL_KINDS, (principal, b) -> Text.count(b.count(), "event") + " of " + principal
                + " matched threat-intelligence indicators: " + Text.list(b.notes(), 6) + b.capNote());
        this.addresses = addresses;
        this.domains = domains;
        this.active = !addresses.isEmpty() || !domains.isEmpty();
    }

    public static List<String> lowerCase(List<String> domains) {
        return domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (!active) {
            return;
        }
        List<String> hits = new ArrayList<>(0);
        String ip = e.source().ip();
        if (ip != null && addresses.matchesIp(ip)) {
            hits.add("source address " + ip);
        }
        String host = e.source().serviceHost();
        if (host != null) {
            String d = domain(host.toLowerCase(Locale.ROOT), true);
            if (d != null) {
                hits.add("service host " + host + " (" + d + ")");
            }
        }
        if (e.command() != null) {
            List<String> texts = new ArrayList<>(e.command().lines());
            if (e.command().document() != null) {
                texts.add(e.command().document());
            }
            if (e.command().outputLocation() != null) {
                texts.add(e.command().outputLocation());
            }
            for (String text : texts) {
                String lower = text.length() > CommandPatterns.MAX_LINE
                        ? text.substring(0, CommandPatterns.MAX_LINE).toLowerCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
                String d = domain(lower, false);
                if (d != null) {
                    hits.add("domain " + d + " in command text");
                }
                Matcher m = IPV4.matcher(lower);
                while (m.find()) {
                    if (addresses.matchesIp(m.group())) {
                        hits.add("address " + m.group() + " in command text");
                    }
                }
            }
        }
        if (hits.isEmpty()) {
            return;
        }
        matched++;
        HourlyFindings.Bucket b = hourly.bucket(e.principal(), e.time()).add(e)
                .severity(e.kind().runsOnMachine() ? Severity.CRITICAL : Severity.HIGH);
        hits.forEach(b::note);
    }

    /** The indicator domain {@code text} is (or lies under, when {@code whole}) or contains, or {@code null}. */
    private String domain(String text, boolean whole) {
        for (String d : domains) {
            if (whole ? text.equals(d) || text.endsWith("." + d) : containsName(text, d)) {
                return d;
            }
        }
        return null;
    }

    /** {@code name} in {@code text} as a whole host name: not part of a longer label on either side. */
    private static boolean containsName(String text, String name) {
        int from = 0;
        while (true) {
            int i = text.indexOf(name, from);
            if (i < 0) {
                return false;
            }
            int end = i + name.length();
            boolean left = i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '-');
            boolean right = end == text.length()
                    || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-');
            if (left && right) {
                return true;
            }
            from = i + 1;
        }
    }

}
