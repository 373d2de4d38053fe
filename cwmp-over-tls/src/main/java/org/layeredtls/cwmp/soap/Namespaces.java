package org.layeredtls.cwmp.soap;

/** The XML namespaces of a CWMP envelope (TR-069 §3.5) and the literal prefixes we write for them. */
public final class Namespaces {
    /** SOAP 1.1 envelope, written with the prefix {@code soap-env}. */
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    /** SOAP 1.1 encoding, written with the prefix {@code soap-enc}. */
    public static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";
    /** XML Schema datatypes, prefix {@code xsd}. */
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    /** XML Schema instance, prefix {@code xsi}. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** CWMP 1.0, what our CPE sends unless told otherwise. */
    public static final String CWMP_1_0 = "urn:dslforum-org:cwmp-1-0";
    public static final String CWMP_1_1 = "urn:dslforum-org:cwmp-1-1";
    /** CWMP 1.2, also used by CWMP 1.3 and 1.4. */
    public static final String CWMP_1_2 = "urn:dslforum-org:cwmp-1-2";
    public static final String CWMP_1_3 = "urn:dslforum-org:cwmp-1-3";
    public static final String CWMP_1_4 = "urn:dslforum-org:cwmp-1-4";
    /**
     * The namespace our {@link XmlElement} trees use for every {@code cwmp:} element, whatever version the
     * envelope declares: the parser maps each {@code urn:dslforum-org:cwmp-1-x} here and the writer maps it
     * back to the envelope's own version, so that RPC codecs need not know the version.
     */
    public static final String CWMP = "urn:dslforum-org:cwmp";

    private static final String CWMP_PREFIX = "urn:dslforum-org:cwmp-1-";

    private Namespaces() {
    }

    /** True for {@code urn:dslforum-org:cwmp-1-0} .. {@code -1-4} (and later minor versions). */
    public static boolean isCwmp(String namespace) {
        return namespace != null && namespace.startsWith(CWMP_PREFIX) && namespace.length() > CWMP_PREFIX.length()
                && namespace.substring(CWMP_PREFIX.length()).chars().allMatch(Character::isDigit);
    }
}
