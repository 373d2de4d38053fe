package org.layeredtls.cwmp.soap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An immutable XML element: what the RPC codecs read and write, independent of DOM and of prefixes.
 * Elements in any CWMP namespace carry {@link Namespaces#CWMP}; unqualified elements carry {@code null}.
 * Leaf elements carry their text (raw, untrimmed); elements with children carry {@code ""}.
 *
 * @param namespace  namespace URI, or null for an unqualified element
 * @param name       local name
 * @param attributes attributes by qualified name (in document order)
 * @param children   child elements
 * @param text       character content of a leaf element
 */
public record XmlElement(String namespace, String name, Map<QName, String> attributes, List<XmlElement> children,
                         String text) {

    public XmlElement {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("element without a name");
        }
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    /** An unqualified leaf element: {@code <name>text</name>}. */
    public static XmlElement leaf(String name, String text) {
        return new XmlElement(null, name, Map.of(), List.of(), text);
    }

    /** An unqualified element with children. */
    public static XmlElement of(String name, List<XmlElement> children) {
        return new XmlElement(null, name, Map.of(), children, "");
    }

    /** A {@code cwmp:}-qualified element with children (an RPC method element). */
    public static XmlElement cwmp(String name, List<XmlElement> children) {
        return new XmlElement(Namespaces.CWMP, name, Map.of(), children, "");
    }

    /** This element with one more attribute. */
    public XmlElement withAttribute(String namespace, String localName, String value) {
        Map<QName, String> a = new LinkedHashMap<>(attributes);
        a.put(new QName(namespace == null ? "" : namespace, localName), value);
        return new XmlElement(this.namespace, name, a, children, text);
    }

    /** The attribute's value, if present. */
    public Optional<String> attribute(String namespace, String localName) {
        return Optional.ofNullable(attributes.get(new QName(namespace == null ? "" : namespace, localName)));
    }

    /**
     * The first child with this local name, whatever its namespace: the children of a CWMP method are
     * unqualified, but some peers qualify them, and a receiver should be liberal.
     */
    public Optional<XmlElement> child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All children with this local name. */
    public List<XmlElement> children(String localName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** True when this element is {@code {namespace}name}. */
    public boolean is(String namespace, String localName) {
        return name.equals(localName) && java.util.Objects.equals(this.namespace, namespace);
    }
}
