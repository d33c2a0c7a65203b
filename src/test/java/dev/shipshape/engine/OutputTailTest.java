package dev.shipshape.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void keepsEverythingWhileUnderTheLimit() {
        OutputTail tail = new OutputTail(100);
        tail.appendLine("one");
        tail.appendLine("two");

        assertThat(tail.text()).isEqualTo("one\ntwo\n");
        assertThat(tail.size()).isEqualTo(8);
    }

    @Test
    void keepsWholeLastLinesAndSaysHowMuchWasDropped() {
        OutputTail tail = new OutputTail(10);
        for (int i = 1; i <= 5; i++) {
            tail.appendLine("line" + i);
        }

        // 30 bytes in; the last 10 are "ne4\nline5\n"; the partial line "ne4" is dropped too.
        assertThat(tail.text()).isEqualTo("… (24 bytes before this were dropped)\nline5\n");
        assertThat(tail.size()).isEqualTo(30);
    }

    @Test
    void keepsTheEndOfALineLongerThanTheLimit() {
        OutputTail tail = new OutputTail(4);
        tail.appendLine("abcdefgh");

        assertThat(tail.text()).isEqualTo("… (5 bytes before this were dropped)\nfgh\n");
        assertThat(tail.size()).isEqualTo(9);
    }

    @Test
    void neverStartsInTheMiddleOfAMultiByteCharacter() {
        OutputTail tail = new OutputTail(4);
        tail.appendLine("ééé");

        // The last 4 bytes start with the second half of the middle "é".
        assertThat(tail.text()).isEqualTo("… (4 bytes before this were dropped)\né\n");
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new OutputTail(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFollowerGetsOnlyWhatItHasNotReadYet() {
        OutputTail tail = new OutputTail(100);
        tail.appendLine("first");
        long read = tail.size();
        tail.appendLine("second");

        assertThat(OutputTail.unread(tail.text(), tail.size(), read)).isEqualTo(new OutputTail.Unread("second\n", 0));
        assertThat(OutputTail.unread(tail.text(), tail.size(), tail.size())).isEqualTo(new OutputTail.Unread("", 0));
        assertThat(OutputTail.unread(null, 0, 0)).isEqualTo(new OutputTail.Unread("", 0));
    }

    @Test
    void aFollowerThatFellBehindTheTailIsToldHowMuchWasDropped() {
        OutputTail tail = new OutputTail(12);
        tail.appendLine("line1");
        tail.appendLine("line2");
        tail.appendLine("line3");

        // 18 bytes in, 12 kept ("ine2\nline3\n"), the partial line dropped: "line3\n" starts at byte 12.
        assertThat(OutputTail.unread(tail.text(), tail.size(), 6)).isEqualTo(new OutputTail.Unread("line3\n", 6));
        assertThat(OutputTail.unread(tail.text(), tail.size(), 12)).isEqualTo(new OutputTail.Unread("line3\n", 0));
    }
}
