package org.layeredtls.cwmp.acs;

import java.util.HexFormat;
import java.util.List;

import org.layeredtls.crypto.RandomSource;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;

/**
 * Per-device Connection Request credentials (TR-069 §3.2.2: the CPE authenticates a Connection Request
 * with ConnectionRequestUsername/Password; a shared or empty pair lets anyone who learns one device's URL
 * wake every device). The ACS gives each device its own random pair with a SetParameterValues in the
 * device's first session, under the data model root the device informed with ({@code Device.} or
 * {@code InternetGatewayDevice.}), and keeps it in the device's record for its later Connection Requests.
 */
public final class ConnectionRequestCredentials {

    /** Task ids of the credentials' SetParameterValues start with this. */
    static final String TASK_PREFIX = "connection-request-credentials-";
    /** The ParameterKey of that SetParameterValues (TR-069 §A.3.2.1: the CPE informs it back). */
    static final String PARAMETER_KEY = "acs-connection-request-credentials";
    private static final int USERNAME_BYTES = 8;  // 64 random bits: unique across any fleet
    private static final int PASSWORD_BYTES = 16; // 128 random bits

    private final RandomSource random;

    /** Credentials drawn from {@code random} (a {@code SecureRandomSource} in production). */
    public ConnectionRequestCredentials(RandomSource random) {
        this.random = random;
    }

    /** A fresh pair for a device whose data model root is {@code root}, as the SetParameterValues that sets it. */
    SetParameterValues newCredentials(String root) {
        String username = "cr-" + HexFormat.of().formatHex(random.nextBytes(USERNAME_BYTES));
        String password = HexFormat.of().formatHex(random.nextBytes(PASSWORD_BYTES));
        return new SetParameterValues(List.of(
                ParameterValueStruct.ofString(root + "ManagementServer.ConnectionRequestUsername", username),
                ParameterValueStruct.ofString(root + "ManagementServer.ConnectionRequestPassword", password)),
                PARAMETER_KEY);
    }

    /** Whether a task is the credentials' SetParameterValues. */
    static boolean isCredentialsTask(String taskId) {
        return taskId.startsWith(TASK_PREFIX);
    }
}
