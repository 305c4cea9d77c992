package dev.cadet.cli.internal.config;

/**
 * A configuration value that is wrong, with where it is and what was expected:
 * {@code cadet.yaml line 12, column 10: detectors.command-spike.ratio must be a number > 1, was 'abc'}.
 * An {@link IllegalArgumentException}, so that the command line reports it as a usage error.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
