package org.qicsim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The workshop API over {@code java.net.http}, as a page's scripts call it. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(String base) {
        this.base = base;
    }

    /** A response: status and body (parsed when JSON). */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header(WorkshopServer.TOKEN_HEADER, token);
        }
        return send(b.build());
    }

    Reply post(String path, Object body, String token) throws IOException, InterruptedException {
        return postRaw(path, JSON.writeValueAsString(body), token, "application/json");
    }

    Reply postRaw(String path, String body, String token, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header(WorkshopServer.TOKEN_HEADER, token);
        }
        return send(b.build());
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers());
    }

    byte[] bytes(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header(WorkshopServer.TOKEN_HEADER, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode());
        }
        return r.body();
    }

    /** Opens a room from an upload; returns {room, token}. */
    String[] openRoom(String upload) throws IOException, InterruptedException {
        Reply r = post("/api/rooms", Map.of("upload", upload), null);
        if (r.status() != 201) {
            throw new AssertionError("open room: " + r);
        }
        return new String[] {r.json().get("room").asText(), r.json().get("token").asText()};
    }

    String join(String room, String name) throws IOException, InterruptedException {
        Reply r = post("/api/rooms/" + room + "/join", Map.of("name", name), null);
        if (r.status() != 201) {
            throw new AssertionError("join: " + r);
        }
        return r.json().get("token").asText();
    }

    Reply startRound(String room, String token, int replicates, double budget, int minutes)
            throws IOException, InterruptedException {
        return post("/api/rooms/" + room + "/round", Map.of("action", "start", "replicates", replicates,
                "budget", budget, "minutes", minutes), token);
    }

    Reply endRound(String room, String token) throws IOException, InterruptedException {
        return post("/api/rooms/" + room + "/round", Map.of("action", "end"), token);
    }

    Reply submit(String room, String token, Map<String, Object> levers) throws IOException, InterruptedException {
        return post("/api/rooms/" + room + "/designs", Map.of("levers", levers), token);
    }

    JsonNode state(String room, String token) throws IOException, InterruptedException {
        Reply r = get("/api/rooms/" + room + "/state", token);
        if (r.status() != 200) {
            throw new AssertionError("state: " + r);
        }
        return r.json();
    }

    /** Polls the state until the round is finished (or failed), up to {@code seconds}. */
    JsonNode awaitFinished(String room, String token, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode s;
        do {
            s = state(room, token);
            String phase = s.path("round").path("phase").asText();
            if (phase.equals("finished") || phase.equals("failed")) {
                return s;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        throw new AssertionError("round did not finish in " + seconds + " s: " + s);
    }
}
