package org.layeredtls.cwmp.model;

import java.util.List;

/**
 * The {@code DeviceInfo.} object of a CPE of this kind (a software CPE on a general-purpose host), as TR-181
 * Issue 2 ({@code Device.DeviceInfo.}) and TR-098 Amendment 2 ({@code InternetGatewayDevice.DeviceInfo.}) define
 * it: the identity, the versions, the ProvisioningCode the ACS writes, UpTime, the vendor configuration files,
 * MemoryStatus and ProcessStatus. The values that change while the device runs are sampled by
 * {@link DeviceStatus}. Left out, as optional objects this device has nothing to say in: Processor,
 * VendorLogFile, SupportedDataModel, Location, TemperatureStatus, NetworkProperties, FirmwareImage.
 */
final class DeviceInfoObject {

    /** What the device answers for ModelName, Description and its versions. */
    static final String MODEL_NAME = "LayeredTLS CPE";
    static final String DESCRIPTION = "A thin TR-069 CPE over the LayeredTLS stack (Java)";
    static final String HARDWARE_VERSION = "1.0";
    static final String SOFTWARE_VERSION = "0.1.0";
    /** TR-106: the unknown time, for FirstUseDate and a configuration file's Date. */
    static final String UNKNOWN_TIME = "0001-01-01T00:00:00Z";
    /** The one vendor configuration file: the CPE's own state (data model and pending events). */
    static final String CONFIG_FILE_NAME = "cpe.state";
    static final String CONFIG_FILE_VERSION = "1";
    static final String CONFIG_FILE_DESCRIPTION = "LayeredTLS CPE state: the data model and pending events (format 1)";

    private DeviceInfoObject() {
    }

    /** Defines {@code <root>DeviceInfo.} in {@code m}; TR-181 when the root is {@code Device.}, else TR-098. */
    static void define(DataModel m, String manufacturer, String oui, String productClass, String serialNumber) {
        boolean tr181 = m.root().equals(DataModel.DEVICE);
        String d = m.root() + "DeviceInfo.";
        if (tr181) {
            readOnly(m, d + "DeviceCategory", ParameterType.STRING, ""); // TR-181 2.8: a list, empty when none fits
        }
        readOnly(m, d + "Manufacturer", ParameterType.STRING, manufacturer);
        readOnly(m, d + "ManufacturerOUI", ParameterType.STRING, oui);
        readOnly(m, d + "ModelName", ParameterType.STRING, MODEL_NAME);
        if (tr181) {
            readOnly(m, d + "ModelNumber", ParameterType.STRING, "");
        }
        readOnly(m, d + "Description", ParameterType.STRING, DESCRIPTION);
        readOnly(m, d + "ProductClass", ParameterType.STRING, productClass);
        readOnly(m, d + "SerialNumber", ParameterType.STRING, serialNumber);
        readOnly(m, d + "HardwareVersion", ParameterType.STRING, HARDWARE_VERSION);
        // TR-181/TR-098: SoftwareVersion and ProvisioningCode are forced Inform parameters with active
        // notification on by default (activeNotify="forceDefaultEnabled").
        m.define(new Parameter(d + "SoftwareVersion", ParameterType.STRING, false, SOFTWARE_VERSION, 2, List.of(),
                false, false));
        readOnly(m, d + "AdditionalHardwareVersion", ParameterType.STRING, "");
        readOnly(m, d + "AdditionalSoftwareVersion", ParameterType.STRING, "");
        m.define(new Parameter(d + "ProvisioningCode", ParameterType.STRING, true, "", 2, List.of(), false, false));
        changing(m, d + "UpTime", "0");
        readOnly(m, d + "FirstUseDate", ParameterType.DATE_TIME, UNKNOWN_TIME);
        if (!tr181) {
            readOnly(m, d + "DeviceLog", ParameterType.STRING, "");
        }
        vendorConfigFiles(m, d, tr181);
        readOnly(m, d + "MemoryStatus.Total", ParameterType.UNSIGNED_INT, "0");
        changing(m, d + "MemoryStatus.Free", "0");
        processStatus(m, d);
    }

    // TR-181 DeviceInfo.VendorConfigFile.{i}.: read-only, one entry per configuration file the CPE holds.
    private static void vendorConfigFiles(DataModel m, String d, boolean tr181) {
        String table = d + "VendorConfigFile.";
        m.defineTable(table, false, List.of());
        readOnly(m, d + "VendorConfigFileNumberOfEntries", ParameterType.UNSIGNED_INT, "1");
        String e = table + "1.";
        if (tr181) {
            // TR-069 alias rule: an Alias the CPE assigns starts with "cpe-".
            m.define(e + "Alias", ParameterType.STRING, true, "cpe-1");
        }
        readOnly(m, e + "Name", ParameterType.STRING, CONFIG_FILE_NAME);
        readOnly(m, e + "Version", ParameterType.STRING, CONFIG_FILE_VERSION);
        readOnly(m, e + "Date", ParameterType.DATE_TIME, UNKNOWN_TIME);
        readOnly(m, e + "Description", ParameterType.STRING, CONFIG_FILE_DESCRIPTION);
        if (tr181) {
            readOnly(m, e + "UseForBackupRestore", ParameterType.BOOLEAN, "false");
        }
    }

    // DeviceInfo.ProcessStatus.: CPUUsage of the host, and one Process entry, the CPE's own process.
    private static void processStatus(DataModel m, String d) {
        String p = d + "ProcessStatus.";
        changing(m, p + "CPUUsage", "0");
        readOnly(m, p + "ProcessNumberOfEntries", ParameterType.UNSIGNED_INT, "1");
        m.defineTable(p + "Process.", false, List.of());
        String e = p + "Process.1.";
        readOnly(m, e + "PID", ParameterType.UNSIGNED_INT, "0");
        readOnly(m, e + "Command", ParameterType.STRING, "");
        changing(m, e + "Size", "0");
        readOnly(m, e + "Priority", ParameterType.UNSIGNED_INT, "0");
        changing(m, e + "CPUTime", "0");
        readOnly(m, e + "State", ParameterType.STRING, "Running");
    }

    private static void readOnly(DataModel m, String name, ParameterType type, String value) {
        m.define(name, type, false, value);
    }

    /** A counter or gauge: the CPE may refuse active notification on it (activeNotify="canDeny", 9009). */
    private static void changing(DataModel m, String name, String value) {
        m.define(new Parameter(name, ParameterType.UNSIGNED_INT, false, value, 0, List.of(), false, true));
    }
}
