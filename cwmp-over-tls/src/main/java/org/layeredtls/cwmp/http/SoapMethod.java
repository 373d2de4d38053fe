package org.layeredtls.cwmp.http;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds the name of the method in a SOAP envelope (the first element inside {@code Body}) without
 * parsing the rest: the ACS needs it only to see an {@code Inform}, which starts a new session
 * even when a stale cookie arrives (TR-069 §3.4.1). DTDs and external entities are off.
 */
final class SoapMethod {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private SoapMethod() {
    }

    /** The local name of the Body's first child, or empty (empty body, not XML, no Body). */
    static Optional<String> of(byte[] envelope) {
        if (envelope == null || envelope.length == 0) {
            return Optional.empty();
        }
        XMLStreamReader reader = null;
        try {
            synchronized (FACTORY) {
                reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(envelope));
            }
            boolean inBody = false;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT) {
                    if (inBody) {
                        return Optional.of(reader.getLocalName());
                    }
                    inBody = "Body".equals(reader.getLocalName());
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException notXml) {
            return Optional.empty();
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }
}
