package org.repgap.runs;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How readers treat damaged input.
 *
 * @param skipBad  on a corrupt or truncated record or a malformed line: warn and keep what was
 *                 read so far (false: fail with an error naming file and offset or line)
 * @param warnings receives one-line warnings
 * @param includeDeleted    keep runs a tracker marks deleted (MLflow {@code lifecycle_stage: deleted})
 * @param includeUnfinished keep runs a tracker marks as not finished (W&amp;B runs-table {@code State})
 */
public record ReadOptions(boolean skipBad, Consumer<String> warnings, boolean includeDeleted, boolean includeUnfinished) {
    public ReadOptions {
        Objects.requireNonNull(warnings, "warnings");
    }

    /** Deleted and unfinished runs skipped. */
    public ReadOptions(boolean skipBad, Consumer<String> warnings) {
        this(skipBad, warnings, false, false);
    }

    /** Strict reading, warnings dropped. */
    public static ReadOptions strict() {
        return new ReadOptions(false, w -> { });
    }

    /** The same options with warnings going to {@code to}. */
    public ReadOptions withWarnings(Consumer<String> to) {
        return new ReadOptions(skipBad, to, includeDeleted, includeUnfinished);
    }

    /** Fails with {@code message}, or (with {@link #skipBad}) warns and returns normally. */
    void bad(String message) {
        if (!skipBad) {
            throw new org.repgap.InvalidInputException(message);
        }
        warnings.accept(message + " (skipped: --skip-bad)");
    }
}
