package dev.cadet.parsers.internal;

import java.util.Locale;

/**
 * One identity for one person across providers: an e-mail or UPN is compared without case by every identity
 * provider, and written in either case by their logs ({@code Rob@Contoso.com} in Azure, {@code rob@contoso.com}
 * in Entra), so it becomes lower case. Entra, Azure Activity and GCP principals that are e-mail addresses
 * then match each other.
 */
public final class Principals {

    private Principals() {
    }

    /** The lower-case e-mail or UPN, or {@code null} when {@code s} is not one (an object id, a name). */
    public static String email(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int at = t.indexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            return null;
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** An id compared without case (Entra object ids, Azure resource ids), in lower case; {@code null} stays. */
    public static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
