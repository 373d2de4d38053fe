package org.layeredtls.cwmp.rpc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.XmlElement;

/** Reading and writing the fields of RPC elements: leaves, numbers, booleans, dateTimes, SOAP arrays. */
final class Fields {
    /** TR-069 §A.2.2: the unknown time. */
    static final Instant UNKNOWN_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Fields() {
    }

    static XmlElement leaf(String name, String text) {
        return XmlElement.leaf(name, text);
    }

    static XmlElement leaf(String name, long n) {
        return XmlElement.leaf(name, Long.toString(n));
    }

    static XmlElement leaf(String name, boolean b) {
        return XmlElement.leaf(name, b ? "1" : "0");
    }

    static XmlElement leaf(String name, Instant t) {
        return XmlElement.leaf(name, DateTimeFormatter.ISO_INSTANT.format(t));
    }

    /** A SOAP-encoded array: {@code soap-enc:arrayType="cwmp:ParameterValueStruct[3]"} (TR-069 §A.2.3). */
    static XmlElement array(String name, String itemType, List<XmlElement> items) {
        return XmlElement.of(name, items)
                .withAttribute(Namespaces.SOAP_ENC, "arrayType", itemType + "[" + items.size() + "]");
    }

    /** A string array, items named {@code string} and typed {@code xsd:string}. */
    static XmlElement stringArray(String name, List<String> values) {
        List<XmlElement> items = new ArrayList<>();
        for (String v : values) {
            items.add(XmlElement.leaf("string", v));
        }
        return array(name, "xsd:string", items);
    }

    static XmlElement method(String name, List<XmlElement> children) {
        return XmlElement.cwmp(name, children);
    }

    static XmlElement required(XmlElement parent, String name) throws CwmpException {
        return parent.child(name).orElseThrow(() -> invalid(parent.name() + " lacks " + name));
    }

    /** Raw text of a required leaf (values keep their whitespace). */
    static String text(XmlElement parent, String name) throws CwmpException {
        return required(parent, name).text();
    }

    /** Trimmed text of an optional leaf, or {@code dflt}. */
    static String optionalText(XmlElement parent, String name, String dflt) {
        return parent.child(name).map(e -> e.text().trim()).orElse(dflt);
    }

    /** Raw text of an optional leaf (opaque strings: CommandKey, ParameterKey, FaultString, credentials). */
    static String optionalRaw(XmlElement parent, String name) {
        return parent.child(name).map(XmlElement::text).orElse("");
    }

    static long number(XmlElement parent, String name) throws CwmpException {
        String s = text(parent, name).trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw invalid(name + " is not a number: " + s);
        }
    }

    static int integer(XmlElement parent, String name) throws CwmpException {
        long n = number(parent, name);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw invalid(name + " out of range: " + n);
        }
        return (int) n;
    }

    static boolean bool(XmlElement parent, String name) throws CwmpException {
        String s = text(parent, name).trim();
        return switch (s) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw invalid(name + " is not a boolean: " + s);
        };
    }

    static Instant time(XmlElement parent, String name) throws CwmpException {
        return parseTime(text(parent, name).trim());
    }

    /** xsd:dateTime with any offset; a time without offset is taken as UTC. */
    static Instant parseTime(String s) throws CwmpException {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw invalid("not an xsd:dateTime: " + s);
            }
        }
    }

    /** The items of an array child (any item names; the arrayType attribute is advisory). */
    static List<XmlElement> items(XmlElement parent, String arrayName) throws CwmpException {
        return required(parent, arrayName).children();
    }

    static List<String> strings(XmlElement parent, String arrayName) throws CwmpException {
        List<String> out = new ArrayList<>();
        for (XmlElement e : items(parent, arrayName)) {
            out.add(e.text().trim());
        }
        return out;
    }

    static CwmpException invalid(String reason) {
        return new CwmpException(CwmpException.Kind.INVALID_ARGUMENTS, reason);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
