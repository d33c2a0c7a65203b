package dev.shipshape.app;

import java.util.List;

/**
 * One page of a run listing, newest first.
 *
 * @param nextCursor what to pass as {@link RunQuery#after()} for the next page; null on the last page
 */
public record RunPage(List<RunSummary> runs, String nextCursor) {

    public RunPage {
        runs = List.copyOf(runs);
    }
}
