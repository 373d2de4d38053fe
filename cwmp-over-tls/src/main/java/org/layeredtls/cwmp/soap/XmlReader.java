package org.layeredtls.cwmp.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses bytes into an {@link XmlElement} tree with the JDK's DOM parser, hardened against XXE:
 * a DOCTYPE is refused outright, so no entity (external or internal) is ever declared or resolved.
 *
 * <p>The parser is configured once and each thread keeps its own, reset before each document: looking a
 * factory up ({@code newInstance()} scans the class path for a provider) and configuring a parser cost more
 * than parsing a CWMP message, and an ACS parses several per session.
 */
public final class XmlReader {

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(XmlReader::newBuilder);

    private XmlReader() {
    }

    /** Parses a whole document and returns its root element. */
    public static XmlElement parse(byte[] xml) throws CwmpException {
        return parseDocument(xml).root();
    }

    /** A parsed document and the first CWMP namespace URI its elements used (null if none). */
    record Parsed(XmlElement root, String cwmpNamespace) {
    }

    static Parsed parseDocument(byte[] xml) throws CwmpException {
        if (xml == null || xml.length == 0) {
            throw new CwmpException(CwmpException.Kind.MALFORMED_XML, "empty document");
        }
        Document doc;
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset(); // what a failed parse left behind, and the handlers: set again below
            harden(builder);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new CwmpException(CwmpException.Kind.MALFORMED_XML, "not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new CwmpException(CwmpException.Kind.MALFORMED_XML, "unreadable XML: " + e.getMessage(), e);
        }
        String[] cwmpSeen = new String[1];
        XmlElement root = convert(doc.getDocumentElement(), cwmpSeen);
        return new Parsed(root, cwmpSeen[0]);
    }

    private static DocumentBuilder newBuilder() {
        try {
            return hardenedFactory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser refuses the XXE hardening", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance(); // the JDK's own, no look-up
        f.setNamespaceAware(true);
        // OWASP XXE prevention: no DOCTYPE at all, no external entities, no XInclude.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static void harden(DocumentBuilder b) {
        b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        b.setErrorHandler(new ErrorHandler() { // the default handler prints to stderr
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
    }

    private static XmlElement convert(Element e, String[] cwmpSeen) {
        if (cwmpSeen[0] == null && Namespaces.isCwmp(e.getNamespaceURI())) {
            cwmpSeen[0] = e.getNamespaceURI();
        }
        Map<QName, String> attributes = new LinkedHashMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ns = a.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue; // namespace declarations are resolved already
            }
            String local = a.getLocalName() != null ? a.getLocalName() : a.getName();
            attributes.put(new QName(normalise(ns) == null ? "" : normalise(ns), local), a.getValue());
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> children.add(convert((Element) n, cwmpSeen));
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(n.getNodeValue());
                default -> { } // comments, processing instructions
            }
        }
        String local = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        return new XmlElement(normalise(e.getNamespaceURI()), local, attributes, children,
                children.isEmpty() ? text.toString() : "");
    }

    /** Every CWMP version maps to {@link Namespaces#CWMP}; "" means unqualified. */
    static String normalise(String ns) {
        if (ns == null || ns.isEmpty()) {
            return null;
        }
        return Namespaces.isCwmp(ns) ? Namespaces.CWMP : ns;
    }
}
