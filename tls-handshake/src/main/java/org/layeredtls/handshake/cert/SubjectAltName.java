package org.layeredtls.handshake.cert;

import java.net.InetAddress;
import java.util.List;

/**
 * The names of the subjectAltName extension (RFC 5280 §4.2.1.6) that a TLS peer is checked
 * against: dNSName and iPAddress entries (other kinds are kept out).
 */
public record SubjectAltName(List<String> dnsNames, List<InetAddress> ipAddresses) {

    public SubjectAltName {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }
}
