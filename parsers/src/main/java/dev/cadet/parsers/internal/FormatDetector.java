package dev.cadet.parsers.internal;

/**
 * Recognises the inputs of one provider from a {@link Peek} of their start. A new provider adds a
 * detector, its formats and its record parser, and touches no other provider's code.
 */
public interface FormatDetector {

    /** The format of the input, or {@code null} when this detector does not know it. */
    Format detect(Peek peek);

    /** What this detector accepts, in words, for the message about an unknown input. */
    String accepts();
}
