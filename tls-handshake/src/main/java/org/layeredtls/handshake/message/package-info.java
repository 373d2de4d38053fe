/**
 * The Handshake protocol's messages (RFC 5246 §7.4): one immutable record per message, each a
 * {@link org.layeredtls.handshake.message.HandshakeMessage}; the
 * {@link org.layeredtls.handshake.message.HandshakeReassembler} that rebuilds whole messages from
 * record fragments; and {@link org.layeredtls.handshake.message.HandshakeMessages#decode}, which
 * reads a body with the {@link org.layeredtls.handshake.message.DecodeContext} (version, key
 * exchange) that some messages need. Every malformed input is a
 * {@link org.layeredtls.alert.TlsAlertException} from the handshake layer.
 */
package org.layeredtls.handshake.message;
