using Anju.Host.Calendars;
using Anju.Host.Features;
using Anju.Host.Features.Assessments;
using Anju.Host.Features.Auth;
using Anju.Host.Features.Health;
using Anju.Host.Features.Notifications;
using Anju.Host.Features.Registry;
using Anju.Host.Features.Voting;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.OpenApi;
using Anju.Host.Persistence;
using Anju.Host.Procedures;
using Anju.Host.Problems;
using Anju.Host.Requests;
using Anju.Host.Security;
using Anju.Host.Seeding;
using Anju.Host.Telemetry;
using Anju.Host.WebConsole;

// Anju's Host: the HTTP API of docs/design/api.md in front of the engine. Read top to bottom.
AnjuStartupException.ExitCleanlyWhenUnhandled(); // a start-up failure is one line on stderr and exit code 1
var builder = WebApplication.CreateBuilder(args);
builder.AddAnjuStorage();        // SQLite file (default) or PostgreSQL; the engine and its job executor
builder.AddAnjuIdentity();       // accounts, bearer tokens and cookies, roles
builder.AddAnjuHardening();      // no Server header, Secure cookies, keys encrypted at rest, token lifetime cap
builder.AddAnjuLoginProtection(); // sign-in rate limits, lockout per account and client, login body cap
builder.AddAnjuProblems();       // RFC 7807 everywhere, Chinese by default
builder.AddAnjuTelemetry();      // structured logs, OpenTelemetry traces and metrics
builder.AddAnjuProcedures();     // the generic handlers definitions/*.bpmn call (set variables, start a process, ...)
builder.AddAnjuCalendar();       // the working-day calendar the engine's deadlines use
builder.AddAnjuRegistry();       // registry lookups and routing handlers; violation categories
builder.AddAnjuAssessments();    // the quarterly assessment's handlers
builder.AddAnjuNotifications();  // notify and notice handlers; new-task notifications; hand-over to SMS/WeChat channels
builder.AddAnjuVoting();         // owners' ballots: the openBallot service task and the closing scan
builder.Services.AddSingleton<JurisdictionDirectory>();
builder.Services.AddSingleton<Anju.Host.Features.Migrations.MigrationBatches>(); // background migration batches
builder.AddAnjuOpenApi();        // /openapi/v1.json: the console's API types are generated from it

var app = builder.Build();
await app.InitializeAnjuAsync(); // migrations, reference data, accounts, definitions/*.bpmn

app.UseAnjuHardening();          // CSP, nosniff, no framing, no referrer on every response
app.UseAnjuProblems();
app.UseRouting();
app.UseAnjuRequestBodyLimits();  // each route's body limit (Anju:Limits), before anything reads the body
app.UseAnjuLoginProtection();    // rate limiter and the login body cap (after routing: they go by endpoint)
app.UseRequestLogScope();        // instance, task and job ids in every log line of a request
app.UseAuthentication();
app.UseCredentialCheck();        // deleted, locked, logged-out or changed users' tokens and cookies stop working
app.UseAuthorization();
app.MapAnjuApiReference();         // /openapi/v1.json and /scalar: administrators only outside Development
app.MapHealth();
app.MapGroup("/api").MapAnjuApi();
app.MapAnjuConsole();              // the web console (src/Designer/dist) at "/", when built

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
