package org.layeredtls.cwmp.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.ConnectionRequestCredentials;
import org.layeredtls.cwmp.acs.FileDeviceStore;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.http.AcsServer;
import org.layeredtls.cwmp.http.ConnectionRequester;
import org.layeredtls.cwmp.http.CpeClient;
import org.layeredtls.cwmp.http.CpeDevice;
import org.layeredtls.cwmp.http.HttpCpeActions;
import org.layeredtls.cwmp.http.HttpFetcher;
import org.layeredtls.cwmp.http.TestPki;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.handshake.api.ClientAuth;

/**
 * The admin API on a running ACS, in one JVM with a real CPE over loopback TLS: the token, the resources, and a
 * set queued through the API that wakes the idle CPE with a Connection Request.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminApiTest {

    private static final String DEVICE = TestPki.DEVICE;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path dir;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AdminToken token = AdminToken.generate(DeterministicRandomSource.fromLabel("admin token"));
    private AcsEngine engine;
    private AcsServer acs;
    private AdminServer admin;
    private CpeDevice cpe;

    @BeforeEach
    void start() throws IOException {
        engine = new AcsEngine(new FileDeviceStore(dir.resolve("acs")), Clock.systemUTC(),
                new ConnectionRequestCredentials(DeterministicRandomSource.fromLabel("cr credentials")));
        acs = AcsServer.start(engine, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, null, null,
                log::add);
        ConnectionRequestSender wakeUp = new ConnectionRequestSender(engine,
                new ConnectionRequester(DeterministicRandomSource.fromLabel("acs cr"), 10_000), log::add);
        admin = AdminServer.start(new AdminApi(engine, wakeUp), token, InetAddress.getLoopbackAddress(), 0, null);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (cpe != null) {
                cpe.close();
            }
        } finally {
            try {
                if (admin != null) {
                    admin.close();
                }
            } finally {
                acs.close();
            }
        }
    }

    private void startCpe() throws IOException {
        var tls = TestPki.cpeTls(TestPki.CPE);
        CpeAgent agent = new CpeAgent(DeviceModels.defaultDevice("LayeredTLS", "00D09E", "IGD", "SN0001"),
                dir.resolve("cpe.state"), Clock.systemUTC(), new HttpCpeActions(
                new HttpFetcher(tls, DeterministicRandomSource.fromLabel("fetch"), 1 << 20), () -> { }, null));
        cpe = CpeDevice.start(agent, new CpeClient(acs.url("localhost"), tls, null, null,
                        DeterministicRandomSource.fromLabel("cpe")), InetAddress.getLoopbackAddress(), 0,
                DeterministicRandomSource.fromLabel("cr"), Clock.systemUTC(), null, Duration.ofMillis(50), 2);
    }

    private AdminClient client() {
        return new AdminClient(admin.url(), token, Duration.ofSeconds(60));
    }

    private static ObjectNode set(String name, String value) {
        ObjectNode task = JSON.objectNode().put("method", "SetParameterValues");
        task.putObject("parameters").put(name, value);
        return task;
    }

    /** The response head of a raw request without a token. */
    private String headWithout(String authorization) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), admin.getPort())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("GET /devices HTTP/1.1\r\nHost: localhost\r\n" + authorization
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyRequestNeedsTheBearerTokenAndTheApiListensOnLoopbackOnly() throws Exception {
        String none = headWithout("");
        assertTrue(none.startsWith("HTTP/1.1 401"), none);
        assertTrue(none.contains("WWW-Authenticate: Bearer realm=\"LayeredTLS ACS admin\""), none);
        String wrong = headWithout("Authorization: Bearer " + "0".repeat(64) + "\r\n");
        assertTrue(wrong.startsWith("HTTP/1.1 401") && wrong.contains("error=\"invalid_token\""), wrong);
        try (AdminClient client = new AdminClient(admin.url(), AdminToken.of("not-the-token"), Duration.ofSeconds(30))) {
            assertEquals(401, client.get("/devices").status());
        }
        try (AdminClient client = client()) {
            assertEquals(200, client.get("/devices").status());
        }
        assertEquals(URI.create("http://127.0.0.1:" + admin.getPort()), admin.url());
    }

    @Test
    void aSetQueuedThroughTheApiWakesTheIdleCpeWhichAppliesItAndAGetShowsTheNewValue() throws Exception {
        startCpe();
        assertTrue(cpe.runSessions(Duration.ofSeconds(60)), "first session: " + cpe.sessionLogs()); // then idle
        String interval = "Device.ManagementServer.PeriodicInformInterval";
        try (AdminClient client = client()) {
            AdminClient.Answer set = client.post(AdminClient.devicePath(DEVICE) + "/tasks?wait=60", set(interval, "120"));
            assertEquals(200, set.status(), set.body().toString());
            assertTrue(set.body().path("connectionRequest").path("accepted").asBoolean(), set.body().toString());
            assertEquals(0, set.body().path("result").path("response").path("status").asInt(), set.body().toString());
            assertEquals("120", cpe.agent().model().valueOf("ManagementServer.PeriodicInformInterval"));

            ObjectNode get = JSON.objectNode().put("method", "GetParameterValues");
            get.putArray("parameterNames").add(interval);
            AdminClient.Answer read = client.post(AdminClient.devicePath(DEVICE) + "/tasks?wait=60", get);
            JsonNode value = read.body().path("result").path("response").path("parameters").get(0);
            assertEquals(interval, value.path("name").asText());
            assertEquals("120", value.path("value").asText());
            assertEquals("unsignedInt", value.path("type").asText());

            AdminClient.Answer refused = client.post(AdminClient.devicePath(DEVICE) + "/tasks?wait=60",
                    set("Device.DeviceInfo.SerialNumber", "X"));
            JsonNode fault = refused.body().path("result");
            assertTrue(fault.path("fault").asBoolean(), refused.body().toString());
            assertEquals(9003, fault.path("response").path("faultCode").asInt());
            assertEquals(9008, fault.path("response").path("parameterFaults").get(0).path("faultCode").asInt(),
                    "not writable, per parameter");

            JsonNode devices = client.get("/devices").body().path("devices");
            assertEquals(1, devices.size());
            assertEquals(DEVICE, devices.get(0).path("id").asText());
            assertTrue(devices.get(0).path("lastEvents").toString().contains("6 CONNECTION REQUEST"), devices.toString());

            AdminClient.Answer device = client.get(AdminClient.devicePath(DEVICE));
            String password = engine.device(DEVICE).orElseThrow().connectionRequestPassword().orElseThrow();
            assertEquals(TaskJson.MASK, device.body().path("parameters")
                    .path("Device.ManagementServer.ConnectionRequestPassword").path("value").asText());
            assertFalse(device.body().toString().contains(password), "the password never leaves the ACS");
            assertEquals(4, device.body().path("tasks").path("results").size(), "credentials, set, get, refused set");
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Connection Request to " + DEVICE) && l.endsWith("HTTP 200")),
                log.toString());
    }

    @Test
    void aTaskForADeviceWithNoConnectionRequestUrlIsQueuedAndAnswered202() throws Exception {
        try (AdminClient client = client()) {
            AdminClient.Answer queued = client.post(AdminClient.devicePath("00D09E-IGD-NEVERSEEN") + "/tasks",
                    set("Device.ManagementServer.PeriodicInformInterval", "60"));
            assertEquals(202, queued.status(), queued.body().toString());
            assertFalse(queued.body().path("connectionRequest").path("accepted").asBoolean());
            assertTrue(queued.body().path("result").isNull());
            String taskId = queued.body().path("taskId").asText();
            AdminClient.Answer tasks = client.get(AdminClient.devicePath("00D09E-IGD-NEVERSEEN") + "/tasks");
            assertEquals(taskId, tasks.body().path("pending").get(0).path("id").asText());
            AdminClient.Answer one = client.get(AdminClient.devicePath("00D09E-IGD-NEVERSEEN") + "/tasks/" + taskId + "?wait=0");
            assertEquals(202, one.status(), one.body().toString());
            assertTrue(one.body().path("result").isNull());
            assertEquals(404, client.get(AdminClient.devicePath("00D09E-IGD-NEVERSEEN") + "/tasks/no-such-task").status());
        }
    }

    @Test
    void badTasksAre400UnknownDevices404AndWrongMethods405() throws Exception {
        try (AdminClient client = client()) {
            assertEquals(400, client.post(AdminClient.devicePath(DEVICE) + "/tasks",
                    JSON.objectNode().put("method", "Frobnicate")).status());
            assertEquals(400, client.post(AdminClient.devicePath(DEVICE) + "/tasks",
                    JSON.objectNode().put("method", "GetParameterValues")).status());
            assertEquals(400, client.post(AdminClient.devicePath(DEVICE) + "/tasks?wait=abc",
                    set("Device.X", "1")).status());
            assertEquals(404, client.get(AdminClient.devicePath("nobody")).status());
            assertEquals(404, client.get("/elsewhere").status());
            assertEquals(405, client.post("/devices", JSON.objectNode()).status());
        }
    }
}
