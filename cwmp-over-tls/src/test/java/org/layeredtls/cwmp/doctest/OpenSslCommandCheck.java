package org.layeredtls.cwmp.doctest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code openssl} command is checked against the {@code openssl} on this machine: the subcommand
 * must exist and every option must be one its {@code -help} lists (with its value when it takes one).
 * The doc-test then runs the self-contained subcommands ({@link #SELF_CONTAINED}) and
 * {@code s_server} as a peer; the others (s_client, ...) need a peer and are checked only.
 */
final class OpenSslCommandCheck {

    /** Subcommands that need nothing but their files: run for real. */
    static final Set<String> SELF_CONTAINED = Set.of("genpkey", "genrsa", "req", "x509", "ecparam", "rand", "dgst",
            "version", "list", "ciphers", "pkey", "rsa", "ec", "verify", "enc", "asn1parse", "pkcs8", "pkcs12");

    /** " -name type   description" or " -name   description" in an openssl -help summary. */
    private static final Pattern OPTION = Pattern.compile("^ (-[^ ]+)(?: ([^ ]+))?(?: {2,}.*)?$");
    private static final Map<String, Map<String, Boolean>> HELP = new HashMap<>();

    private OpenSslCommandCheck() {
    }

    /** Checks the words after {@code openssl}; returns how, or throws AssertionError. */
    static String check(List<String> args) throws IOException, InterruptedException {
        MavenCommandCheck.require(!args.isEmpty(), "openssl: no subcommand");
        String command = args.get(0);
        Map<String, Boolean> options = options(command);
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                continue; // an operand (s_client's host:port, a file name)
            }
            Boolean takesValue = options.get(a);
            MavenCommandCheck.require(takesValue != null, "openssl " + command + ": unknown option " + a + " (not in openssl " + command + " -help)");
            if (takesValue) {
                MavenCommandCheck.require(i + 1 < args.size(), "openssl " + command + " " + a + ": a value must follow");
                i++;
            }
        }
        return "options checked against `openssl " + command + " -help`";
    }

    /** Option name to whether it takes a value, from {@code openssl COMMAND -help}. */
    private static synchronized Map<String, Boolean> options(String command) throws IOException, InterruptedException {
        Map<String, Boolean> known = HELP.get(command);
        if (known != null) {
            return known;
        }
        Process p = new ProcessBuilder("openssl", command, "-help").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        MavenCommandCheck.require(p.waitFor(30, TimeUnit.SECONDS), "openssl " + command + " -help did not end");
        MavenCommandCheck.require(help.startsWith("Usage:"), "openssl: no subcommand " + command + ": " + help.lines().findFirst().orElse(""));
        known = new HashMap<>();
        for (String line : help.split("\n")) {
            Matcher m = OPTION.matcher(line);
            if (m.matches()) {
                known.put(m.group(1), m.group(2) != null);
            }
        }
        HELP.put(command, known);
        return known;
    }
}
