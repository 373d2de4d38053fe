/**
 * The connection driven by bytes in and bytes out: {@link org.layeredtls.handshake.engine.TlsEngine}
 * (no socket, no thread), {@link org.layeredtls.handshake.engine.EnginePair} (a whole session on one
 * thread) and {@link org.layeredtls.handshake.engine.SocketDriver}, the blocking loop that
 * {@code TlsSocket} is made of. The handshake README's "The engine" has the picture of who calls whom.
 */
package org.layeredtls.handshake.engine;
