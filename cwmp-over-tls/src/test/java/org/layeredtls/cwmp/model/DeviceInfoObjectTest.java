package org.layeredtls.cwmp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.layeredtls.cwmp.rpc.CwmpFaultException;
import org.layeredtls.cwmp.rpc.ParameterAttributeStruct;
import org.layeredtls.cwmp.rpc.ParameterInfoStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterAttributesStruct;

/** {@code DeviceInfo.} as TR-181 Issue 2 and TR-098 define it, and how it survives a restart. */
class DeviceInfoObjectTest {

    private static final String D = "Device.DeviceInfo.";
    private final DataModel tr181 = DeviceModels.tr181("LayeredTLS", "00D09E", "IGD", "SN1");
    private final DataModel tr098 = DeviceModels.tr098("LayeredTLS", "00D09E", "IGD", "SN1");

    /** TR-181 Issue 2: name under DeviceInfo. -> "type w|r". */
    private static final Map<String, String> TR181_DEVICE_INFO = expected(
            "DeviceCategory string r", "Manufacturer string r", "ManufacturerOUI string r", "ModelName string r",
            "ModelNumber string r", "Description string r", "ProductClass string r", "SerialNumber string r",
            "HardwareVersion string r", "SoftwareVersion string r", "AdditionalHardwareVersion string r",
            "AdditionalSoftwareVersion string r", "ProvisioningCode string w", "UpTime unsignedInt r",
            "FirstUseDate dateTime r", "VendorConfigFileNumberOfEntries unsignedInt r",
            "VendorConfigFile.1.Alias string w", "VendorConfigFile.1.Name string r",
            "VendorConfigFile.1.Version string r", "VendorConfigFile.1.Date dateTime r",
            "VendorConfigFile.1.Description string r", "VendorConfigFile.1.UseForBackupRestore boolean r",
            "MemoryStatus.Total unsignedInt r", "MemoryStatus.Free unsignedInt r",
            "ProcessStatus.CPUUsage unsignedInt r", "ProcessStatus.ProcessNumberOfEntries unsignedInt r",
            "ProcessStatus.Process.1.PID unsignedInt r", "ProcessStatus.Process.1.Command string r",
            "ProcessStatus.Process.1.Size unsignedInt r", "ProcessStatus.Process.1.Priority unsignedInt r",
            "ProcessStatus.Process.1.CPUTime unsignedInt r", "ProcessStatus.Process.1.State string r");

    /** What TR-181 has and TR-098's DeviceInfo does not (Alias-based addressing came with TR-181). */
    private static final Set<String> TR181_ONLY = Set.of("DeviceCategory", "ModelNumber", "VendorConfigFile.1.Alias",
            "VendorConfigFile.1.UseForBackupRestore");
    /** What TR-098's DeviceInfo has and TR-181's does not. */
    private static final Map<String, String> TR098_ONLY = expected("SpecVersion string r", "DeviceLog string r");

    private static Map<String, String> expected(String... lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            out.put(f[0], f[1] + " " + f[2]);
        }
        return out;
    }

    /** The model's DeviceInfo. parameters, relative name -> "type w|r". */
    private static Map<String, String> deviceInfoOf(DataModel m) {
        String d = m.root() + "DeviceInfo.";
        return m.parameterNames().stream().filter(n -> n.startsWith(d)).map(n -> m.parameter(n).orElseThrow())
                .collect(Collectors.toMap(p -> p.name().substring(d.length()),
                        p -> p.type().xsdName() + " " + (p.writable() ? "w" : "r"), (a, b) -> a, TreeMap::new));
    }

    @Test
    void deviceInfoHasTheTr181ParametersWithTheirTypesAndWritability() {
        assertEquals(new TreeMap<>(TR181_DEVICE_INFO), deviceInfoOf(tr181));
    }

    @Test
    void theTr098MappingIsKeptInStep() {
        Map<String, String> expected = new TreeMap<>(TR181_DEVICE_INFO);
        expected.keySet().removeAll(TR181_ONLY);
        expected.putAll(TR098_ONLY);
        assertEquals(expected, deviceInfoOf(tr098));
        assertEquals("00D09E", tr098.valueOf("DeviceInfo.ManufacturerOUI"));
        assertEquals(tr181.valueOf("DeviceInfo.SoftwareVersion"), tr098.valueOf("DeviceInfo.SoftwareVersion"));
    }

    @Test
    void getParameterNamesWalksDeviceInfoByPartialPaths() throws Exception {
        List<String> top = names(tr181.getParameterNames(D, true));
        assertTrue(top.containsAll(List.of(D + "VendorConfigFile.", D + "MemoryStatus.", D + "ProcessStatus.",
                D + "UpTime", D + "VendorConfigFileNumberOfEntries")), top.toString());
        assertFalse(top.contains(D + "VendorConfigFile.1."), "grandchildren are not listed with NextLevel");
        assertEquals(List.of(new ParameterInfoStruct(D + "VendorConfigFile.", false),
                new ParameterInfoStruct(D + "VendorConfigFile.1.", false),
                new ParameterInfoStruct(D + "VendorConfigFile.1.Alias", true),
                new ParameterInfoStruct(D + "VendorConfigFile.1.Date", false),
                new ParameterInfoStruct(D + "VendorConfigFile.1.Description", false),
                new ParameterInfoStruct(D + "VendorConfigFile.1.Name", false),
                new ParameterInfoStruct(D + "VendorConfigFile.1.UseForBackupRestore", false),
                new ParameterInfoStruct(D + "VendorConfigFile.1.Version", false)),
                tr181.getParameterNames(D + "VendorConfigFile.", false));
        assertEquals(List.of(D + "ProcessStatus.CPUUsage", D + "ProcessStatus.Process.",
                D + "ProcessStatus.ProcessNumberOfEntries"), names(tr181.getParameterNames(D + "ProcessStatus.", true)));
        assertEquals(List.of(D + "MemoryStatus.Free", D + "MemoryStatus.Total"),
                names(tr181.getParameterNames(D + "MemoryStatus.", true)));
    }

    @Test
    void vendorConfigFilesAreReadByTheirPartialPathAndCounted() throws Exception {
        List<ParameterValueStruct> v = tr181.getParameterValues(List.of(D + "VendorConfigFile."));
        assertEquals(6, v.size(), v.toString());
        assertTrue(v.contains(new ParameterValueStruct(D + "VendorConfigFile.1.Name", "cpe.state", "string")));
        assertTrue(v.contains(new ParameterValueStruct(D + "VendorConfigFile.1.Date", "0001-01-01T00:00:00Z", "dateTime")));
        assertEquals("1", tr181.valueOf("DeviceInfo.VendorConfigFileNumberOfEntries"));
        assertEquals("1", tr181.valueOf("DeviceInfo.ProcessStatus.ProcessNumberOfEntries"));
        assertEquals(9001, assertThrows(CwmpFaultException.class,
                () -> tr181.addObject(D + "VendorConfigFile.", "k")).fault().faultCode(), "the CPE owns this table");
    }

    @Test
    void softwareVersionAndProvisioningCodeHaveActiveNotificationByDefaultAndGaugesMayRefuseIt() throws Exception {
        assertEquals(List.of(new ParameterAttributeStruct(D + "SoftwareVersion", 2, List.of()),
                new ParameterAttributeStruct(D + "ProvisioningCode", 2, List.of())),
                tr181.getParameterAttributes(List.of(D + "SoftwareVersion", D + "ProvisioningCode")));
        for (String gauge : List.of("UpTime", "MemoryStatus.Free", "ProcessStatus.CPUUsage")) {
            assertEquals(9009, assertThrows(CwmpFaultException.class, () -> tr181.setParameterAttributes(List.of(
                    new SetParameterAttributesStruct(D + gauge, true, 2, false, List.of())))).fault().faultCode(), gauge);
        }
    }

    @Test
    void theStatusValuesAreSampledFromTheHost() {
        DeviceStatus.sample(tr181, Duration.ofSeconds(42));
        assertEquals("42", tr181.valueOf("DeviceInfo.UpTime"));
        assertEquals(Long.toString(ProcessHandle.current().pid()), tr181.valueOf("DeviceInfo.ProcessStatus.Process.1.PID"));
        long total = Long.parseLong(tr181.valueOf("DeviceInfo.MemoryStatus.Total"));
        long free = Long.parseLong(tr181.valueOf("DeviceInfo.MemoryStatus.Free"));
        assertTrue(total > 0 && free <= total, total + " KiB, " + free + " KiB free");
        assertTrue(Long.parseLong(tr181.valueOf("DeviceInfo.ProcessStatus.CPUUsage")) <= 100);
        assertFalse(tr181.valueOf("DeviceInfo.ProcessStatus.Process.1.Command").isEmpty());
    }

    @Test
    void aRestoredModelGainsWhatItsFileLacksAndKeepsTheDevicesOwnDescription() throws Exception {
        // A state file written by an older CPE: an older DeviceInfo, another serial number, and values the ACS set.
        DataModel old = new DataModel(DataModel.DEVICE);
        old.define(D + "SerialNumber", ParameterType.STRING, false, "OLD-SERIAL");
        old.define(D + "SoftwareVersion", ParameterType.STRING, false, "0.0.9");
        old.define(D + "ProvisioningCode", ParameterType.STRING, true, "");
        old.setParameterValues(List.of(ParameterValueStruct.ofString(D + "ProvisioningCode", "ACS-SET")), "k1");
        old.setParameterAttributes(List.of(new SetParameterAttributesStruct(D + "SoftwareVersion", true, 1, false,
                List.of())));
        DataModel saved = DataModel.fromLines(old.toLines());

        tr181.restoreSaved(saved);
        assertEquals("SN1", tr181.valueOf("DeviceInfo.SerialNumber"), "the device's identity, not the file's");
        assertEquals("0.1.0", tr181.valueOf("DeviceInfo.SoftwareVersion"), "the running software's version");
        assertEquals(List.of(new ParameterAttributeStruct(D + "SoftwareVersion", 1, List.of())),
                tr181.getParameterAttributes(List.of(D + "SoftwareVersion")), "the ACS's attributes persist");
        assertEquals("ACS-SET", tr181.valueOf("DeviceInfo.ProvisioningCode"), "a value the ACS set persists");
        assertEquals(6, tr181.getParameterValues(List.of(D + "VendorConfigFile.")).size(), "added since that file");
        assertTrue(tr181.objectNames().contains(D + "VendorConfigFile.1."));
    }

    private static List<String> names(List<ParameterInfoStruct> infos) {
        return infos.stream().map(ParameterInfoStruct::name).toList();
    }
}
