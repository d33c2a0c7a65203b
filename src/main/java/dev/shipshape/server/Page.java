package dev.shipshape.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that can grow, as the runs listing pages too: {@code ?limit=N} (1 to 500, default 100) and
 * {@code ?cursor=C}, the {@code nextCursor} of the page before; {@code nextCursor} is null on the last page. A bad
 * limit or cursor is a 400 {@code bad_query} naming the parameter.
 */
public record Page<T>(List<T> items, String nextCursor) {

    static final int DEFAULT_LIMIT = 100;
    static final int MOST = 500;

    /**
     * The page of {@code all} (in its order) that the request asks for.
     *
     * @param cursor the cursor of an item: a key that stays the item's (a name, an id, a seq)
     * @throws ApiProblem 400 for a limit out of range or a cursor that names no item
     */
    static <T> Page<T> of(Context ctx, List<T> all, Function<T, String> cursor) {
        int limit = limit(ctx.queryParam("limit"));
        String after = ctx.queryParam("cursor");
        int from = 0;
        if (after != null) {
            from = indexOf(all, cursor, after) + 1;
        }
        int to = Math.min(all.size(), from + limit);
        List<T> items = List.copyOf(all.subList(from, to));
        return new Page<>(items, to < all.size() && !items.isEmpty() ? cursor.apply(items.getLast()) : null);
    }

    private static <T> int indexOf(List<T> all, Function<T, String> cursor, String after) {
        for (int i = 0; i < all.size(); i++) {
            if (cursor.apply(all.get(i)).equals(after)) {
                return i;
            }
        }
        throw query("cursor", "cursor '" + shown(after) + "' is not a cursor of this list; pass the nextCursor of"
                + " the page before, or leave cursor out for the first page");
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MOST) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw query("limit", "limit '" + shown(text) + "' is not a number from 1 to " + MOST);
    }

    /** A query parameter the route cannot use: 400 {@code bad_query}, as the runs listing answers it. */
    static ApiProblem query(String parameter, String message) {
        return new ApiProblem(400, "bad_query", message, java.util.Map.of("parameter", parameter));
    }

    static String shown(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
