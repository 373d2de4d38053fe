package org.layeredtls.vectors;

/**
 * A vector file that does not follow its format: a missing or unknown line, malformed hex, a count
 * that does not match. The message names the source and the line, so a broken regeneration is found
 * at once instead of turning into a puzzling test failure.
 */
public final class VectorFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    VectorFormatException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
    }
}
