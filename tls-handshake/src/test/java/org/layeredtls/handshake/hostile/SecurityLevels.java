package org.layeredtls.handshake.hostile;

import java.lang.reflect.InvocationTargetException;

import org.layeredtls.handshake.api.TlsConfig;

/**
 * Sets {@code TlsConfig.Builder.securityLevel(int)}, the knob issue 8 item 3 adds (branch seclevel-certs). It is
 * called by name so that this suite compiles before that branch is merged; until then the tests that need
 * level 0 fail with a message saying what they wait for.
 */
final class SecurityLevels {

    private SecurityLevels() {
    }

    static TlsConfig.Builder atLevel(TlsConfig.Builder builder, int level) {
        try {
            TlsConfig.Builder.class.getMethod("securityLevel", int.class).invoke(builder, level);
            return builder;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("waiting for seclevel-certs: TlsConfig.Builder.securityLevel(int) is not there yet", e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("TlsConfig.Builder.securityLevel(" + level + ") failed", e);
        }
    }
}
