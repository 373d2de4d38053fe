package org.layeredtls.cwmp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpFaultException;
import org.layeredtls.cwmp.rpc.ParameterAttributeStruct;
import org.layeredtls.cwmp.rpc.ParameterInfoStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterAttributesStruct;
import org.layeredtls.cwmp.rpc.SetParameterValuesFault;

class DataModelTest {
    static final String MS = "Device.ManagementServer.";
    DataModel m = DeviceModels.defaultDevice("LayeredTLS", "00D09E", "LTGW", "SN1");

    private static int faultOf(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(CwmpFaultException.class, e).fault().faultCode();
    }

    @Test
    void getParameterNamesEmptyPathNextLevelGivesTheRoot() throws Exception {
        assertEquals(List.of(new ParameterInfoStruct("Device.", false)), m.getParameterNames("", true));
        List<ParameterInfoStruct> all = m.getParameterNames("", false);
        assertEquals("Device.", all.get(0).name());
        assertTrue(all.contains(new ParameterInfoStruct("Device.DeviceInfo.", false)));
        assertTrue(all.contains(new ParameterInfoStruct(MS + "URL", true)));
        assertTrue(all.contains(new ParameterInfoStruct("Device.NAT.PortMapping.", true)));
    }

    @Test
    void getParameterNamesNextLevelListsOnlyDirectChildren() throws Exception {
        List<String> names = m.getParameterNames(MS, true).stream().map(ParameterInfoStruct::name).toList();
        assertEquals(List.of(MS + "AliasBasedAddressing", MS + "ConnectionRequestPassword",
                MS + "ConnectionRequestURL", MS + "ConnectionRequestUsername", MS + "ParameterKey", MS + "Password",
                MS + "PeriodicInformEnable", MS + "PeriodicInformInterval", MS + "URL", MS + "Username"), names);
        List<String> top = m.getParameterNames("Device.", true).stream().map(ParameterInfoStruct::name).toList();
        assertTrue(top.contains("Device.IP.") && top.contains("Device.RootDataModelVersion"), top.toString());
        assertFalse(top.contains("Device.IP.Interface."), "grandchildren are not listed");
        assertFalse(top.contains("Device."), "the path itself is not listed with NextLevel");
        List<String> deep = m.getParameterNames("Device.IP.", false).stream().map(ParameterInfoStruct::name).toList();
        assertEquals(List.of("Device.IP.", "Device.IP.Interface.", "Device.IP.Interface.1.",
                "Device.IP.Interface.1.Enable", "Device.IP.Interface.1.IPv4Address.",
                "Device.IP.Interface.1.IPv4Address.1.", "Device.IP.Interface.1.IPv4Address.1.IPAddress"), deep);
    }

    @Test
    void getParameterNamesOnAParameter() throws Exception {
        assertEquals(List.of(new ParameterInfoStruct(MS + "ParameterKey", false)),
                m.getParameterNames(MS + "ParameterKey", false));
        assertEquals(9003, faultOf(() -> m.getParameterNames(MS + "ParameterKey", true)));
        assertEquals(9005, faultOf(() -> m.getParameterNames("Device.Nothing.", false)));
        assertEquals(9005, faultOf(() -> m.getParameterNames("Device.Nothing", false)));
    }

    @Test
    void getParameterValuesTakesPartialPathsAndHidesPasswords() throws Exception {
        m.setLocal(MS + "Password", "hunter2");
        List<ParameterValueStruct> v = m.getParameterValues(List.of(MS, "Device.DeviceInfo.SerialNumber"));
        assertTrue(v.contains(new ParameterValueStruct(MS + "Password", "", "string")));
        assertTrue(v.contains(new ParameterValueStruct(MS + "PeriodicInformEnable", "true", "boolean")));
        assertEquals(new ParameterValueStruct("Device.DeviceInfo.SerialNumber", "SN1", "string"), v.get(v.size() - 1));
        assertEquals(11, v.size());
        assertEquals(9005, faultOf(() -> m.getParameterValues(List.of("Device.DeviceInfo.Nope"))));
    }

    @Test
    void setParameterValuesIsAtomicAndReportsEachBadParameter() {
        CwmpFault f = assertThrows(CwmpFaultException.class, () -> m.setParameterValues(List.of(
                new ParameterValueStruct(MS + "PeriodicInformInterval", "60", "unsignedInt"), // fine
                ParameterValueStruct.ofString("Device.No.Such", "x"),                       // 9005
                new ParameterValueStruct(MS + "PeriodicInformEnable", "1", "int"),          // 9006
                new ParameterValueStruct(MS + "PeriodicInformInterval2", "1", "int"),       // 9005
                ParameterValueStruct.ofString("Device.DeviceInfo.SerialNumber", "X")),     // 9008
                "new-key")).fault();
        assertEquals(9003, f.faultCode());
        assertEquals("Client", f.soapFaultCode());
        assertEquals(List.of(9005, 9006, 9005, 9008),
                f.setParameterValuesFaults().stream().map(SetParameterValuesFault::faultCode).toList());
        assertEquals("3600", m.valueOf("ManagementServer.PeriodicInformInterval"), "nothing changed");
        assertEquals("", m.parameterKey(), "ParameterKey changes only on success");
        CwmpFault v = assertThrows(CwmpFaultException.class, () -> m.setParameterValues(List.of(
                new ParameterValueStruct(MS + "PeriodicInformInterval", "-5", "unsignedInt")), "k")).fault();
        assertEquals(List.of(new SetParameterValuesFault(MS + "PeriodicInformInterval", 9007,
                "Invalid parameter value")), v.setParameterValuesFaults());
    }

    @Test
    void setParameterValuesAppliesAllAndStoresTheKey() throws Exception {
        assertEquals(0, m.setParameterValues(List.of(
                new ParameterValueStruct(MS + "PeriodicInformInterval", "60", "unsignedInt"),
                ParameterValueStruct.ofString(MS + "PeriodicInformEnable", "0"),  // xsd:string that parses is accepted
                ParameterValueStruct.ofString(MS + "URL", "https://acs.example/")), "k-2"));
        assertEquals("60", m.valueOf("ManagementServer.PeriodicInformInterval"));
        assertEquals("false", m.valueOf("ManagementServer.PeriodicInformEnable"));
        assertEquals("k-2", m.parameterKey());
        assertEquals(9003, faultOf(() -> m.setParameterValues(List.of(
                ParameterValueStruct.ofString(MS + "URL", "a"), ParameterValueStruct.ofString(MS + "URL", "b")), "x")));
    }

    @Test
    void attributesAndNotifications() throws Exception {
        AtomicInteger active = new AtomicInteger();
        m.onActiveValueChange(active::incrementAndGet);
        m.setParameterAttributes(List.of(
                new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, 1, true,
                        List.of("Subscriber")),
                new SetParameterAttributesStruct("Device.IP.", true, 2, false, List.of())));
        assertEquals(List.of(new ParameterAttributeStruct("Device.DeviceInfo.SoftwareVersion", 1,
                List.of("Subscriber"))), m.getParameterAttributes(List.of("Device.DeviceInfo.SoftwareVersion")));
        assertEquals(9009, faultOf(() -> m.setParameterAttributes(List.of(
                new SetParameterAttributesStruct("Device.DeviceInfo.UpTime", true, 2, false, List.of())))));
        assertEquals(9005, faultOf(() -> m.getParameterAttributes(List.of("Device.X"))));
        assertEquals(9003, faultOf(() -> m.setParameterAttributes(List.of(
                new SetParameterAttributesStruct("Device.IP.", true, 3, false, List.of())))));

        m.setLocal("Device.DeviceInfo.SoftwareVersion", "0.2.0"); // passive: no event, but reported
        assertEquals(0, active.get());
        m.setLocal("Device.IP.Interface.1.IPv4Address.1.IPAddress", "192.0.2.99"); // active
        assertEquals(1, active.get());
        List<String> reported = m.informParameters().stream().map(ParameterValueStruct::name).toList();
        assertTrue(reported.contains("Device.DeviceInfo.SoftwareVersion"));
        assertTrue(reported.contains("Device.IP.Interface.1.IPv4Address.1.IPAddress"));
        m.clearValueChanges(reported);
        assertTrue(m.pendingValueChanges().isEmpty());
    }

    @Test
    void addAndDeleteObjectInstances() throws Exception {
        assertEquals(1, m.addObject("Device.NAT.PortMapping.", "a1"));
        assertEquals(2, m.addObject("Device.NAT.PortMapping.", "a2"));
        assertEquals("a2", m.parameterKey());
        assertEquals("TCP", m.valueOf("NAT.PortMapping.2.Protocol"));
        assertTrue(m.getParameterNames("Device.NAT.PortMapping.", true)
                .contains(new ParameterInfoStruct("Device.NAT.PortMapping.1.", true)));
        m.deleteObject("Device.NAT.PortMapping.1.", "d1");
        assertTrue(m.value("Device.NAT.PortMapping.1.Protocol").isEmpty());
        assertEquals("d1", m.parameterKey());
        assertEquals(3, m.addObject("Device.NAT.PortMapping.", "a3"), "instance numbers are not reused");
        assertEquals(9005, faultOf(() -> m.addObject("Device.DeviceInfo.", "x")));
        assertEquals(9005, faultOf(() -> m.deleteObject("Device.NAT.PortMapping.7.", "x")));
        assertEquals(9005, faultOf(() -> m.deleteObject("Device.DeviceInfo.", "x")));
        assertEquals("a3", m.parameterKey(), "a failed AddObject/DeleteObject leaves the key");
    }

    @Test
    void forcedInformParametersForBothRoots() {
        List<String> tr181 = m.informParameters().stream().map(ParameterValueStruct::name).toList();
        assertEquals(List.of("Device.RootDataModelVersion", "Device.DeviceInfo.HardwareVersion",
                "Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.ProvisioningCode", MS + "ParameterKey",
                MS + "ConnectionRequestURL", MS + "AliasBasedAddressing"), tr181);
        DataModel igd = DeviceModels.tr098("M", "00D09E", "IGD", "SN2");
        List<String> tr098 = igd.informParameters().stream().map(ParameterValueStruct::name).toList();
        assertEquals(List.of("InternetGatewayDevice.DeviceSummary", "InternetGatewayDevice.DeviceInfo.SpecVersion",
                "InternetGatewayDevice.DeviceInfo.HardwareVersion", "InternetGatewayDevice.DeviceInfo.SoftwareVersion",
                "InternetGatewayDevice.DeviceInfo.ProvisioningCode",
                "InternetGatewayDevice.ManagementServer.ParameterKey",
                "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
                "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress"), tr098);
    }

    @Test
    void modelFileRoundTripsEverythingAtomically(@TempDir Path dir) throws Exception {
        m.setParameterValues(List.of(ParameterValueStruct.ofString("Device.DeviceInfo.ProvisioningCode",
                "tab\there\nnew line \\ backslash é")), "pk");
        m.addObject("Device.NAT.PortMapping.", "pk2");
        m.setParameterAttributes(List.of(new SetParameterAttributesStruct(MS + "URL", true, 1, false, List.of())));
        m.setLocal(MS + "URL", "https://changed/");
        Path f = dir.resolve("model.state");
        ModelFile.save(m, f);
        ModelFile.save(m, f); // replacing works too
        DataModel back = ModelFile.load(f);
        assertEquals(m.toLines(), back.toLines());
        assertEquals("tab\there\nnew line \\ backslash é", back.valueOf("DeviceInfo.ProvisioningCode"));
        assertEquals(2, back.addObject("Device.NAT.PortMapping.", "x"), "the next instance number persists");
        assertEquals(List.of(MS + "URL"), back.pendingValueChanges());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void typesValidateTheirLexicalForms() {
        assertTrue(ParameterType.UNSIGNED_INT.accepts("4294967295"));
        assertFalse(ParameterType.UNSIGNED_INT.accepts("4294967296"));
        assertFalse(ParameterType.INT.accepts("1.5"));
        assertTrue(ParameterType.DATE_TIME.accepts("0001-01-01T00:00:00Z"));
        assertFalse(ParameterType.DATE_TIME.accepts("yesterday"));
        assertTrue(ParameterType.BASE64.accepts("AAEC"));
        assertFalse(ParameterType.BASE64.accepts("***"));
        assertFalse(ParameterType.BOOLEAN.accepts("yes"));
    }
}
