package dev.fakeecs.internal.protocol;

import dev.fakeecs.internal.error.EcsErrors;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * The value constraints of AWS SDK requests (ECS's, and those of every service with generated tables, see
 * {@link ServiceModelResources}), checked the same way on the wire and in process: every
 * member whose SDK getter returns an enum must hold one of the enum's values (case matters, as in
 * ECS), also inside lists, maps and nested structures; numeric members must lie in the ranges of
 * {@code member-ranges.properties}. The enum checks are derived from the SDK model classes (a member
 * {@code xxx} with an {@code xxxAsString()} or {@code xxxAsStrings()} getter beside an enum-typed
 * {@code xxx()}); the ranges come from one table because the SDK classes carry no range traits (a
 * string member in that table, such as a task override's {@code cpu}, is checked when it holds a number).
 *
 * <p>Violations are answered as ECS's request validation answers them, an
 * {@code InvalidParameterException}:
 * {@code 1 validation error detected: Value 'BOGUS' at 'launchType' failed to satisfy constraint:
 * Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES]}.
 *
 * <pre>{@code
 * ModelConstraints.check(runTaskRequest);   // throws InvalidParameterException naming each bad member
 * }</pre>
 */
public final class ModelConstraints {

    private static final Map<String, Map<String, BigDecimal[]>> RANGES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Members the engine checks itself, answering with ECS's own service-level message (e.g.
     * {@code "name should be one of [...]"}); the generic model check leaves them to it.
     */
    private static final Set<String> ENGINE_CHECKED = Set.of(
            "PutAccountSettingRequest.name", "PutAccountSettingDefaultRequest.name",
            "DeleteAccountSettingRequest.name", "ListAccountSettingsRequest.name",
            "ListContainerInstancesRequest.status", "UpdateContainerInstancesStateRequest.status",
            "Attribute.targetType", "TaskDefinitionPlacementConstraint.type", "ContainerDependency.condition");

    private static final ClassValue<ShapeChecks> CACHE = new ClassValue<>() {
        @Override
        protected ShapeChecks computeValue(Class<?> type) {
            return new ShapeChecks(type);
        }
    };

    private ModelConstraints() {
    }

    /**
     * Throws ECS's {@code InvalidParameterException} if any member of {@code request} (at any depth)
     * holds a value its model does not allow; does nothing for a valid request or {@code null}.
     */
    public static void check(SdkPojo request) {
        List<String> violations = violations(request);
        if (!violations.isEmpty()) {
            throw EcsErrors.invalidParameter(message(violations));
        }
    }

    /** Each violation of {@code pojo}, as {@code "Value 'X' at 'path' failed to satisfy constraint: ..."}. */
    public static List<String> violations(SdkPojo pojo) {
        return violations(pojo, MemberPaths.JSON);
    }

    /**
     * Each violation of {@code pojo} (a model class of any AWS service), with member paths spelled as
     * {@code paths} spells them.
     *
     * <pre>{@code
     * ModelConstraints.violations(createTargetGroupRequest, MemberPaths.QUERY);
     * // [Value '0' at 'port' failed to satisfy constraint: Member must have value greater than or equal to 1]
     * }</pre>
     */
    public static List<String> violations(SdkPojo pojo, MemberPaths paths) {
        List<String> out = new ArrayList<>();
        if (pojo != null) {
            CACHE.get(pojo.getClass()).collect(pojo, "", paths, out);
        }
        return out;
    }

    /** The message of ECS's validation error for these violations. */
    public static String message(List<String> violations) {
        int n = violations.size();
        return n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", violations);
    }

    /** A check of one value at a path; appends what is wrong to {@code out}. */
    private interface Check {
        void collect(Object value, String path, MemberPaths paths, List<String> out);
    }

    private static final Check NONE = (value, path, paths, out) -> { };

    /** The checks of one SDK model class: one per member that has something to check, at any depth. */
    private static final class ShapeChecks {
        private final SdkField<?>[] fields;
        private final String[] names;
        private final Check[] checks;

        ShapeChecks(Class<?> shapeClass) {
            List<SdkField<?>> fieldList = new ArrayList<>();
            List<String> nameList = new ArrayList<>();
            List<Check> checkList = new ArrayList<>();
            List<SdkField<?>> sdkFields = sdkFields(shapeClass);
            for (SdkField<?> field : sdkFields) {
                Check check = checkOf(shapeClass, field);
                if (check != NONE) {
                    fieldList.add(field);
                    nameList.add(field.locationName());
                    checkList.add(check);
                }
            }
            this.fields = fieldList.toArray(new SdkField<?>[0]);
            this.names = nameList.toArray(new String[0]);
            this.checks = checkList.toArray(new Check[0]);
        }

        void collect(Object pojo, String path, MemberPaths paths, List<String> out) {
            for (int i = 0; i < fields.length; i++) {
                Object value = fields[i].getValueOrDefault(pojo);
                if (value != null) {
                    checks[i].collect(value, paths.member(path, names[i]), paths, out);
                }
            }
        }

        private static List<SdkField<?>> sdkFields(Class<?> shapeClass) {
            try {
                Method builder = shapeClass.getMethod("builder");
                if (!Modifier.isStatic(builder.getModifiers())) {
                    return List.of();
                }
                Object b = builder.invoke(null);
                return b instanceof SdkPojo ? ((SdkPojo) b).sdkFields() : List.of();
            } catch (ReflectiveOperationException e) {
                return List.of();
            }
        }

        private static Check checkOf(Class<?> shapeClass, SdkField<?> field) {
            if (ENGINE_CHECKED.contains(shapeClass.getSimpleName() + "." + field.locationName())) {
                return NONE;
            }
            Method getter = getter(shapeClass, field);
            Class<?> enumClass = getter == null ? null : enumOf(getter.getGenericReturnType());
            return checkOf(field, enumClass, ranges(shapeClass).get(shapeClass.getSimpleName() + "." + field.locationName()));
        }

        private static Check checkOf(SdkField<?> field, Class<?> enumClass, BigDecimal[] range) {
            MarshallingType<?> type = field.marshallingType();
            if (type == MarshallingType.STRING) {
                return enumClass != null ? enumCheck(enumClass) : range != null ? numericStringCheck(rangeCheck(range)) : NONE;
            }
            if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.DOUBLE
                    || type == MarshallingType.FLOAT || type == MarshallingType.SHORT || type == MarshallingType.BIG_DECIMAL) {
                return range != null ? rangeCheck(range) : NONE;
            }
            if (type == MarshallingType.SDK_POJO) {
                // checked by the value's own class, looked up lazily (shapes may be recursive)
                return (value, path, paths, out) -> CACHE.get(value.getClass()).collect(value, path, paths, out);
            }
            if (type == MarshallingType.LIST) {
                Check element = checkOf(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), enumClass, range);
                return element == NONE ? NONE : (value, path, paths, out) -> {
                    int i = 0;
                    for (Object item : (Collection<?>) value) {
                        if (item != null) {
                            element.collect(item, paths.index(path, i), paths, out);
                        }
                        i++;
                    }
                };
            }
            if (type == MarshallingType.MAP) {
                Check element = checkOf(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), enumClass, range);
                return element == NONE ? NONE : (value, path, paths, out) -> {
                    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                        if (entry.getValue() != null) {
                            element.collect(entry.getValue(), paths.key(path, entry.getKey()), paths, out);
                        }
                    }
                };
            }
            return NONE;
        }

        private static Method getter(Class<?> shapeClass, SdkField<?> field) {
            String member = field.memberName();
            if (member == null || member.isEmpty()) {
                return null;
            }
            for (Method m : shapeClass.getMethods()) {
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String name = m.getName();
                if (!name.equalsIgnoreCase(member)) {
                    continue;
                }
                // an enum member has a sibling xxxAsString() / xxxAsStrings() returning the raw values
                if (hasMethod(shapeClass, name + "AsString") || hasMethod(shapeClass, name + "AsStrings")) {
                    return m;
                }
            }
            return null;
        }

        private static boolean hasMethod(Class<?> type, String name) {
            try {
                type.getMethod(name);
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }

        /** The enum class of {@code E}, {@code List<E>} or {@code Map<String, E>}, or null. */
        private static Class<?> enumOf(Type type) {
            if (type instanceof Class<?> && ((Class<?>) type).isEnum()) {
                return (Class<?>) type;
            }
            if (type instanceof ParameterizedType) {
                Type[] args = ((ParameterizedType) type).getActualTypeArguments();
                return enumOf(args[args.length - 1]);
            }
            return null;
        }
    }

    private static Check enumCheck(Class<?> enumClass) {
        Set<String> known = new LinkedHashSet<>();
        for (Object constant : enumClass.getEnumConstants()) {
            if (!"UNKNOWN_TO_SDK_VERSION".equals(((Enum<?>) constant).name())) {
                known.add(constant.toString());
            }
        }
        String valueSet = known.stream().collect(Collectors.joining(", ", "[", "]"));
        return (value, path, paths, out) -> {
            if (!known.contains(value)) {
                out.add("Value '" + quote(String.valueOf(value)) + "' at '" + path
                        + "' failed to satisfy constraint: Member must satisfy enum value set: " + valueSet);
            }
        };
    }

    /** A range check of a string member that carries a number (e.g. a task override's {@code cpu} "256"); other text passes. */
    private static Check numericStringCheck(Check range) {
        return (value, path, paths, out) -> {
            BigDecimal number;
            try {
                number = new BigDecimal(((String) value).trim());
            } catch (NumberFormatException | ArithmeticException notANumber) {
                return; // units such as "1 vCPU" or "2 GB" are the engine's to read
            }
            range.collect(number, path, paths, out);
        };
    }

    private static Check rangeCheck(BigDecimal[] range) {
        BigDecimal min = range[0];
        BigDecimal max = range[1];
        return (value, path, paths, out) -> {
            Number number = (Number) value;
            BigDecimal decimal;
            if (number instanceof Double || number instanceof Float) {
                double d = number.doubleValue();
                if (!Double.isFinite(d)) {
                    out.add("Value '" + d + "' at '" + path + "' failed to satisfy constraint: Member must be a finite number");
                    return;
                }
                decimal = BigDecimal.valueOf(d);
            } else if (number instanceof BigDecimal) {
                decimal = (BigDecimal) number;
            } else {
                decimal = BigDecimal.valueOf(number.longValue());
            }
            if (min != null && decimal.compareTo(min) < 0) {
                out.add("Value '" + number + "' at '" + path
                        + "' failed to satisfy constraint: Member must have value greater than or equal to " + min.toPlainString());
            } else if (max != null && decimal.compareTo(max) > 0) {
                out.add("Value '" + number + "' at '" + path
                        + "' failed to satisfy constraint: Member must have value less than or equal to " + max.toPlainString());
            }
        };
    }

    private static String quote(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    /** The numeric ranges of the service a model class belongs to, by {@code Shape.member}. */
    private static Map<String, BigDecimal[]> ranges(Class<?> shapeClass) {
        return RANGES.computeIfAbsent(ServiceModelResources.serviceOf(shapeClass),
                service -> parseRanges(ServiceModelResources.table(service, "member-ranges")));
    }

    private static Map<String, BigDecimal[]> parseRanges(Properties properties) {
        Map<String, BigDecimal[]> map = new java.util.HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String[] bounds = properties.getProperty(key).split(",", -1);
            map.put(key, new BigDecimal[] {bound(bounds[0]), bounds.length > 1 ? bound(bounds[1]) : null});
        }
        return Map.copyOf(map);
    }

    private static BigDecimal bound(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : new BigDecimal(t);
    }
}
