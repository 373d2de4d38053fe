package org.layeredtls.cwmp.doctest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A lab's code as a README shows it: a {@code ```java lab} block holding one whole class with a
 * {@code main}, and the {@code ```text lab-output} block after it holding what it prints. The
 * doc-test compiles the block with javac against the project's classes (this test's class path),
 * runs its {@code main} with standard output captured, and compares: so a lab cannot rot.
 */
record LabCode(FencedBlock code, FencedBlock expectedOutput) {

    static final String CODE = "java lab";
    static final String OUTPUT = "text lab-output";
    /** How long a lab may run (the handshake lab makes two loopback connections). */
    static final long BOUND_SECONDS = 120;
    private static final Pattern CLASS = Pattern.compile("(?m)^public (?:final )?class (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    /** Every lab of a page, each code block paired with the output block that follows it. */
    static List<LabCode> of(Path page) {
        List<LabCode> labs = new ArrayList<>();
        FencedBlock pending = null;
        for (FencedBlock block : FencedBlock.of(page)) {
            if (block.info().strip().equals(CODE)) {
                if (pending != null) {
                    throw new AssertionError(pending.page() + ":" + pending.line() + ": a ```java lab block without its ```text lab-output");
                }
                pending = block;
            } else if (block.info().strip().equals(OUTPUT)) {
                if (pending == null) {
                    throw new AssertionError(block.page() + ":" + block.line() + ": a ```text lab-output block with no ```java lab before it");
                }
                labs.add(new LabCode(pending, block));
                pending = null;
            }
        }
        if (pending != null) {
            throw new AssertionError(pending.page() + ":" + pending.line() + ": a ```java lab block without its ```text lab-output");
        }
        return labs;
    }

    String source() {
        return String.join("\n", code.lines()) + "\n";
    }

    String className() {
        Matcher m = CLASS.matcher(source());
        if (!m.find()) {
            throw new AssertionError(code.page() + ":" + code.line() + ": a lab is one public class with a main method");
        }
        Matcher p = PACKAGE.matcher(source());
        return p.find() ? p.group(1) + "." + m.group(1) : m.group(1);
    }

    /** Compiles the block in {@code workDir} and runs its main; returns what it printed. */
    String compileAndRun(Path workDir) throws Exception {
        String name = className();
        Path file = workDir.resolve(name.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", classPath, "-d", workDir.toString(), "-proc:none", "-Xlint:none"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile())).call();
        if (!compiled) {
            throw new AssertionError(code.page() + ":" + code.line() + ": the lab does not compile:\n" + diagnostics);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {workDir.toUri().toURL()}, getClass().getClassLoader());
             PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            java.lang.reflect.Method main = loader.loadClass(name).getMethod("main", String[].class);
            java.util.concurrent.FutureTask<Void> run = new java.util.concurrent.FutureTask<>(() -> {
                main.invoke(null, (Object) new String[0]);
                return null;
            });
            Thread thread = new Thread(run, "lab " + name);
            thread.setDaemon(true);
            thread.start();
            run.get(BOUND_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable thrown = e.getCause() instanceof InvocationTargetException i ? i.getCause() : e.getCause();
            throw new AssertionError(code.page() + ":" + code.line() + ": the lab threw " + thrown
                    + "\nafter printing:\n" + printed.toString(StandardCharsets.UTF_8), thrown);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(code.page() + ":" + code.line() + ": the lab did not end within " + BOUND_SECONDS
                    + " s, after printing:\n" + printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    String expected() {
        return String.join("\n", expectedOutput.lines()) + "\n";
    }

    static void deleteQuietly(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
