/**
 * Certificates: reading them, checking them, and making them.
 *
 * <ul>
 *   <li>{@link org.layeredtls.handshake.cert.Pem} and {@link org.layeredtls.handshake.cert.KeyEncoding}
 *       read and write PEM and DER the way OpenSSL does: certificates, PKCS#8, PKCS#1 RSA and SEC 1 EC
 *       private keys, SubjectPublicKeyInfo public keys. Bad input raises only
 *       {@link org.layeredtls.handshake.cert.CertificateParseException} (a checked exception carrying
 *       {@code bad_certificate}, or {@code unsupported_certificate} for key types not implemented).</li>
 *   <li>{@link org.layeredtls.handshake.cert.Certificate} is an X.509 certificate as a value: names,
 *       validity, key, the extensions that validation reads, and the signature over the exact TBS bytes.</li>
 *   <li>{@link org.layeredtls.handshake.cert.CertificateValidator} builds and checks the path from the
 *       peer's leaf to a trust anchor; {@link org.layeredtls.handshake.cert.HostnameVerifier} checks the
 *       server's name (RFC 6125). Both are ours: no JCA {@code CertPathValidator}, no bcpkix.</li>
 *   <li>{@link org.layeredtls.handshake.cert.CertificateAuthority} is the certificate tool: a CA, server
 *       and client (device) certificates, written as PEM files that {@code openssl verify} accepts.</li>
 * </ul>
 *
 * <h2>Which alert a failure sends</h2>
 * <table>
 *   <caption>RFC 5246 §7.2.2 names; OpenSSL's choice (ssl_x509err2alert) where it differs</caption>
 *   <tr><th>failure</th><th>alert</th><th>OpenSSL</th></tr>
 *   <tr><td>no issuer found, untrusted self-signed, path too long</td><td>unknown_ca</td><td>unknown_ca</td></tr>
 *   <tr><td>issuer not a CA, no keyCertSign, pathLen exceeded</td><td>unknown_ca</td><td>unknown_ca</td></tr>
 *   <tr><td>signature does not verify, weak (MD5) or unknown signature algorithm</td><td>bad_certificate</td>
 *       <td>decrypt_error (bad signature), bad_certificate (weak digest)</td></tr>
 *   <tr><td>expired</td><td>certificate_expired</td><td>certificate_expired</td></tr>
 *   <tr><td>not yet valid</td><td>certificate_expired ("not currently valid")</td><td>bad_certificate</td></tr>
 *   <tr><td>keyUsage / extendedKeyUsage do not allow the purpose; unknown critical extension</td>
 *       <td>unsupported_certificate</td><td>unsupported_certificate</td></tr>
 *   <tr><td>host name mismatch</td><td>bad_certificate</td><td>bad_certificate (Go: bad_certificate)</td></tr>
 *   <tr><td>undecodable certificate</td><td>bad_certificate</td><td>decode_error (Go: bad_certificate)</td></tr>
 * </table>
 */
package org.layeredtls.handshake.cert;
