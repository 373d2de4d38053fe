package org.layeredtls.cwmp.soap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link XmlElement} tree as UTF-8 with the JDK's StAX writer, using the literal prefixes
 * {@code soap-env}, {@code soap-enc}, {@code xsd}, {@code xsi} and {@code cwmp} (TR-069 §3.5: some peers
 * match the {@code cwmp:} prefix textually), all declared on the root element. Indented two spaces per level
 * for the human reader; leaf text is written exactly.
 */
public final class XmlWriter {

    private static final Map<String, String> PREFIXES = Map.of(
            Namespaces.SOAP_ENV, "soap-env",
            Namespaces.SOAP_ENC, "soap-enc",
            Namespaces.XSD, "xsd",
            Namespaces.XSI, "xsi",
            Namespaces.CWMP, "cwmp");

    /** The JDK's own StAX writer factory, looked up once ({@code newFactory()} scans the class path each call). */
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private XmlWriter() {
    }

    /**
     * Serialises {@code root}; {@code cwmpNamespace} is the actual CWMP version URI declared for {@code cwmp:}.
     */
    public static byte[] write(XmlElement root, String cwmpNamespace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            writeElement(w, root, 0, cwmpNamespace);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("StAX cannot write an element tree", e);
        }
        return out.toByteArray();
    }

    /** Serialises and returns a String (for traces and tests). */
    public static String toString(XmlElement root, String cwmpNamespace) {
        return new String(write(root, cwmpNamespace), StandardCharsets.UTF_8);
    }

    private static void writeElement(XMLStreamWriter w, XmlElement e, int depth, String cwmpNs)
            throws XMLStreamException {
        String ns = e.namespace();
        if (ns == null) {
            w.writeStartElement(e.name());
        } else {
            w.writeStartElement(prefix(ns), e.name(), uri(ns, cwmpNs));
        }
        if (depth == 0) {
            w.writeNamespace("soap-env", Namespaces.SOAP_ENV);
            w.writeNamespace("soap-enc", Namespaces.SOAP_ENC);
            w.writeNamespace("xsd", Namespaces.XSD);
            w.writeNamespace("xsi", Namespaces.XSI);
            w.writeNamespace("cwmp", cwmpNs);
        }
        for (Map.Entry<QName, String> a : e.attributes().entrySet()) {
            String ans = a.getKey().getNamespaceURI();
            if (ans.isEmpty()) {
                w.writeAttribute(a.getKey().getLocalPart(), a.getValue());
            } else {
                w.writeAttribute(prefix(ans), uri(ans, cwmpNs), a.getKey().getLocalPart(), a.getValue());
            }
        }
        if (e.children().isEmpty()) {
            w.writeCharacters(e.text());
        } else {
            for (XmlElement c : e.children()) {
                w.writeCharacters("\n" + "  ".repeat(depth + 1));
                writeElement(w, c, depth + 1, cwmpNs);
            }
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
        w.writeEndElement();
    }

    private static String prefix(String ns) {
        String p = PREFIXES.get(ns);
        if (p == null) {
            throw new IllegalArgumentException("no prefix for namespace " + ns);
        }
        return p;
    }

    private static String uri(String ns, String cwmpNs) {
        return Namespaces.CWMP.equals(ns) ? cwmpNs : ns;
    }
}
