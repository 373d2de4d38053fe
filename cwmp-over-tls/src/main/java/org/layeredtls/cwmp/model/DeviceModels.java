package org.layeredtls.cwmp.model;

import java.util.List;

/**
 * Factories for a small but real data model: DeviceInfo (see {@link DeviceInfoObject}), ManagementServer
 * (TR-069 §3.2 requirements: ConnectionRequestURL with active notification, passwords that read back empty),
 * one WAN address and one writable table (port mappings) for AddObject/DeleteObject.
 */
public final class DeviceModels {

    private DeviceModels() {
    }

    /** The default: a TR-181 ({@code Device.}) model. */
    public static DataModel defaultDevice(String manufacturer, String oui, String productClass, String serialNumber) {
        return tr181(manufacturer, oui, productClass, serialNumber);
    }

    /** A TR-181 {@code Device.} model. */
    public static DataModel tr181(String manufacturer, String oui, String productClass, String serialNumber) {
        DataModel m = new DataModel(DataModel.DEVICE);
        String r = DataModel.DEVICE;
        m.define(r + "RootDataModelVersion", ParameterType.STRING, false, "2.11");
        DeviceInfoObject.define(m, manufacturer, oui, productClass, serialNumber);
        managementServer(m, r);
        m.define(r + "ManagementServer.AliasBasedAddressing", ParameterType.BOOLEAN, false, "false");
        m.define(r + "IP.Interface.1.Enable", ParameterType.BOOLEAN, true, "true");
        m.define(r + "IP.Interface.1.IPv4Address.1.IPAddress", ParameterType.STRING, false, "192.0.2.10");
        m.defineTable(r + "NAT.PortMapping.", true, portMappingTemplate("InternalClient"));
        return m;
    }

    /** A TR-098 {@code InternetGatewayDevice.} model. */
    public static DataModel tr098(String manufacturer, String oui, String productClass, String serialNumber) {
        DataModel m = new DataModel(DataModel.INTERNET_GATEWAY_DEVICE);
        String r = DataModel.INTERNET_GATEWAY_DEVICE;
        m.define(r + "DeviceSummary", ParameterType.STRING, false,
                "InternetGatewayDevice:1.4[](Baseline:1), DeviceAssociation:1.0[](Baseline:1)");
        DeviceInfoObject.define(m, manufacturer, oui, productClass, serialNumber);
        m.define(r + "DeviceInfo.SpecVersion", ParameterType.STRING, false, "1.0");
        managementServer(m, r);
        String wan = r + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.";
        m.define(wan + "Enable", ParameterType.BOOLEAN, true, "true");
        m.define(wan + "ExternalIPAddress", ParameterType.STRING, false, "192.0.2.10");
        m.defineTable(wan + "PortMapping.", true, portMappingTemplate("InternalClient"));
        return m;
    }

    private static void managementServer(DataModel m, String r) {
        String s = r + "ManagementServer.";
        m.define(s + "URL", ParameterType.STRING, true, "");
        m.define(s + "Username", ParameterType.STRING, true, "");
        m.define(new Parameter(s + "Password", ParameterType.STRING, true, "", 0, List.of(), true, false));
        m.define(s + "PeriodicInformEnable", ParameterType.BOOLEAN, true, "true");
        m.define(s + "PeriodicInformInterval", ParameterType.UNSIGNED_INT, true, "3600");
        m.define(s + "ParameterKey", ParameterType.STRING, false, "");
        // TR-069 §3.2.1: the CPE sets active notification on ConnectionRequestURL by default.
        m.define(new Parameter(s + "ConnectionRequestURL", ParameterType.STRING, false, "", 2, List.of(), false,
                false));
        m.define(s + "ConnectionRequestUsername", ParameterType.STRING, true, "");
        m.define(new Parameter(s + "ConnectionRequestPassword", ParameterType.STRING, true, "", 0, List.of(), true,
                false));
    }

    private static List<Parameter> portMappingTemplate(String clientName) {
        return List.of(
                new Parameter("Enable", ParameterType.BOOLEAN, true, "false", 0, List.of(), false, false),
                new Parameter("ExternalPort", ParameterType.UNSIGNED_INT, true, "0", 0, List.of(), false, false),
                new Parameter("InternalPort", ParameterType.UNSIGNED_INT, true, "0", 0, List.of(), false, false),
                new Parameter("Protocol", ParameterType.STRING, true, "TCP", 0, List.of(), false, false),
                new Parameter(clientName, ParameterType.STRING, true, "", 0, List.of(), false, false),
                new Parameter("Description", ParameterType.STRING, true, "", 0, List.of(), false, false));
    }
}
