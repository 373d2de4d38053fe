/**
 * What a researcher needs to write experiments and jqwik properties on top of LayeredTLS from an outside
 * Maven project (RESEARCH.md, "Use it from your own Maven project"); the project's own tests use the same
 * classes. Together with {@link org.layeredtls.handshake.conversation} (scripted conversations) and the hooks
 * of {@link org.layeredtls.handshake.intercept}:
 *
 * <ul>
 *   <li>{@link org.layeredtls.handshake.research.Pki}: a ready-made CA and {@code localhost} server
 *       certificate, their PEM files for {@code openssl}, and client and server {@code TlsConfig} builders;
 *   <li>{@link org.layeredtls.handshake.research.OpenSslProcess}: an {@code openssl s_server} or
 *       {@code s_client} as the peer, on 127.0.0.1 and an ephemeral port, with bounded waits;
 *   <li>{@link org.layeredtls.handshake.research.Attacks}: small interceptors that break our own side of a
 *       handshake (tamper, drop, an early ChangeCipherSpec, a rewritten version, a flipped record bit);
 *   <li>{@link org.layeredtls.handshake.research.ConversationReplay}: replays our side of a conversation
 *       recorded with OpenSSL (module {@code test-vectors}, an optional dependency: add it to use the
 *       replayer) with no network, the peer's bytes optionally changed or re-cut, and our output compared
 *       byte by byte with the recording ({@link org.layeredtls.handshake.research.ReplaySocket}); with
 *       {@link org.layeredtls.handshake.research.ConversationConfigs},
 *       {@link org.layeredtls.handshake.research.ConversationPki} and
 *       {@link org.layeredtls.handshake.research.RecordStream} (records of a recorded stream);
 *   <li>{@link org.layeredtls.handshake.research.OfflineSocket}: a socket with no network behind it, to drive
 *       a {@code TlsSocket} from bytes in memory;
 *   <li>{@link org.layeredtls.handshake.research.MessageSubstitution}: sends a trace's bytes in place of some of
 *       our own handshake messages (hashed as sent, into the TLS 1.3 transcript too), several messages to a
 *       record, so that a known trace such as RFC 8448's replays byte for byte through our state machines.
 * </ul>
 *
 * <p>Main code, not a test artifact, because these are tools in their own right (like the CLI) and the
 * project's own tests must keep using them: a separate module would depend on tls-handshake while
 * tls-handshake's tests depend on it, a cycle Maven refuses. Nothing here depends on JUnit; a failed wait
 * throws {@link java.lang.IllegalStateException}. Nothing here is reachable from {@code TlsConfig}'s defaults,
 * the CLI's normal commands or the JSSE provider.
 */
package org.layeredtls.handshake.research;
