/**
 * The journal: every state change of the world, in order, as {@link dev.fakeecs.journal.JournalEntry}
 * values ({@link dev.fakeecs.journal.JournalEventType} says what kind). The same seed and the same calls
 * give a byte-identical {@link dev.fakeecs.journal.Journal#toJsonLines()}, which is how a failing run is
 * replayed and how refactors are guarded (golden journals). A world keeps its whole journal unless
 * built with a bounded {@link dev.fakeecs.journal.JournalRetention} (the runnable server keeps the last
 * 100,000 entries); trimmed journals keep their sequence numbers.
 *
 * <pre>{@code
 * List<JournalEntry> stops = ecs.journal().entries().stream()
 *     .filter(e -> e.type() == JournalEventType.TASK_STATE).toList();
 * Files.writeString(Path.of("run.jsonl"), ecs.journal().toJsonLines());
 * }</pre>
 */
package dev.fakeecs.journal;
