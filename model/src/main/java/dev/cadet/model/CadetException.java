package dev.cadet.model;

/**
 * The one unchecked root of every exception cadet throws on purpose. Subclasses carry a location
 * (file, record) where one exists; messages say what, where, and what was expected.
 */
public class CadetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CadetException(String message) {
        super(message);
    }

    public CadetException(String message, Throwable cause) {
        super(message, cause);
    }
}
