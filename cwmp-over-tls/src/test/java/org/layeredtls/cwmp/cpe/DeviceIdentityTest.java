package org.layeredtls.cwmp.cpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a CPE reads its DeviceId from a certificate name, and how options override it. */
class DeviceIdentityTest {

    @Test
    void ouiProductClassSerialNumberIsReadFieldByField() {
        assertEquals(new DeviceIdentity("00D09E", "IGD", "LTLS0001"), DeviceIdentity.parse("00D09E-IGD-LTLS0001"));
    }

    @Test
    void ouiSerialNumberHasNoProductClass() {
        DeviceIdentity id = DeviceIdentity.parse("00D09E-LTLS0001");
        assertEquals(new DeviceIdentity("00D09E", "", "LTLS0001"), id);
        assertEquals("00D09E-LTLS0001", id.name());
    }

    @Test
    void hyphensAfterTheSecondBelongToTheSerialNumber() {
        assertEquals(new DeviceIdentity("00D09E", "IGD", "CPE-0001"), DeviceIdentity.parse("00D09E-IGD-CPE-0001"));
        assertEquals(new DeviceIdentity("00D09E", "", "SN1"), DeviceIdentity.parse("00D09E--SN1"));
    }

    @Test
    void everyParsedNameSatisfiesTheAcsCheck() {
        for (String name : new String[] {"00D09E-IGD-LTLS0001", "00D09E-LTLS0001", "00D09E-IGD-CPE-0001", "00D09E--SN1",
                "layeredtls-client"}) {
            assertTrue(DeviceIdentity.parse(name).isNamedBy(name), name);
        }
    }

    @Test
    void aNameWithoutTheConventionalFormDoesNotParse() {
        for (String name : new String[] {"layeredtls", "", "-IGD-SN1", "00D09E-", "00D09E-IGD-"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceIdentity.parse(name));
            assertTrue(e.getMessage().contains("OUI-ProductClass-SerialNumber"), e.getMessage());
        }
    }

    @Test
    void optionsOverrideSingleFieldsAndTheAcsCheckSeesTheDifference() {
        DeviceIdentity fromCertificate = DeviceIdentity.parse("00D09E-IGD-LTLS0001");
        assertEquals(fromCertificate, fromCertificate.with(null, null, null));
        DeviceIdentity otherSerial = fromCertificate.with(null, null, "OTHER");
        assertEquals(new DeviceIdentity("00D09E", "IGD", "OTHER"), otherSerial);
        assertFalse(otherSerial.isNamedBy("00D09E-IGD-LTLS0001"), "the certificate names another device");
        assertTrue(DeviceIdentity.parse("00D09E-LTLS0001").with(null, "Gateway", null).isNamedBy("00D09E-LTLS0001"),
                "OUI-SerialNumber names a device whatever its ProductClass");
    }

    @Test
    void theOuiIsCheckedAgainstTr069sFormOnlyAsANote() {
        assertTrue(DeviceIdentity.parse("00D09E-IGD-1").hasStandardOui());
        assertFalse(DeviceIdentity.parse("layeredtls-client").hasStandardOui());
        assertFalse(DeviceIdentity.parse("00d09e-IGD-1").hasStandardOui());
    }
}
