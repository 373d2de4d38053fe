package org.layeredtls.cwmp.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.DeviceId;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesFault;

class SoapEnvelopeTest {

    @Test
    void parsesAnInformWithUppercasePrefixesAndCwmp12() throws Exception {
        SoapEnvelope env = SoapEnvelope.decode(Fixtures.load("inform-genieacs-style.xml"));
        assertEquals(Namespaces.CWMP_1_2, env.cwmpNamespace());
        assertEquals("1234", env.id());
        assertEquals(60, env.sessionTimeout());
        assertNull(env.holdRequests());
        Inform inform = (Inform) Rpc.decode(env.body());
        assertEquals(new DeviceId("ACME Networks", "00D09E", "IGD", "SN-42"), inform.deviceId());
        assertEquals("00D09E-IGD-SN-42", inform.deviceId().identity());
        assertEquals(List.of(new EventStruct("0 BOOTSTRAP", ""), new EventStruct("M Download", "fw-2")),
                inform.events());
        assertEquals(1, inform.maxEnvelopes());
        assertEquals(Instant.parse("2026-03-04T04:06:07Z"), inform.currentTime());
        assertEquals(3, inform.retryCount());
        assertEquals(List.of(
                ParameterValueStruct.ofString("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "2.0.1 & patch"),
                ParameterValueStruct.ofString("InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
                        "http://10.0.0.1:7547/"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "300",
                        "unsignedInt")), inform.parameterList());
    }

    @Test
    void parsesASetParameterValuesFaultWithArbitraryPrefixes() throws Exception {
        SoapEnvelope env = SoapEnvelope.decode(Fixtures.load("spv-fault-other-prefixes.xml"));
        assertTrue(env.isFault());
        assertEquals("acs-9", env.id());
        assertEquals(Namespaces.CWMP_1_0, env.cwmpNamespace());
        CwmpFault f = (CwmpFault) Rpc.decode(env.body());
        assertEquals(9003, f.faultCode());
        assertEquals("Invalid arguments", f.faultString());
        assertEquals(List.of(
                new SetParameterValuesFault("Device.ManagementServer.ParameterKey", 9008,
                        "Attempt to set a non-writable parameter"),
                new SetParameterValuesFault("Device.Nope", 9005, "Invalid parameter name")),
                f.setParameterValuesFaults());
    }

    @Test
    void parsesMethodInDefaultNamespaceWithQualifiedChildrenAndKeepsValueWhitespace() throws Exception {
        SoapEnvelope env = SoapEnvelope.decode(Fixtures.load("spv-request-default-namespace.xml"));
        assertEquals(Namespaces.CWMP_1_4, env.cwmpNamespace());
        assertEquals("xyz", env.id());
        assertEquals(Boolean.TRUE, env.holdRequests());
        SetParameterValues spv = (SetParameterValues) Rpc.decode(env.body());
        assertEquals("pk-7", spv.parameterKey());
        assertEquals(List.of(
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "1", "boolean"),
                ParameterValueStruct.ofString("Device.DeviceInfo.ProvisioningCode", "  spaced  ")),
                spv.parameterList());
    }

    @Test
    void writesLiteralPrefixesUnqualifiedChildrenArrayTypesAndMustUnderstandId() throws Exception {
        Inform inform = new Inform(new DeviceId("M", "00D09E", "PC", "SN"),
                List.of(new EventStruct("1 BOOT", "")), 1, Instant.parse("2026-01-01T00:00:00Z"), 0,
                List.of(ParameterValueStruct.ofString("Device.A", "a"), ParameterValueStruct.ofString("Device.B", "b"),
                        new ParameterValueStruct("Device.C", "5", "unsignedInt")));
        String xml = new String(SoapEnvelope.of(Namespaces.CWMP_1_0, "42", inform.encode()).encode(),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\""), xml);
        assertTrue(xml.contains("xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\""), xml);
        assertTrue(xml.contains("xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\""), xml);
        assertTrue(xml.contains("xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""), xml);
        assertTrue(xml.contains("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""), xml);
        assertTrue(xml.contains("<soap-env:Envelope"), xml);
        assertTrue(xml.contains("<cwmp:ID soap-env:mustUnderstand=\"1\">42</cwmp:ID>"), xml);
        assertTrue(xml.contains("<cwmp:Inform>"), xml);
        assertTrue(xml.contains("<DeviceId>") && xml.contains("<Manufacturer>M</Manufacturer>"), xml);
        assertTrue(xml.contains("<Event soap-enc:arrayType=\"cwmp:EventStruct[1]\">"), xml);
        assertTrue(xml.contains("<ParameterList soap-enc:arrayType=\"cwmp:ParameterValueStruct[3]\">"), xml);
        assertTrue(xml.contains("<Value xsi:type=\"xsd:unsignedInt\">5</Value>"), xml);
        assertTrue(xml.contains("<CurrentTime>2026-01-01T00:00:00Z</CurrentTime>"), xml);
        assertFalse(xml.contains("<cwmp:DeviceId"), "children are unqualified");
    }

    @Test
    void writesFaultWithClientCodeCwmpFaultStringAndDetail() throws Exception {
        CwmpFault f = new CwmpFault(9003, "Invalid arguments",
                List.of(new SetParameterValuesFault("Device.X", 9007, "Invalid parameter value")));
        String xml = new String(SoapEnvelope.of(Namespaces.CWMP_1_0, "7", f.encode()).encode(),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<soap-env:Fault>"), xml);
        assertTrue(xml.contains("<faultcode>Client</faultcode>"), xml);
        assertTrue(xml.contains("<faultstring>CWMP fault</faultstring>"), xml);
        assertTrue(xml.matches("(?s).*<detail>\\s*<cwmp:Fault>\\s*<FaultCode>9003</FaultCode>.*"), xml);
        assertTrue(xml.contains("<SetParameterValuesFault>"), xml);
        assertEquals("Server", CwmpFault.of(FaultCode.METHOD_NOT_SUPPORTED).soapFaultCode());
        assertEquals("Client", CwmpFault.of(FaultCode.INVALID_PARAMETER_NAME).soapFaultCode());
    }

    @Test
    void writesHoldRequestsAndAnswersInTheGivenNamespace() throws Exception {
        SoapEnvelope env = new SoapEnvelope(Namespaces.CWMP_1_2, "9", true, null,
                XmlElement.cwmp("InformResponse", List.of(XmlElement.leaf("MaxEnvelopes", "1"))));
        String xml = new String(env.encode(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">1</cwmp:HoldRequests>"), xml);
        assertTrue(xml.contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\""), xml);
        assertEquals(env, SoapEnvelope.decode(env.encode()));
    }

    @Test
    void refusesXxeWithoutReadingTheFile() {
        CwmpException e = assertThrows(CwmpException.class,
                () -> SoapEnvelope.decode(Fixtures.load("xxe-attempt.xml")));
        assertEquals(CwmpException.Kind.MALFORMED_XML, e.kind());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "no file content may leak into the message");
    }

    @Test
    void refusesInternalEntityExpansion() {
        CwmpException e = assertThrows(CwmpException.class,
                () -> SoapEnvelope.decode(Fixtures.load("billion-laughs.xml")));
        assertEquals(CwmpException.Kind.MALFORMED_XML, e.kind());
    }

    @Test
    void rejectsMalformedAndNonSoapDocuments() {
        for (String bad : List.of("<not xml", "", "<a/>",
                "<e:Envelope xmlns:e='http://schemas.xmlsoap.org/soap/envelope/'/>",
                "<e:Envelope xmlns:e='http://schemas.xmlsoap.org/soap/envelope/'><e:Body><a/><b/></e:Body></e:Envelope>",
                "<e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body/></e:Envelope>")) {
            CwmpException e = assertThrows(CwmpException.class,
                    () -> SoapEnvelope.decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals(CwmpException.Kind.MALFORMED_XML, e.kind(), bad);
        }
    }

    @Property(tries = 300)
    void noExceptionButCwmpExceptionEscapesOnMutatedInput(@ForAll("mutations") byte[] input) {
        try {
            SoapEnvelope env = SoapEnvelope.decode(input);
            if (env.body() != null) {
                Rpc.decode(env.body());
            }
        } catch (CwmpException expected) {
            // the only allowed failure
        }
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] base = Fixtures.load("inform-genieacs-style.xml");
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, base.length)
                .map(n -> java.util.Arrays.copyOf(base, n));
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, base.length - 1)
                .flatMap(i -> Arbitraries.bytes().map(b -> {
                    byte[] c = base.clone();
                    c[i] = b;
                    return c;
                }));
        return Arbitraries.oneOf(truncated, flipped, Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }
}
