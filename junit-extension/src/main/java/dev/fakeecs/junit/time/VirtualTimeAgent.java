package dev.fakeecs.junit.time;

import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.description.type.TypeDescription;

import java.lang.instrument.Instrumentation;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

/** Attaches Byte Buddy's agent once and rewrites time calls in the named packages (see {@link VirtualTime}). */
final class VirtualTimeAgent {

    private static final Set<String> REWRITTEN = new HashSet<>();
    private static Instrumentation instrumentation;

    private VirtualTimeAgent() {
    }

    static synchronized void rewrite(Set<String> packages) {
        Set<String> missing = new LinkedHashSet<>(packages);
        missing.removeAll(REWRITTEN);
        if (missing.isEmpty()) {
            return;
        }
        if (instrumentation == null) {
            instrumentation = ByteBuddyAgent.install();
        }
        ElementMatcher.Junction<TypeDescription> types = ElementMatchers.none();
        for (String p : missing) {
            types = types.or(ElementMatchers.nameStartsWith(p + "."));
        }
        AsmVisitorWrapper substitution = substitution();
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .ignore(ElementMatchers.nameStartsWith("net.bytebuddy.").or(ElementMatchers.nameStartsWith("dev.fakeecs.junit.time.")))
                .type(types)
                .transform((builder, type, loader, module, domain) -> builder.visit(substitution))
                .installOn(instrumentation);
        REWRITTEN.addAll(missing);
    }

    private static AsmVisitorWrapper substitution() {
        try {
            return MemberSubstitution.relaxed()
                    .method(named("sleep").and(isDeclaredBy(Thread.class)).and(takesArguments(long.class)))
                    .replaceWith(VirtualTime.class.getMethod("sleep", long.class))
                    .method(named("sleep").and(isDeclaredBy(Thread.class)).and(takesArguments(long.class, int.class)))
                    .replaceWith(VirtualTime.class.getMethod("sleep", long.class, int.class))
                    .method(named("currentTimeMillis").and(isDeclaredBy(System.class)))
                    .replaceWith(VirtualTime.class.getMethod("currentTimeMillis"))
                    .method(named("nanoTime").and(isDeclaredBy(System.class)))
                    .replaceWith(VirtualTime.class.getMethod("nanoTime"))
                    .method(named("now").and(isDeclaredBy(Instant.class)).and(takesNoArguments()))
                    .replaceWith(VirtualTime.class.getMethod("now"))
                    .method(named("systemUTC").and(isDeclaredBy(Clock.class)))
                    .replaceWith(VirtualTime.class.getMethod("systemUTC"))
                    .method(named("systemDefaultZone").and(isDeclaredBy(Clock.class)))
                    .replaceWith(VirtualTime.class.getMethod("systemDefaultZone"))
                    .on(ElementMatchers.any());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
