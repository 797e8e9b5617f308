package dev.fakeecs.internal.cluster;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules for cluster settings: only {@code containerInsights}, valued enhanced, enabled or disabled. */
public final class ClusterSettingsValidator {

    private static final Set<String> VALUES = Set.of("enhanced", "enabled", "disabled");

    private ClusterSettingsValidator() {
    }

    public static void validate(List<ClusterSetting> settings) {
        if (settings == null) {
            return;
        }
        for (ClusterSetting s : settings) {
            if (!"containerInsights".equals(s.nameAsString())) {
                throw EcsErrors.invalidParameter("settings.name: unknown cluster setting " + s.nameAsString()
                        + "; the only cluster setting is containerInsights.");
            }
            if (s.value() == null || !VALUES.contains(s.value())) {
                throw EcsErrors.invalidParameter("settings.value: containerInsights must be enhanced, enabled or "
                        + "disabled, not " + s.value() + ".");
            }
        }
    }

    public static List<ClusterSetting> merge(List<ClusterSetting> current, List<ClusterSetting> changes) {
        List<ClusterSetting> merged = new ArrayList<>(current);
        for (ClusterSetting change : changes) {
            merged.removeIf(s -> s.nameAsString().equals(change.nameAsString()));
            merged.add(change);
        }
        return merged;
    }
}
