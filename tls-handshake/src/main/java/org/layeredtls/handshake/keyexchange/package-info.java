/**
 * The key exchanges and the handshake signatures (RFC 5246 §7.4.3, §7.4.7, §7.4.8, §8.1; RFC 8422
 * for ECDHE; RFC 7919 for the DH groups; RFC 7748 for X25519; RFC 6101 for SSL 3.0).
 *
 * <ul>
 *   <li>{@link org.layeredtls.handshake.keyexchange.EphemeralKeyExchange}: one side of DHE
 *       ({@link org.layeredtls.handshake.keyexchange.DheKeyExchange}, groups in
 *       {@link org.layeredtls.handshake.keyexchange.DhGroup}) or ECDHE
 *       ({@link org.layeredtls.handshake.keyexchange.EcdheKeyExchange}): a public value for the
 *       wire, and the premaster secret from the peer's.</li>
 *   <li>{@link org.layeredtls.handshake.keyexchange.RsaKeyExchange}: the client's encrypted
 *       premaster and the server's Bleichenbacher-safe decryption.</li>
 *   <li>{@link org.layeredtls.handshake.keyexchange.ServerKeyExchangeSignature} and
 *       {@link org.layeredtls.handshake.keyexchange.CertificateVerifySignature}: the two handshake
 *       signatures, in their TLS 1.2 form and their older ones;
 *       {@link org.layeredtls.handshake.keyexchange.SignatureSchemes} picks the TLS 1.2 scheme.</li>
 * </ul>
 *
 * <p>Alerts (all fatal, from the handshake layer):
 * <table>
 *   <caption>What goes wrong and the alert it raises</caption>
 *   <tr><th>failure</th><th>alert</th><th>why</th></tr>
 *   <tr><td>peer EC point off the curve, infinity, compressed, wrong length; X25519 low-order point</td>
 *       <td>illegal_parameter</td><td>RFC 8422 §5.11 (MUST reject); OpenSSL and Go send it</td></tr>
 *   <tr><td>DH Y outside 1 &lt; Y &lt; p-1; p even or over 10000 bits; g outside 1 &lt; g &lt; p-1</td>
 *       <td>illegal_parameter</td><td>RFC 5246 §7.2.2 (field out of range); OpenSSL "bad dh value"</td></tr>
 *   <tr><td>server's p shorter than the configured minimum (2048 bits)</td><td>handshake_failure</td>
 *       <td>no acceptable parameters (RFC 5246 §7.2.2); OpenSSL "dh key too small"</td></tr>
 *   <tr><td>ServerECDHParams names a curve the client did not offer</td><td>illegal_parameter</td>
 *       <td>RFC 8422 §5.4; OpenSSL "wrong curve"</td></tr>
 *   <tr><td>TLS 1.2 signature algorithm not offered, unknown, or not fitting the certificate key</td>
 *       <td>illegal_parameter</td><td>RFC 5246 §7.4.3 (MUST use a pair from the list)</td></tr>
 *   <tr><td>signature does not verify</td><td>decrypt_error</td><td>RFC 5246 §7.2.2</td></tr>
 *   <tr><td>RSA premaster: bad padding, wrong length, wrong version</td><td>none here</td>
 *       <td>RFC 5246 §7.4.7.1: a random premaster, so only the Finished fails</td></tr>
 * </table>
 */
package org.layeredtls.handshake.keyexchange;
