package org.layeredtls.handshake.trace;

/**
 * One field of the {@code -explain} mapping: where it sits in the bytes it was walked over, how
 * long it is, what it means (in the RFC's words, with its section where the explainer names one),
 * and how deep it is nested (0 for a message's own fields, 1 inside an extension, ...).
 */
public record ByteField(int offset, int length, String meaning, int depth) {
}
