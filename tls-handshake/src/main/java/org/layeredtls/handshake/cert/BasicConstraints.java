package org.layeredtls.handshake.cert;

import java.util.OptionalInt;

/**
 * The basicConstraints extension (RFC 5280 §4.2.1.9): whether the subject is a CA, and the
 * largest number of non-self-issued intermediate certificates that may follow it in a path.
 */
public record BasicConstraints(boolean ca, OptionalInt pathLengthConstraint) {
}
