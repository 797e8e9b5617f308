package dev.fakeecs.internal.taskdefinition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizesTest {

    @Test
    void should_offer_the_published_cpu_values() {
        assertThat(FargateSizes.cpuOptions()).containsExactly(256, 512, 1024, 2048, 4096, 8192, 16384);
    }

    @Test
    void should_pair_each_cpu_with_its_memory_range() {
        assertThat(FargateSizes.memoryOptions(256)).containsExactly(512, 1024, 2048);
        assertThat(FargateSizes.memoryOptions(512)).containsExactly(1024, 2048, 3072, 4096);
        assertThat(FargateSizes.memoryOptions(1024)).startsWith(2048).endsWith(8192).hasSize(7);
        assertThat(FargateSizes.memoryOptions(2048)).startsWith(4096).endsWith(16384).hasSize(13);
        assertThat(FargateSizes.memoryOptions(4096)).startsWith(8192).endsWith(30720).hasSize(23);
        assertThat(FargateSizes.memoryOptions(8192)).startsWith(16384).endsWith(61440).hasSize(12);
        assertThat(FargateSizes.memoryOptions(16384)).startsWith(32768).endsWith(122880).hasSize(12);
        assertThat(FargateSizes.memoryOptions(128)).isEmpty();
    }

    @Test
    void should_accept_only_pairs_from_the_table() {
        assertThat(FargateSizes.isValid(512, 1024)).isTrue();
        assertThat(FargateSizes.isValid(256, 4096)).isFalse();
        assertThat(FargateSizes.isValid(8192, 20480)).isTrue();
        assertThat(FargateSizes.isValid(8192, 18432)).isFalse();
    }
}
