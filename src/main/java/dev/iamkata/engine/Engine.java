package dev.iamkata.engine;

import dev.iamkata.engine.auth.Authenticator;
import dev.iamkata.engine.auth.Sealer;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.authz.ParsedPolicies;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.cloudtrail.CloudTrailService;
import dev.iamkata.engine.cloudtrail.Trail;
import dev.iamkata.engine.control.AccountScopes;
import dev.iamkata.engine.control.ControlApi;
import dev.iamkata.engine.dynamodb.DynamoDbService;
import dev.iamkata.engine.ec2.Ec2Service;
import dev.iamkata.engine.http.EngineServer;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.http.Router;
import dev.iamkata.engine.iam.IamService;
import dev.iamkata.engine.iam.PolicyValidator;
import dev.iamkata.engine.lambda.LambdaService;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.ServiceCalls;
import dev.iamkata.engine.protocol.ec2.Ec2Protocol;
import dev.iamkata.engine.protocol.json.JsonProtocol;
import dev.iamkata.engine.protocol.query.QueryProtocol;
import dev.iamkata.engine.s3.S3Service;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceData;
import dev.iamkata.engine.state.Snapshots;
import dev.iamkata.engine.sts.ServiceSessions;
import dev.iamkata.engine.sts.StsService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded AWS endpoint: IAM, STS and S3 on 127.0.0.1 with SigV4 authentication, IAM policy
 * evaluation and a virtual clock. Knows nothing of lessons.
 */
public final class Engine implements AutoCloseable {
  private final EngineServer server;
  private final VirtualClock clock;
  private final EngineState state;
  private final Map<String, AccessKeyPair> adminKeys;
  private final CompletableFuture<Wired> wired;

  private Engine(
      EngineServer server,
      VirtualClock clock,
      EngineState state,
      Map<String, AccessKeyPair> adminKeys,
      CompletableFuture<Wired> wired) {
    this.server = server;
    this.clock = clock;
    this.state = state;
    this.adminKeys = adminKeys;
    this.wired = wired;
  }

  /**
   * Creates the accounts, binds the port and starts serving. The services are wired on a background
   * thread while the port is already open, so the engine is ready in well under a second; a request
   * that arrives before the wiring is done waits for it.
   */
  public static Engine start(EngineConfig config) throws IOException {
    return start(config, java.net.InetAddress.getLoopbackAddress());
  }

  /** As {@link #start(EngineConfig)}, bound to {@code address} (a workshop's {@code --bind}). */
  public static Engine start(EngineConfig config, java.net.InetAddress address) throws IOException {
    VirtualClock clock = new VirtualClock(config.baseClock());
    EngineState state = new EngineState();
    Map<String, AccessKeyPair> adminKeys =
        bootstrap(state, config.accounts(), config.adminKey(), clock);
    CompletableFuture<Wired> wired =
        CompletableFuture.supplyAsync(
            () -> wire(state, clock, adminKeys),
            runnable -> {
              Thread t = new Thread(runnable, "engine-wiring");
              t.setDaemon(true);
              t.start();
            });
    EngineServer server =
        EngineServer.start(
            address, config.port(), request -> wired.join().pipeline().apply(request));
    return new Engine(server, clock, state, Map.copyOf(adminKeys), wired);
  }

  /** Creates each account with its admin; the first account gets {@code firstKey} if given. */
  private static Map<String, AccessKeyPair> bootstrap(
      EngineState state, List<String> accounts, AccessKeyPair firstKey, VirtualClock clock) {
    Map<String, AccessKeyPair> adminKeys = new LinkedHashMap<>();
    for (String account : accounts) {
      AccessKeyPair given = adminKeys.isEmpty() ? firstKey : null;
      adminKeys.put(account, Bootstrap.account(state, account, given, clock.instant()));
    }
    return adminKeys;
  }

  /** The request pipeline, and the services whose resources live outside {@link EngineState}. */
  private record Wired(RequestPipeline pipeline, List<ServiceData> services) {}

  private static Wired wire(
      EngineState state, VirtualClock clock, Map<String, AccessKeyPair> adminKeys) {
    Sealer sealer = new Sealer(Sealer.newKey());
    Trail trail = new Trail();
    ParsedPolicies parsed = new ParsedPolicies();
    PolicyValidator validator = parsed::validate;
    Authorizer authorizer = new Authorizer(state, parsed);
    QueryProtocol query = new QueryProtocol();
    StsService sts = new StsService(state, authorizer, validator, sealer);
    Service stsService = sts.service(query);
    Service iamService =
        Service.of(
            "iam",
            query,
            IamService.XMLNS,
            IamService.VERSION,
            "us-east-1",
            new IamService(state, validator).operations());
    Service s3Service = new S3Service(state, authorizer).service();
    Authenticator authenticator = new Authenticator(state, clock, sts.tokens());
    List<Map<String, String>> accountList = new ArrayList<>();
    adminKeys.forEach(
        (id, key) -> accountList.add(Map.of("account", id, "adminKey", key.toString())));
    ServiceSessions serviceSessions = new ServiceSessions(state, parsed, sts.tokens(), trail);
    Ec2Service ec2 = new Ec2Service(state, authorizer);
    DynamoDbService dynamodb = new DynamoDbService(state);
    // the calls inside Lambda functions go through the router the functions are part of
    AtomicReference<ServiceCalls> internalCalls = new AtomicReference<>();
    LambdaService lambda =
        new LambdaService(
            state, authorizer, serviceSessions, authenticator::sessionCaller, internalCalls::get);
    Router router =
        new Router(
            List.of(
                dynamodb.service(JsonProtocol.DYNAMODB),
                ec2.service(new Ec2Protocol(sealer, state)),
                new CloudTrailService(trail).service(JsonProtocol.CLOUDTRAIL),
                lambda.service(),
                iamService,
                s3Service,
                stsService));
    internalCalls.set(new InternalCalls(router, authorizer, trail));
    List<ServiceData> services = List.of(dynamodb.data(), ec2.data(), lambda.data());
    ControlApi control =
        new ControlApi(
            authenticator,
            authorizer,
            clock,
            state,
            () -> {
              // a reset starts the accounts afresh with the same admin keys, and an empty trail
              trail.clear();
              EngineState fresh = new EngineState();
              adminKeys.forEach((id, key) -> Bootstrap.account(fresh, id, key, clock.instant()));
              return fresh;
            },
            () -> accountList,
            services,
            new AccountScopes(
                state,
                (id, key) -> Bootstrap.account(state, id, key, clock.instant()),
                Bootstrap.ADMIN_USER),
            adminKeys.keySet().iterator().next());
    return new Wired(
        new RequestPipeline(
            router,
            authenticator,
            authorizer,
            control,
            ec2.metadata(state, serviceSessions, sealer, clock),
            stsService,
            trail),
        services);
  }

  /** {@code http://127.0.0.1:PORT} */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  /**
   * Serves {@code request} in this process, through the same pipeline (authentication and all) as a
   * request on the port, without the HTTP round trip: for a host in the same JVM that calls the
   * engine often (a workshop saving its learners' worlds every second).
   */
  public HttpResponse handle(HttpRequest request) {
    return wired.join().pipeline().apply(request);
  }

  /**
   * The worlds of {@code tenants} as {@code GET /_kata/snapshot?tenant=T} gives each, taken in one
   * pass over the state: for a host in this process that saves many tenants every second (a
   * workshop, one tenant per learner).
   */
  public Map<String, byte[]> tenantSnapshots(Collection<String> tenants) {
    return Snapshots.takeTenants(state, wired.join().services(), tenants);
  }

  public VirtualClock clock() {
    return clock;
  }

  public EngineState state() {
    return state;
  }

  /** The admin key of {@code account}. */
  public AccessKeyPair adminKey(String account) {
    AccessKeyPair key = adminKeys.get(account);
    if (key == null) {
      throw new IllegalArgumentException("no account " + account + " in this engine");
    }
    return key;
  }

  @Override
  public void close() {
    server.close();
  }
}
