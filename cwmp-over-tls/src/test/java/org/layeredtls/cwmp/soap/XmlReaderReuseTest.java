package org.layeredtls.cwmp.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Each thread reuses one parser (reset before each document): the XXE hardening and the error handling
 * hold on the second document as on the first, and a document that failed leaves nothing behind.
 */
class XmlReaderReuseTest {

    private static final byte[] GOOD = "<a xmlns=\"urn:x\"><b>1</b></a>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOCTYPE = ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"boom\">]>"
            + "<a>&x;</a>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] BROKEN = "<a><b></a>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aReusedParserStillRefusesADoctypeAndRecoversFromABrokenDocument() throws Exception {
        for (int round = 0; round < 3; round++) {
            assertEquals("a", XmlReader.parse(GOOD).name());
            CwmpException doctype = assertThrows(CwmpException.class, () -> XmlReader.parse(DOCTYPE));
            assertEquals(CwmpException.Kind.MALFORMED_XML, doctype.kind());
            CwmpException broken = assertThrows(CwmpException.class, () -> XmlReader.parse(BROKEN));
            assertEquals(CwmpException.Kind.MALFORMED_XML, broken.kind());
        }
        assertEquals("1", XmlReader.parse(GOOD).children().get(0).text());
    }
}
