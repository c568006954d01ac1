package dev.tapedeck.benchmarks.calls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * AnchorBrowser-shaped answers as the sandbox writes them, rendered once from a fixed seed: history pages of
 * {@code GET /v1/sessions} (every field Anchor documents, {@code user_configuration} included) and one recording
 * list of {@code GET /v1/sessions/{id}/recordings}.
 */
final class AnchorData {

    /** Sessions per history page: Anchor's largest page. */
    static final int PAGE_SIZE = 50;

    private static final String[] STATUSES = {"completed", "completed", "completed", "failed", "running"};
    private static final String[] TAGS = {"production", "price-monitor", "checkout", "nightly", "eu-west"};
    private static final String[] DOMAINS = {"shop.example.com", "news.example.org", "login.example.net"};

    private AnchorData() {
    }

    /** Page {@code page} (from 1) of a history of {@code pages} pages, newest first. */
    static byte[] historyPage(int page, int pages) {
        Random random = new Random(page);
        Instant newest = Instant.parse("2026-03-09T12:00:00Z");
        StringBuilder json = new StringBuilder(40_000).append("{\"data\":{\"sessions\":[");
        for (int i = 0; i < PAGE_SIZE; i++) {
            long index = (long) (page - 1) * PAGE_SIZE + i;
            if (i > 0) {
                json.append(',');
            }
            session(json, index, newest.minus(index * 37, ChronoUnit.SECONDS).plusMillis(random.nextInt(1000)),
                    random);
        }
        long total = (long) pages * PAGE_SIZE;
        json.append("],\"total\":").append(total).append(",\"page\":").append(page).append(",\"total_pages\":")
                .append(pages).append("}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void session(StringBuilder json, long index, Instant created, Random random) {
        String status = STATUSES[random.nextInt(STATUSES.length)];
        boolean running = status.equals("running");
        boolean proxy = random.nextBoolean();
        json.append("{\"id\":\"").append(uuid(index)).append("\",\"status\":\"").append(status)
                .append("\",\"tags\":[\"").append(TAGS[random.nextInt(TAGS.length)]).append("\",\"")
                .append(TAGS[random.nextInt(TAGS.length)]).append("\"],\"headless\":").append(random.nextBoolean())
                .append(",\"recording\":true,\"used_credits\":")
                .append(running ? "\"N/A\"" : random.nextInt(500) + "." + random.nextInt(10))
                .append(",\"proxy_bytes\":").append(proxy ? Long.toString(random.nextInt(50_000_000)) : "null")
                .append(",\"proxy_type\":").append(proxy ? "\"anchor_residential\"" : "null")
                .append(",\"steps\":").append(random.nextInt(120))
                .append(",\"duration\":").append(running ? "null" : Integer.toString(random.nextInt(3600)))
                .append(",\"created_at\":\"").append(created.truncatedTo(ChronoUnit.MILLIS)).append('"')
                .append(",\"user_configuration\":{\"session\":{\"idle_timeout\":300,\"recording\":{\"active\":true},"
                        + "\"proxy\":{\"active\":").append(proxy).append(proxy ? ",\"type\":\"anchor_residential\"" : "")
                .append("}},\"browser\":{\"headless\":{\"active\":false},\"extra_stealth\":{\"active\":")
                .append(random.nextBoolean()).append("},\"profile\":{\"name\":\"profile-")
                .append(random.nextInt(20)).append("\"}}}")
                .append(",\"task_initiated\":").append(random.nextBoolean())
                .append(",\"task_executions_count\":").append(random.nextInt(5))
                .append(",\"api_key_name\":\"ci-key-").append(random.nextInt(4)).append('"')
                .append(",\"browser_ip\":\"203.0.113.").append(random.nextInt(255)).append('"')
                .append(",\"domains\":[\"").append(DOMAINS[random.nextInt(DOMAINS.length)]).append("\"]}");
    }

    /** The recordings of one session: the primary MP4 and two tab recordings on a media host. */
    static byte[] recordingList(String mediaBase) {
        StringBuilder json = new StringBuilder(2_000).append("{\"data\":{\"count\":3,\"items\":[");
        for (int i = 1; i <= 3; i++) {
            if (i > 1) {
                json.append(',');
            }
            json.append("{\"id\":\"rec_").append(i).append("\",\"is_primary\":").append(i == 1)
                    .append(",\"file_link\":\"").append(mediaBase).append("/media/rec_").append(i)
                    .append(".mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=")
                    .append("0123456789abcdef".repeat(4)).append("\",\"suggested_file_name\":\"tab-").append(i)
                    .append(".mp4\",\"duration\":\"00:0").append(i).append(":3").append(i)
                    .append("\",\"size\":").append(1_000_000 * i).append(",\"created_at\":\"2026-03-09T12:3")
                    .append(i).append(":56.789Z\"}");
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String uuid(long index) {
        return String.format("5e55%04x-%04x-4000-8000-%012x", index >>> 16 & 0xffff, index & 0xffff, index * 7919);
    }
}
