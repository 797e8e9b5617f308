package dev.fakeecs.internal.taskdefinition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSizeTest {

    @Test
    void should_read_cpu_as_units_or_vcpus() {
        assertThat(TaskSize.cpuUnits("1024")).isEqualTo(1024);
        assertThat(TaskSize.cpuUnits("1 vCPU")).isEqualTo(1024);
        assertThat(TaskSize.cpuUnits("0.25 vcpu")).isEqualTo(256);
        assertThat(TaskSize.cpuUnits("2vCPU")).isEqualTo(2048);
        assertThat(TaskSize.cpuUnits("0.1 vCPU")).isNull();
        assertThat(TaskSize.cpuUnits("lots")).isNull();
        assertThat(TaskSize.cpuUnits(null)).isNull();
    }

    @Test
    void should_read_memory_as_mib_or_gb() {
        assertThat(TaskSize.memoryMiB("2048")).isEqualTo(2048);
        assertThat(TaskSize.memoryMiB("2 GB")).isEqualTo(2048);
        assertThat(TaskSize.memoryMiB("0.5GB")).isEqualTo(512);
        assertThat(TaskSize.memoryMiB("2 TB")).isNull();
    }
}
