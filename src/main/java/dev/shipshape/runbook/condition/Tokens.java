package dev.shipshape.runbook.condition;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition's text into tokens: references, quoted strings, numbers, words, operators, parentheses. */
final class Tokens {

    enum Type { REF, STRING, NUMBER, WORD, OP, AND, OR, NOT, OPEN, CLOSE, END }

    record Token(Type type, String text, int offset) {
        /** The token as a person would quote it in a message. */
        String described() {
            return switch (type) {
                case END -> "the end";
                case REF -> "'${" + text + "}'";
                default -> "'" + text + "'";
            };
        }
    }

    private static final String WORD_START = "[A-Za-z_]";
    private static final String WORD_PART = "[A-Za-z0-9_.\\-/:]";

    private final String text;
    private int at;

    private Tokens(String text) {
        this.text = text;
    }

    static List<Token> of(String text) {
        Tokens tokens = new Tokens(text);
        List<Token> out = new ArrayList<>();
        Token next;
        do {
            next = tokens.next();
            out.add(next);
        } while (next.type() != Type.END);
        return out;
    }

    private Token next() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length()) {
            return new Token(Type.END, "", text.length());
        }
        int start = at;
        char c = text.charAt(at);
        if (text.startsWith("${", at)) {
            return reference(start);
        }
        if (c == '\'' || c == '"') {
            return quoted(start, c);
        }
        if (Character.isDigit(c) || c == '-' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            return number(start);
        }
        if (String.valueOf(c).matches(WORD_START)) {
            while (at < text.length() && String.valueOf(text.charAt(at)).matches(WORD_PART)) {
                at++;
            }
            return new Token(Type.WORD, text.substring(start, at), start);
        }
        return symbol(start, c);
    }

    private Token reference(int start) {
        int close = text.indexOf('}', start);
        if (close < 0) {
            throw new ConditionSyntaxException("unclosed reference '" + text.substring(start) + "'; add the closing"
                    + " '}'", start);
        }
        at = close + 1;
        return new Token(Type.REF, text.substring(start + 2, close), start);
    }

    private Token quoted(int start, char quote) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != quote) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                c = text.charAt(++at);
            }
            value.append(c);
            at++;
        }
        if (at >= text.length()) {
            throw new ConditionSyntaxException("unclosed string: add the closing " + quote, start);
        }
        at++;
        return new Token(Type.STRING, value.toString(), start);
    }

    private Token number(int start) {
        at++;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String number = text.substring(start, at);
        if (!number.matches("-?[0-9]+(\\.[0-9]+)?") || at < text.length()
                && String.valueOf(text.charAt(at)).matches(WORD_PART)) {
            while (at < text.length() && String.valueOf(text.charAt(at)).matches(WORD_PART)) {
                at++;
            }
            throw new ConditionSyntaxException("'" + text.substring(start, at) + "' is not a number; quote text that"
                    + " starts with a digit: '" + text.substring(start, at) + "'", start);
        }
        return new Token(Type.NUMBER, number, start);
    }

    private Token symbol(int start, char c) {
        String two = at + 1 < text.length() ? text.substring(at, at + 2) : String.valueOf(c);
        switch (two) {
            case "==", "!=", "<=", ">=" -> {
                at += 2;
                return new Token(Type.OP, two, start);
            }
            case "&&" -> {
                at += 2;
                return new Token(Type.AND, two, start);
            }
            case "||" -> {
                at += 2;
                return new Token(Type.OR, two, start);
            }
            default -> {
            }
        }
        at++;
        return switch (c) {
            case '<', '>' -> new Token(Type.OP, String.valueOf(c), start);
            case '!' -> new Token(Type.NOT, "!", start);
            case '(' -> new Token(Type.OPEN, "(", start);
            case ')' -> new Token(Type.CLOSE, ")", start);
            case '=' -> throw new ConditionSyntaxException("'=' alone is not an operator; compare with ==", start);
            case '&' -> throw new ConditionSyntaxException("'&' alone is not an operator; join conditions with &&", start);
            case '|' -> throw new ConditionSyntaxException("'|' alone is not an operator; join conditions with ||", start);
            default -> throw new ConditionSyntaxException("unexpected '" + c + "'; quote text that is not one word",
                    start);
        };
    }
}
