package dev.fakeecs.junit.time;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

/**
 * Attaches Byte Buddy's agent once and rewrites time calls in the named packages (see {@link VirtualTime}).
 *
 * <p>One plain {@link ClassFileTransformer} decides by the class's name alone, a string prefix check, so the
 * classes of every other package load at full speed (an {@code AgentBuilder} would describe each of them first,
 * which made a first test with {@code virtualTimeFor} seconds slower); only classes of the named packages are
 * parsed and rewritten, method bodies only (no class format change, so loaded classes can be retransformed).
 */
final class VirtualTimeAgent implements ClassFileTransformer {

    /** Internal-name prefixes ({@code com/acme/deploy/}) of the packages rewritten so far. */
    private static final Set<String> PREFIXES = new CopyOnWriteArraySet<>();
    private static Instrumentation instrumentation;
    private static AsmVisitorWrapper substitution;

    private VirtualTimeAgent() {
    }

    static synchronized void rewrite(Set<String> packages) {
        Set<String> missing = new LinkedHashSet<>();
        for (String p : packages) {
            String prefix = p.replace('.', '/') + "/";
            if (!PREFIXES.contains(prefix)) {
                missing.add(prefix);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (instrumentation == null) {
            instrumentation = ByteBuddyAgent.install();
            substitution = substitution();
            instrumentation.addTransformer(new VirtualTimeAgent(), true);
        }
        PREFIXES.addAll(missing);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            String name = c.getName().replace('.', '/');
            if (matches(name, missing) && instrumentation.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
            } catch (Exception e) {
                throw new IllegalStateException("virtual time could not rewrite the loaded classes of " + packages, e);
            }
        }
    }

    private static boolean matches(String internalName, Set<String> prefixes) {
        if (internalName.startsWith("net/bytebuddy/") || internalName.startsWith("dev/fakeecs/junit/time/")) {
            return false;
        }
        for (String prefix : prefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !matches(className, PREFIXES)) {
            return null;
        }
        try {
            String name = className.replace('/', '.');
            ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classfileBuffer),
                    loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader()
                            : ClassFileLocator.ForClassLoader.of(loader));
            TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
            return new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(Implementation.Context.Disabled.Factory.INSTANCE)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    .with(InstrumentedType.Factory.Default.FROZEN)
                    .redefine(type, locator)
                    .visit(substitution)
                    .make()
                    .getBytes();
        } catch (Throwable e) {
            // as an agent must: a class that cannot be rewritten loads unchanged rather than failing to load
            return null;
        }
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
