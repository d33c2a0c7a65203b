package dev.shipshape.runbook.condition;

import dev.shipshape.runbook.condition.Tokens.Token;
import dev.shipshape.runbook.condition.Tokens.Type;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads a condition. The grammar, loosest binding first:
 * <pre>
 * condition  := and ( "||" and )*
 * and        := not ( "&&" not )*
 * not        := "!" not | comparison
 * comparison := operand ( ("==" | "!=" | "<" | "<=" | ">" | ">=") operand )?
 * operand    := "(" condition ")" | "${" reference "}" | 'text' | "text" | number | true | false | word
 * </pre>
 * A word is a letter or {@code _} followed by letters, digits, {@code _ . - / :} ({@code production}, {@code failed});
 * anything else is quoted. {@code !} negates the comparison after it. Comparisons do not chain.
 */
public final class ConditionParser {

    private final List<Token> tokens;
    private int at;

    private ConditionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws ConditionSyntaxException with the offset of the problem */
    public static Condition parse(String text) {
        ConditionParser parser = new ConditionParser(Tokens.of(text));
        if (parser.peek().type() == Type.END) {
            throw new ConditionSyntaxException("the condition is empty", 0);
        }
        Expr expr = parser.or();
        Token rest = parser.peek();
        if (rest.type() != Type.END) {
            throw new ConditionSyntaxException(rest.type() == Type.OP
                    ? "comparisons do not chain: join them with && or ||, at " + rest.described()
                    : "expected && or || or the end, got " + rest.described(), rest.offset());
        }
        return new Condition(text, expr);
    }

    private Expr or() {
        Expr left = and();
        while (peek().type() == Type.OR) {
            at++;
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().type() == Type.AND) {
            at++;
            left = new Expr.And(left, not());
        }
        return left;
    }

    private Expr not() {
        if (peek().type() == Type.NOT) {
            Token bang = tokens.get(at++);
            return new Expr.Not(not(), bang.offset());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = operand();
        if (peek().type() != Type.OP) {
            return left;
        }
        Expr.Op op = op(tokens.get(at++).text());
        return new Expr.Compare(left, op, operand());
    }

    private Expr operand() {
        Token token = tokens.get(at);
        switch (token.type()) {
            case OPEN -> {
                at++;
                Expr inner = or();
                if (peek().type() != Type.CLOSE) {
                    throw new ConditionSyntaxException("expected ')' to close '(', got " + peek().described(),
                            peek().offset());
                }
                at++;
                return inner;
            }
            case REF -> {
                at++;
                return new Expr.Ref(Reference.of(token.text(), token.offset()).orElseThrow(
                        () -> new ConditionSyntaxException("unknown reference ${" + token.text() + "} in a condition; "
                                + Reference.EXPECTED, token.offset())));
            }
            case STRING -> {
                at++;
                return new Expr.Literal(Value.text(token.text()), token.offset());
            }
            case NUMBER -> {
                at++;
                return new Expr.Literal(Value.number(new BigDecimal(token.text())), token.offset());
            }
            case WORD -> {
                at++;
                return new Expr.Literal(token.text().equals("true") || token.text().equals("false")
                        ? Value.bool(Boolean.parseBoolean(token.text())) : Value.text(token.text()), token.offset());
            }
            default -> throw new ConditionSyntaxException("expected a value, a ${reference} or '(', got "
                    + token.described(), token.offset());
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private static Expr.Op op(String symbol) {
        for (Expr.Op op : Expr.Op.values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalStateException("no operator " + symbol);
    }
}
