package org.layeredtls.cwmp.cpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.AddObject;
import org.layeredtls.cwmp.rpc.AddObjectResponse;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.DeleteObject;
import org.layeredtls.cwmp.rpc.DeleteObjectResponse;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.DownloadResponse;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.GetParameterAttributes;
import org.layeredtls.cwmp.rpc.GetParameterAttributesResponse;
import org.layeredtls.cwmp.rpc.GetParameterNames;
import org.layeredtls.cwmp.rpc.GetParameterNamesResponse;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.GetRPCMethods;
import org.layeredtls.cwmp.rpc.GetRPCMethodsResponse;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.InformResponse;
import org.layeredtls.cwmp.rpc.ParameterAttributeStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Reboot;
import org.layeredtls.cwmp.rpc.RebootResponse;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.rpc.SetParameterAttributes;
import org.layeredtls.cwmp.rpc.SetParameterAttributesResponse;
import org.layeredtls.cwmp.rpc.SetParameterAttributesStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.cwmp.rpc.TransferCompleteResponse;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.SoapEnvelope;
import org.layeredtls.cwmp.soap.XmlElement;

class CpeSessionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
    final List<String> reboots = new ArrayList<>();
    final CpeActions actions = new CpeActions() {
        @Override
        public FetchResult download(String url, String username, String password, long expectedSize)
                throws IOException {
            return new FetchResult(new byte[] {7});
        }

        @Override
        public void reboot() {
            reboots.add("reboot");
        }
    };
    CpeAgent agent = new CpeAgent(DeviceModels.defaultDevice("LayeredTLS", "00D09E", "LTGW", "SN1"), null, CLOCK,
            actions);

    static byte[] acs(String ns, String id, XmlElement body) {
        return SoapEnvelope.of(ns, id, body).encode();
    }

    static byte[] informResponse() {
        return acs(Namespaces.CWMP_1_0, "cpe-1", new InformResponse(1).encode());
    }

    /** Opens a session up to the empty POST. */
    CpeSession open() throws CwmpException {
        CpeSession s = agent.openSession();
        s.firstRequest();
        assertArrayEquals(new byte[0], s.onResponse(200, informResponse()), "empty POST after InformResponse");
        return s;
    }

    CwmpMessage ask(CpeSession s, CwmpRequest request) throws CwmpException {
        SoapEnvelope env = SoapEnvelope.decode(s.onResponse(200, acs(Namespaces.CWMP_1_0, "acs-1",
                request.encode())));
        assertEquals("acs-1", env.id(), "the responder echoes cwmp:ID");
        return Rpc.decode(env.body());
    }

    @Test
    void informCarriesBootstrapBootDeviceIdAndForcedParameters() throws Exception {
        CpeSession s = agent.openSession();
        SoapEnvelope env = SoapEnvelope.decode(s.firstRequest());
        assertEquals(Namespaces.CWMP_1_0, env.cwmpNamespace());
        Inform inform = (Inform) Rpc.decode(env.body());
        assertEquals("00D09E-LTGW-SN1", inform.deviceId().identity());
        assertEquals(List.of(new EventStruct("1 BOOT", ""), new EventStruct("0 BOOTSTRAP", "")), inform.events());
        assertEquals(1, inform.maxEnvelopes());
        assertEquals(CLOCK.instant(), inform.currentTime());
        assertEquals(0, inform.retryCount());
        assertEquals(7, inform.parameterList().size());
    }

    @Test
    void answersEveryRpcFromTheModel() throws Exception {
        CpeSession s = open();
        assertEquals(10, assertInstanceOf(GetRPCMethodsResponse.class, ask(s, new GetRPCMethods()))
                .methodList().size());
        assertEquals(11, assertInstanceOf(GetParameterNamesResponse.class,
                ask(s, new GetParameterNames("Device.ManagementServer.", false))).parameterList().size());
        assertEquals(List.of(ParameterValueStruct.ofString("Device.DeviceInfo.SerialNumber", "SN1")),
                assertInstanceOf(GetParameterValuesResponse.class,
                        ask(s, new GetParameterValues(List.of("Device.DeviceInfo.SerialNumber")))).parameterList());
        assertEquals(new SetParameterValuesResponse(0), ask(s, new SetParameterValues(List.of(
                ParameterValueStruct.ofString("Device.DeviceInfo.ProvisioningCode", "PC1")), "k1")));
        assertEquals(new SetParameterAttributesResponse(), ask(s, new SetParameterAttributes(List.of(
                new SetParameterAttributesStruct("Device.DeviceInfo.ProvisioningCode", true, 2, false, List.of())))));
        assertEquals(List.of(new ParameterAttributeStruct("Device.DeviceInfo.ProvisioningCode", 2, List.of())),
                assertInstanceOf(GetParameterAttributesResponse.class, ask(s, new GetParameterAttributes(
                        List.of("Device.DeviceInfo.ProvisioningCode")))).parameterList());
        assertEquals(new AddObjectResponse(1, 0), ask(s, new AddObject("Device.NAT.PortMapping.", "k2")));
        assertEquals(new DeleteObjectResponse(0), ask(s, new DeleteObject("Device.NAT.PortMapping.1.", "k3")));
        DownloadResponse d = assertInstanceOf(DownloadResponse.class, ask(s, new Download("dk",
                "3 Vendor Configuration File", "http://files/x.cfg", "", "", 0, "", 0, "", "")));
        assertEquals(1, d.status());
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), d.startTime());
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), d.completeTime());
        assertEquals(new RebootResponse(), ask(s, new Reboot("rk")));
        assertTrue(reboots.isEmpty(), "no reboot before the session ends");
        assertNull(s.onResponse(204, new byte[0]));
        assertTrue(s.isOver());
        assertEquals(List.of("reboot"), reboots);
        assertEquals("PC1", agent.model().valueOf("DeviceInfo.ProvisioningCode"));
        assertEquals("k3", agent.model().parameterKey());
        List<String> codes = agent.pendingEvents().stream().map(EventStruct::eventCode).toList();
        assertEquals(List.of("7 TRANSFER COMPLETE", "M Download", "M Reboot", "1 BOOT"), codes);
        assertTrue(s.log().size() >= 20, s.log().toString());
    }

    @Test
    void faultCodesOfTheCpe() throws Exception {
        CpeSession s = open();
        assertEquals(9005, ((CwmpFault) ask(s, new GetParameterValues(List.of("Device.Nope")))).faultCode());
        assertEquals(9005, ((CwmpFault) ask(s, new GetParameterNames("Device.Nope.", false))).faultCode());
        assertEquals(9003, ((CwmpFault) ask(s, new GetParameterNames("Device.RootDataModelVersion", true)))
                .faultCode());
        CwmpFault spv = (CwmpFault) ask(s, new SetParameterValues(List.of(
                ParameterValueStruct.ofString("Device.X", "1"),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "1", "unsignedInt"),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "x", "unsignedInt"),
                ParameterValueStruct.ofString("Device.ManagementServer.ParameterKey", "evil")), "k"));
        assertEquals(9003, spv.faultCode());
        assertEquals(List.of(9005, 9006, 9007, 9008),
                spv.setParameterValuesFaults().stream().map(f -> f.faultCode()).toList());
        assertEquals("", agent.model().parameterKey());
        assertEquals(9009, ((CwmpFault) ask(s, new SetParameterAttributes(List.of(
                new SetParameterAttributesStruct("Device.DeviceInfo.UpTime", true, 2, false, List.of())))))
                .faultCode());
        assertEquals(9005, ((CwmpFault) ask(s, new AddObject("Device.Nope.", ""))).faultCode());
        assertEquals(9005, ((CwmpFault) ask(s, new DeleteObject("Device.NAT.PortMapping.9.", ""))).faultCode());
        assertEquals(9013, ((CwmpFault) ask(s, new Download("k", "1 Firmware Upgrade Image", "ftp://x/f", "", "",
                0, "", 0, "", ""))).faultCode());
        // A method the CPE does not implement, and a request with a missing argument.
        byte[] unknown = acs(Namespaces.CWMP_1_0, "u1", XmlElement.cwmp("FactoryReset", List.of()));
        CwmpFault f9000 = (CwmpFault) Rpc.decode(SoapEnvelope.decode(s.onResponse(200, unknown)).body());
        assertEquals(FaultCode.METHOD_NOT_SUPPORTED.code(), f9000.faultCode());
        assertEquals("Server", f9000.soapFaultCode());
        byte[] bad = acs(Namespaces.CWMP_1_0, "u2", XmlElement.cwmp("GetParameterNames",
                List.of(XmlElement.leaf("ParameterPath", "Device."))));
        assertEquals(9003, ((CwmpFault) Rpc.decode(SoapEnvelope.decode(s.onResponse(200, bad)).body())).faultCode());
        assertNull(s.onResponse(200, new byte[0]), "200 with an empty body after our empty POST ends the session");
    }

    @Test
    void answersInTheRequestsNamespaceAndEchoesItsId() throws Exception {
        CpeSession s = open();
        byte[] out = s.onResponse(200, acs(Namespaces.CWMP_1_4, "x-77", new GetRPCMethods().encode()));
        String xml = new String(out, StandardCharsets.UTF_8);
        assertTrue(xml.contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-4\""), xml);
        assertTrue(xml.contains("<cwmp:ID soap-env:mustUnderstand=\"1\">x-77</cwmp:ID>"), xml);
    }

    @Test
    void acsRetryFaultFailsTheSessionAndKeepsEventsWithGrowingRetryCount() throws Exception {
        CpeSession s = agent.openSession();
        s.firstRequest();
        byte[] retry = acs(Namespaces.CWMP_1_0, "cpe-1", CwmpFault.of(FaultCode.ACS_RETRY_REQUEST).encode());
        CwmpException e = assertThrows(CwmpException.class, () -> s.onResponse(500, retry));
        assertEquals(CwmpException.Kind.SESSION_FAILED, e.kind());
        assertTrue(s.isOver());
        assertTrue(agent.hasPendingEvents());
        CpeSession again = agent.openSession();
        assertEquals(1, again.inform().retryCount());
        assertEquals(2, again.inform().events().size());
        again.firstRequest();
        again.onResponse(200, informResponse());
        assertFalse(agent.hasPendingEvents(), "delivered on InformResponse");
        assertEquals(0, agent.openSession().inform().retryCount(), "RetryCount resets after a delivered Inform");
    }

    @Test
    void endOfSessionBeforeInformResponseIsAFailure() throws Exception {
        CpeSession s = agent.openSession();
        s.firstRequest();
        assertThrows(CwmpException.class, () -> s.onResponse(204, new byte[0]));
        assertTrue(agent.hasPendingEvents());
        CpeSession t = agent.openSession();
        t.firstRequest();
        assertThrows(CwmpException.class, () -> t.onResponse(200,
                acs(Namespaces.CWMP_1_0, "1", new GetRPCMethods().encode())));
    }

    @Test
    void holdRequestsDefersTransferCompleteToALaterSession() throws Exception {
        CpeSession s = open();
        ask(s, new Download("dk", "1 Firmware Upgrade Image", "http://f/x", "", "", 1, "", 0, "", ""));
        assertNull(s.onResponse(204, null));
        CpeSession held = agent.openSession();
        held.firstRequest();
        byte[] hold = new SoapEnvelope(Namespaces.CWMP_1_0, "cpe-1", true, null, new InformResponse(1).encode())
                .encode();
        assertArrayEquals(new byte[0], held.onResponse(200, hold), "HoldRequests: no TransferComplete");
        assertNull(held.onResponse(204, null));
        assertTrue(agent.hasPendingEvents(), "TRANSFER COMPLETE stays until TransferCompleteResponse");

        CpeSession next = agent.openSession();
        next.firstRequest();
        TransferComplete tc = (TransferComplete) Rpc.decode(SoapEnvelope.decode(
                next.onResponse(200, informResponse())).body());
        assertEquals("dk", tc.commandKey());
        assertEquals(0, tc.faultStruct().faultCode());
        assertEquals(CLOCK.instant(), tc.startTime());
        assertArrayEquals(new byte[0], next.onResponse(200,
                acs(Namespaces.CWMP_1_0, "cpe-2", new TransferCompleteResponse().encode())));
        assertNull(next.onResponse(204, null));
        assertFalse(agent.hasPendingEvents());
    }

    @Test
    void activeNotificationQueuesValueChange() throws Exception {
        open().onResponse(204, null);
        assertFalse(agent.hasPendingEvents());
        agent.model().setLocal("Device.ManagementServer.ConnectionRequestURL", "http://192.0.2.1:7547/");
        assertEquals(List.of(new EventStruct("4 VALUE CHANGE", "")), agent.pendingEvents());
        agent.addEvent("4 VALUE CHANGE", "");
        agent.addEvent("6 CONNECTION REQUEST", "");
        agent.addEvent("6 CONNECTION REQUEST", "");
        assertEquals(2, agent.pendingEvents().size(), "single events are not duplicated");
    }

    @Test
    void retryDelayFollowsTr069Table() {
        assertEquals(Duration.ZERO, agent.retryDelay(0));
        for (int i = 0; i < 50; i++) {
            Duration d1 = agent.retryDelay(1);
            assertTrue(d1.compareTo(Duration.ofSeconds(5)) >= 0 && d1.compareTo(Duration.ofSeconds(10)) <= 0, d1::toString);
            Duration d3 = agent.retryDelay(3);
            assertTrue(d3.compareTo(Duration.ofSeconds(20)) >= 0 && d3.compareTo(Duration.ofSeconds(40)) <= 0, d3::toString);
            Duration d20 = agent.retryDelay(20);
            assertTrue(d20.compareTo(Duration.ofSeconds(2560)) >= 0 && d20.compareTo(Duration.ofSeconds(5120)) <= 0);
        }
        assertEquals(Duration.ofSeconds(5120), RetryPolicy.DEFAULT.maximumWait(10));
        assertEquals(Duration.ofSeconds(2560), RetryPolicy.DEFAULT.minimumWait(11));
    }

    @Test
    void stateSurvivesRestartAndBootstrapIsSentOnlyOnce(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("cpe.state");
        CpeAgent first = new CpeAgent(DeviceModels.defaultDevice("L", "00D09E", "LTGW", "SN1"), state, CLOCK, actions);
        CpeSession s = first.openSession();
        s.firstRequest();
        s.onResponse(200, informResponse());
        s.onResponse(200, acs(Namespaces.CWMP_1_0, "a", new SetParameterValues(List.of(
                ParameterValueStruct.ofString("Device.ManagementServer.PeriodicInformInterval", "77")), "pk").encode()));
        s.onResponse(204, null);
        first.addEvent("2 PERIODIC", "");

        CpeAgent restarted = new CpeAgent(DeviceModels.defaultDevice("L", "00D09E", "LTGW", "SN1"), state, CLOCK,
                actions);
        assertEquals("77", restarted.model().valueOf("ManagementServer.PeriodicInformInterval"));
        assertEquals("pk", restarted.model().parameterKey());
        assertEquals(List.of("2 PERIODIC", "1 BOOT"), restarted.pendingEvents().stream()
                .map(EventStruct::eventCode).toList(), "no second BOOTSTRAP, undelivered events kept");
        assertEquals(List.of("2 PERIODIC", "1 BOOT"), restarted.openSession().inform().events().stream()
                .map(EventStruct::eventCode).toList());
        restarted.model().setLocal("Device.ManagementServer.URL", "https://other-acs/");
        assertTrue(restarted.openSession().inform().events().contains(new EventStruct("0 BOOTSTRAP", "")),
                "a new ACS URL means BOOTSTRAP again");
    }
}
