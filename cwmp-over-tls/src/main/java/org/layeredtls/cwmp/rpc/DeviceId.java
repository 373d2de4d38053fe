package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** DeviceIdStruct (TR-069 Table 36). {@link #identity()} is the conventional {@code OUI-ProductClass-SerialNumber}. */
public record DeviceId(String manufacturer, String oui, String productClass, String serialNumber) {

    /** {@code OUI-ProductClass-SerialNumber} (TR-069 §3.4.4 username convention; ProductClass may be empty). */
    public String identity() {
        return oui + "-" + productClass + "-" + serialNumber;
    }

    XmlElement encode() {
        return XmlElement.of("DeviceId", List.of(Fields.leaf("Manufacturer", manufacturer), Fields.leaf("OUI", oui),
                Fields.leaf("ProductClass", productClass), Fields.leaf("SerialNumber", serialNumber)));
    }

    static DeviceId decode(XmlElement e) throws CwmpException {
        return new DeviceId(Fields.text(e, "Manufacturer").trim(), Fields.text(e, "OUI").trim(),
                Fields.optionalText(e, "ProductClass", ""), Fields.text(e, "SerialNumber").trim());
    }
}
