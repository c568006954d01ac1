package dev.tapedeck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tapedeck.Connection;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's lifecycle and its errors, run through the JUnit engine on sample classes (static nested classes,
 * which the build's own test run leaves out).
 */
class TapedeckSandboxExtensionTest {

    static final List<Sandbox> SEEN = new ArrayList<>();
    static final List<Connection> OPENED = new ArrayList<>();

    @TapedeckSandbox
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TwoTests {
        @Test
        @Order(1)
        void first(Sandbox sandbox, @SandboxProvider("anchor") Connection anchor) {
            SEEN.add(sandbox);
            OPENED.add(anchor);
        }

        @Test
        @Order(2)
        void second(Sandbox sandbox) {
            SEEN.add(sandbox);
            // the first test's connection was closed when it ended, its sandbox was not
            assertThat(OPENED.get(0).history().fetchPage(SessionQuery.all(), Optional.empty()).isLeft()).isTrue();
        }
    }

    @TapedeckSandbox
    static class WrongParameter {
        @Test
        void test(@SandboxProvider("anchor") String text) {
        }
    }

    @TapedeckSandbox
    static class UnknownProvider {
        @Test
        void test(@SandboxProvider("acme") Connection acme) {
        }
    }

    @ExtendWith(TapedeckSandboxExtension.class)
    static class WithoutTheAnnotation {
        @Test
        void test(Sandbox sandbox) {
        }
    }

    @TapedeckSandbox(settings = "anchor-large=1")
    static class BadSetting {
        @Test
        void test(Sandbox sandbox) {
        }
    }

    @Test
    void oneSandboxServesEveryTestOfAClassAndClosesAfterTheLast() {
        SEEN.clear();
        OPENED.clear();

        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoTests.class)).execute()
                .testEvents();
        tests.assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).toString()).contains("closed=true");
    }

    @Test
    void aParameterTheExtensionCannotGiveSaysWhatItCanGive() {
        run(WrongParameter.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(message(text -> text
                .contains("cannot give a java.lang.String; it gives ClientSettings, ProviderConfig, Connection")))));
        run(UnknownProvider.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(message(text -> text
                .contains("@SandboxProvider(\"acme\")") && text.contains("it emulates anchor, ")
                && text.contains(", kataven, ") && text.contains(", notte")))));
    }

    @Test
    void aMisconfiguredClassFailsWithWhatToDo() {
        run(WithoutTheAnnotation.class).assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(text ->
                text.contains("with @TapedeckSandbox on the test class")))));
        run(BadSetting.class).assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(text ->
                text.contains("provider.key=value")))));
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().allEvents();
    }
}
