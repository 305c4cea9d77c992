/**
 * The event-time pipeline of cadet: reorders and de-duplicates cloud audit events, runs the
 * windowed detectors over them, groups their findings into incidents and applies the T1651
 * escalation policy. Implementation types, including every Eclipse Collections type, stay in
 * non-exported packages.
 */
module dev.cadet.detectors {
    requires transitive dev.cadet.model;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;

    exports dev.cadet.detectors;
}
