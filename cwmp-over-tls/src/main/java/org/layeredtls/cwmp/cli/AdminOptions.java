package org.layeredtls.cwmp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.layeredtls.cwmp.admin.AdminClient;
import org.layeredtls.cwmp.admin.AdminToken;

import picocli.CommandLine.Option;

/**
 * What every {@code acs-admin} subcommand shares: where the admin API is and its token (by default from the files
 * {@code layeredtls acs} wrote in its state directory), how long to wait for a device, JSON or text output.
 */
final class AdminOptions {

    /** Exit status: the API answered, the device answered without fault. */
    static final int OK = 0;
    /** Exit status: the device answered with a fault (or refused the Connection Request). */
    static final int DEVICE_FAULT = 1;
    /** Exit status: no answer within --wait; the task stays queued for the device's next session. */
    static final int NO_ANSWER_YET = 2;
    /** Exit status: the API refused the request or could not be reached. */
    static final int API_ERROR = 3;

    @Option(names = "--state-dir", defaultValue = "acs-state",
            description = "the ACS's state directory, where it wrote admin.url and admin.token (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--url", description = "the admin API's URL (default: read from <state-dir>/admin.url)")
    URI url;

    @Option(names = "--token-file", description = "the admin token's file (default: <state-dir>/admin.token)")
    Path tokenFile;

    @Option(names = "--wait", defaultValue = "30",
            description = "seconds to wait for the device's answer, 0 to only queue (default: ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--json", description = "print the API's JSON answer as it came")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    AdminClient client() throws IOException {
        URI base = url != null ? url : URI.create(Files.readString(stateDir.resolve(AcsCommand.ADMIN_URL_FILE)).strip());
        AdminToken token = AdminToken.read(tokenFile != null ? tokenFile : stateDir.resolve(AcsCommand.ADMIN_TOKEN_FILE));
        return new AdminClient(base, token, Duration.ofSeconds(waitSeconds + 60L));
    }

    /** Prints the JSON (with --json) and says whether the API refused the request. */
    boolean refused(AdminClient.Answer answer, PrintWriter out, PrintWriter err) throws IOException {
        if (json) {
            out.println(mapper.writeValueAsString(answer.body()));
        }
        if (answer.status() >= 400) {
            err.println("acs-admin: " + answer.error());
            return true;
        }
        return false;
    }

    /**
     * Queues {@code task} for {@code device} (the ACS sends the Connection Request) and waits for the result;
     * prints what happened unless --json; returns the answer (null if the API refused it).
     */
    AdminClient.Answer queue(String device, ObjectNode task, PrintWriter out, PrintWriter err) throws IOException {
        try (AdminClient client = client()) {
            AdminClient.Answer answer = client.post(AdminClient.devicePath(device) + "/tasks?wait=" + waitSeconds, task);
            if (refused(answer, out, err)) {
                return null;
            }
            if (!json) {
                JsonNode cr = answer.body().path("connectionRequest");
                out.println("task " + answer.body().path("taskId").asText() + " " + task.path("method").asText()
                        + " queued for " + device + "; " + connectionRequest(cr));
                if (answer.body().path("result").isNull()) {
                    out.println("no answer within " + waitSeconds + " s: the task stays queued for the device's next session");
                }
            }
            return answer;
        }
    }

    /** An instant of the API, to the second ("-" when absent). */
    static String time(JsonNode instant) {
        if (instant.isNull() || instant.isMissingNode()) {
            return "-";
        }
        try {
            return java.time.Instant.parse(instant.asText()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return instant.asText();
        }
    }

    /** A Connection Request outcome in words. */
    static String connectionRequest(JsonNode cr) {
        if (cr.isMissingNode() || cr.isNull()) {
            return "no Connection Request";
        }
        if (cr.path("url").isNull()) {
            return "no Connection Request: " + cr.path("error").asText();
        }
        return "Connection Request " + cr.path("url").asText() + ": "
                + (cr.has("httpStatus") ? "HTTP " + cr.path("httpStatus").asInt() : "failed")
                + (cr.path("accepted").asBoolean() ? " (accepted)" : cr.has("error") ? ", " + cr.path("error").asText() : "");
    }

    /** The exit status for a queued task's answer: no result yet, a fault, or OK. */
    int status(AdminClient.Answer answer, PrintWriter out) {
        if (answer == null) {
            return API_ERROR;
        }
        JsonNode result = answer.body().path("result");
        if (result.isNull() || result.isMissingNode()) {
            return NO_ANSWER_YET;
        }
        JsonNode response = result.path("response");
        if (result.path("fault").asBoolean()) {
            if (!json) {
                out.println("fault " + response.path("faultCode").asInt() + " " + response.path("faultString").asText());
                for (JsonNode p : response.path("parameterFaults")) {
                    out.println("  " + p.path("name").asText() + ": " + p.path("faultCode").asInt() + " "
                            + p.path("faultString").asText());
                }
            }
            return DEVICE_FAULT;
        }
        return OK;
    }
}
