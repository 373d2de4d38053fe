package org.layeredtls.cwmp.model;

import java.util.List;

/**
 * One parameter of the data model as it stands (a snapshot; the model itself is mutable).
 *
 * @param name           full name, e.g. {@code Device.ManagementServer.URL}
 * @param type           its data type
 * @param writable       whether SetParameterValues may change it
 * @param value          current value (passwords hold their real value here; GPV reads them as "")
 * @param notification   0 off, 1 passive, 2 active (TR-069 §3.2.1)
 * @param accessList     entities besides the ACS allowed to write it (e.g. {@code Subscriber})
 * @param secret         reads back as the empty string (TR-069: passwords)
 * @param activeNotificationDenied the CPE rejects active notification here (9009), e.g. for UpTime
 */
public record Parameter(String name, ParameterType type, boolean writable, String value, int notification,
                        List<String> accessList, boolean secret, boolean activeNotificationDenied) {

    public Parameter {
        accessList = List.copyOf(accessList);
    }

    Parameter withValue(String v) {
        return new Parameter(name, type, writable, v, notification, accessList, secret, activeNotificationDenied);
    }

    Parameter withNotification(int n) {
        return new Parameter(name, type, writable, value, n, accessList, secret, activeNotificationDenied);
    }

    Parameter withAccessList(List<String> a) {
        return new Parameter(name, type, writable, value, notification, a, secret, activeNotificationDenied);
    }

    Parameter renamed(String newName) {
        return new Parameter(newName, type, writable, value, notification, accessList, secret,
                activeNotificationDenied);
    }
}
