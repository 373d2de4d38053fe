package org.layeredtls.handshake.cert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the certificate tool puts in a certificate: the subject CN, the validity, and the
 * extensions (basicConstraints, keyUsage, extendedKeyUsage, subjectAltName, and for a CA the dNSName
 * subtrees of nameConstraints). Build one with {@link #builder(String)}; anything not set is left out
 * of the certificate.
 *
 * @param permittedDnsNames the permitted dNSName subtrees of a CA's nameConstraints (RFC 5280 §4.2.1.10)
 * @param excludedDnsNames  the excluded dNSName subtrees
 */
public record CertificateSpec(String commonName, Instant notBefore, Instant notAfter,
                              Optional<BasicConstraints> basicConstraints, Optional<Set<KeyUsage>> keyUsage,
                              List<String> extendedKeyUsage, List<String> dnsNames, List<String> ipAddresses,
                              List<String> permittedDnsNames, List<String> excludedDnsNames) {

    public CertificateSpec {
        Objects.requireNonNull(commonName, "commonName");
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is before notBefore " + notBefore);
        }
        keyUsage = keyUsage.map(Set::copyOf);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        permittedDnsNames = List.copyOf(permittedDnsNames);
        excludedDnsNames = List.copyOf(excludedDnsNames);
    }

    /** A builder for a certificate with this subject CN, valid from now for 365 days. */
    public static Builder builder(String commonName) {
        return new Builder(commonName);
    }

    /** Builds a {@link CertificateSpec}. */
    public static final class Builder {
        private final String commonName;
        private Instant notBefore = Instant.now();
        private Instant notAfter = notBefore.plus(365, ChronoUnit.DAYS);
        private BasicConstraints basicConstraints;
        private Set<KeyUsage> keyUsage;
        private final List<String> extendedKeyUsage = new ArrayList<>();
        private final List<String> dnsNames = new ArrayList<>();
        private final List<String> ipAddresses = new ArrayList<>();
        private final List<String> permittedDnsNames = new ArrayList<>();
        private final List<String> excludedDnsNames = new ArrayList<>();

        private Builder(String commonName) {
            this.commonName = commonName;
        }

        public Builder validity(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        /** basicConstraints CA:TRUE, with an optional pathLenConstraint. */
        public Builder ca(OptionalInt pathLength) {
            this.basicConstraints = new BasicConstraints(true, pathLength);
            return this;
        }

        /** basicConstraints CA:FALSE. */
        public Builder endEntity() {
            this.basicConstraints = new BasicConstraints(false, OptionalInt.empty());
            return this;
        }

        /** No basicConstraints extension. */
        public Builder noBasicConstraints() {
            this.basicConstraints = null;
            return this;
        }

        public Builder keyUsage(KeyUsage first, KeyUsage... more) {
            this.keyUsage = EnumSet.of(first, more);
            return this;
        }

        public Builder extendedKeyUsage(String... oids) {
            extendedKeyUsage.addAll(List.of(oids));
            return this;
        }

        public Builder dnsName(String... names) {
            dnsNames.addAll(List.of(names));
            return this;
        }

        /** An iPAddress SAN, written as an IPv4 or IPv6 literal. */
        public Builder ipAddress(String... addresses) {
            ipAddresses.addAll(List.of(addresses));
            return this;
        }

        /**
         * A permitted dNSName subtree of nameConstraints (a CA's): {@code example.com} allows it and its
         * subdomains, {@code .example.com} only the subdomains.
         */
        public Builder permittedDnsNames(String... subtrees) {
            permittedDnsNames.addAll(List.of(subtrees));
            return this;
        }

        /** An excluded dNSName subtree of nameConstraints. */
        public Builder excludedDnsNames(String... subtrees) {
            excludedDnsNames.addAll(List.of(subtrees));
            return this;
        }

        public CertificateSpec build() {
            return new CertificateSpec(commonName, notBefore, notAfter, Optional.ofNullable(basicConstraints),
                    Optional.ofNullable(keyUsage), extendedKeyUsage, dnsNames, ipAddresses, permittedDnsNames,
                    excludedDnsNames);
        }
    }
}
