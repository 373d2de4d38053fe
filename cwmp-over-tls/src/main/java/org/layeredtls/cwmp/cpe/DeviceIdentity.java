package org.layeredtls.cwmp.cpe;

import java.util.Optional;

import org.layeredtls.handshake.cert.Certificate;

/**
 * The three fields that name a CPE in its Inform's DeviceId (TR-069 Table 36) and, by the common convention,
 * in its certificate: the subject CN (or, without a CN, the first subjectAltName dNSName, as the ACS reads it)
 * is {@code OUI-ProductClass-SerialNumber}, or {@code OUI-SerialNumber} when the ProductClass is empty
 * (TR-069 §3.4.4 names its HTTP user name the same way).
 *
 * <p>The rule for reading a name: split it at its hyphens; the first part is the OUI, the second the
 * ProductClass, the rest (hyphens included) the SerialNumber; with one hyphen there is no ProductClass.
 * Written back, the fields give the name again, so the ACS's check (the certificate names
 * {@code OUI-ProductClass-SerialNumber} or {@code OUI-SerialNumber}) accepts the Inform. A name without a
 * hyphen, or with an empty OUI or SerialNumber, does not parse. The OUI is taken as written: TR-069 wants
 * six upper-case hexadecimal digits ({@link #hasStandardOui()}), the ACS's check compares names only.
 *
 * @param oui          DeviceId.OUI and DeviceInfo.ManufacturerOUI
 * @param productClass DeviceId.ProductClass, possibly empty
 * @param serialNumber DeviceId.SerialNumber
 */
public record DeviceIdentity(String oui, String productClass, String serialNumber) {

    public DeviceIdentity {
        if (oui == null || oui.isEmpty() || serialNumber == null || serialNumber.isEmpty()) {
            throw new IllegalArgumentException("a device identity needs an OUI and a SerialNumber");
        }
        productClass = productClass == null ? "" : productClass;
    }

    /** The name the certificate is read from: its CN, else its first SAN dNSName (the ACS's reading). */
    public static Optional<String> nameOf(Certificate certificate) {
        if (certificate.commonName().isPresent()) {
            return certificate.commonName();
        }
        return certificate.subjectAltName().flatMap(san -> san.dnsNames().stream().findFirst());
    }

    /**
     * Reads {@code OUI-ProductClass-SerialNumber} or {@code OUI-SerialNumber}.
     *
     * @throws IllegalArgumentException with the reason, when the name does not have that form
     */
    public static DeviceIdentity parse(String name) {
        int first = name.indexOf('-');
        if (first < 0) {
            throw new IllegalArgumentException("\"" + name + "\" is not OUI-ProductClass-SerialNumber or"
                    + " OUI-SerialNumber (no hyphen)");
        }
        String oui = name.substring(0, first);
        String rest = name.substring(first + 1);
        int second = rest.indexOf('-');
        String productClass = second < 0 ? "" : rest.substring(0, second);
        String serialNumber = second < 0 ? rest : rest.substring(second + 1);
        if (oui.isEmpty() || serialNumber.isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" is not OUI-ProductClass-SerialNumber or"
                    + " OUI-SerialNumber (empty " + (oui.isEmpty() ? "OUI" : "SerialNumber") + ")");
        }
        return new DeviceIdentity(oui, productClass, serialNumber);
    }

    /** {@code OUI-ProductClass-SerialNumber}, or {@code OUI-SerialNumber} without a ProductClass. */
    public String name() {
        return productClass.isEmpty() ? oui + "-" + serialNumber : oui + "-" + productClass + "-" + serialNumber;
    }

    /** The ACS's identity check: {@code authenticatedName} is OUI-ProductClass-SerialNumber or OUI-SerialNumber. */
    public boolean isNamedBy(String authenticatedName) {
        return authenticatedName.equals(oui + "-" + productClass + "-" + serialNumber)
                || authenticatedName.equals(oui + "-" + serialNumber);
    }

    /** TR-069 Table 36: the OUI is six hexadecimal digits, upper case. */
    public boolean hasStandardOui() {
        return oui.matches("[0-9A-F]{6}");
    }

    /** This identity with each field that is given (not null) replaced: the command line's overrides. */
    public DeviceIdentity with(String newOui, String newProductClass, String newSerialNumber) {
        return new DeviceIdentity(newOui != null ? newOui : oui,
                newProductClass != null ? newProductClass : productClass,
                newSerialNumber != null ? newSerialNumber : serialNumber);
    }

    @Override
    public String toString() {
        return name();
    }
}
