package dev.tapedeck.benchmarks.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two JDK transports a Feign client can sit on, bare, on the list-recordings call: {@link HttpURLConnection}
 * (Feign's default client) and {@code java.net.http.HttpClient} (what {@code feign-java11} adapts), each with no
 * redirects and the same timeouts, the body parsed by Jackson from the stream. A Feign client on a transport cannot
 * be faster than the transport alone, so this says which one is worth building on.
 */
@State(Scope.Benchmark)
public class TransportBenchmark {

    private StaticServer server;
    private URI list;
    private HttpClient client;
    private HttpRequest request;
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = StaticServer.start(1);
        list = server.baseUrl().resolve("/v1/sessions/sess_0001/recordings");
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        request = HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(60))
                .header("anchor-api-key", StaticServer.API_KEY).header("Accept", "application/json").build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /** Feign's default transport. */
    @Benchmark
    public JsonNode urlConnection() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) list.toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        connection.setRequestProperty("anchor-api-key", StaticServer.API_KEY);
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream body = connection.getInputStream()) {
            return mapper.readTree(body);
        }
    }

    /** The JDK's HttpClient, as feign-java11 uses it. */
    @Benchmark
    public JsonNode httpClient() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return mapper.readTree(body);
        }
    }
}
