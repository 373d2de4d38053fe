package org.layeredtls.cwmp.acs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.FaultStruct;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetRPCMethods;
import org.layeredtls.cwmp.rpc.GetRPCMethodsResponse;
import org.layeredtls.cwmp.rpc.InformResponse;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.cwmp.rpc.TransferCompleteResponse;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Fixtures;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.SoapEnvelope;
import org.layeredtls.cwmp.soap.XmlElement;

class AcsSessionTest {
    final AcsEngine engine = new AcsEngine(new InMemoryDeviceStore(),
            new MutableClock(Instant.parse("2026-02-03T04:05:06Z")));
    final AcsSession session = engine.newSession(null);

    static SoapEnvelope env(byte[] b) throws CwmpException {
        return SoapEnvelope.decode(b);
    }

    static CwmpMessage msg(byte[] b) throws CwmpException {
        return Rpc.decode(env(b).body());
    }

    static byte[] cpe(String ns, XmlElement body) {
        return SoapEnvelope.of(ns, "c", body).encode();
    }

    @Test
    void answersInformInTheCpesNamespaceEchoingIdAndLearnsTheDevice() throws Exception {
        byte[] answer = session.onPost(Fixtures.load("inform-genieacs-style.xml"));
        SoapEnvelope e = env(answer);
        assertEquals(Namespaces.CWMP_1_2, e.cwmpNamespace());
        assertEquals("1234", e.id());
        assertEquals(new InformResponse(1), Rpc.decode(e.body()));
        assertTrue(new String(answer, StandardCharsets.UTF_8).contains("<cwmp:InformResponse>"));
        assertEquals("00D09E-IGD-SN-42", session.deviceId().orElseThrow());
        DeviceRecord r = engine.device("00D09E-IGD-SN-42").orElseThrow();
        assertEquals("InternetGatewayDevice.", r.root(), "the root is told by the Inform's parameter names");
        assertEquals("http://10.0.0.1:7547/", r.connectionRequestUrl().orElseThrow());
        assertEquals(Instant.parse("2026-02-03T04:05:06Z"), r.lastContact());
        assertNull(session.onPost(new byte[0]), "nothing queued: 204");
        assertTrue(session.isOver());
    }

    @Test
    void firstMessageThatIsNotAnInformGetsFault8003() throws Exception {
        CwmpFault f = assertInstanceOf(CwmpFault.class,
                msg(session.onPost(cpe(Namespaces.CWMP_1_0, new GetRPCMethods().encode()))));
        assertEquals(8003, f.faultCode());
        assertEquals("Client", f.soapFaultCode());
        assertTrue(session.isOver());
        AcsSession empty = engine.newSession(null);
        assertEquals(8003, ((CwmpFault) msg(empty.onPost(new byte[0]))).faultCode());
    }

    @Test
    void cpeRequestsGetRpcMethodsTransferCompleteAndUnknownMethods() throws Exception {
        session.onPost(Fixtures.load("inform-genieacs-style.xml"));
        assertEquals(List.of("Inform", "GetRPCMethods", "TransferComplete"), assertInstanceOf(
                GetRPCMethodsResponse.class, msg(session.onPost(cpe(Namespaces.CWMP_1_2,
                        new GetRPCMethods().encode())))).methodList());
        assertEquals(new TransferCompleteResponse(), msg(session.onPost(cpe(Namespaces.CWMP_1_2,
                new TransferComplete("fw-2", FaultStruct.NONE, Instant.EPOCH, Instant.EPOCH).encode()))));
        CwmpFault f = (CwmpFault) msg(session.onPost(cpe(Namespaces.CWMP_1_2,
                XmlElement.cwmp("RequestDownload", List.of(XmlElement.leaf("FileType", "x"))))));
        assertEquals(8000, f.faultCode());
        assertEquals(1, engine.results("00D09E-IGD-SN-42").size(), "an orphan TransferComplete is recorded");
    }

    @Test
    void sendsQueuedTaskAfterEmptyPostAndKeepsItWhenUnanswered() throws Exception {
        engine.enqueue("00D09E-IGD-SN-42", new GetParameterValues(List.of("InternetGatewayDevice.")));
        session.onPost(Fixtures.load("inform-genieacs-style.xml"));
        SoapEnvelope req = env(session.onPost(new byte[0]));
        assertEquals(Namespaces.CWMP_1_2, req.cwmpNamespace());
        assertEquals(new GetParameterValues(List.of("InternetGatewayDevice.")), Rpc.decode(req.body()));
        assertNull(session.onPost(new byte[0]), "an empty POST instead of an answer ends the session");
        assertEquals(1, engine.device("00D09E-IGD-SN-42").orElseThrow().pendingTasks().size());
    }

    @Test
    void malformedPostIsRefused() {
        CwmpException e = assertThrows(CwmpException.class, () -> session.onPost("<oops".getBytes()));
        assertEquals(CwmpException.Kind.MALFORMED_XML, e.kind());
        assertThrows(CwmpException.class, () -> session.onPost(new byte[0]), "the session is over");
    }
}
