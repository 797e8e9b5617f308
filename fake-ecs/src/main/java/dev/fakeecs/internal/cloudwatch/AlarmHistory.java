package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.internal.paging.PageTokens;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The region's alarm history (ConfigurationUpdate, StateUpdate, Action items), oldest first, kept after the
 * alarm is deleted, for 30 days as CloudWatch keeps it ({@link #prune}), and DescribeAlarmHistory over it.
 *
 * <pre>{@code
 * history.add("orders-5xx", HistoryItemType.STATE_UPDATE, "Alarm updated from OK to ALARM", json, now);
 * }</pre>
 */
final class AlarmHistory {

    static final Duration RETENTION = Duration.ofDays(30);

    private final Deque<AlarmHistoryItem> items = new ArrayDeque<>();

    void add(String alarmName, HistoryItemType type, String summary, String data, Instant at) {
        items.addLast(AlarmHistoryItem.builder().alarmName(alarmName).alarmType(AlarmType.METRIC_ALARM)
                .timestamp(at).historyItemType(type).historySummary(summary).historyData(data).build());
    }

    void prune(Instant now) {
        Instant oldest = now.minus(RETENTION);
        while (!items.isEmpty() && items.peekFirst().timestamp().isBefore(oldest)) {
            items.removeFirst();
        }
    }

    DescribeAlarmHistoryResponse describe(DescribeAlarmHistoryRequest r) {
        int max = r.maxRecords() == null ? 100 : r.maxRecords();
        if (max < 1 || max > 100) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + max + "' at 'maxRecords' failed"
                    + " to satisfy constraint: Member must have value " + (max < 1 ? "greater than or equal to 1"
                    : "less than or equal to 100"));
        }
        boolean onlyComposite = r.hasAlarmTypes() && !r.alarmTypes().isEmpty()
                && !r.alarmTypes().contains(AlarmType.METRIC_ALARM);
        List<AlarmHistoryItem> matching = new ArrayList<>();
        Iterator<AlarmHistoryItem> it = "TimestampAscending".equals(r.scanByAsString())
                ? items.iterator() : items.descendingIterator();
        while (it.hasNext() && !onlyComposite) {
            AlarmHistoryItem i = it.next();
            if (r.alarmName() != null && !r.alarmName().equals(i.alarmName())
                    || r.historyItemType() != null && !r.historyItemType().equals(i.historyItemType())
                    || r.startDate() != null && i.timestamp().isBefore(r.startDate())
                    || r.endDate() != null && i.timestamp().isAfter(r.endDate())) {
                continue;
            }
            matching.add(i);
        }
        int offset = 0;
        if (r.nextToken() != null) {
            try {
                offset = PageTokens.decode(r.nextToken(), "DescribeAlarmHistory");
            } catch (IllegalArgumentException e) {
                throw CloudWatchErrors.invalidNextToken();
            }
        }
        int end = Math.min(matching.size(), offset + max);
        DescribeAlarmHistoryResponse.Builder b = DescribeAlarmHistoryResponse.builder()
                .alarmHistoryItems(offset >= matching.size() ? List.of() : matching.subList(offset, end));
        if (end < matching.size()) {
            b.nextToken(PageTokens.encode(end, "DescribeAlarmHistory"));
        }
        return b.build();
    }

    /** Quotes a string as a JSON string literal. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
