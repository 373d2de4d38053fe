package org.layeredtls.jsse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layeredtls.record.ProtocolVersion;

/**
 * Protocol versions as JSSE names them ({@code SSLv3}, {@code TLSv1}, {@code TLSv1.1}, {@code TLSv1.2}, {@code TLSv1.3}: the
 * Java Security Standard Algorithm Names) and as this stack names them ({@link ProtocolVersion}).
 */
final class ProtocolNames {

    /** Every version this stack speaks, newest first, as {@code getSupportedProtocols()} lists them. */
    static final List<String> SUPPORTED = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3");

    private static final Map<String, ProtocolVersion> VERSIONS = Map.of(
            "SSLv3", ProtocolVersion.SSL3_0,
            "TLSv1", ProtocolVersion.TLS1_0,
            "TLSv1.1", ProtocolVersion.TLS1_1,
            "TLSv1.2", ProtocolVersion.TLS1_2,
            "TLSv1.3", ProtocolVersion.TLS1_3);

    private ProtocolNames() {
    }

    /** The JSSE name of {@code version}. */
    static String of(ProtocolVersion version) {
        return VERSIONS.entrySet().stream().filter(e -> e.getValue().equals(version)).map(Map.Entry::getKey)
                .findFirst().orElse(version.displayName());
    }

    /** The version JSSE calls {@code name}; an {@link IllegalArgumentException} for a name this stack does not speak. */
    static ProtocolVersion version(String name) {
        ProtocolVersion version = VERSIONS.get(name);
        if (version == null) {
            throw new IllegalArgumentException("unsupported protocol " + name + " (LayeredTLS speaks " + SUPPORTED + ")");
        }
        return version;
    }

    /** The names of the versions from {@code min} to {@code max}, newest first. */
    static String[] range(ProtocolVersion min, ProtocolVersion max) {
        List<String> names = new ArrayList<>();
        for (String name : SUPPORTED) {
            ProtocolVersion version = VERSIONS.get(name);
            if (version.compareTo(min) >= 0 && version.compareTo(max) <= 0) {
                names.add(name);
            }
        }
        return names.toArray(String[]::new);
    }

    /** Checks every name; an {@link IllegalArgumentException} for an empty list or an unknown name. */
    static String[] check(String[] names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("at least one protocol must be enabled");
        }
        for (String name : names) {
            version(name);
        }
        return names.clone();
    }
}
