/**
 * Attack labs on the Handshake and Alert layers: Bleichenbacher's PKCS#1 v1.5 oracle, the 2009
 * renegotiation prefix injection, the version downgrade, the triple handshake and the truncation
 * attack, each run live over real connections of this stack on 127.0.0.1, first against a
 * vulnerable setting (the attack succeeds), then against its countermeasure (it fails).
 *
 * <p>The vulnerable variants (a server that leaks PKCS#1 padding errors, a client that falls back
 * without TLS_FALLBACK_SCSV, a reader that ignores a missing close_notify, ...) live here only. They
 * are built from the public research hooks ({@link org.layeredtls.handshake.intercept},
 * {@link org.layeredtls.handshake.relay}, {@link org.layeredtls.handshake.conversation}), never from a
 * switch in {@code TlsConfig}: nothing here is reachable from the normal API. tls-handshake/LABS.md
 * explains each lab with its real output; {@code ./layeredtls lab NAME} runs one.
 */
package org.layeredtls.handshake.lab;
