package org.layeredtls.cwmp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.layeredtls.cwmp.admin.AdminClient;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layeredtls acs-admin}: manages devices through a running ACS's admin API. Exit status 0 when the device
 * answered, 1 for a fault, 2 when it did not answer within --wait (the task stays queued), 3 for an API error.
 */
@Command(name = "acs-admin", mixinStandardHelpOptions = true,
        description = {"Manages devices through a running `layeredtls acs` (its admin API): list them, read and set",
                "parameters, wake them with a Connection Request. Queuing a task wakes the device and waits for its answer."},
        subcommands = {AcsAdminCommand.Devices.class, AcsAdminCommand.Tasks.class, AcsAdminCommand.Get.class,
                AcsAdminCommand.Set.class, AcsAdminCommand.Connect.class, AcsAdminCommand.Names.class,
                AcsAdminCommand.AddObject.class, AcsAdminCommand.DeleteObject.class, AcsAdminCommand.Download.class,
                AcsAdminCommand.Reboot.class, AcsAdminCommand.FactoryReset.class})
final class AcsAdminCommand implements Runnable {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand has: the admin options and the output. */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() {
            try {
                return run();
            } catch (IOException e) {
                err().println("acs-admin: " + e.getMessage());
                return AdminOptions.API_ERROR;
            }
        }

        abstract int run() throws IOException;

        /** Queues {@code task}, waits, and prints the result with {@code printer} when it came without fault. */
        int queue(String device, ObjectNode task, java.util.function.Consumer<JsonNode> printer) throws IOException {
            AdminClient.Answer answer = admin.queue(device, task, out(), err());
            int status = admin.status(answer, out());
            if (status == AdminOptions.OK && !admin.json) {
                printer.accept(answer.body().path("result").path("response"));
            }
            return status;
        }

        /** Reads {@code path} from the admin API and prints its body with {@code printer} unless refused or --json. */
        int show(String path, java.util.function.Consumer<JsonNode> printer) throws IOException {
            try (AdminClient client = admin.client()) {
                AdminClient.Answer answer = client.get(path);
                if (admin.refused(answer, out(), err()) || admin.json) {
                    return answer.status() >= 400 ? AdminOptions.API_ERROR : AdminOptions.OK;
                }
                printer.accept(answer.body());
                return AdminOptions.OK;
            }
        }
    }

    /** A subcommand about one device, named first. */
    abstract static class DeviceSubcommand extends Subcommand {
        @Parameters(index = "0", description = "the device")
        String device;
    }

    @Command(name = "devices", description = "Lists the devices: last Inform, its events, counts, ConnectionRequestURL.")
    static final class Devices extends Subcommand {
        @Override
        int run() throws IOException {
            return show("/devices", body -> {
                String row = "%-24s %-20s %-36s %6s %7s %7s  %s%n";
                out().printf(row, "DEVICE", "LAST INFORM", "EVENTS", "PARAMS", "PENDING", "RESULTS", "CONNECTION REQUEST URL");
                for (JsonNode d : body.path("devices")) {
                    List<String> events = new java.util.ArrayList<>();
                    d.path("lastEvents").forEach(e -> events.add(e.asText()));
                    out().printf(row, d.path("id").asText(), AdminOptions.time(d.path("lastInform")),
                            String.join(", ", events), d.path("parameterCount").asInt(),
                            d.path("pendingTaskCount").asInt(), d.path("resultCount").asInt(),
                            d.path("connectionRequestUrl").asText("-"));
                }
            });
        }
    }

    @Command(name = "tasks", description = "Shows a device's pending tasks and the results of the others.")
    static final class Tasks extends Subcommand {
        @Parameters(index = "0", description = "the device (OUI-ProductClass-SerialNumber)")
        String device;

        @Override
        int run() throws IOException {
            return show(AdminClient.devicePath(device) + "/tasks", body -> {
                out().println("pending:");
                for (JsonNode t : body.path("pending")) {
                    out().println("  " + t.path("id").asText() + "  " + AdminOptions.time(t.path("created")) + "  " + t.path("request"));
                }
                out().println("results:");
                for (JsonNode r : body.path("results")) {
                    out().println("  " + r.path("id").asText() + "  " + AdminOptions.time(r.path("completed")) + "  "
                            + r.path("request").path("method").asText() + " -> " + r.path("response"));
                }
            });
        }
    }

    @Command(name = "get", description = "Reads parameters (GetParameterValues; a name ending in '.' reads a subtree).")
    static final class Get extends DeviceSubcommand {
        @Parameters(index = "1..*", arity = "1..*", description = "parameter names")
        List<String> names;

        @Override
        int run() throws IOException {
            ObjectNode task = JSON.objectNode().put("method", "GetParameterValues");
            names.forEach(task.putArray("parameterNames")::add);
            return queue(device, task, response -> {
                for (JsonNode p : response.path("parameters")) {
                    out().println(p.path("name").asText() + " = " + p.path("value").asText());
                }
            });
        }
    }

    @Command(name = "set", description = "Sets parameters (SetParameterValues, all or nothing); the type is the one the device reported.")
    static final class Set extends DeviceSubcommand {
        @Parameters(index = "1..*", arity = "1..*", description = "NAME=VALUE")
        List<String> assignments;

        @Option(names = "--parameter-key", defaultValue = "", description = "the ParameterKey to set with them")
        String parameterKey;

        @Override
        int run() throws IOException {
            ObjectNode task = JSON.objectNode().put("method", "SetParameterValues").put("parameterKey", parameterKey);
            ObjectNode parameters = task.putObject("parameters");
            for (String a : assignments) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "not NAME=VALUE: " + a);
                }
                parameters.put(a.substring(0, eq), a.substring(eq + 1));
            }
            return queue(device, task, response -> out().println("applied (Status " + response.path("status").asInt()
                    + (response.path("status").asInt() == 1 ? ": takes effect after a reboot)" : ")")));
        }
    }

    @Command(name = "connect", description = "Sends the device a Connection Request now.")
    static final class Connect extends DeviceSubcommand {
        @Override
        int run() throws IOException {
            try (AdminClient client = admin.client()) {
                AdminClient.Answer answer = client.post(AdminClient.devicePath(device) + "/connection-request", JSON.objectNode());
                if (admin.refused(answer, out(), err())) {
                    return AdminOptions.API_ERROR;
                }
                JsonNode cr = answer.body().path("connectionRequest");
                if (!admin.json) {
                    out().println(AdminOptions.connectionRequest(cr));
                }
                return cr.path("accepted").asBoolean() ? AdminOptions.OK : AdminOptions.DEVICE_FAULT;
            }
        }
    }

    @Command(name = "names", description = "Lists parameter names under a path (GetParameterNames).")
    static final class Names extends DeviceSubcommand {
        @Parameters(index = "1", arity = "0..1", defaultValue = "", description = "a partial path ending in '.' (default: all)")
        String path;

        @Option(names = "--next-level", description = "only the level right below the path")
        boolean nextLevel;

        @Override
        int run() throws IOException {
            ObjectNode task = JSON.objectNode().put("method", "GetParameterNames").put("parameterPath", path)
                    .put("nextLevel", nextLevel);
            return queue(device, task, response -> {
                for (JsonNode p : response.path("parameters")) {
                    out().println(p.path("name").asText() + (p.path("writable").asBoolean() ? "  (writable)" : ""));
                }
            });
        }
    }

    @Command(name = "add-object", description = "Adds an instance of a multi-instance object (AddObject).")
    static final class AddObject extends DeviceSubcommand {
        @Parameters(index = "1", description = "the object, ending in '.'")
        String object;

        @Option(names = "--parameter-key", defaultValue = "", description = "the ParameterKey")
        String parameterKey;

        @Override
        int run() throws IOException {
            return queue(device, JSON.objectNode().put("method", "AddObject").put("objectName", object)
                    .put("parameterKey", parameterKey), r -> out().println("instance " + r.path("instanceNumber").asLong()));
        }
    }

    @Command(name = "delete-object", description = "Deletes an object instance (DeleteObject).")
    static final class DeleteObject extends DeviceSubcommand {
        @Parameters(index = "1", description = "the instance, ending in '.'")
        String object;

        @Option(names = "--parameter-key", defaultValue = "", description = "the ParameterKey")
        String parameterKey;

        @Override
        int run() throws IOException {
            return queue(device, JSON.objectNode().put("method", "DeleteObject").put("objectName", object)
                    .put("parameterKey", parameterKey), r -> out().println("deleted"));
        }
    }

    @Command(name = "download", description = "Makes the device fetch a file (Download); TransferComplete reports it later.")
    static final class Download extends DeviceSubcommand {
        @Parameters(index = "1", description = "the file's http(s) URL")
        String url;

        @Option(names = "--file-type", defaultValue = "1 Firmware Upgrade Image", description = "(default: ${DEFAULT-VALUE})")
        String fileType;

        @Option(names = "--file-size", defaultValue = "0", description = "bytes, 0 = unknown (default: ${DEFAULT-VALUE})")
        long fileSize;

        @Option(names = "--command-key", defaultValue = "", description = "the CommandKey TransferComplete echoes")
        String commandKey;

        @Override
        int run() throws IOException {
            return queue(device, JSON.objectNode().put("method", "Download").put("url", url).put("fileType", fileType)
                    .put("fileSize", fileSize).put("commandKey", commandKey),
                    r -> out().println("download accepted (Status " + r.path("status").asInt() + ")"));
        }
    }

    @Command(name = "reboot", description = "Reboots the device after the session (Reboot).")
    static final class Reboot extends DeviceSubcommand {
        @Option(names = "--command-key", defaultValue = "", description = "the CommandKey of the M Reboot event")
        String commandKey;

        @Override
        int run() throws IOException {
            return queue(device, JSON.objectNode().put("method", "Reboot").put("commandKey", commandKey),
                    r -> out().println("reboot accepted"));
        }
    }

    @Command(name = "factory-reset", description = "Resets the device to its factory defaults (FactoryReset).")
    static final class FactoryReset extends DeviceSubcommand {
        @Override
        int run() throws IOException {
            return queue(device, JSON.objectNode().put("method", "FactoryReset"), r -> out().println("factory reset accepted"));
        }
    }
}
