/**
 * Provider-neutral records that every cadet module speaks: {@link dev.cadet.model.CloudEvent} in,
 * {@link dev.cadet.model.Finding} and {@link dev.cadet.model.Incident} out, and the accounting
 * that proves no input record was lost ({@link dev.cadet.model.InputReport}).
 *
 * <p>Conventions: times are epoch milliseconds UTC; a {@code String} component is {@code null}
 * when the log did not carry that value; lists are never {@code null} and are unmodifiable. Events,
 * findings and incidents are {@link java.io.Serializable}, so that a stream processor can checkpoint
 * the detector state that holds them.
 */
package dev.cadet.model;
