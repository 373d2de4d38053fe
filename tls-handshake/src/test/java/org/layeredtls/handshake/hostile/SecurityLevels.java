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

    /**
     * Level 0 where the stack has security levels; before that knob exists every strength is allowed anyway,
     * which is what level 0 means. For configurations that want to reach every version and suite (the mutation test).
     */
    static TlsConfig.Builder lowestAvailable(TlsConfig.Builder builder) {
        try {
            TlsConfig.Builder.class.getMethod("securityLevel", int.class).invoke(builder, 0);
            return builder;
        } catch (NoSuchMethodException noLevels) {
            return builder; // no security levels yet: nothing is refused for weakness
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("TlsConfig.Builder.securityLevel(0) failed", e);
        }
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
