package org.layeredtls.handshake.vectors;

import java.time.Clock;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.PeerCertificateVerifier;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.cert.HostnameVerifier;
import org.layeredtls.handshake.cert.Purpose;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;

/**
 * How a side of an RFC 8448 replay trusts the RFC's certificate: our own path validation with that certificate as
 * the trust anchor, at a time within its validity and the security level its RSA-1024 key needs, and our own
 * host-name check against the name it carries (its subject CN, "rsa"), where the RFC's client sends SNI "server".
 * Nothing is skipped: only the anchor, the time, the level and the expected name are the RFC's.
 */
final class Rfc8448ServerTrust implements PeerCertificateVerifier {

    private final CertificateValidator validator;
    private final String certifiedName;

    Rfc8448ServerTrust(List<Certificate> anchors, Clock clock, int securityLevel, String certifiedName) {
        this.validator = new CertificateValidator(anchors, clock, SecurityLevel.of(securityLevel));
        this.certifiedName = certifiedName;
    }

    @Override
    public void verifyServer(List<Certificate> chain, KeyExchangeAlgorithm keyExchange, String expectedName) throws TlsAlertException {
        validator.validate(chain, Purpose.SERVER_AUTH);
        HostnameVerifier.verify(chain.get(0), certifiedName);
    }

    @Override
    public void verifyClient(List<Certificate> chain) throws TlsAlertException {
        validator.validate(chain, Purpose.CLIENT_AUTH);
    }
}
