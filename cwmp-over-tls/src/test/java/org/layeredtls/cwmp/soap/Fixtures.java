package org.layeredtls.cwmp.soap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the XML fixtures (envelopes as real ACSs and CPEs send them). */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/org/layeredtls/cwmp/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
