package org.layeredtls.cwmp.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.DeviceRecord;
import org.layeredtls.cwmp.acs.FileDeviceStore;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.http.AcsServer;
import org.layeredtls.cwmp.http.ConnectionRequester;
import org.layeredtls.cwmp.http.CpeClient;
import org.layeredtls.cwmp.http.CpeDevice;
import org.layeredtls.cwmp.http.HttpCpeActions;
import org.layeredtls.cwmp.http.HttpFetcher;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.MessageSummary;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.illustrate.IllustratedSession;
import org.layeredtls.handshake.illustrate.SessionPage;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/**
 * The papers' experiment, end to end on one machine: a CA, an ACS and a CPE that authenticate
 * each other with certificates over TLS; a CWMP session with GetParameterValues,
 * SetParameterValues and Download (then TransferComplete); a Connection Request that starts
 * another session; and a CPE with a certificate from another CA, refused with an alert. The CPE's
 * connection is printed record by record as a capture viewer would show it. Over TLS 1.3 the same steps run;
 * the capture shows what changed, and the refusal says when the CPE learnt of it (after its own Finished).
 */
public final class PapersDemo {

    static final String OUI = "00D09E";
    static final String PRODUCT_CLASS = "IGD";
    static final String SERIAL = "LTLS0001";
    static final String DEVICE = OUI + "-" + PRODUCT_CLASS + "-" + SERIAL;
    private static final byte[] FIRMWARE = "LayeredTLS demo firmware image 1.1\n".repeat(300).getBytes();
    private static final Duration STEP = Duration.ofSeconds(60);

    private final DemoOptions options;
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    /** The CPE's connections for the illustrated page, or null when no page is asked for. */
    private final IllustratedSession illustrated;

    public PapersDemo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.illustrated = options.html() == null ? null : new IllustratedSession(true);
    }

    /** Runs every step in a fresh temporary directory; the exit status is 0 when every step passed. */
    public int run() throws IOException {
        Path dir = Files.createTempDirectory("layeredtls-demo-");
        return run(dir);
    }

    /** Runs every step with its files in {@code dir}; 0 when every step passed, 1 otherwise. */
    public int run(Path dir) throws IOException {
        out.println("LayeredTLS demo: TR-069 (CWMP) between an ACS and a CPE that authenticate each other over "
                + options.version().displayName());
        out.println("work directory: " + dir);
        if (options.keyLog() != null) {
            out.println("NSS key log: " + options.keyLog() + " (Wireshark: Preferences > Protocols > TLS > (Pre)-Master-Secret log)");
        }

        heading("1. PKI, made with the project's certificate tool (PEM files in the work directory)");
        DemoPki pki = DemoPki.create(dir.resolve("pki"), DEVICE);
        out.println("   CA   " + pki.ca().certificate().certificate().subject() + "  -> ca.pem, ca.key");
        out.println("   ACS  " + HandshakeDescriber.certificate(pki.acsRsa().certificate().encoded()) + "  -> acs.pem, acs.key");
        out.println("   CPE  " + HandshakeDescriber.certificate(pki.cpe().certificate().encoded()) + "  -> cpe.pem, cpe.key");
        out.println("        (the CPE's CN is its device identity OUI-ProductClass-SerialNumber)");

        AcsEngine engine = new AcsEngine(new FileDeviceStore(dir.resolve("acs-store")), Clock.systemUTC());
        TlsConfig.Builder acsTls = options.apply(TlsConfig.builder())
                .certificate(List.of(pki.acsRsa().certificate()), pki.acsRsa().keyPair().privateKey())
                .trustAnchors(List.of(pki.ca().certificate().certificate())).clientAuth(ClientAuth.NEED)
                .ticketProtector(TicketProtector.withDefaults()); // RFC 5077: the NewSessionTicket of the capture
        if (options.needsEcdsaServerKey()) {
            acsTls.certificate(List.of(pki.acsEc().certificate()), pki.acsEc().keyPair().privateKey());
        }
        try (AcsServer acs = AcsServer.start(engine, acsTls.build(), InetAddress.getLoopbackAddress(), 0, "/acs", null, null)) {
            URI acsUrl = acs.url("localhost");
            String firmwareUrl = acsUrl.resolve("/firmware/cpe-1.1.bin").toString();
            acs.addFile("/firmware/cpe-1.1.bin", FIRMWARE);
            heading("2. ACS on " + acsUrl + " (client certificate required), firmware on " + firmwareUrl);
            String root = DataModel.DEVICE;
            engine.enqueue(DEVICE, new GetParameterValues(List.of(root + "DeviceInfo.", root + "ManagementServer.URL")));
            engine.enqueue(DEVICE, new SetParameterValues(List.of(
                    ParameterValueStruct.ofString(root + "ManagementServer.PeriodicInformInterval", "300"),
                    ParameterValueStruct.ofString(root + "ManagementServer.ConnectionRequestUsername", "acs-cr"),
                    ParameterValueStruct.ofString(root + "ManagementServer.ConnectionRequestPassword", "cr-" + Long.toHexString(System.nanoTime()))),
                    "demo-1"));
            engine.enqueue(DEVICE, new Download("fw-1.1", "1 Firmware Upgrade Image", firmwareUrl, "", "", FIRMWARE.length,
                    "cpe-1.1.bin", 0, "", ""));
            out.println("   queued for " + DEVICE + ": GetParameterValues, SetParameterValues, Download");

            CaptureTrace trace = new CaptureTrace(out, options.detail(), "CPE", "ACS");
            trace.keyLogFile(options.keyLog());
            try (CpeDevice cpe = startCpe(dir, pki.cpe(), pki, acsUrl, trace)) {
                heading("3. CPE " + DEVICE + ", Connection Request URL " + cpe.connectionRequestUrl());
                heading("4. Session 1: Inform, GetParameterValues, SetParameterValues, Download - the capture, from the CPE's side");
                check(cpe.runOneSession(STEP), "session 1 ran to its end", cpe);
                printCwmpLog(cpe, 0);
                List<TaskResult> results = engine.results(DEVICE);
                check(results.size() == 3 && results.stream().noneMatch(TaskResult::isFault),
                        "the ACS got 3 answers without fault: " + summaries(results), cpe);
                out.println("   TLS: " + cpe.client().lastSessionInfo());

                heading("5. Session 2: the CPE fetched the firmware over HTTPS, then reports TransferComplete; " + resumptionHeading());
                int logStart = cpe.sessionLogs().size();
                check(cpe.runOneSession(STEP), "session 2 ran to its end", cpe);
                printCwmpLog(cpe, logStart);
                out.println("   TLS: " + cpe.client().lastSessionInfo());
                check(cpe.client().lastSessionInfo().resumed(), "session 2 resumed the TLS session", cpe);
                acs.events().stream().filter(e -> e.startsWith("TLS resumed")).reduce((a, b) -> b)
                        .ifPresent(e -> out.println("   ACS log: " + e));
                List<TaskResult> after = engine.results(DEVICE);
                check(!after.isEmpty() && after.get(after.size() - 1).response() instanceof TransferComplete tc
                        && tc.faultStruct().faultCode() == 0, "TransferComplete without fault", cpe);

                heading("6. Connection Request: the ACS asks the CPE to call (HTTP GET + Digest, plain HTTP)");
                quietUnlessVerbose(trace);
                DeviceRecord record = engine.device(DEVICE).orElseThrow();
                URI crUrl = URI.create(record.connectionRequestUrl().orElseThrow());
                ConnectionRequester requester = new ConnectionRequester(new SecureRandomSource(), 10_000);
                int wrong = requester.send(crUrl, record.connectionRequestUsername().orElse(""), "not-the-password");
                out.println("   GET " + crUrl + " with a wrong password -> HTTP " + wrong);
                check(wrong == 401, "a wrong Digest password gets 401", cpe);
                logStart = cpe.sessionLogs().size();
                int status = requester.send(crUrl, record.connectionRequestUsername().orElse(""),
                        record.connectionRequestPassword().orElse(""));
                out.println("   GET " + crUrl + " with the ConnectionRequestUsername/Password -> HTTP " + status);
                check(status == 200, "the Connection Request is accepted", cpe);
                cpe.awaitIdle(STEP);
                printCwmpLog(cpe, logStart);
                check(cpe.sessionLogs().subList(logStart, cpe.sessionLogs().size()).stream()
                        .anyMatch(l -> l.contains("Inform") && l.contains("6 CONNECTION REQUEST")),
                        "a session with 6 CONNECTION REQUEST followed", cpe);
            }

            heading("7. Refusal: a CPE whose certificate comes from another CA (same CN " + DEVICE + ")");
            refusal(dir, pki, acsUrl, acs);
        }
        if (illustrated != null) {
            SessionPage.write(illustrated, "The illustrated session: the demo's CPE (client) and ACS (server), "
                    + options.version().displayName(), options.html());
            out.println("   illustrated session (every connection of the CPE, one page): " + options.html());
        }
        heading(failures.isEmpty() ? "All steps passed." : failures.size() + " step(s) failed: " + failures);
        return failures.isEmpty() ? 0 : 1;
    }

    private String resumptionHeading() {
        return options.version().equals(ProtocolVersion.TLS1_3)
                ? "TLS 1.3 resumes with the PSK of session 1's NewSessionTicket (psk_dhe_ke: no Certificate, no CertificateVerify,"
                        + " a fresh key_share all the same)"
                : "TLS resumes the session of session 1 (abbreviated handshake: no Certificate, no key exchange)";
    }

    private CpeDevice startCpe(Path dir, IssuedCertificate certificate, DemoPki pki, URI acsUrl, CaptureTrace trace)
            throws IOException {
        TlsConfig tls = options.apply(TlsConfig.builder())
                .certificate(List.of(certificate.certificate()), certificate.keyPair().privateKey())
                .trustAnchors(List.of(pki.ca().certificate().certificate()))
                .observer(illustrated == null ? trace : TlsObservers.of(trace, illustrated)).build();
        TlsConfig fetchTls = tls.toBuilder().observer(null).build(); // the firmware fetch is not traced
        HttpFetcher fetcher = new HttpFetcher(fetchTls, new SecureRandomSource(), 64L << 20);
        DataModel model = DeviceModels.defaultDevice("LayeredTLS", OUI, PRODUCT_CLASS, SERIAL);
        CpeAgent agent = new CpeAgent(model, dir.resolve("cpe.state"), Clock.systemUTC(),
                new HttpCpeActions(fetcher, null, line -> out.println("   " + line)));
        CpeClient client = new CpeClient(acsUrl, tls, null, null, new SecureRandomSource());
        return CpeDevice.start(agent, client, InetAddress.getLoopbackAddress(), 0, new SecureRandomSource(),
                Clock.systemUTC(), line -> out.println("   " + line), Duration.ofSeconds(1), 1);
    }

    private void refusal(Path dir, DemoPki pki, URI acsUrl, AcsServer acs) throws IOException {
        int sessionsBefore = acs.sessionsStarted();
        CaptureTrace trace = new CaptureTrace(out, options.detail() == CaptureTrace.Detail.VERBOSE
                ? CaptureTrace.Detail.VERBOSE : CaptureTrace.Detail.NORMAL, "CPE", "ACS");
        try (CpeDevice intruder = startCpe(dir.resolve("intruder"), pki.intruder(), pki, acsUrl, trace)) {
            boolean ran = intruder.runOneSession(STEP);
            check(!ran, "the intruder's session failed", intruder);
            Exception failure = intruder.lastFailure();
            if (failure instanceof TlsAlertReceivedException alert) {
                out.println();
                out.println("   REFUSED: the ACS sent the fatal alert " + alert.alert().description().rfcName()
                        + " (" + alert.alert().description().code() + "); the CPE received it and closed the connection.");
                check(alert.alert().description().equals(AlertDescription.UNKNOWN_CA), "the alert is unknown_ca", intruder);
                whenTheCpeLearnt(trace.timeline(), intruder);
            } else {
                check(false, "the CPE received a TLS alert (got " + failure + ")", intruder);
            }
        }
        acs.events().stream().filter(e -> e.startsWith("refused")).reduce((a, b) -> b)
                .ifPresent(e -> out.println("   ACS log: " + e));
        check(acs.sessionsStarted() == sessionsBefore, "no CWMP session at the ACS for the intruder", null);
    }

    /**
     * When the refused CPE learnt of the refusal. TLS 1.2 (RFC 5246 §7.3): the server checks the client's Certificate
     * before it sends its own ChangeCipherSpec and Finished, so the alert comes in their place, in the clear.
     * TLS 1.3 (RFC 8446 §2, §4.4.4): the client's Certificate, CertificateVerify and Finished are the last flight,
     * after the server's Finished; the client's handshake is over once it has sent them, so the alert comes later,
     * encrypted, when the client reads next.
     */
    private void whenTheCpeLearnt(CaptureTrace.Timeline timeline, CpeDevice intruder) {
        if (!options.version().equals(ProtocolVersion.TLS1_3)) {
            out.println("   TLS 1.2: the alert came in the clear, in place of the ACS's ChangeCipherSpec and Finished:"
                    + " the CPE's handshake never ended.");
            return;
        }
        out.println("   TLS 1.3: the alert came encrypted (record #" + timeline.fatalAlertReceived()
                + ": application_data outside, the type alert inside), and the CPE learnt of it only after its own Finished"
                + " (record #" + timeline.ownFinished() + ").");
        out.println("   Its Certificate, CertificateVerify and Finished are the handshake's last flight, after the ACS's Finished;"
                + " its handshake was over once it had sent them (RFC 8446 §2, §4.4.4). The ACS checked the certificate"
                + " after that and answered with the alert.");
        if (timeline.applicationDataSent() > 0) {
            out.println("   The CPE had already sent its first HTTP request (record #" + timeline.applicationDataSent()
                    + "), which the ACS never read.");
        }
        check(timeline.ownFinished() > 0 && timeline.fatalAlertReceived() > timeline.ownFinished(),
                "the CPE learnt of the refusal after its own Finished (record #" + timeline.ownFinished()
                        + " before record #" + timeline.fatalAlertReceived() + ")", intruder);
    }

    private void quietUnlessVerbose(CaptureTrace trace) {
        if (options.detail() != CaptureTrace.Detail.VERBOSE) {
            trace.setDetail(CaptureTrace.Detail.QUIET);
        }
    }

    private void printCwmpLog(CpeDevice cpe, int from) {
        List<String> logs = cpe.sessionLogs();
        out.println("   CWMP, as the CPE logged it:");
        for (String line : logs.subList(from, logs.size())) {
            out.println("     " + line);
        }
    }

    private static String summaries(List<TaskResult> results) {
        return results.stream().map(r -> MessageSummary.of(r.response())).toList().toString();
    }

    private void check(boolean ok, String what, CpeDevice cpe) {
        out.println("   [" + (ok ? "ok" : "FAILED") + "] " + what
                + (!ok && cpe != null && cpe.lastFailure() != null ? " (" + cpe.lastFailure() + ")" : ""));
        if (!ok) {
            failures.add(what);
        }
    }

    private void heading(String text) {
        out.println();
        out.println("== " + text);
    }
}
