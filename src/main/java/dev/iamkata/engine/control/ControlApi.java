package dev.iamkata.engine.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Authenticator;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.clock.Durations;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceData;
import dev.iamkata.engine.state.Snapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The engine's own API under {@code /_kata/}, a path no AWS service uses: health, the virtual
 * clock, snapshot/restore/reset and the accounts' admin keys. Everything that changes or reveals
 * state must be SigV4-signed for the service {@code kata} by a principal whose policies allow the
 * route's {@code kata:} action (the admin's AdministratorAccess does).
 *
 * <p>Routes that act on the whole engine (the clock, a whole-engine snapshot, restore or reset,
 * creating accounts) are for the root account's principals only (the engine's first account); any
 * other account's admin may reset, snapshot and restore only its own account ({@code ?account=ID})
 * and lists only itself. That is what keeps workshop learners apart.
 *
 * <p>Tenants ({@link EngineState}): {@code POST accounts} with {@code tenant=T} puts the new
 * account in tenant T; {@code POST clock/advance} with {@code tenant=T} moves only T's clock;
 * {@code GET clock?tenant=T} or {@code ?account=ID} shows a tenant's time; {@code GET
 * snapshot?tenant=T} (root only) is one tenant's world, which merges with others into a
 * whole-engine snapshot.
 */
public final class ControlApi {
  /** The signing name of control requests. */
  public static final String SIGNING_NAME = "kata";

  public static final String PREFIX = "/_kata/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Authenticator authenticator;
  private final Authorizer authorizer;
  private final VirtualClock clock;
  private final EngineState state;
  private final Supplier<EngineState> initialState;
  private final Supplier<List<Map<String, String>>> accounts;
  private final List<ServiceData> services;
  private final AccountScopes scopes;
  private final String rootAccount;
  private final Map<String, Route> routes = new LinkedHashMap<>();

  /** Who may call a route: anyone, the root account only, or an account's own admin. */
  private enum Scope {
    ANYONE,
    ROOT,
    OWN_ACCOUNT
  }

  private record Route(
      String action, Scope scope, BiFunction<HttpRequest, Caller, HttpResponse> handler) {}

  public ControlApi(
      Authenticator authenticator,
      Authorizer authorizer,
      VirtualClock clock,
      EngineState state,
      Supplier<EngineState> initialState,
      Supplier<List<Map<String, String>>> accounts,
      List<ServiceData> services,
      AccountScopes scopes,
      String rootAccount) {
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.clock = clock;
    this.state = state;
    this.initialState = initialState;
    this.accounts = accounts;
    this.services = List.copyOf(services);
    this.scopes = scopes;
    this.rootAccount = rootAccount;
    routes.put(
        "GET health", new Route(null, Scope.ANYONE, (r, c) -> json(200, Map.of("status", "ok"))));
    routes.put("GET clock", new Route(null, Scope.ANYONE, (r, c) -> clock(r)));
    routes.put("POST clock/advance", new Route("kata:AdvanceClock", Scope.ROOT, this::advance));
    routes.put("GET snapshot", new Route("kata:Snapshot", Scope.OWN_ACCOUNT, this::snapshot));
    routes.put("POST restore", new Route("kata:Restore", Scope.OWN_ACCOUNT, this::restore));
    routes.put("POST reset", new Route("kata:Reset", Scope.OWN_ACCOUNT, this::reset));
    routes.put("GET accounts", new Route("kata:ListAccounts", Scope.ANYONE, this::listAccounts));
    routes.put("POST accounts", new Route("kata:CreateAccount", Scope.ROOT, this::createAccount));
  }

  public HttpResponse handle(HttpRequest request) {
    String path = request.rawPath().substring(PREFIX.length());
    Route route = routes.get(request.method() + " " + path);
    if (route == null) {
      return error(404, "NotFound", "no control route " + request.method() + " /_kata/" + path);
    }
    try {
      Caller caller = null;
      if (route.action() != null) {
        caller = authenticator.authenticate(request, SIGNING_NAME, null);
        authorizer.authorize(caller, route.action(), "*");
        checkScope(route, caller, account(request));
      }
      return route.handler().apply(request, caller);
    } catch (AwsException e) {
      return error(e.error().status(), e.error().code(), e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(400, "InvalidInput", e.getMessage());
    }
  }

  private void checkScope(Route route, Caller caller, String account) {
    if (rootAccount.equals(caller.account())) {
      return;
    }
    boolean allowed =
        route.scope() == Scope.ANYONE
            || (route.scope() == Scope.OWN_ACCOUNT && caller.account().equals(account));
    if (!allowed) {
      throw new AwsException(
          AwsError.ACCESS_DENIED,
          "User: "
              + caller.arn()
              + " is not authorized to perform: "
              + route.action()
              + (account == null ? " on the whole engine" : " on account " + account));
    }
  }

  /** The {@code account} query parameter, or null. */
  private static String account(HttpRequest request) {
    return parse(request.rawQuery()).get("account");
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private HttpResponse listAccounts(HttpRequest request, Caller caller) {
    if (rootAccount.equals(caller.account())) {
      return json(200, accounts.get());
    }
    return json(
        200,
        accounts.get().stream().filter(a -> caller.account().equals(a.get("account"))).toList());
  }

  private HttpResponse createAccount(HttpRequest request, Caller caller) {
    AccountScopes.Created created = scopes.create(request.formParameters().get("tenant"));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("account", created.accountId());
    body.put("adminKey", created.adminKey().toString());
    return json(200, body);
  }

  /** Moves the engine's clock, or with {@code tenant=T} only that tenant's. */
  private HttpResponse advance(HttpRequest request, Caller caller) {
    Map<String, String> form = request.formParameters();
    String text = form.get("duration");
    if (text == null) {
      throw new IllegalArgumentException("missing the duration parameter, e.g. duration=1h");
    }
    Duration by = Durations.parse(text);
    String tenant = form.get("tenant");
    if (tenant != null && !tenant.isEmpty()) {
      state.advanceTenant(tenant, by);
      return clockBody(tenant);
    }
    clock.advance(by);
    return clockBody(EngineState.DEFAULT_TENANT);
  }

  /** The clock of {@code ?tenant=T}, of {@code ?account=ID}'s tenant, or the engine's. */
  private HttpResponse clock(HttpRequest request) {
    Map<String, String> query = parse(request.rawQuery());
    String tenant = query.get("tenant");
    if (tenant == null) {
      tenant = state.tenantOf(query.get("account"));
    }
    return clockBody(tenant);
  }

  private HttpResponse clockBody(String tenant) {
    Duration ahead = state.tenantOffset(tenant);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "now",
        clock.instant().plus(ahead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    body.put("offsetSeconds", clock.offset().plus(ahead).toSeconds());
    return json(200, body);
  }

  private HttpResponse snapshot(HttpRequest request, Caller caller) {
    String account = account(request);
    if (account != null) {
      return new HttpResponse(
          200, Map.of("Content-Type", "application/json"), scopes.snapshot(account));
    }
    String tenant = parse(request.rawQuery()).get("tenant");
    if (tenant != null) {
      return new HttpResponse(
          200,
          Map.of("Content-Type", "application/json"),
          Snapshots.takeTenant(state, services, tenant));
    }
    return new HttpResponse(
        200, Map.of("Content-Type", "application/json"), Snapshots.take(state, services));
  }

  private HttpResponse restore(HttpRequest request, Caller caller) {
    String account = account(request);
    if (account != null) {
      scopes.restore(account, request.body());
      return json(200, Map.of("restored", true, "account", account));
    }
    Snapshots.restore(state, services, request.body());
    return json(200, Map.of("restored", true));
  }

  private HttpResponse reset(HttpRequest request, Caller caller) {
    String account = account(request);
    if (account != null) {
      scopes.reset(account);
      return json(200, Map.of("reset", true, "account", account));
    }
    Snapshots.reset(state, services, initialState.get());
    return json(200, Map.of("reset", true));
  }

  private static HttpResponse error(int status, String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    return json(status, body);
  }

  private static HttpResponse json(int status, Object body) {
    try {
      return new HttpResponse(
          status,
          Map.of("Content-Type", "application/json"),
          JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
