package org.layeredtls.cwmp.doctest;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of shell syntax the docs use, read as bash would: words with '...' and "..." quoting,
 * a pipeline with {@code |}, a trailing {@code &}, a trailing {@code # comment}. Anything more
 * ({@code ;}, {@code &&}, redirections, substitutions) is refused, so that the doc-test never
 * pretends to have checked a command it did not understand.
 */
record ShellLine(List<List<String>> stages, boolean background) {

    static ShellLine parse(String text) {
        List<List<String>> stages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean background = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (background && !Character.isWhitespace(c) && c != '#') {
                throw new IllegalArgumentException("unsupported shell syntax: text after '&'");
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break; // a comment to the end of the line
            } else if (c == '|' || c == '&') {
                if (i + 1 < text.length() && text.charAt(i + 1) == c) {
                    throw new IllegalArgumentException("unsupported shell syntax: '" + c + c + "'");
                }
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (words.isEmpty()) {
                    throw new IllegalArgumentException("unsupported shell syntax: '" + c + "' without a command before it");
                }
                stages.add(words);
                words = new ArrayList<>();
                background = c == '&';
            } else if (c == ';' || c == '<' || c == '>' || c == '`' || c == '(' || c == ')'
                    || c == '$') {
                throw new IllegalArgumentException("unsupported shell syntax: '" + c + "'");
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated '");
                }
                word = (word == null ? new StringBuilder() : word).append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                int j = i + 1;
                for (; j < text.length() && text.charAt(j) != '"'; j++) {
                    char d = text.charAt(j);
                    if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("unsupported shell syntax: expansion inside \"...\"");
                    }
                    if (d == '\\' && j + 1 < text.length() && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
                        d = text.charAt(++j);
                    }
                    word.append(d);
                }
                if (j >= text.length()) {
                    throw new IllegalArgumentException("unterminated \"");
                }
                i = j;
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            if (background) {
                throw new IllegalArgumentException("unsupported shell syntax: '&' inside a line");
            }
            stages.add(words);
        } else if (!background && !stages.isEmpty()) {
            throw new IllegalArgumentException("unsupported shell syntax: a pipe with nothing after it");
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        return new ShellLine(List.copyOf(stages), background);
    }
}
