package org.qicsim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ScenarioException;

/**
 * The workshop's web server on the JDK's {@code com.sun.net.httpserver}: three static pages and
 * their scripts from the jar (Chart.js from its webjar), and a small JSON API. Every request passes
 * the same gate: a fixed route table (no request path becomes a file path), a per-client request
 * limit, body size caps, same-origin JSON for every POST, a token for everything inside a room,
 * security headers on every response, and a generic 500 with a reference id for anything
 * unexpected (the stack trace goes only to the server log).
 */
public final class WorkshopServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkshopServer.class.getName());

    static final String TOKEN_HEADER = "X-Qicsim-Token";
    static final int MAX_BODY = 16 * 1024;
    static final int MAX_UPLOAD_BODY = 6 * Catalogue.MAX_UPLOAD_CHARS;

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Static files: request path → classpath resource and content type. Nothing else is served. */
    private static final Map<String, String[]> STATIC = new LinkedHashMap<>();

    static {
        String pages = "/org/qicsim/web/static/";
        STATIC.put("/", new String[] {pages + "index.html", "text/html; charset=utf-8"});
        STATIC.put("/facilitate", new String[] {pages + "facilitate.html", "text/html; charset=utf-8"});
        STATIC.put("/play", new String[] {pages + "play.html", "text/html; charset=utf-8"});
        for (String js : List.of("common.js", "site.js", "index.js", "facilitate.js", "play.js")) {
            STATIC.put("/static/" + js, new String[] {pages + js, "text/javascript; charset=utf-8"});
        }
        STATIC.put("/static/app.css", new String[] {pages + "app.css", "text/css; charset=utf-8"});
        STATIC.put("/static/chart.umd.js", new String[] {
            "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js", "text/javascript; charset=utf-8"});
    }

    private final Workshop workshop;
    private final HttpServer server;
    private final ExecutorService threads;
    private final RateLimiter limiter;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> staticCache = new java.util.concurrent.ConcurrentHashMap<>();

    private WorkshopServer(Workshop workshop, HttpServer server, ExecutorService threads) {
        this.workshop = workshop;
        this.server = server;
        this.threads = threads;
        this.limiter = new RateLimiter(workshop.settings().burst(), workshop.settings().perSecond());
    }

    /** Starts serving on {@code bind:port} (port 0: any free port). */
    public static WorkshopServer start(Workshop workshop, String bind, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "qicsim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        WorkshopServer s = new WorkshopServer(workshop, server, threads);
        server.createContext("/", s::handle);
        server.setExecutor(threads);
        server.start();
        return s;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            securityHeaders(ex);
            try {
                route(ex);
            } catch (ApiException e) {
                sendError(ex, e.status(), e.getMessage(), e.problems());
            } catch (ScenarioException e) {
                sendError(ex, 422, "not a valid design", List.of());
            } catch (IOException e) {
                if (ex.getResponseCode() != -1) {
                    // The client went away (closed the tab) while the answer was being sent: nothing to do.
                    LOG.log(Level.FINE, "i/o with client", e);
                } else {
                    internalError(ex, e);
                }
            } catch (Exception | Error e) {
                internalError(ex, e);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not answer a client", e);
        }
    }

    /** A generic 500 with a reference id; the trace goes only to the server log, under that id. */
    private void internalError(HttpExchange ex, Throwable e) throws IOException {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "request " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                + " failed (reference " + reference + ")", e);
        sendError(ex, 500, "internal error (reference " + reference + "; the details are in the server log)", List.of());
    }

    private void securityHeaders(HttpExchange ex) {
        var h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
    }

    private void route(HttpExchange ex) throws Exception {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path.length() > 200) {
            throw new ApiException(414, "request path too long");
        }
        if (!path.startsWith("/api/")) {
            limit(ip(ex));
            serveStatic(ex, path, method);
            return;
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length == 2 && parts[1].equals("scenarios")) {
            limit(ip(ex));
            requireMethod(method, "GET");
            List<Map<String, String>> out = new java.util.ArrayList<>();
            for (Catalogue.Entry e : workshop.catalogue().entries()) {
                out.add(Map.of("id", e.id(), "name", e.name(), "description", e.description()));
            }
            sendJson(ex, 200, Map.of("scenarios", out, "maxUploadChars", Catalogue.MAX_UPLOAD_CHARS));
            return;
        }
        if (parts.length == 2 && parts[1].equals("rooms")) {
            limit(ip(ex));
            requireMethod(method, "POST");
            Map<String, Object> body = body(ex, MAX_UPLOAD_BODY);
            Session s = workshop.create(string(body, "scenario", 100), string(body, "upload",
                    Catalogue.MAX_UPLOAD_CHARS + 1));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("room", s.room());
            out.put("token", s.facilitatorToken());
            out.put("joinPath", "/play?room=" + s.room());
            sendJson(ex, 201, out);
            return;
        }
        if (parts.length == 4 && parts[1].equals("rooms")) {
            room(ex, parts[2], parts[3], method);
            return;
        }
        limit(ip(ex));
        throw ApiException.notFound("no such API");
    }

    private void room(HttpExchange ex, String code, String action, String method) throws Exception {
        String token = ex.getRequestHeaders().getFirst(TOKEN_HEADER);
        Session s;
        try {
            s = workshop.session(code);
        } catch (ApiException e) {
            limit(ip(ex));
            throw e;
        }
        boolean facilitator = s.isFacilitator(token);
        Participant participant = facilitator ? null : s.participant(token);
        limit(facilitator || participant != null ? "token:" + token : ip(ex));
        if (action.equals("join")) {
            requireMethod(method, "POST");
            Map<String, Object> body = body(ex, MAX_BODY);
            Participant p = s.join(string(body, "name", 100), workshop.tokens().token());
            sendJson(ex, 201, Map.of("token", p.token(), "name", p.name()));
            return;
        }
        if (!facilitator && participant == null) {
            throw new ApiException(403, "join the room first (your page has no valid token for it)");
        }
        switch (action) {
            case "state" -> {
                requireMethod(method, "GET");
                sendJson(ex, 200, s.state(participant, facilitator));
            }
            case "levers" -> {
                requireMethod(method, "GET");
                sendJson(ex, 200, Map.of("levers", s.levers(), "budget", s.budget()));
            }
            case "price" -> {
                requireMethod(method, "POST");
                sendJson(ex, 200, s.price(levers(body(ex, MAX_BODY))));
            }
            case "designs" -> {
                requireMethod(method, "POST");
                if (participant == null) {
                    throw new ApiException(403, "only participants submit designs");
                }
                s.submit(participant, levers(body(ex, MAX_BODY)));
                sendJson(ex, 202, Map.of("queued", true));
            }
            case "round" -> startOrEnd(ex, method, facilitator,
                    body -> s.startRound(integer(body, "replicates"), number(body, "budget"), integer(body, "minutes")),
                    s::endCurrentRound);
            case "site" -> startOrEnd(ex, method, facilitator, body -> s.startSiteRound(integer(body, "cycleSeconds")),
                    s::endSiteRound);
            case "respond" -> {
                requireMethod(method, "POST");
                if (participant == null) {
                    throw new ApiException(403, "only participants answer their hospital's report");
                }
                Map<String, Object> body = body(ex, MAX_BODY);
                s.respond(participant, string(body, "response", 20), string(body, "effort", 20));
                sendJson(ex, 200, Map.of("ok", true));
            }
            case "gaming" -> {
                requireMethod(method, "POST");
                if (participant == null) {
                    throw new ApiException(403, "only participants answer their hospital's gaming decision");
                }
                s.game(participant, string(body(ex, MAX_BODY), "gaming", 20));
                sendJson(ex, 200, Map.of("ok", true));
            }
            case "debrief" -> {
                requireMethod(method, "POST");
                if (!facilitator) {
                    throw new ApiException(403, "only the facilitator chooses the design to attribute");
                }
                s.attribute(integer(body(ex, MAX_BODY), "design"));
                sendJson(ex, 202, Map.of("queued", true));
            }
            case "site-debrief" -> {
                requireMethod(method, "POST");
                if (!facilitator) {
                    throw new ApiException(403, "only the facilitator asks for the site round's attribution");
                }
                Map<String, Object> body = body(ex, MAX_BODY);
                s.attributeSite(integer(body, "design"), body.get("replicates") == null ? null
                        : integer(body, "replicates"));
                sendJson(ex, 202, Map.of("queued", true));
            }
            case "results.zip" -> {
                requireMethod(method, "GET");
                Round r = s.round();
                Path zip = r == null ? null : r.zip();
                if (zip == null) {
                    throw ApiException.notFound("no finished round yet");
                }
                sendZip(ex, zip, "qicsim-workshop-" + s.room().toLowerCase(Locale.ROOT) + "-round" + r.number());
            }
            case "site-results.zip" -> {
                requireMethod(method, "GET");
                SiteRound r = s.siteRound();
                Path zip = r == null ? null : r.zip();
                if (zip == null) {
                    throw ApiException.notFound("no finished site-mode round yet");
                }
                sendZip(ex, zip, "qicsim-workshop-" + s.room().toLowerCase(Locale.ROOT) + "-site-round" + r.number());
            }
            default -> throw ApiException.notFound("no such API");
        }
    }

    /** Sends a results zip as a download named {@code name}.zip (the name holds only the room code and numbers). */
    private static void sendZip(HttpExchange ex, Path zip, String name) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/zip");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
        ex.sendResponseHeaders(200, Files.size(zip));
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(zip, out);
        }
    }

    private void limit(String client) {
        if (!limiter.allow(client, System.nanoTime())) {
            throw ApiException.tooMany("too many requests; slow down and try again in a few seconds");
        }
    }

    private static String ip(HttpExchange ex) {
        return "ip:" + ex.getRemoteAddress().getAddress().getHostAddress();
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "use " + allowed);
        }
    }

    private void serveStatic(HttpExchange ex, String path, String method) throws IOException {
        String[] file = STATIC.get(path);
        if (file == null) {
            throw ApiException.notFound("not found");
        }
        requireMethod(method, "GET");
        byte[] bytes = staticCache.computeIfAbsent(path, p -> read(file[0]));
        ex.getResponseHeaders().set("Content-Type", file[1]);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = WorkshopServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * The JSON object of a POST: same-origin (an {@code Origin} header, when sent, must name this
     * host), {@code Content-Type: application/json} (a cross-site form cannot send it without a
     * preflight this server never grants), at most {@code max} bytes.
     */
    /** What a round route does with the facilitator's {@code start}. */
    @FunctionalInterface
    private interface RoundStart {
        void start(Map<String, Object> body) throws ScenarioException;
    }

    /** What a round route does with the facilitator's {@code end}. */
    @FunctionalInterface
    private interface RoundEnd {
        void end();
    }

    /** A round route (design or site mode): the facilitator's {@code {action: start | end}}. */
    private void startOrEnd(HttpExchange ex, String method, boolean facilitator, RoundStart start, RoundEnd end)
            throws IOException, ScenarioException {
        requireMethod(method, "POST");
        if (!facilitator) {
            throw new ApiException(403, "only the facilitator starts and ends rounds");
        }
        Map<String, Object> body = body(ex, MAX_BODY);
        String what = string(body, "action", 10);
        if ("start".equals(what)) {
            start.start(body);
        } else if ("end".equals(what)) {
            end.end();
        } else {
            throw ApiException.badRequest("action must be start or end");
        }
        sendJson(ex, 200, Map.of("ok", true));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(HttpExchange ex, int max) throws IOException {
        var h = ex.getRequestHeaders();
        String type = h.getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send JSON (Content-Type: application/json)");
        }
        String origin = h.getFirst("Origin");
        String host = h.getFirst("Host");
        if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            throw new ApiException(403, "cross-origin requests are refused");
        }
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiException(403, "cross-site requests are refused");
        }
        String length = h.getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > max) {
                    throw new ApiException(413, "request body larger than " + max + " bytes");
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bad Content-Length");
            }
        }
        byte[] bytes = ex.getRequestBody().readNBytes(max + 1);
        if (bytes.length > max) {
            throw new ApiException(413, "request body larger than " + max + " bytes");
        }
        try {
            Object value = json.readValue(bytes, Object.class);
            if (!(value instanceof Map)) {
                throw ApiException.badRequest("the request body must be a JSON object");
            }
            return (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> levers(Map<String, Object> body) {
        Object levers = body.get("levers");
        if (!(levers instanceof Map)) {
            throw ApiException.badRequest("levers must be a JSON object of lever paths to values");
        }
        return (Map<String, Object>) levers;
    }

    private static String string(Map<String, Object> body, String key, int maxLength) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiException.badRequest(key + " must be a string");
        }
        if (s.length() > maxLength) {
            throw new ApiException(413, key + " is longer than " + (maxLength - (key.equals("upload") ? 1 : 0))
                    + " characters");
        }
        return s;
    }

    private static int integer(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (!(v instanceof Integer i)) {
            throw ApiException.badRequest(key + " must be a whole number");
        }
        return i;
    }

    private static double number(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw ApiException.badRequest(key + " must be a number");
        }
        return n.doubleValue();
    }

    private void sendError(HttpExchange ex, int status, String message, List<Problem> problems) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", message);
        if (!problems.isEmpty()) {
            List<Map<String, Object>> list = new java.util.ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", p.file());
                m.put("line", p.line());
                m.put("column", p.column());
                m.put("path", p.path());
                m.put("message", p.message());
                // A lever has no file or line: say which lever, as the form labels it.
                m.put("text", p.file().startsWith("lever ") ? p.path() + ": " + p.message() : p.format());
                list.add(m);
            }
            out.put("problems", list);
        }
        sendJson(ex, status, out);
    }

    private void sendJson(HttpExchange ex, int status, Object value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
