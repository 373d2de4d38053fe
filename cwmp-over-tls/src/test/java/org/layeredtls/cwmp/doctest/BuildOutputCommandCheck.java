package org.layeredtls.cwmp.doctest;

import static org.layeredtls.cwmp.doctest.MavenCommandCheck.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Commands that run what a build or a script of the repository makes, and take minutes or rewrite
 * files (benchmarks, the vector generator): checked, not run. {@code java -jar M/target/N.jar [B]}:
 * module M's pom makes N.jar, and a class of M matches the benchmark pattern B;
 * {@code java -cp M/target/... CLASS}: CLASS is a class of M; {@code bash SCRIPT --opt}: the script
 * exists, {@code bash -n} parses it, and it reads every {@code --opt} given.
 */
final class BuildOutputCommandCheck {

    private BuildOutputCommandCheck() {
    }

    static String checkJava(Repository repo, List<String> args) {
        require(args.size() >= 2 && (args.get(0).equals("-jar") || args.get(0).equals("-cp")),
                "java: the doc-test knows `java -jar JAR` and `java -cp PATH CLASS`, not " + args);
        String path = args.get(1);
        String module = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
        require(repo.modules.contains(module) && path.startsWith(module + "/target/"),
                "java " + args.get(0) + " " + path + ": not the build output of a module " + repo.modules);
        if (args.get(0).equals("-jar")) {
            String jar = Path.of(path).getFileName().toString().replaceFirst("\\.jar$", "");
            require(Repository.read(repo.root.resolve(module).resolve("pom.xml")).contains("<finalName>" + jar + "</finalName>"),
                    "java -jar " + path + ": " + module + "/pom.xml makes no " + jar + ".jar");
            if (args.size() > 2 && !args.get(2).startsWith("-")) {
                Pattern benchmark = Pattern.compile(".*" + args.get(2) + ".*");
                require(repo.classNames(module, "main").stream().anyMatch(c -> benchmark.matcher(c).matches()),
                        "java -jar " + path + " " + args.get(2) + ": no class of " + module + " matches");
            }
            return "checked, not run (minutes): " + module + "/pom.xml makes " + jar + ".jar"
                    + (args.size() > 2 && !args.get(2).startsWith("-") ? ", " + args.get(2) + " is a class of " + module : "")
                    + "; the options after it are JMH's";
        }
        require(args.size() > 2, "java -cp " + path + ": no main class");
        String main = args.get(2);
        require(module.equals(repo.moduleOfClass(main)), "java -cp " + path + " " + main + ": not a class of " + module);
        return "checked, not run (minutes): " + main + " is a class of " + module;
    }

    static String checkScript(Repository repo, List<String> args) throws Exception {
        require(!args.isEmpty(), "bash: no script");
        Path script = repo.root.resolve(args.get(0));
        require(Files.isRegularFile(script), "bash " + args.get(0) + ": no such file");
        Process syntax = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        syntax.getOutputStream().close();
        String errors = new String(syntax.getInputStream().readAllBytes());
        require(syntax.waitFor(30, TimeUnit.SECONDS) && syntax.exitValue() == 0, "bash -n " + args.get(0) + ": " + errors);
        String text = Repository.read(script);
        for (String option : args.subList(1, args.size())) {
            require(!option.startsWith("-") || text.contains("\"" + option + "\""),
                    "bash " + args.get(0) + " " + option + ": the script does not read this option");
        }
        return "checked, not run (re-records with openssl, rewrites files): the script exists, bash -n parses it, it reads "
                + args.subList(1, args.size());
    }
}
