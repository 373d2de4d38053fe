package org.layeredtls.handshake.api;

import java.util.HexFormat;
import java.util.List;

import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** What a handshake agreed on. */
public record SessionInfo(ProtocolVersion version, CipherSuite cipherSuite, byte[] sessionId, boolean resumed,
                          List<Certificate> peerCertificates, String applicationProtocol, String serverName,
                          boolean extendedMasterSecret, boolean encryptThenMac, CompressionMethod compression,
                          boolean secureRenegotiation) {

    public SessionInfo {
        sessionId = sessionId.clone();
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** This session with another peer chain: after TLS 1.3 post-handshake client authentication (RFC 8446 §4.6.2). */
    public SessionInfo withPeerCertificates(List<Certificate> chain) {
        return new SessionInfo(version, cipherSuite, sessionId, resumed, chain, applicationProtocol, serverName,
                extendedMasterSecret, encryptThenMac, compression, secureRenegotiation);
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public String toString() {
        return "SessionInfo[" + version.displayName() + ", " + cipherSuite.ianaName() + ", session "
                + HexFormat.of().formatHex(sessionId) + (resumed ? " (resumed)" : "")
                + (applicationProtocol != null ? ", ALPN " + applicationProtocol : "")
                + (extendedMasterSecret ? ", EMS" : "") + (encryptThenMac ? ", EtM" : "")
                + ", compression " + compression + ", peer certificates " + peerCertificates.size() + "]";
    }
}
