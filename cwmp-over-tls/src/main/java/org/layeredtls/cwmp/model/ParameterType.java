package org.layeredtls.cwmp.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/** The TR-106 §3.2 data types a thin data model uses, with their xsd names (written as {@code xsi:type}). */
public enum ParameterType {
    STRING("string"),
    BOOLEAN("boolean"),
    UNSIGNED_INT("unsignedInt"),
    INT("int"),
    DATE_TIME("dateTime"),
    BASE64("base64");

    private final String xsdName;

    ParameterType(String xsdName) {
        this.xsdName = xsdName;
    }

    /** The name after {@code xsd:}, e.g. {@code unsignedInt}. */
    public String xsdName() {
        return xsdName;
    }

    /** The type for an xsd name (as sent in {@code xsi:type}). */
    public static Optional<ParameterType> fromXsd(String name) {
        for (ParameterType t : values()) {
            if (t.xsdName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True when {@code value} is a valid lexical form of this type. */
    public boolean accepts(String value) {
        String v = value.trim();
        try {
            return switch (this) {
                case STRING -> true;
                case BOOLEAN -> v.equals("0") || v.equals("1") || v.equals("true") || v.equals("false");
                case UNSIGNED_INT -> {
                    long n = Long.parseLong(v);
                    yield n >= 0 && n <= 0xFFFF_FFFFL;
                }
                case INT -> {
                    Integer.parseInt(v);
                    yield true;
                }
                case DATE_TIME -> {
                    OffsetDateTime.parse(v);
                    yield true;
                }
                case BASE64 -> {
                    Base64.getDecoder().decode(v);
                    yield true;
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        } catch (IllegalArgumentException e) { // bad base64
            return false;
        }
    }

    /** The canonical form we store: booleans as {@code true}/{@code false}, numbers trimmed. */
    public String canonical(String value) {
        return switch (this) {
            case BOOLEAN -> Boolean.toString(value.trim().equals("1") || value.trim().equals("true"));
            case UNSIGNED_INT, INT, DATE_TIME, BASE64 -> value.trim();
            case STRING -> value;
        };
    }
}
