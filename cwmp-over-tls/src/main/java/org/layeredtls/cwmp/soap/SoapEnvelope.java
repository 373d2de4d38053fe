package org.layeredtls.cwmp.soap;

import java.util.ArrayList;
import java.util.List;

/**
 * A SOAP 1.1 envelope carrying one CWMP message (TR-069 §3.5): the header fields CWMP defines and the single
 * element inside {@code soap-env:Body} (an RPC method element or a {@code soap-env:Fault}).
 *
 * @param cwmpNamespace  the CWMP version URI ({@code urn:dslforum-org:cwmp-1-0} .. {@code -1-4})
 * @param id             header {@code cwmp:ID} (mustUnderstand="1"; the responder echoes it), or null
 * @param holdRequests   header {@code cwmp:HoldRequests} (ACS to CPE), or null when absent
 * @param sessionTimeout header {@code cwmp:SessionTimeout} in seconds (CPE to ACS, in an Inform), or null
 * @param body           the element inside {@code soap-env:Body}, or null for an empty Body
 */
public record SoapEnvelope(String cwmpNamespace, String id, Boolean holdRequests, Integer sessionTimeout,
                           XmlElement body) {

    public SoapEnvelope {
        if (!Namespaces.isCwmp(cwmpNamespace)) {
            throw new IllegalArgumentException("not a CWMP namespace: " + cwmpNamespace);
        }
    }

    /** An envelope with only the {@code cwmp:ID} header (which may be null). */
    public static SoapEnvelope of(String cwmpNamespace, String id, XmlElement body) {
        return new SoapEnvelope(cwmpNamespace, id, null, null, body);
    }

    /** True when the body is a {@code soap-env:Fault}. */
    public boolean isFault() {
        return body != null && body.is(Namespaces.SOAP_ENV, "Fault");
    }

    /** The envelope as a tree, prefixes left to {@link XmlWriter}. */
    public XmlElement toElement() {
        List<XmlElement> headers = new ArrayList<>();
        if (id != null) {
            headers.add(header("ID", id, "1"));
        }
        if (holdRequests != null) {
            headers.add(header("HoldRequests", holdRequests ? "1" : "0", "1"));
        }
        if (sessionTimeout != null) {
            headers.add(header("SessionTimeout", Integer.toString(sessionTimeout), "0"));
        }
        List<XmlElement> parts = new ArrayList<>();
        if (!headers.isEmpty()) {
            parts.add(new XmlElement(Namespaces.SOAP_ENV, "Header", java.util.Map.of(), headers, ""));
        }
        parts.add(new XmlElement(Namespaces.SOAP_ENV, "Body", java.util.Map.of(),
                body == null ? List.of() : List.of(body), ""));
        return new XmlElement(Namespaces.SOAP_ENV, "Envelope", java.util.Map.of(), parts, "");
    }

    private static XmlElement header(String name, String value, String mustUnderstand) {
        return new XmlElement(Namespaces.CWMP, name, java.util.Map.of(), List.of(), value)
                .withAttribute(Namespaces.SOAP_ENV, "mustUnderstand", mustUnderstand);
    }

    /** The envelope as UTF-8 XML, ready to be an HTTP body. */
    public byte[] encode() {
        return XmlWriter.write(toElement(), cwmpNamespace);
    }

    /**
     * Parses an envelope. Prefixes do not matter (elements are matched by namespace), whitespace between
     * elements is ignored, DOCTYPEs are refused. An envelope that declares no CWMP namespace is taken as
     * {@code cwmp-1-0}.
     */
    public static SoapEnvelope decode(byte[] xml) throws CwmpException {
        XmlReader.Parsed parsed = XmlReader.parseDocument(xml);
        XmlElement root = parsed.root();
        if (!root.is(Namespaces.SOAP_ENV, "Envelope")) {
            throw new CwmpException(CwmpException.Kind.MALFORMED_XML,
                    "not a SOAP 1.1 envelope: {" + root.namespace() + "}" + root.name());
        }
        String id = null;
        Boolean hold = null;
        Integer timeout = null;
        XmlElement body = null;
        boolean sawBody = false;
        for (XmlElement part : root.children()) {
            if (part.is(Namespaces.SOAP_ENV, "Header")) {
                for (XmlElement h : part.children()) {
                    if (!Namespaces.CWMP.equals(h.namespace())) {
                        continue; // not ours; a mustUnderstand header we do not know is ignored (documented)
                    }
                    switch (h.name()) {
                        case "ID" -> id = h.text().trim();
                        case "HoldRequests" -> hold = parseBoolean(h.text());
                        case "SessionTimeout" -> timeout = parseInt(h.text());
                        default -> { } // NoMoreRequests (deprecated) and extensions
                    }
                }
            } else if (part.is(Namespaces.SOAP_ENV, "Body")) {
                sawBody = true;
                if (part.children().size() > 1) {
                    throw new CwmpException(CwmpException.Kind.MALFORMED_XML,
                            "more than one element in soap-env:Body (MaxEnvelopes is 1)");
                }
                body = part.children().isEmpty() ? null : part.children().get(0);
            }
        }
        if (!sawBody) {
            throw new CwmpException(CwmpException.Kind.MALFORMED_XML, "SOAP envelope without a Body");
        }
        String ns = parsed.cwmpNamespace() == null ? Namespaces.CWMP_1_0 : parsed.cwmpNamespace();
        return new SoapEnvelope(ns, id, hold, timeout, body);
    }

    private static Boolean parseBoolean(String s) throws CwmpException {
        return switch (s.trim()) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> throw new CwmpException(CwmpException.Kind.INVALID_ARGUMENTS, "not a boolean: " + s);
        };
    }

    private static Integer parseInt(String s) throws CwmpException {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new CwmpException(CwmpException.Kind.INVALID_ARGUMENTS, "not an integer: " + s);
        }
    }
}
