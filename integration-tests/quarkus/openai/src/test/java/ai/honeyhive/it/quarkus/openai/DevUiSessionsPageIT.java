package ai.honeyhive.it.quarkus.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.OpenAiStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.QuarkusDevModeTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's Dev UI page in a real browser: the application runs in Quarkus dev mode, answers two questions
 * through its {@code @Traced} bean and the instrumented openai-java client, and headless Chromium opens the page
 * "Sessions" of the HoneyHive card. Both requests' sessions must be listed, and the model event of the one picked
 * shown with its model and chat. The screenshot is kept at {@code target/dev-ui/honeyhive-sessions.png}.
 */
class DevUiSessionsPageIT {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);
    private static final OpenAiStandIn OPENAI = OpenAiStandIn.start();
    private static final int PORT = freePort();
    // This run's events only: the page lists every session in the local sink's file.
    private static final Path EVENTS = freshFile(Path.of("target", "dev-ui", "events.jsonl"));

    @RegisterExtension
    static final QuarkusDevModeTest DEV_MODE = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(AdviceResource.class, Advisor.class, OpenAiClients.class)
                    .addAsResource(
                            new StringAsset(String.join(
                                    "\n",
                                    "honeyhive.project=dev-ui-it",
                                    "advisor.openai.base-url=" + OPENAI.baseUrl(),
                                    "honeyhive.local-sink=" + EVENTS.toAbsolutePath(),
                                    "quarkus.http.port=" + PORT)),
                            "application.properties"));

    // Deep text of the page: Dev UI pages are web components, whose content lives in shadow roots.
    private static final String PAGE_TEXT =
            """
            (() => {
              const walk = root => {
                let text = (root === document ? document.documentElement?.innerText : root.textContent) || '';
                for (const element of root.querySelectorAll('*')) {
                  if (element.shadowRoot) { text += ' ' + walk(element.shadowRoot); }
                }
                return text;
              };
              return walk(document);
            })()""";

    // Picks a session as a user does: a click on the grid cell that shows its id.
    private static final String CLICK_SESSION =
            """
            ((sessionId) => {
              const find = root => {
                for (const element of root.querySelectorAll('*')) {
                  if (element.localName === 'vaadin-grid-cell-content' && element.textContent.includes(sessionId)) {
                    return element;
                  }
                  if (element.shadowRoot) { const hit = find(element.shadowRoot); if (hit) { return hit; } }
                }
                return null;
              };
              const cell = find(document);
              if (cell) { cell.click(); }
              return cell !== null;
            })('%s')""";

    // The rows of the HoneyHive page's grid: one a session.
    private static final String SESSION_ROWS =
            """
            (() => {
              const find = root => {
                for (const element of root.querySelectorAll('*')) {
                  if (element.localName === 'qwc-honeyhive-sessions') { return element; }
                  if (element.shadowRoot) { const hit = find(element.shadowRoot); if (hit) { return hit; } }
                }
                return null;
              };
              const grid = find(document)?.shadowRoot.querySelector('vaadin-grid');
              return grid ? grid.items.length : -1;
            })()""";

    private static final String DISMISS_NOTIFICATIONS =
            """
            (() => {
              document.querySelectorAll('vaadin-notification-card, vaadin-notification-container')
                  .forEach(element => element.remove());
              return true;
            })()""";

    // The links of the page (with their text), as the extensions page shows them on each card.
    private static final String LINKS =
            """
            (() => {
              const links = [];
              const walk = root => {
                for (const element of root.querySelectorAll('*')) {
                  const target = element.getAttribute('href') || element.getAttribute('path') || element.path;
                  if (typeof target === 'string' && target.length > 0) {
                    links.push(target + ' ' + (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60));
                  }
                  if (element.shadowRoot) { walk(element.shadowRoot); }
                }
              };
              walk(document);
              return links.join('\\n');
            })()""";

    /** Set by {@code .ci/run} once it has a Chromium. */
    private static final String CHROMIUM_REQUIRED = "HONEYHIVE_CHROMIUM_REQUIRED";

    @AfterAll
    static void stopStandIn() {
        OPENAI.close();
    }

    @Test
    void thePageListsTheSessionsOfRequestsJustMadeAndTheModelEventOfThePickedOne() throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        // CI installs a browser and says so: there, a Chromium not found is a failure, never a skip.
        assertThat(chromium != null || !"true".equals(System.getenv(CHROMIUM_REQUIRED)))
                .as(CHROMIUM_REQUIRED + " is true, but no Chromium was found (CHROMIUM, or chromium on the PATH)")
                .isTrue();
        Assumptions.assumeTrue(
                chromium != null,
                "No Chromium on this machine: .ci/run installs Debian's chromium package; set CHROMIUM or put"
                        + " chromium on the PATH to run this test");
        List<String> sessions = new ArrayList<>();
        sessions.add(ask("How long do refunds take?"));
        sessions.add(ask("Can I get a gift card instead?"));

        try (HeadlessChromium browser = HeadlessChromium.start(chromium, 1400, 1000)) {
            String page = "http://localhost:" + PORT + "/q/dev-ui/quarkus-honeyhive/sessions";
            String listed = renderUntil(browser, page, text -> sessions.stream().allMatch(text::contains));
            assertThat(listed).contains(sessions).contains("test mode: nothing is sent");
            assertThat(browser.evaluate(SESSION_ROWS).asInt())
                    .as("sessions listed")
                    .isEqualTo(sessions.size());

            assertThat(browser.evaluate(CLICK_SESSION.formatted(sessions.get(0)))
                            .asBoolean())
                    .as("the grid shows a cell with session %s", sessions.get(0))
                    .isTrue();
            String picked = waitFor(browser, text -> text.contains("[model]"));
            assertThat(picked)
                    .contains("Advisor.advise [chain]")
                    .contains("[model]")
                    .contains("model " + Advisor.MODEL)
                    .contains("How long do refunds take?");
            // Dev UI's own notices (its extension manager needs a Maven build, which a dev-mode test has not) would
            // cover the page in the picture.
            browser.evaluate(DISMISS_NOTIFICATIONS);
            browser.screenshot(Path.of("target", "dev-ui", "honeyhive-sessions.png"));
        }
    }

    /** One question through the application's REST endpoint; the session its request ran in. */
    private static String ask(String question) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/advice?q="
                                        + URLEncoder.encode(question, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-Session-ID").orElseThrow();
    }

    /** Opens the page again until its text shows what is expected: sessions appear once their spans are exported. */
    private static String renderUntil(HeadlessChromium browser, String url, Predicate<String> shown)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RENDER_TIMEOUT);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            browser.navigate(url);
            Instant reload = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(reload)) {
                text = pageText(browser);
                if (shown.test(text)) {
                    return text;
                }
                Thread.sleep(250);
            }
        }
        String links = browser.evaluate(LINKS).asText();
        throw new AssertionError("The Dev UI page did not show what was expected in " + RENDER_TIMEOUT + ":\n" + text
                + "\nIts links:\n" + links);
    }

    private static String waitFor(HeadlessChromium browser, Predicate<String> shown) throws InterruptedException {
        Instant deadline = Instant.now().plus(RENDER_TIMEOUT);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = pageText(browser);
            if (shown.test(text)) {
                return text;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The Dev UI page did not show what was expected in " + RENDER_TIMEOUT + ":\n" + text);
    }

    private static String pageText(HeadlessChromium browser) {
        JsonNode value = browser.evaluate(PAGE_TEXT);
        return value.isTextual() ? value.asText() : "";
    }

    private static Path freshFile(Path file) {
        try {
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
