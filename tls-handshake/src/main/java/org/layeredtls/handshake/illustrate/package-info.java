/**
 * The illustrated session: an observer that keeps every record of a connection in its three
 * forms (plaintext, compressed, ciphertext), each byte mapped to its field by the {@code -explain}
 * mapping, with the key material as it is derived; and a writer that draws it all as one
 * self-contained HTML page (a ladder diagram, the records byte by byte, the key derivation).
 */
package org.layeredtls.handshake.illustrate;
