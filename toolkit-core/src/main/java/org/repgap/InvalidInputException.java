package org.repgap;

/**
 * A problem with what the user gave us: a malformed file, a bad option value, too few points for
 * {@code k}, an unknown name. The message is one line that names the file (with row and column,
 * or member) or the option, the value found and what is expected. The command line maps this
 * exception to exit code 2 and prints only the message.
 *
 * <p>Everything else (bugs, I/O failures of the machine) is not an {@code InvalidInputException}.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Formats with {@link java.util.Locale#ROOT} so numbers print the same everywhere. */
    public static InvalidInputException of(String format, Object... args) {
        return new InvalidInputException(String.format(java.util.Locale.ROOT, format, args));
    }
}
