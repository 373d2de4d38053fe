package org.layeredtls.cwmp.doctest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository the docs describe: its root, its Maven modules and profiles, its markdown pages and sources. */
final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PROFILE = Pattern.compile("<profile>\\s*(?:<!--.*?-->\\s*)*<id>([^<]+)</id>(.*?)</profile>", Pattern.DOTALL);

    final Path root;
    final List<String> modules;
    /** Profile id to its XML, from the parent pom and every module's pom. */
    final Map<String, String> profiles = new LinkedHashMap<>();

    private Repository(Path root) {
        this.root = root;
        String parent = read(root.resolve("pom.xml"));
        List<String> names = new ArrayList<>();
        Matcher m = MODULE.matcher(parent);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        this.modules = List.copyOf(names);
        addProfiles(parent);
        for (String module : modules) {
            addProfiles(read(root.resolve(module).resolve("pom.xml")));
        }
    }

    /** The repository around the working directory (a module's, under Surefire). */
    static Repository find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<modules>")) {
                return new Repository(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no parent pom.xml with <modules> above " + Path.of("").toAbsolutePath());
    }

    private void addProfiles(String pom) {
        Matcher m = PROFILE.matcher(pom);
        while (m.find()) {
            profiles.merge(m.group(1).strip(), m.group(2), String::concat);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every markdown page, new modules' included: all *.md files outside build output and hidden folders. */
    List<Path> markdownPages() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> Stream.iterate(root.relativize(p).getParent(), d -> d != null, Path::getParent)
                            .noneMatch(d -> d.getFileName().toString().equals("target") || d.getFileName().toString().startsWith(".")
                                    || d.getFileName().toString().equals("node_modules")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The simple names of the Java classes under {@code module/src/<kind>/java}. */
    List<String> classNames(String module, String kind) {
        return sources(module, kind).stream().map(p -> p.getFileName().toString())
                .map(n -> n.substring(0, n.length() - ".java".length())).toList();
    }

    /** The Java source files under {@code module/src/<kind>/java}. */
    List<Path> sources(String module, String kind) {
        Path sources = root.resolve(module).resolve("src").resolve(kind).resolve("java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module whose main sources hold this fully qualified class, or null. */
    String moduleOfClass(String qualifiedName) {
        String file = "src/main/java/" + qualifiedName.replace('.', '/') + ".java";
        return modules.stream().filter(m -> Files.isRegularFile(root.resolve(m).resolve(file))).findFirst().orElse(null);
    }
}
