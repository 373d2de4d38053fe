package org.layeredtls.cwmp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.layeredtls.cwmp.demo.CaptureTrace;
import org.layeredtls.cwmp.demo.DemoOptions;
import org.layeredtls.cwmp.demo.PapersDemo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code layeredtls demo}: the papers' experiment, end to end, on loopback. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The papers' experiment on one machine: a CA, an ACS and a CPE with certificates, a CWMP session",
                "over mutually authenticated TLS printed record by record, a Download, a Connection Request,",
                "and a CPE with a certificate from another CA refused with an alert. Exit status 0 when every step passed."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--tls-version", defaultValue = "TLSv1.2", description = "SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3"
            + " (default: ${DEFAULT-VALUE}, the papers' version: the capture walks their frames, ChangeCipherSpec included;"
            + " the library's own default is TLS 1.2 to 1.3)")
    String version;

    @Option(names = "--cipher", description = "one cipher suite for both sides, IANA (TLS_RSA_WITH_AES_128_CBC_SHA) or OpenSSL (AES128-SHA) name;"
            + " with TLSv1.3 a TLS 1.3 suite (TLS_AES_128_GCM_SHA256, ...)")
    String cipher;

    @Option(names = "--keylog", description = "append NSS key log lines for Wireshark to this file (CLIENT_RANDOM ...; with TLSv1.3 the traffic secrets)")
    Path keyLog;

    @Option(names = {"--html", "-html"}, paramLabel = "FILE", description = "write the illustrated session to FILE: one self-contained HTML page"
            + " of the CPE's connections (a ladder of the records, each record's three forms byte by byte, the key derivation);"
            + " it holds the sessions' secrets")
    Path html;

    @Option(names = "--quiet", description = "one line per record, no message details")
    boolean quiet;

    @Option(names = "--verbose", description = "every field, every HTTP header and the whole SOAP envelopes")
    boolean verbose;

    @Option(names = "--dir", description = "keep the certificates and state here (default: a new temporary directory)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoOptions options;
        try {
            options = new DemoOptions(DemoOptions.parseVersion(version),
                    cipher == null ? null : DemoOptions.parseCipher(cipher), keyLog,
                    verbose ? CaptureTrace.Detail.VERBOSE : quiet ? CaptureTrace.Detail.QUIET : CaptureTrace.Detail.NORMAL, html);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PapersDemo demo = new PapersDemo(options, System.out);
        return dir == null ? demo.run() : demo.run(dir);
    }
}
