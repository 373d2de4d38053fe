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
 *       server's name (RFC 6125). Both are ours: no JCA {@code CertPathValidator}, no bcpkix. A
 *       refusal is a {@link org.layeredtls.handshake.cert.CertificateRejectedException} naming
 *       OpenSSL's verify error ({@link org.layeredtls.handshake.cert.VerificationError}), which the
 *       CLI prints as {@code s_client} does.</li>
 *   <li>Name constraints (RFC 5280 §4.2.1.10, {@code NameConstraints}): a CA's nameConstraints,
 *       critical or not, bind every certificate below it. Permitted and excluded subtrees of
 *       dNSName ({@code example.com} is the domain and its subdomains, {@code .example.com} only
 *       the subdomains), iPAddress (address and mask; IPv4 and IPv6 never match each other),
 *       rfc822Name (a mailbox, a host, or {@code .domain}) and directoryName (a prefix of RDNs).
 *       The names checked are the subject, the subject's emailAddress attributes, every
 *       subjectAltName entry and, for a leaf without a dNSName, a CN that looks like a host name, as
 *       OpenSSL checks them. Constraints of other types (URI, otherName) that a name would have to
 *       meet are refused (verify code 51), so are subtrees with a minimum or maximum (49).</li>
 *   <li>The security level ({@link org.layeredtls.handshake.policy.SecurityLevel}) judges every key
 *       and every signature hash of the path: see the module README, "Security level".</li>
 *   <li>{@link org.layeredtls.handshake.cert.CertificateAuthority} is the certificate tool: a CA, server
 *       and client (device) certificates, written as PEM files that {@code openssl verify} accepts; a CA
 *       may carry dNSName name constraints ({@link org.layeredtls.handshake.cert.CertificateSpec.Builder#permittedDnsNames}).</li>
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
 *   <tr><td>a key or signature hash below the security level (66, 67, 68)</td><td>bad_certificate</td>
 *       <td>bad_certificate</td></tr>
 *   <tr><td>a name outside the permitted subtrees (47) or inside the excluded ones (48), or a
 *       constraint this stack cannot check (49, 51, 53)</td>
 *       <td>certificate_unknown</td><td>certificate_unknown (no entry in ssl_x509err2alert)</td></tr>
 *   <tr><td>undecodable certificate</td><td>bad_certificate</td><td>decode_error (Go: bad_certificate)</td></tr>
 * </table>
 */
package org.layeredtls.handshake.cert;
